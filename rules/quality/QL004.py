from __future__ import annotations

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rules.support.quality import (
    MIN_LINES_FOR_SHAPE,
    SHORT_LINE_CHARS,
    Thresholds,
    is_bullet_line,
    is_ellipsis_line,
    is_short_line,
    is_unpunctuated_line,
    line_signals,
    nonblank_lines,
)
from linter.rule import Option, Rule, option_display

_T = Thresholds()

_MEASURES = (
    # (signal, option, what the lines are, test)
    ("unpunctuated_line_share", "max_unpunctuated_line_share", "end without terminal punctuation", is_unpunctuated_line),
    ("short_line_share", "max_short_line_share", f"are shorter than {SHORT_LINE_CHARS} characters", is_short_line),
    ("bullet_line_share", "max_bullet_line_share", "start with a bullet", is_bullet_line),
    ("ellipsis_line_share", "max_ellipsis_line_share", "end with an ellipsis", is_ellipsis_line),
)


class LineShape(Rule):
    """Lines shaped like navigation, menus or teaser lists rather than paragraphs.

    What it does:
        Among the non-blank lines of a document of at least five, measures the share
        that end without terminal punctuation (C4, Raffel et al. 2020; FineWeb,
        Penedo et al. 2024), that are shorter than 30 characters (FineWeb), that
        start with a bullet and that end with an ellipsis (Gopher, Rae et al. 2021),
        and flags the first share above its threshold, pointing at the first such
        line. News defaults: 0.95, 0.9, 0.9 and 0.3. FineWeb's web values (0.88 and
        0.67) would drop sports draws and fixture lists, which are news.

    Why it matters:
        A page whose lines are nearly all menu items, link labels or teasers was
        scraped with its furniture: the article, if any, is a small part of it.

    Example:
        Home
        World
        Business
        Sport
        Contact us

    Use instead:
        The article's paragraphs, each ending with its full stop.

    Fix safety:
        No fix: ``copydesk clean`` drops the document when the quality gate fails.

    Options:
        max-unpunctuated-line-share: most lines without terminal punctuation (0.95).
        max-short-line-share: most lines under 30 characters (0.9).
        max-bullet-line-share: most lines starting with a bullet (0.9).
        max-ellipsis-line-share: most lines ending with an ellipsis (0.3).
    """

    code = "QL004"
    name = "line-shape"
    category = Category.QUALITY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE
    default_on_files = False  # a corpus gate: opt-in for check on .txt/.md
    options = {
        "max_unpunctuated_line_share": Option(_T.max_unpunctuated_line_share, "most lines without terminal punctuation"),
        "max_short_line_share": Option(_T.max_short_line_share, "most lines shorter than 30 characters"),
        "max_bullet_line_share": Option(_T.max_bullet_line_share, "most lines starting with a bullet"),
        "max_ellipsis_line_share": Option(_T.max_ellipsis_line_share, "most lines ending with an ellipsis"),
    }

    def check(self, doc):
        scores = line_signals(doc)
        n = scores["line_count"]
        if n < MIN_LINES_FOR_SHAPE:
            return
        for signal, option, what, test in _MEASURES:
            share, limit = scores[signal], self.opts[option]
            if share <= limit:
                continue
            lines = nonblank_lines(doc)
            hits = [ln for ln in lines if test(ln.text)]
            first, count = hits[0], len(hits)
            yield self.diagnostic(
                first.start,
                first.end,
                f"{count} of {n} lines ({share:.0%}) {what}, above {option_display(option)} = {limit}; "
                f"the first is line {doc.line_col(first.start)[0]}: '{_clip(first.text)}'",
                evidence={signal: share, "line_count": n},
            )
            return


def _clip(text: str, width: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"
