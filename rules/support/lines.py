"""Helpers for rules that judge whole lines (the boilerplate family, header lines)."""

from __future__ import annotations

import regex

from linter.diagnostic import Applicability, Fix
from linter.rules.support.patterns import lazy

# A date, with or without a time, as comment headers and bylines write it:
# "November 13, 2012 at 12:21 PM", "26 Oct 2012 at 3:47 am", "09/22/2012 08:40".
TIMESTAMP_RE = lazy(
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*,? \d{4}"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})"
    r"(?:,? +(?:at +)?\d{1,2}[:.]\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?)?",
    regex.IGNORECASE,
)


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
