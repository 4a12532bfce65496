from __future__ import annotations

import regex

from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.support.patterns import lazy

# Cyrillic and Greek letters that look like Latin ones, and the reverse.
_TO_LATIN = {
    "а": "a", "в": "B", "е": "e", "ё": "ë", "і": "i", "ї": "ï", "ј": "j", "о": "o", "р": "p",
    "с": "c", "у": "y", "х": "x", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ү": "y",
    "А": "A", "В": "B", "Е": "E", "Ё": "Ë", "І": "I", "Ї": "Ï", "Ј": "J", "К": "K", "М": "M",
    "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "Һ": "H",
    "Ԛ": "Q", "Ԝ": "W", "Ү": "Y",
    "α": "a", "ο": "o", "ρ": "p", "ι": "i", "κ": "k", "ν": "v", "υ": "u", "τ": "t",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}
_LATIN_TO_CYRILLIC = {
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "y": "у", "x": "х", "i": "і", "j": "ј",
    "s": "ѕ", "A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р",
    "C": "С", "T": "Т", "X": "Х", "Y": "У", "I": "І",
}
_LATIN_TO_GREEK = {
    "o": "ο", "A": "Α", "B": "Β", "E": "Ε", "Z": "Ζ", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ",
    "N": "Ν", "O": "Ο", "P": "Ρ", "T": "Τ", "Y": "Υ", "X": "Χ", "v": "ν",
}
_MIXED_GATE_RE = lazy(r"[\p{Script=Cyrillic}\p{Script=Greek}]")
_PART_RE = lazy(r"[\p{L}\p{M}]+")


def _script(ch: str) -> str | None:
    if regex.match(r"\p{Script=Latin}", ch):
        return "Latin"
    if regex.match(r"\p{Script=Cyrillic}", ch):
        return "Cyrillic"
    if regex.match(r"\p{Script=Greek}", ch):
        return "Greek"
    return None


class MixedScriptWord(Rule):
    """A word mixing Latin letters with look-alike Cyrillic or Greek ones: Рutin.

    What it does:
        Flags a word (split at hyphens and apostrophes) whose letters come from
        Latin and from Cyrillic or Greek, when every letter of the minority script
        has a look-alike in the majority one, and suggests the word in one script.
        A word whose odd letters have no look-alike (μg, β-blocker) is taken to be
        deliberate and left alone.

    Why it matters:
        "Рutin" with a Cyrillic Р looks right but never matches "Putin" in search,
        name checks or deduplication. Such homoglyphs come from OCR, keyboard
        slips and deliberate spoofing.

    Example:
        Рutin met the delegation (the first letter is Cyrillic).

    Use instead:
        Putin met the delegation.

    Fix safety:
        Unsafe: the look-alike letters are replaced by the majority script's; a
        spoofed word is rarely intended, but the intended script is a judgement.

    Options:
        none.
    """

    code = "EN005"
    name = "mixed-script-word"
    category = Category.ENCODING
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = (Applicability.UNSAFE,)

    def check(self, doc):
        if doc.prose.isascii() or not _MIXED_GATE_RE.search(doc.prose):
            return
        for word in doc.words:
            w = word.text
            if w.isascii() or not _MIXED_GATE_RE.search(w):
                continue
            for part in _PART_RE.finditer(w):
                yield from self._check_part(word.start + part.start(), part.group())

    def _check_part(self, start: int, part: str):
        scripts = [_script(c) for c in part]
        present = {s for s in scripts if s}
        if "Latin" not in present or len(present) < 2:
            return
        other = "Cyrillic" if "Cyrillic" in present else "Greek"
        if len(present) > 2:
            return
        n_latin = scripts.count("Latin")
        n_other = scripts.count(other)
        if n_latin >= n_other:
            target, table = "Latin", _TO_LATIN
            odd = [c for c, s in zip(part, scripts) if s == other]
        else:
            target = other
            table = _LATIN_TO_CYRILLIC if other == "Cyrillic" else _LATIN_TO_GREEK
            odd = [c for c, s in zip(part, scripts) if s == "Latin"]
        if not all(c in table for c in odd):
            return
        fixed = "".join(table.get(c, c) if s != target else c for c, s in zip(part, scripts))
        odd_desc = ", ".join(
            dict.fromkeys(f"{c} (U+{ord(c):04X})" for c in odd)
        )
        minority = other if target == "Latin" else "Latin"
        yield self.diagnostic(
            start,
            start + len(part),
            f"'{part}' mixes scripts: {minority} {odd_desc} in a {target} word; "
            f"did you mean '{fixed}' (all {target})?",
            self.fix_replace(start, start + len(part), fixed, Applicability.UNSAFE, f"Write '{fixed}'"),
            evidence={"suggestion": fixed, "script": target},
        )
