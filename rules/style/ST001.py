from __future__ import annotations

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rule import Rule


class UnusedDirective(Rule):
    """An inline copydesk directive that suppresses nothing.

    What it does:
        Reports a `<!-- copydesk: disable ... -->` or `<!-- copydesk:
        ignore-next-line ... -->` comment in a Markdown file that did not suppress
        any finding in this run.

    Why it matters:
        Stale directives hide future findings and mislead readers of the source
        into thinking a problem is being tolerated there.

    Example:
        Example kind: markdown
        <!-- copydesk: ignore-next-line TP001 -->
        A line with no doubled word.

    Use instead:
        A line with no doubled word.

    Fix safety:
        No fix: remove the directive by hand, or correct its rule list.

    Options:
        none.
    """

    code = "ST001"
    name = "unused-directive"
    category = Category.STYLE
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE

    reads_directives = True

    def check(self, doc):
        return ()  # the directives are judged in check_directives, after suppression

    def check_directives(self, doc, directives):
        for d in directives:
            if not d.used and d.kind != "enable":
                what = ", ".join(d.selectors) or "all rules"
                yield self.diagnostic(
                    d.start,
                    d.end,
                    f"this directive ({d.kind}: {what}) suppresses nothing; remove it",
                )
