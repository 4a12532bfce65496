"""LSP positions: (line, character) <-> code-point offsets into a document's text.

The Language Server Protocol counts lines broken by ``\\n``, ``\\r\\n`` or ``\\r``
only, and characters in the negotiated ``positionEncoding``: UTF-16 code units by
default (an emoji or another character outside the Basic Multilingual Plane is two),
or UTF-8 bytes, or UTF-32 code points. Python's ``str.splitlines`` also breaks at
U+2028, U+0085, form feeds and more, which editors do not, so positions are computed
here from the protocol's own definition rather than from ``splitlines``.

A position past the end of its line means the end of the line; a line past the end
of the document means the end of the document (as the protocol asks), so no position
a client sends can raise.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_BREAK_RE = re.compile(r"\r\n|\r|\n")
# Characters that take more than one code unit: outside the BMP for UTF-16,
# outside ASCII for UTF-8.
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def _units(text: str, encoding: str) -> int:
    """The length of ``text`` in code units of ``encoding``."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", errors="surrogatepass"))
    return len(text) + len(_ASTRAL_RE.findall(text))


def _offset_in_line(line: str, units: int, encoding: str) -> int:
    """The code-point offset in ``line`` (no line break) at ``units`` code units;
    a position inside a character (half a surrogate pair) counts as before it."""
    if units <= 0:
        return 0
    if encoding == UTF32 or line.isascii():
        return min(units, len(line))
    wide = _ASTRAL_RE if encoding == UTF16 else _NON_ASCII_RE
    if not wide.search(line):
        return min(units, len(line))
    count = 0
    for i, ch in enumerate(line):
        if encoding == UTF16:
            size = 2 if ord(ch) > 0xFFFF else 1
        else:
            size = len(ch.encode("utf-8", errors="surrogatepass"))
        if count + size > units:
            return i
        count += size
    return len(line)


class LineIndex:
    """Line starts of one text, for converting offsets and positions both ways."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        starts = [0]
        # (start of line, end of its content): the break itself belongs to no line
        ends: list[int] = []
        for m in _BREAK_RE.finditer(text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        self.starts = starts
        self.ends = ends

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, character) of a code-point offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        # An offset inside a line break (between \r and \n) is the end of the line.
        offset = min(offset, self.ends[line])
        return line, _units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position (clamped as the protocol says)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.ends[line]
        return start + _offset_in_line(self.text[start:end], character, self.encoding)


def apply_changes(text: str, changes: Iterable[tuple[tuple[int, int, int, int] | None, str]], encoding: str) -> str:
    """Apply ``didChange`` content changes in order: ``(range, text)`` where ``range``
    is ``(start line, start character, end line, end character)`` or ``None`` for the
    whole document. Each range refers to the text as left by the change before it."""
    for rng, new in changes:
        if rng is None:
            text = new
            continue
        index = LineIndex(text, encoding)
        a = index.offset(rng[0], rng[1])
        b = index.offset(rng[2], rng[3])
        if b < a:
            a, b = b, a
        text = text[:a] + new + text[b:]
    return text
