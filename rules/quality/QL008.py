from __future__ import annotations

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rules.support.quality import MIN_WORDS_FOR, STOP_WORDS, Thresholds, word_signals
from linter.rule import Option, Rule

_T = Thresholds()


class FewStopWords(Rule):
    """English text with almost none of the commonest English words.

    What it does:
        Counts the occurrences of Gopher's stop words (the, be, to, of, and, that,
        have, with) and flags a document of at least 30 words with fewer than
        ``min-stop-words``. Source: Gopher (Rae et al. 2021, appendix A: at least 2).
        Only when English is among the configured languages.

    Why it matters:
        Real English sentences cannot avoid these words. A document without them is
        a keyword list, a menu, a table or not English at all.

    Example:
        Breaking News Sport Weather Business Markets Companies Technology Science
        Health Education Video Opinion Contact Privacy Terms Cookies Advertise
        Home World Europe Asia Africa Americas Politics Climate Culture Travel
        Newsletters Podcasts Careers Accessibility Help Sitemap

    Use instead:
        Prose, or drop the record.

    Fix safety:
        No fix: ``copydesk clean`` drops the document when the quality gate fails.

    Options:
        min-stop-words: fewest stop-word occurrences (default 2).
    """

    code = "QL008"
    name = "few-stop-words"
    category = Category.QUALITY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE
    default_on_files = False  # a corpus gate: opt-in for check on .txt/.md
    options = {
        "min_stop_words": Option(_T.min_stop_words, "fewest occurrences of the stop words"),
    }

    def check(self, doc):
        if "en" not in self.settings.languages:
            return
        s = word_signals(doc)
        if s["word_count"] < MIN_WORDS_FOR["stop_words"]:
            return
        count, limit = s["stop_words"], self.opts["min_stop_words"]
        if count >= limit:
            return
        yield self.diagnostic(
            0,
            len(doc.text),
            f"{s['word_count']} words but {count} of the stop words "
            f"({', '.join(sorted(STOP_WORDS))}); min-stop-words = {limit}",
            evidence={"stop_words": count},
        )
