from __future__ import annotations

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rules.support.quality import Thresholds, duplicate_signals, nonblank_lines
from linter.rule import Option, Rule, option_display

_T = Thresholds()

_MEASURES = (
    ("duplicate_line_share", "max_duplicate_line_share", "of the lines repeat an earlier line"),
    ("duplicate_paragraph_share", "max_duplicate_paragraph_share", "of the paragraphs repeat an earlier paragraph"),
    ("duplicate_line_char_share", "max_duplicate_line_char_share", "of the characters are in repeated lines"),
    ("duplicate_paragraph_char_share", "max_duplicate_paragraph_char_share", "of the characters are in repeated paragraphs"),
)


class DuplicateLines(Rule):
    """Many lines or paragraphs that repeat earlier ones.

    What it does:
        Measures the share of non-blank lines and of paragraphs that are exact
        repeats of an earlier one, by count and by characters, and flags the first
        share above its threshold, pointing at the first repeat. Source: Gopher (Rae
        et al. 2021, appendix A: 0.3 of lines or paragraphs, 0.2 of characters).

    Why it matters:
        Repeated blocks are template furniture (share buttons, "Related stories"
        headers, bylines in every teaser) or a crawler that stitched a page to itself.
        Heavy repetition harms a training corpus and a reader alike.

    Example:
        Share this article
        (a paragraph)
        Share this article
        (a paragraph)
        Share this article

    Use instead:
        Each paragraph once.

    Fix safety:
        No fix: ``copydesk clean`` drops the document when the quality gate fails.

    Options:
        max-duplicate-line-share: most repeated lines, by count (0.3).
        max-duplicate-paragraph-share: most repeated paragraphs, by count (0.3).
        max-duplicate-line-char-share: most characters in repeated lines (0.2).
        max-duplicate-paragraph-char-share: most characters in repeated paragraphs (0.2).
    """

    code = "QL005"
    name = "duplicate-lines"
    category = Category.QUALITY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE
    default_on_files = False  # a corpus gate: opt-in for check on .txt/.md
    options = {
        "max_duplicate_line_share": Option(_T.max_duplicate_line_share, "most repeated lines, by count"),
        "max_duplicate_paragraph_share": Option(_T.max_duplicate_paragraph_share, "most repeated paragraphs, by count"),
        "max_duplicate_line_char_share": Option(_T.max_duplicate_line_char_share, "most characters in repeated lines"),
        "max_duplicate_paragraph_char_share": Option(
            _T.max_duplicate_paragraph_char_share, "most characters in repeated paragraphs"
        ),
    }

    def check(self, doc):
        scores = duplicate_signals(doc)
        for signal, option, what in _MEASURES:
            share, limit = scores[signal], self.opts[option]
            if share <= limit:
                continue
            blocks = nonblank_lines(doc) if "line" in signal else doc.paragraphs
            seen = set()
            first = None
            for b in blocks:
                key = b.text.strip()
                if key in seen:
                    first = b
                    break
                seen.add(key)
            start, end = (first.start, first.end) if first else (0, len(doc.text))
            shown = first.text.strip() if first else ""
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            yield self.diagnostic(
                start,
                end,
                f"{share:.0%} {what}, above {option_display(option)} = {limit}; the first repeat is on line "
                f"{doc.line_col(start)[0]}: '{shown}'",
                evidence={signal: share},
            )
            return
