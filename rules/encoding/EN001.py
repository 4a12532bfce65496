from __future__ import annotations

import functools
from difflib import SequenceMatcher

import regex

from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.support.patterns import lazy

# UTF-8 read through a single-byte code page turns every non-ASCII character
# into a lead-byte character (bytes 0xC0-0xF4) followed by continuation-byte
# characters (bytes 0x80-0xBF, or a replacement character for a lost byte) of
# that code page. A line can hold such damage only where one of those pairs
# appears, for one of the code pages repaired here; Ã and Â alone are rare
# enough to check too. Only such lines are handed to ftfy, so a line of
# Turkish, Russian or Chinese that shows no pair costs no import.
_CODE_PAGES = (
    "latin-1", "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257",
    "iso8859_2", "mac_roman", "cp437",
)


def _class(chars: set[str]) -> str:
    return "".join(sorted(regex.escape(c) for c in chars))


@functools.cache
def _lead_cont() -> tuple[frozenset[str], frozenset[str]]:
    """The lead characters of any of the code pages and their continuation
    characters (a superset of the pairs one code page makes, which is all a gate
    needs)."""
    lead: set[str] = set()
    cont: set[str] = {"\ufffd"}
    for codec in _CODE_PAGES:
        lead.update(bytes([b]).decode(codec, "replace") for b in range(0xC0, 0xF5))
        cont.update(bytes([b]).decode(codec, "replace") for b in range(0x80, 0xC0))
    lead.discard("\ufffd")
    return frozenset(lead), frozenset(cont)


@functools.cache
def _lead_cont_re():
    """Built on the first line holding both a lead and a continuation character:
    a lead character followed by a continuation character."""
    lead, cont = _lead_cont()
    return regex.compile(f"[{_class(lead)}][{_class(cont)}]")


_ALWAYS = frozenset("ÃÂ")


_TOKEN_RE = lazy(r"\S+")
_C1_RE = lazy(r"[\u0080-\u009f]")


def _c1_as_cp1252(m) -> str:
    try:
        return bytes([ord(m.group())]).decode("cp1252")
    except UnicodeDecodeError:
        return m.group()

_ENCODING_NAMES = {
    "sloppy-windows-1252": "Windows-1252",
    "windows-1252": "Windows-1252",
    "latin-1": "Latin-1",
    "iso-8859-2": "Latin-2",
    "sloppy-windows-1250": "Windows-1250",
    "sloppy-windows-1251": "Windows-1251",
    "macroman": "Mac Roman",
    "cp437": "DOS code page 437",
    "sloppy-windows-1253": "Windows-1253",
    "sloppy-windows-1254": "Windows-1254",
    "sloppy-cp874": "Windows-874",
}

_ftfy = None


def _load():
    """Import ftfy on first need, with only its encoding repairs switched on."""
    global _ftfy
    if _ftfy is None:
        import ftfy
        import ftfy.badness

        config = ftfy.TextFixerConfig(
            unescape_html=False,
            remove_terminal_escapes=False,
            fix_encoding=True,
            restore_byte_a0=True,
            replace_lossy_sequences=True,
            decode_inconsistent_utf8=True,
            fix_c1_controls=False,
            fix_latin_ligatures=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
            fix_surrogates=True,
            remove_control_chars=False,
            normalization=None,
            explain=True,
        )
        _ftfy = (ftfy.fix_and_explain, ftfy.badness.is_bad, config)
    return _ftfy


def suspicious(line: str) -> bool:
    """The cheap gate: could this line hold mojibake at all? ("Ã" or "Â", or a
    lead character of a code page followed by a continuation character.)"""
    if line.isascii():
        return False
    chars = set(line)
    if not chars.isdisjoint(_ALWAYS):
        return True
    lead, cont = _lead_cont()
    if chars.isdisjoint(lead) or chars.isdisjoint(cont):
        return False  # curly quotes alone, accented letters alone
    return _lead_cont_re().search(line) is not None


def _encoding_of(plan) -> str | None:
    for step, arg in plan or ():
        if step == "encode":
            return arg
    return None


def _describe(plan) -> str:
    enc = _encoding_of(plan)
    if enc:
        return f"UTF-8 read as {_ENCODING_NAMES.get(enc, enc)}"
    applied = {a for s, a in plan or () if s in ("apply", "transcode")}
    if "decode_inconsistent_utf8" in applied:
        return "UTF-8 read as Windows-1252 in places"
    if "replace_lossy_sequences" in applied:
        return "UTF-8 read as Windows-1252, with bytes lost"
    if "fix_surrogates" in applied:
        return "UTF-16 surrogates left unpaired"
    return "an encoding mix-up"


def _round_trips(damaged: str, repaired: str, plan) -> bool:
    """Whether undoing the plan on the repair gives back exactly the damaged text.

    Only plans made of ``encode``/``decode`` steps can be undone; a plan that
    guessed lost bytes (``transcode``, ``apply``) cannot, and gets no fix.
    """
    if not plan or any(step not in ("encode", "decode") for step, _a in plan):
        return False
    value: str | bytes = repaired
    try:
        for step, codec in reversed(plan):
            if step == "decode":
                if not isinstance(value, str):
                    return False
                value = value.encode(codec)
            else:
                if not isinstance(value, bytes):
                    return False
                value = value.decode(codec)
    except (UnicodeError, LookupError):
        return False
    return value == damaged


_PIECE_CODECS = ("sloppy-windows-1252", "latin-1")


def _pieces_round_trip(damaged: str, repaired: str) -> str | None:
    """The code page through which every changed piece of the word round-trips, if any.

    For a word with a genuine character beside the damage (l’humanitÃ©), ftfy's plan
    for the line is not a plain encode/decode; each changed piece on its own still
    must be exactly its repair's UTF-8 bytes read through one code page.
    """
    ops = [op for op in SequenceMatcher(None, damaged, repaired, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops:
        return None
    for codec in _PIECE_CODECS:
        try:
            if all(
                repaired[j1:j2].encode("utf-8").decode(codec) == damaged[i1:i2] and j2 > j1
                for _tag, i1, i2, j1, j2 in ops
            ):
                return codec
        except UnicodeError:
            continue
    return None


def _is_c1_only(plan) -> bool:
    """The repair only turned C1 controls into their Windows-1252 characters."""
    return len(plan) == 2 and plan[0] == ("encode", "latin-1") and plan[1][0] == "decode" and plan[1][1] in (
        "windows-1252",
        "sloppy-windows-1252",
    )


def damaged_spans(line: str, fixed: str) -> list[tuple[int, int, int, int]]:
    """(start, end) in ``line`` and (start, end) in ``fixed`` of each changed token group."""
    ops = SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes()
    changed = [(i1, i2) for tag, i1, i2, _j1, _j2 in ops if tag != "equal"]
    if not changed:
        return []
    tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(line)]
    groups: list[list[int]] = []
    for i1, i2 in changed:
        lo, hi = i1, i2
        for ts, te in tokens:
            if ts <= i2 and te >= i1 and (te > i1 or ts == i1 == i2) and not (ts == i2 and i2 > i1):
                lo, hi = min(lo, ts), max(hi, te)
        if groups and lo <= groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], hi)
        else:
            groups.append([lo, hi])

    def mapped(p: int, right: bool) -> int:
        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal" and i1 <= p <= i2:
                return j1 + (p - i1)
            if i1 <= p <= i2 and tag != "equal":
                if p == i1 and not right:
                    return j1
                if p == i2 and right:
                    return j2
                return j2 if right else j1
        return len(fixed)

    return [(a, b, mapped(a, False), mapped(b, True)) for a, b in groups]


class Mojibake(Rule):
    """Text damaged by a wrong character encoding (mojibake): donâ€™t, Â£600m.

    What it does:
        Finds words whose characters are what UTF-8 text turns into when it is
        read as Windows-1252, Latin-1 or another single-byte code page (donâ€™t
        for don’t, Â£600m for £600m, MÃ¼nchen for München), using ftfy with only
        its encoding repairs switched on, and reports each damaged word with its
        repaired form. Lines without the tell-tale characters are skipped without
        running ftfy.

    Why it matters:
        Every hop through a CMS, feed or scraper can mangle characters; readers
        see gibberish in names and prices, and search, deduplication and
        language detection all degrade on damaged text.

    Example:
        The deal was worth Â£600m, the firm said in MÃ¼nchen.

    Use instead:
        The deal was worth £600m, the firm said in München.

    Fix safety:
        Safe when the repair round-trips (encoding the repaired word as UTF-8 and
        decoding it with the guessed code page gives back exactly the damaged
        word) and the result shows no remaining damage. Otherwise the repair is
        only named in the message and nothing is written.

    Options:
        none.
    """

    code = "EN001"
    name = "mojibake"
    category = Category.ENCODING
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = (Applicability.SAFE,)

    def check(self, doc):
        text = doc.prose
        if text.isascii():
            return
        for span in doc.lines:
            line = span.text
            if not suspicious(line):
                continue
            fix_and_explain, is_bad, config = _load()
            fixed, plan = fix_and_explain(line, config)
            if fixed == line:
                continue
            line_plan = plan or []
            if _is_c1_only(line_plan):
                continue  # C1 controls read as Latin-1: reported by EN003
            for a, b, fa, fb in damaged_spans(line, fixed):
                plan = line_plan
                how = _describe(plan)
                damaged, repaired = line[a:b], fixed[fa:fb]
                if _C1_RE.sub(_c1_as_cp1252, damaged) == repaired:
                    continue  # only C1 controls changed: reported by EN003
                start, end = span.start + a, span.start + b
                fix = None
                if not is_bad(repaired):
                    # the word must round-trip: by the line's plan, by the plan ftfy
                    # finds for the word alone, or piece by piece through one code page
                    ok = True
                    if not _round_trips(damaged, repaired, line_plan):
                        alone, alone_plan = fix_and_explain(damaged, config)
                        if alone == repaired and _round_trips(damaged, repaired, alone_plan or []):
                            plan = alone_plan
                            how = _describe(plan)
                        else:
                            codec = _pieces_round_trip(damaged, repaired)
                            ok = codec is not None
                            if ok:
                                how = f"UTF-8 read as {_ENCODING_NAMES.get(codec, codec)}"
                    if ok:
                        fix = self.fix_replace(
                            start, end, repaired, Applicability.SAFE, f"Repair to '{repaired}'"
                        )
                if fix is not None:
                    message = f"'{damaged}' is mojibake ({how}); it reads '{repaired}' when repaired"
                else:
                    # the repair does not round-trip: a byte was lost or changed, so any
                    # character shown would be a guess (a lost closing quote reads as a dagger)
                    message = (
                        f"'{damaged}' is mojibake ({how}) with bytes lost; the repair is "
                        "uncertain, restore the text from its source"
                    )
                yield self.diagnostic(
                    start,
                    end,
                    message,
                    fix,
                    evidence={"repaired": repaired, "plan": [list(s) for s in plan]},
                )
