from __future__ import annotations

import regex

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rules.support.quality import Thresholds
from linter.rule import Option, Rule
from linter.rules.support.patterns import lazy

_T = Thresholds()
_LOREM_RE = lazy(r"\blorem\s+ipsum\b", regex.IGNORECASE)


class LoremIpsum(Rule):
    """Placeholder text ("lorem ipsum") left in the document.

    What it does:
        Flags each "lorem ipsum" (any case, any spacing) once the document holds
        more than ``max-lorem-ipsum`` of them. Source: C4 (Raffel et al. 2020, which
        drops any page containing it).

    Why it matters:
        Placeholder copy means a template was published or scraped before the real
        text was filled in; whatever surrounds it is unlikely to be the article.

    Example:
        Lorem ipsum dolor sit amet, consectetur adipiscing elit.

    Use instead:
        The real copy, or drop the record.

    Fix safety:
        No fix: ``copydesk clean`` drops the document when the quality gate fails.

    Options:
        max-lorem-ipsum: occurrences allowed (default 0).
    """

    code = "QL009"
    name = "lorem-ipsum"
    category = Category.QUALITY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE
    default_on_files = False  # a corpus gate: opt-in for check on .txt/.md
    options = {
        "max_lorem_ipsum": Option(_T.max_lorem_ipsum, "occurrences of 'lorem ipsum' allowed"),
    }

    def check(self, doc):
        hits = list(_LOREM_RE.finditer(doc.prose))
        if len(hits) <= self.opts["max_lorem_ipsum"]:
            return
        for m in hits:
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"placeholder text '{m.group()}' on line {doc.line_col(m.start())[0]}",
            )
