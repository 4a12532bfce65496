from __future__ import annotations

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rules.support.quality import Thresholds, has_letter, tokens, word_signals
from linter.rule import Option, Rule

_T = Thresholds()


class NonAlphabeticWords(Rule):
    """Too few words contain a letter.

    What it does:
        Measures the share of whitespace-separated words that contain at least one
        letter and flags the document when it is below ``min-alpha-word-share``.
        Source: Gopher (Rae et al. 2021, appendix A: 80% of words must contain an
        alphabetic character).

    Why it matters:
        Tables of figures, timestamps, phone lists and punctuation debris are not
        prose. A results table inside an article still leaves most words alphabetic;
        a page that is mostly numbers is not an article.

    Example:
        12:01 | 14:35 | 3-1 | 2-2 | 0-0 | 88% | 1,204 | -- | >> | 7.5

    Use instead:
        Prose, or keep the table as structured data elsewhere.

    Fix safety:
        No fix: ``copydesk clean`` drops the document when the quality gate fails.

    Options:
        min-alpha-word-share: least share of words with a letter (default 0.8).
    """

    code = "QL007"
    name = "non-alphabetic-words"
    category = Category.QUALITY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE
    default_on_files = False  # a corpus gate: opt-in for check on .txt/.md
    options = {
        "min_alpha_word_share": Option(_T.min_alpha_word_share, "least share of words containing a letter"),
    }

    def check(self, doc):
        s = word_signals(doc)
        share, limit = s["alpha_word_share"], self.opts["min_alpha_word_share"]
        if s["word_count"] == 0 or share >= limit:
            return
        n = s["word_count"]
        without = sum(1 for t in tokens(doc) if not has_letter(t))
        yield self.diagnostic(
            0,
            len(doc.text),
            f"only {share:.1%} of the {n} words contain a letter ({without} do not), "
            f"below min-alpha-word-share = {limit}",
            evidence={"alpha_word_share": share},
        )
