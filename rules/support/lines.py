"""Helpers for rules that judge whole lines (the boilerplate family)."""

from __future__ import annotations

from linter.diagnostic import Applicability, Fix


def delete_line_fix(lines, i: int, title: str) -> Fix:
    """Delete non-blank line ``i`` with the line breaks that join it to the text.

    The last line goes with the line breaks before it (so the text ends where the
    article did); any other line goes with the line breaks after it.
    """
    if i == len(lines) - 1 and i > 0:
        start, end = lines[i - 1].end, lines[i].end
    elif i + 1 < len(lines):
        start, end = lines[i].start, lines[i + 1].start
    else:
        start, end = lines[i].start, lines[i].end
    return Fix.delete(start, end, Applicability.UNSAFE, title)


def snippet(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
