from __future__ import annotations

import re

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rule import Rule

# Bytes that are not valid UTF-8 are decoded with surrogateescape: byte 0xNN becomes
# the lone surrogate U+DCNN. Nothing else produces these code points.
_ESCAPED_RUN_RE = re.compile("[\udc80-\udcff]+")


def _guess(raw: bytes, context: str) -> str:
    """How the bytes read in Windows-1252 (the usual culprit), if that is plausible."""
    try:
        decoded = raw.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    if not all(ch.isprintable() for ch in decoded):
        return ""
    return f"; in Windows-1252 it reads '{context[0]}{decoded}{context[1]}'"


class InvalidUtf8(Rule):
    """Bytes that are not valid UTF-8.

    What it does:
        Reports each run of bytes in the file that could not be decoded as UTF-8,
        with the bytes and their byte offset in the file. copydesk reads such bytes
        without losing them (as the code points U+DC80..U+DCFF) and writes them back
        unchanged, so a fix by another rule never destroys them.

    Why it matters:
        A byte that is not UTF-8 usually means part of the text was saved in another
        encoding (Latin-1 or Windows-1252: "caf\\xe9" for "café"). Readers and tools
        show a replacement character or refuse the file, and the damage spreads
        when the text is copied.

    Example:
        The caf<0xE9> opened in 1998.   (the byte 0xE9 on its own)

    Use instead:
        The café opened in 1998.   (é encoded in UTF-8 as 0xC3 0xA9)

    Fix safety:
        No fix: the right character depends on the encoding the bytes came from;
        the message suggests the Windows-1252 reading when it is plausible.
        Re-encode the file (for example with iconv) and check the result.

    Options:
        none.
    """

    code = "EN100"
    name = "invalid-utf8"
    category = Category.ENCODING
    severity = Severity.ERROR
    fix_availability = FixAvailability.NONE

    def check(self, doc):
        text = doc.text
        # Invalid bytes are a property of the file, Markdown code included: scan the text.
        if not _ESCAPED_RUN_RE.search(text):
            return
        byte_offset = 3 if doc.bom else 0
        pos = 0
        for m in _ESCAPED_RUN_RE.finditer(text):
            byte_offset += len(text[pos : m.start()].encode("utf-8", "surrogateescape"))
            raw = m.group().encode("utf-8", "surrogateescape")
            shown = " ".join(f"0x{b:02X}" for b in raw[:8]) + (" …" if len(raw) > 8 else "")
            word_start = m.start()
            while word_start > 0 and text[word_start - 1].isalpha() and m.start() - word_start < 20:
                word_start -= 1
            word_end = m.end()
            while word_end < len(text) and text[word_end].isalpha() and word_end - m.end() < 20:
                word_end += 1
            context = (text[word_start : m.start()], text[m.end() : word_end])
            what = "byte" if len(raw) == 1 else f"{len(raw)} bytes"
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"invalid UTF-8: {what} {shown} at byte offset {byte_offset}{_guess(raw, context)}",
                evidence={"byte_offset": byte_offset, "bytes": raw.hex()},
            )
            byte_offset += len(raw)
            pos = m.end()
