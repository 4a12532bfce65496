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

    def check(self, doc):
        # The engine reports unused directives after suppression has run.
        return ()
