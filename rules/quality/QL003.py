from __future__ import annotations

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rules.support.quality import Thresholds, symbol_signals
from linter.rule import Option, Rule

_T = Thresholds()


class SymbolRatio(Rule):
    """Too many hash marks and ellipses for the number of words.

    What it does:
        Counts ``#``, ``...`` and ``…`` against the number of words and flags the
        document when the ratio exceeds ``max-symbol-word-ratio``. Source: Gopher (Rae
        et al. 2021, appendix A: 0.1). The finding points at the first symbol.

    Why it matters:
        Hashtag walls, teaser lists ("Read more...") and truncated snippets are page
        furniture, not article text.

    Example:
        #news #breaking #world #follow ... more ... more ...

    Use instead:
        The article text without the tag cloud and the teasers.

    Fix safety:
        No fix: ``copydesk clean`` drops the document when the quality gate fails.

    Options:
        max-symbol-word-ratio: most symbols per word (default 0.1).
    """

    code = "QL003"
    name = "symbol-ratio"
    category = Category.QUALITY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE
    default_on_files = False  # a corpus gate: opt-in for check on .txt/.md
    options = {
        "max_symbol_word_ratio": Option(_T.max_symbol_word_ratio, "most '#' and ellipses per word"),
    }

    def check(self, doc):
        ratio = symbol_signals(doc)["symbol_word_ratio"]
        limit = self.opts["max_symbol_word_ratio"]
        if ratio <= limit:
            return
        prose = doc.prose
        hits = [i for i in (prose.find("#"), prose.find("..."), prose.find("…")) if i >= 0]
        start = min(hits) if hits else 0
        line = doc.lines[doc.line_col(start)[0] - 1]
        yield self.diagnostic(
            line.start,
            line.end,
            f"{ratio:.2f} '#' or ellipsis per word, above max-symbol-word-ratio = {limit} "
            f"(first on line {doc.line_col(start)[0]})",
            evidence={"symbol_word_ratio": ratio},
        )
