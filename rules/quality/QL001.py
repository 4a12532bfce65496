from __future__ import annotations

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rules.support.quality import Thresholds, word_signals
from linter.rule import Option, Rule

_T = Thresholds()


class WordCount(Rule):
    """A document too short or too long to be an article.

    What it does:
        Counts the whitespace-separated words of the document and flags it when the
        count is below ``min-words`` or above ``max-words``. Source: Gopher (Rae et
        al. 2021, appendix A: keep 50 to 100,000 words); the news default keeps 30,
        so that a one-paragraph brief under its headline passes.

    Why it matters:
        Scraped pages with almost no words are error pages, cookie walls or empty
        templates; documents of hundreds of thousands of words are dumps. Neither is
        an article, and both skew a corpus.

    Example:
        Page not found. Return to the home page.

    Use instead:
        Drop the record, or re-scrape the article body.

    Fix safety:
        No fix: ``copydesk clean`` drops the document when the quality gate fails.

    Options:
        min-words: fewest words of a kept document (default 30).
        max-words: most words of a kept document (default 100000).
    """

    code = "QL001"
    name = "word-count"
    category = Category.QUALITY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE
    default_on_files = False  # a corpus gate: opt-in for check on .txt/.md
    options = {
        "min_words": Option(_T.min_words, "fewest words of a kept document"),
        "max_words": Option(_T.max_words, "most words of a kept document"),
    }

    def check(self, doc):
        n = word_signals(doc)["word_count"]
        low, high = self.opts["min_words"], self.opts["max_words"]
        if n < low:
            msg = f"the document has {n} word{'s' if n != 1 else ''}, fewer than min-words = {low}"
        elif n > high:
            msg = f"the document has {n} words, more than max-words = {high}"
        else:
            return
        yield self.diagnostic(0, len(doc.text), msg, evidence={"word_count": n})
