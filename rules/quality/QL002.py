from __future__ import annotations

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rules.support.quality import MIN_WORDS_FOR, Thresholds, word_signals
from linter.rule import Option, Rule

_T = Thresholds()


class MeanWordLength(Rule):
    """Words far shorter or longer on average than in running prose.

    What it does:
        Computes the mean length of the document's words (surrounding punctuation
        not counted) and flags a mean outside ``min-mean-word-length`` to
        ``max-mean-word-length``. Source: Gopher (Rae et al. 2021, appendix A: 3 to
        10 characters). Documents of fewer than 20 words are not judged.

    Why it matters:
        English prose averages four to six letters a word. A much lower mean marks
        lists of numbers or initials, a much higher one URLs, hashes, identifiers or
        words run together by a broken extractor.

    Example:
        3 1 4 1 5 9 2 6 5 3 5 8 9 7 9 3 2 3 8 4 6 2 6 4 3 3 8 3 2 7
        (a run of figures: the mean word length is about 1)

    Use instead:
        Running prose, or drop the record.

    Fix safety:
        No fix: ``copydesk clean`` drops the document when the quality gate fails.

    Options:
        min-mean-word-length: lowest mean word length (default 3.0).
        max-mean-word-length: highest mean word length (default 10.0).
    """

    code = "QL002"
    name = "mean-word-length"
    category = Category.QUALITY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE
    default_on_files = False  # a corpus gate: opt-in for check on .txt/.md
    options = {
        "min_mean_word_length": Option(_T.min_mean_word_length, "lowest mean word length"),
        "max_mean_word_length": Option(_T.max_mean_word_length, "highest mean word length"),
    }

    def check(self, doc):
        s = word_signals(doc)
        if s["word_count"] < MIN_WORDS_FOR["mean_word_length"]:
            return
        mean = s["mean_word_length"]
        low, high = self.opts["min_mean_word_length"], self.opts["max_mean_word_length"]
        if mean < low:
            msg = f"mean word length is {mean:.2f} characters, below min-mean-word-length = {low}"
        elif mean > high:
            msg = f"mean word length is {mean:.2f} characters, above max-mean-word-length = {high}"
        else:
            return
        yield self.diagnostic(0, len(doc.text), msg, evidence={"mean_word_length": mean})
