from __future__ import annotations

import re
import unicodedata


from linter.diagnostic import Applicability, Category, Edit, Fix, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.support.patterns import lazy

# Zero-width and invisible format characters, soft hyphen, BOM, C0 controls other
# than tab/newline/carriage return/form feed, DEL and C1 controls.
_INVISIBLE_RE = re.compile(
    r"[\u200b\u200c\u200d\u2060\u2061-\u2064\ufeff\u00ad\u180e\u034f"
    r"\x00-\x08\x0b\x0e-\x1f\x7f\u0080-\u009f]+"
    # a form feed is a page break between lines, but damage inside a line
    r"|(?<=[^\s\f])\f+(?=[^\s\f])"
)
# The cheap gate: any candidate character at all (one character class, fast).
_ANY_RE = re.compile(r"[\u200b\u200c\u200d\u2060-\u2064\ufeff\u00ad\u180e\u034f\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NAMES = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark",
    "\u00ad": "soft hyphen",
    "\u180e": "Mongolian vowel separator",
    "\u034f": "combining grapheme joiner",
}
# Scripts whose spelling uses the joiners (Persian, Arabic, Indic, Sinhala...).
_JOINING_SCRIPT_RE = lazy(
    r"[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}"
    r"\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}"
    r"\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}"
    r"\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Mongolian}\p{Script=Hebrew}]"
)
_EMOJI_RE = lazy(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u20e3\p{Regional_Indicator}]")


_NUL_FLOOD = 20


def _nul_offsets(text: str):
    i = text.find("\x00")
    while i != -1:
        yield i
        i = text.find("\x00", i + 1)


def _inside_utf8_sequence(text: str, start: int, end: int) -> bool:
    """Whether the C1 run at start:end continues a UTF-8 lead byte read as Latin-1."""
    lo = start
    while lo > 0 and start - lo < 3 and "\u0080" <= text[lo - 1] <= "\u00bf":
        lo -= 1
    if lo == 0 or not "\u00c2" <= text[lo - 1] <= "\u00f4":
        return False
    hi = end
    while hi < len(text) and hi - lo < 4 and "\u0080" <= text[hi] <= "\u00bf":
        hi += 1
    try:
        text[lo - 1 : hi].encode("latin-1").decode("utf-8")
    except UnicodeError:
        return False
    return True


_CONTEXT = 30  # characters of the word shown on each side of the run


def _word_before(text: str, start: int) -> str:
    """The part of the word that ends at ``start`` (at most _CONTEXT characters)."""
    seg = text[max(0, start - _CONTEXT) : start]
    return seg.rsplit(None, 1)[-1] if seg and not seg[-1].isspace() else ""


def _word_after(text: str, end: int) -> str:
    """The part of the word that starts at ``end`` (at most _CONTEXT characters)."""
    seg = text[end : end + _CONTEXT]
    return seg.split(None, 1)[0] if seg and not seg[0].isspace() else ""


def _name(ch: str) -> str:
    if ch in _NAMES:
        return _NAMES[ch]
    cp = ord(ch)
    if cp == 0x0C:
        return "form feed"
    if cp < 0x20 or cp == 0x7F:
        return "control character"
    if 0x80 <= cp <= 0x9F:
        return "C1 control character"
    return unicodedata.name(ch, "invisible character").lower()


def _describe(run: str) -> tuple:
    """What a run of invisible characters is: its codes as shown, its replacement
    (a Windows-1252 reading of C1 controls, else nothing), the fix title, the message
    around the context shown, and its code points."""
    names = ", ".join(sorted({_name(c) for c in run}))
    codes = " ".join(f"U+{ord(c):04X}" for c in run[:4]) + (" …" if len(run) > 4 else "")
    replacement = ""
    if all(0x80 <= ord(c) <= 0x9F for c in run):
        decoded = [_cp1252(c) for c in run]
        if all(decoded):
            replacement = "".join(decoded)
    if replacement:
        title = f"Replace with '{replacement}'"
        head, tail = f"{names} {codes} in '", f"', probably '{replacement}' read as Latin-1"
    else:
        title = f"Remove the {names}"
        head, tail = f"invisible {names} {codes} in '", "'"
    return codes, replacement, title, head, tail, tuple(f"U+{ord(c):04X}" for c in run)


def _cp1252(ch: str) -> str | None:
    try:
        out = bytes([ord(ch)]).decode("cp1252")
    except (UnicodeDecodeError, ValueError):
        return None
    return out if ord(out) > 0x9F else None


class InvisibleCharacter(Rule):
    """Invisible characters inside text: zero-width spaces, soft hyphens, stray BOMs, control codes.

    What it does:
        Flags zero-width spaces and joiners, word joiners, soft hyphens, a
        byte-order mark anywhere but the very start, C0 control characters other
        than tab, line feed, carriage return and form feed, DEL, and C1 control
        characters, and a form feed inside a line (between lines it is a page
        break). A zero-width joiner inside an emoji sequence and the joiners
        next to letters of scripts that use them (Persian, Arabic, Indic and
        others) are correct and not flagged.

    Why it matters:
        These characters are invisible on screen but split words for search,
        spell-checking and deduplication ("Erdo\u200bgan" does not match
        "Erdogan"); controls can corrupt feeds and XML. A C1 control is usually a
        Windows-1252 punctuation mark read as Latin-1.

    Example:
        Talks with Erdo\u200bgan (zero-width space inside the name) resumed.

    Use instead:
        Talks with Erdogan resumed.

    Fix safety:
        Safe: the characters are removed. A C1 control that is a Windows-1252
        character read as Latin-1 (U+0093 for “) is replaced by that character,
        also safe, as the mapping is fixed. Text full of NUL characters (UTF-16
        read byte by byte) gets one finding whose fix removes them all.

    Options:
        none.
    """

    code = "EN003"
    name = "invisible-character"
    category = Category.ENCODING
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.SAFE,)

    def check(self, doc):
        text = doc.prose
        if not _ANY_RE.search(text):
            return
        n = len(text)
        nuls = text.count("\x00")
        if nuls >= _NUL_FLOOD:
            # NULs between the letters: UTF-16 text read as a single-byte encoding.
            # One finding for the document rather than one per character.
            first = text.index("\x00")
            edits = tuple(Edit(i, i + 1, "") for i in _nul_offsets(text))
            yield self.diagnostic(
                first,
                first + 1,
                f"{nuls} NUL characters (U+0000) between the letters: the text looks like "
                "UTF-16 read as a single-byte encoding",
                Fix(edits, Applicability.SAFE, f"Remove the {nuls} NUL characters"),
                evidence={"codepoints": ["U+0000"], "count": nuls},
            )
        seen: dict[str, tuple] = {}  # what each distinct run is, worked out once
        for m in _INVISIBLE_RE.finditer(text):
            run = m.group()
            start, end = m.start(), m.end()
            before = text[start - 1] if start else ""
            after = text[end] if end < n else ""
            if run == "\ufeff" and start == 0:
                continue
            if nuls >= _NUL_FLOOD and "\x00" in run:
                run = run.replace("\x00", "")
                if not run or len(run) != end - start:
                    continue
            if set(run) <= {"\u200c", "\u200d"}:
                if _JOINING_SCRIPT_RE.match(before or " ") or _JOINING_SCRIPT_RE.match(after or " "):
                    continue
                if "\u200d" in run and (_EMOJI_RE.match(before or " ") and _EMOJI_RE.match(after or " ")):
                    continue
            if _inside_utf8_sequence(text, start, end):
                continue  # UTF-8 read as Latin-1 (donâ\x80\x99t): EN001 reports the word
            described = seen.get(run)
            if described is None:
                described = seen[run] = _describe(run)
            codes, replacement, title, head, tail, codepoints = described
            context = _word_before(text, start) + "[" + codes + "]" + _word_after(text, end)
            yield self.diagnostic(
                start,
                end,
                head + context + tail,
                self.fix_replace(start, end, replacement, Applicability.SAFE, title),
                evidence={"codepoints": list(codepoints)},
            )
