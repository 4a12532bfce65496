from __future__ import annotations

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rules.support.quality import MIN_WORDS_FOR, TOP_NGRAM_SIZES, Thresholds, ngram_signals, tokens
from linter.rule import Option, Rule

_T = Thresholds()


class RepeatedNgrams(Rule):
    """One short phrase makes up too much of the document.

    What it does:
        For word 2-, 3- and 4-grams (lower-cased), takes the most frequent one and
        measures the share of the document's word characters its occurrences cover;
        flags the first share above its threshold, naming the phrase. Source: Gopher
        (Rae et al. 2021, appendix A: 0.20, 0.18 and 0.16). Documents of fewer than
        50 words are not judged.

    Why it matters:
        Keyword stuffing, spam and generated filler repeat a phrase far more than a
        reporter does; so do extractor loops that emit a label many times.

    Example:
        cheap flights to Paris cheap flights to Rome cheap flights to Madrid
        cheap flights to Lisbon cheap flights to Berlin cheap flights to Vienna
        cheap flights to Prague cheap flights to Athens cheap flights to Dublin
        cheap flights to Oslo cheap flights to Warsaw cheap flights to Zagreb
        cheap flights to Tirana

    Use instead:
        Ordinary prose, or drop the record.

    Fix safety:
        No fix: ``copydesk clean`` drops the document when the quality gate fails.

    Options:
        max-top-2gram-share: most characters covered by the top 2-gram (0.2).
        max-top-3gram-share: most characters covered by the top 3-gram (0.18).
        max-top-4gram-share: most characters covered by the top 4-gram (0.16).
    """

    code = "QL006"
    name = "repeated-ngrams"
    category = Category.QUALITY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE
    default_on_files = False  # a corpus gate: opt-in for check on .txt/.md
    options = {
        f"max_top_{n}gram_share": Option(
            getattr(_T, f"max_top_{n}gram_share"), f"most characters covered by the top {n}-gram"
        )
        for n in TOP_NGRAM_SIZES
    }

    def check(self, doc):
        if len(tokens(doc)) < MIN_WORDS_FOR["top_2gram_share"]:
            return
        scores = ngram_signals(doc)
        for n in TOP_NGRAM_SIZES:
            share, limit = scores[f"top_{n}gram_share"], self.opts[f"max_top_{n}gram_share"]
            if share <= limit:
                continue
            phrase, count = scores[f"_top_{n}gram"]
            yield self.diagnostic(
                0,
                len(doc.text),
                f"the {n}-gram '{phrase}' occurs {count} times and covers {share:.0%} of the "
                f"word characters, above max-top-{n}gram-share = {limit}",
                evidence={f"top_{n}gram_share": share, "ngram": phrase, "count": count},
            )
            return
