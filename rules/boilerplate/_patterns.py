"""Boilerplate patterns, loaded once from ``rules/data/boilerplate_*.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from linter.rules.support import datafile, folding
from linter.rules.support.folding import fold_for_patterns
from linter.rules.support.patterns import lazy

_DATA = datafile.DATA


_PENDING = object()


class LineKind:
    """One kind of boilerplate line. Each of its patterns is compiled on first use, and
    only for a line that holds one of the literals every match of that pattern
    contains: compiling every pattern costs more than checking a short article, and
    most lines lack the words a pattern requires. A line is of the kind when one of
    its patterns matches the whole line, which is what the union of the patterns
    answers too."""

    __slots__ = (
        "name", "where", "language", "markdown", "info", "starts", "_literals", "_widths", "_source", "_compiled",
        "_union", "_checks",
    )

    def __init__(
        self, name: str, where: str, patterns: list[str], language: str, markdown: bool = True, info: bool = False
    ) -> None:
        self.name = name
        self.where = where  # anywhere | edge | trailer | header
        self.language = language
        self.markdown = markdown
        # Lines that belong to the story's furniture rather than the page's (credits,
        # bylines, timestamps): reported at info severity, since an editor may keep them.
        self.info = info
        # Per pattern: what any match starts with (``_start``), or None (unknown);
        # and literals one of which any match contains, or None (unknown), read from
        # the pattern when a line passes the first test (_PENDING until then).
        known = [_analysis(p) for p in patterns]
        self.starts = [_start(p) if a is None else a[0] for p, a in zip(patterns, known)]
        self._literals: list = [_PENDING if a is None else a[1] for a in known]
        # Per pattern: the longest text a match can span, or None (unknown).
        self._widths = [None if a is None else a[2] for a in known]
        self._source = patterns
        self._compiled: list[regex.Pattern | None] = [None] * len(patterns)
        # A flag set for the whole pattern ("(?x)") applies to the whole union in
        # regex's version 0: such a kind is matched as one union, as it always was.
        self._union: regex.Pattern | None | bool = False if any(_INLINE_FLAGS_RE.search(p) for p in patterns) else None
        # Per pattern, once a line is checked: (index, start, width, literals).
        self._checks: list | None = None

    @property
    def required(self) -> list[list[str] | None]:
        """Per pattern: literals one of which any match contains, or None (unknown)."""
        return [self._required_at(i) for i in range(len(self._source))]

    def _required_at(self, i: int) -> list[str] | None:
        literals = self._literals[i]
        if literals is _PENDING:
            literals = self._literals[i] = _required(self._source[i])
        return literals

    def may_match(self, folded: str) -> bool:
        """False only when no pattern can match the line whose ``fold_for_patterns`` is ``folded``."""
        for literals in self.required:
            if literals is None or any(lit in folded for lit in literals):
                return True
        return False

    def fullmatch(self, text: str, folded: str) -> bool:
        """Whether one of the patterns matches all of ``text``, whose ``fold_for_patterns``
        is ``folded``; patterns whose literals ``folded`` lacks are not compiled."""
        if self._union is not None:
            if self._union is False:
                self._union = _union(self._source, regex.IGNORECASE)
            return self.may_match(folded) and self._union.fullmatch(text) is not None
        compiled = self._compiled
        checks = self._checks
        if checks is None:
            checks = self._checks = [
                (i, start, self._widths[i], self._required_at(i)) for i, start in enumerate(self.starts)
            ]
        size = len(text)
        for i, start, width, literals in checks:
            if start is not None:
                chars, prefixes = start
                if not (folded.lstrip(chars) if chars else folded).startswith(prefixes):
                    continue
            if width is not None and size > width:
                continue
            if literals is not None:
                for lit in literals:
                    if lit in folded:
                        break
                else:
                    continue
            pattern = compiled[i]
            if pattern is None:
                pattern = compiled[i] = _union([self._source[i]], regex.IGNORECASE)
            if pattern.fullmatch(text) is not None:
                return True
        return False

    def __repr__(self) -> str:
        return f"LineKind({self.name!r}, {self.where!r}, {self.language!r})"


# Characters that quantify what stands before them.
_QUANTIFIERS = frozenset("?*+{")
# Inline flags for the whole pattern (verbose mode...) change what literals mean; a
# scoped group such as "(?-i:...)" (case kept significant) does not, since a literal
# it holds still stands in the folded line whenever the group matches.
_INLINE_FLAGS_RE = lazy(r"\(\?[a-zA-Z^-]+\)")
_SCOPED_FLAGS_RE = lazy(r"\(\?[a-zA-Z^-]+:")


def _class_end(p: str, j: int) -> int:
    """Index just past the character class opened by ``p[j] == "["``."""
    j += 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":  # a ']' first in the class is a literal
        j += 1
    while j < len(p) and p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    return j + 1


# What the structure of a pattern turns on: an escape, a character class (as
# ``_class_end`` reads one: a leading "^" or "]" belongs to it, an unclosed one runs to
# the end) or a bracket or bar outside both. Plain text between them is skipped in C.
_STRUCTURE_RE = re.compile(r"\\.?|\[\^?\]?(?:\\.?|[^\]\\])*\]?|[()|]", re.S)


def _structure(p: str, start: int = 0):
    """Yield ``(index, char, depth)`` for the brackets and bars of pattern ``p`` from
    ``start`` that are neither escaped nor inside a character class; ``depth`` is the
    group nesting before the character."""
    depth = 0
    for m in _STRUCTURE_RE.finditer(p, start):
        ch = m.group()
        if len(ch) != 1 or ch == "\\" or ch == "[":
            continue
        yield m.start(), ch, depth
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1


def _closing_paren(p: str, i: int) -> int:
    """Index of the ``)`` closing the group opened at ``p[i]``, or -1."""
    for j, ch, depth in _structure(p, i):
        if ch == ")" and depth == 1:
            return j
    return -1


def _top_level_alternatives(p: str) -> list[str]:
    """``p`` split at its top-level ``|``."""
    if "|" not in p:
        return [p]
    out, start = [], 0
    for j, ch, depth in _structure(p):
        if ch == "|" and depth == 0:
            out.append(p[start:j])
            start = j + 1
    out.append(p[start:])
    return out


_METACHARACTERS = frozenset(".^$*+?{}[]\\|()")


@lru_cache(maxsize=None)
def _plain_char(ch: str) -> str | None:
    """``ch`` as it stands in folded text when the case-insensitive patterns can match
    it with nothing else: ASCII letters and digits (lower-cased), ASCII punctuation
    and space, and characters without case ("©", "•"); otherwise None."""
    if ch.isascii():
        return ch.lower() if ch.isprintable() else None
    if ch.lower() == ch == ch.upper() and ch.casefold() == ch and ch.isprintable():
        return ch
    # A lower-case letter of a simple case pair (Cyrillic "п", "ü"): the line's fold
    # holds it wherever the pattern matches it or its capital. Letters with more than
    # one lower form ("ς", "ı") are left out.
    if ch.islower() and ch.casefold() == ch and len(ch.upper()) == 1 and ch.upper().casefold() == ch:
        return ch
    return None


def _quantifier(p: str, k: int) -> tuple[bool, int] | None:
    """The quantifier starting at ``p[k]``, if any, as (at least once?, index past it)."""
    if k >= len(p) or p[k] not in _QUANTIFIERS:
        return None
    if p[k] == "{":
        close = p.find("}", k)
        if close == -1:
            return False, len(p)
        low = p[k + 1 : close].split(",")[0].strip()
        end, positive = close + 1, low.isdigit() and int(low) >= 1
    else:
        end, positive = k + 1, p[k] == "+"
    if end < len(p) and p[end] in "?+":  # lazy or possessive
        end += 1
    return positive, end


def _class_members(p: str, j: int, end: int) -> list[str] | None:
    """The characters of the simple class ``p[j:end]`` (no negation, range or
    escape), each as ``_plain_char`` gives it, or None."""
    inner = p[j + 1 : end - 1]
    if not inner or inner[0] == "^" or "\\" in inner or "[" in inner or "-" in inner[1:-1]:
        return None
    out = []
    for ch in inner:
        c = _plain_char(ch)
        if c is None:
            return None
        out.append(c)
    return out


def _required(p: str, nested: bool = False) -> list[str] | None:
    """Literals (folded by ``fold_for_patterns``) one of which every match of ``p`` contains when
    matched case-insensitively, or None when the pattern's shape is not read simply
    enough to tell. The literal is taken from a run of plain characters outside any
    optional or repeated part, from a simple character class, or from a group's
    alternatives; only what must occur at least once counts."""
    if not nested and _INLINE_FLAGS_RE.search(p):
        return None
    alternatives = _top_level_alternatives(p)
    if len(alternatives) > 1:
        out: list[str] = []
        for alt in alternatives:
            r = _required(alt, True)
            if r is None:
                return None
            out += r
        return out
    candidates: list[list[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(["".join(run)])
            run.clear()

    j, n = 0, len(p)
    while j < n:
        ch = p[j]
        # One element: a character, an escape, a class or a group, p[j:end].
        literal: str | None = None
        members: list[str] | None = None
        if ch == "\\":
            nxt = p[j + 1] if j + 1 < n else ""
            if nxt in ("p", "P") and p[j + 2 : j + 3] == "{":
                close = p.find("}", j)
                if close == -1:
                    return None
                end = close + 1
            elif nxt and (nxt in "xuUNpP" or nxt.isdigit()):
                return None  # a character given by number or name
            else:
                end = j + 2
                if nxt.isascii() and not nxt.isalnum() and nxt not in " #":
                    literal = nxt  # escaped punctuation: "\(", "\|"
        elif ch == "[":
            end = _class_end(p, j)
            members = _class_members(p, j, end)
        elif ch == "(":
            close = _closing_paren(p, j)
            if close == -1:
                return None
            if p.startswith(("(?=", "(?!", "(?<=", "(?<!"), j):
                # A lookaround matches no text: it neither gives nor breaks a literal.
                flush()
                j = close + 1
                continue
            scoped = _SCOPED_FLAGS_RE.match(p, j)
            if p.startswith("(?", j) and not p.startswith("(?:", j) and not scoped:
                return None
            if scoped:
                inner = p[scoped.end() : close]
            else:
                inner = p[j + 3 : close] if p.startswith("(?:", j) else p[j + 1 : close]
            members = _required(inner, True)
            end = close + 1
        elif ch in _METACHARACTERS:
            end = j + 1
        else:
            end = j + 1
            literal = _plain_char(ch)
        quant = _quantifier(p, end) if end < n and p[end] in _QUANTIFIERS else None
        if quant is not None:
            positive, end = quant
            flush()
            if positive and literal is not None:
                candidates.append([literal])
            elif positive and members:
                candidates.append(members)
        elif literal is not None:
            run.append(literal)
        else:
            flush()
            if members:
                candidates.append(members)
        j = end
    flush()
    if not candidates:
        return None
    # The most selective: the one whose shortest literal is longest.
    return max(candidates, key=lambda lits: min(len(x) for x in lits))


def _prefixes(p: str) -> tuple[str, ...] | None:
    """Literals (folded by ``fold_for_patterns``) one of which every match of ``p``
    starts with when matched case-insensitively, or None when the pattern's start is
    not read simply enough to tell: a run of plain characters, then at most one group
    or simple character class, the class neither optional nor repeated. A group
    that may be left out ("(jetzt )?newsletter": "jetzt ", "newsletter") gives its own starts and those of
    what follows it. A lookaround at the start matches no text and is passed over."""
    if _INLINE_FLAGS_RE.search(p):
        return None
    alternatives = _top_level_alternatives(p)
    if len(alternatives) > 1:
        out: list[str] = []
        for alt in alternatives:
            r = _prefixes(alt)
            if r is None:
                return None
            out += r
        return tuple(out)
    run: list[str] = []
    j, n = 0, len(p)
    while j < n:
        ch = p[j]
        nested: tuple[str, ...] | None = None
        if ch == "\\":
            nxt = p[j + 1] if j + 1 < n else ""
            if not (nxt.isascii() and not nxt.isalnum() and nxt not in " #") or not nxt:
                break
            literal, end = nxt, j + 2
        elif ch == "[":
            end = _class_end(p, j)
            members = _class_members(p, j, end)
            if not members or _quantifier(p, end) is not None:
                break
            nested, literal = tuple(members), None
        elif ch == "(":
            close = _closing_paren(p, j)
            if close == -1:
                break
            if p.startswith(("(?=", "(?!", "(?<=", "(?<!"), j) and not run:
                j = close + 1
                continue
            scoped = _SCOPED_FLAGS_RE.match(p, j)
            if scoped:
                inner = p[scoped.end() : close]
            elif p.startswith("(?:", j):
                inner = p[j + 3 : close]
            elif p.startswith("(?", j):
                break
            else:
                inner = p[j + 1 : close]
            quant = _quantifier(p, close + 1)
            nested = _prefixes(inner)
            if nested is None:
                break
            if quant is not None and not quant[0]:
                # "(jetzt )?newsletter": a match starts with the group's start or,
                # without the group, with what follows it ("(ab)+c" starts as "(ab)").
                rest = _prefixes(p[quant[1] :])
                if rest is None:
                    break
                head = "".join(run)
                return tuple(head + x for x in nested) + tuple(head + x for x in rest)
            literal, end = None, close + 1
        elif ch in _METACHARACTERS:
            break
        else:
            literal, end = _plain_char(ch), j + 1
            if literal is None:
                break
        if nested is not None:
            head = "".join(run)
            return tuple(head + x for x in nested)
        if _quantifier(p, end) is not None:
            break
        run.append(literal)
        j = end
    return ("".join(run),) if run else None


# What the data index records for each pattern of the data files (see
# ``rules/support/datafile.py``): its start (``_start``), the literals one of which every
# match contains (``_required``) and the longest text a match can span. The record
# holds for this module's code and the folding the literals are read with.
_ANALYSES_NAME = "boilerplate-patterns"
_ANALYSES: dict | None = None
# A width the regex module reports for an unbounded repeat is at least this.
_UNBOUNDED = 1 << 31


def _analysis_source() -> bytes:
    return Path(__file__).read_bytes() + Path(folding.__file__).read_bytes()


def _analysis(p: str) -> tuple | None:
    """``(start, required, width)`` of ``p`` from the data index, or None when the
    index does not hold it (the analyses are then made here, the width left unknown)."""
    global _ANALYSES
    if _ANALYSES is None:
        _ANALYSES = datafile.derived(_ANALYSES_NAME, _analysis_source()) or {}
    a = _ANALYSES.get(p)
    if a is None:
        return None
    start, required, width = a
    return (None if start is None else (start[0], tuple(start[1])), required, width)


def analyse(p: str) -> list:
    """What the data index records for pattern ``p``: ``[start, required, width]``."""
    start = _start(p)
    return [None if start is None else [start[0], list(start[1])], _required(p), _max_width(p)]


def analyses() -> tuple[bytes, dict]:
    """The source the analyses depend on, and the analysis of every pattern of the
    data files, for the data index."""
    sources = [p for kind in line_kinds() for p in kind._source]
    for kind in wire_kinds():
        for gate in (kind.prefix, kind.line):
            if gate is not None:
                sources += gate._source
    return _analysis_source(), {p: analyse(p) for p in sources}


def _max_width(p: str) -> int | None:
    """The longest text a match of ``p``, compiled as ``_union`` compiles it, can span;
    None when unbounded or not known. Read from the regex module's own parse, which
    only the data index's builder asks for: a parse that fails answers None."""
    try:
        from regex import _regex_core as core

        source = core.Source("(?:(?:" + p + "))")
        info = core.Info(regex.IGNORECASE | regex.V0, source.char_type, {})
        width = core._parse_pattern(source, info).max_width()
    except Exception:  # noqa: BLE001  (an internal parse: any failure means "not known")
        return None
    return width if isinstance(width, int) and 0 <= width < _UNBOUNDED else None


# Every character that ``\\s`` can match, and a few more (what ``str.isspace`` calls
# space): stripping more than a leading class can match is still safe below.
@lru_cache(maxsize=1)
def _spaces() -> str:
    return "".join(chr(c) for c in range(0x3001) if chr(c).isspace())


def _start(p: str) -> tuple[str, tuple[str, ...]] | None:
    """``(characters, prefixes)``: every match of ``p`` starts with a run of the
    ``characters`` (maybe empty) followed by one of the ``prefixes``, each folded by
    ``fold_for_patterns``; or None when the start is not read simply enough (see
    ``_prefixes``). The run is a leading class of plain characters and ``\\s``,
    repeated ("[|»•\\s]*"); no prefix starts with one of its characters, so the line
    with the run stripped starts with a prefix wherever the pattern matches."""
    if p.startswith("[") and len(_top_level_alternatives(p)) == 1:
        end = _class_end(p, 0)
        quant = _quantifier(p, end)
        chars = _class_chars(p[1 : end - 1])
        if quant is not None and chars is not None:
            rest = _prefixes(p[quant[1] :])
            if rest and all(x[0] not in chars for x in rest):
                return chars, rest
            return None
    prefixes = _prefixes(p)
    return ("", prefixes) if prefixes else None


def _class_chars(inner: str) -> str | None:
    """What the class ``[inner]`` matches, folded, when it holds plain characters,
    escaped punctuation and ``\\s`` only (no range, no negation); otherwise None."""
    if not inner or inner[0] == "^":
        return None
    out: list[str] = []
    j = 0
    while j < len(inner):
        ch = inner[j]
        if ch == "\\":
            nxt = inner[j + 1 : j + 2]
            if nxt == "s":
                out.append(_spaces())
            elif nxt and nxt.isascii() and not nxt.isalnum():
                out.append(nxt)
            else:
                return None
            j += 2
            continue
        if ch == "-" and 0 < j < len(inner) - 1 or ch == "[":
            return None
        c = _plain_char(ch)
        if c is None:
            return None
        out.append(c)
        j += 1
    return "".join(out)


class _GatedUnion:
    """A union of patterns compiled on first use, and only once some text contains
    one of every-match's literals: until then ``match`` and ``fullmatch`` answer None
    (no match) from the literal test alone."""

    __slots__ = ("_source", "_flags", "_required", "_pattern")

    def __init__(self, patterns: list[str], flags: int) -> None:
        self._source = patterns
        self._flags = flags
        self._required = [_required(p) if a is None else a[1] for p, a in ((p, _analysis(p)) for p in patterns)]
        self._pattern: regex.Pattern | None = None

    def _get(self, text: str) -> regex.Pattern | None:
        if self._pattern is None:
            folded = fold_for_patterns(text)
            if not any(lits is None or any(lit in folded for lit in lits) for lits in self._required):
                return None
            self._pattern = _union(self._source, self._flags)
        return self._pattern

    def match(self, text: str):
        pattern = self._get(text)
        return pattern.match(text) if pattern is not None else None

    def fullmatch(self, text: str):
        pattern = self._get(text)
        return pattern.fullmatch(text) if pattern is not None else None


def _gated(patterns: list[str], flags: int) -> _GatedUnion | None:
    return _GatedUnion(patterns, flags) if patterns else None


@dataclass(frozen=True)
class WireKind:
    name: str
    prefix: _GatedUnion | None
    line: _GatedUnion | None


@dataclass(frozen=True)
class Vocabulary:
    strong: frozenset[str]
    strong_prefixes: tuple[str, ...]
    medium: frozenset[str]
    medium_prefixes: tuple[str, ...]
    ignore: frozenset[str]


_LINE_KINDS: list[LineKind] | None = None
_VOCABULARY: Vocabulary | None = None
_TOKEN_RE = lazy(r"[\p{L}][\p{L}\p{M}'’-]*")
_WIRE_KINDS: list[WireKind] | None = None


def _union(patterns: list[str], flags: int) -> regex.Pattern | None:
    if not patterns:
        return None
    return regex.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", flags | regex.V0)


@lru_cache(maxsize=None)
def _data(path: Path) -> dict:
    """The parsed ``boilerplate_*.toml`` file at ``path``, read once for both its line
    kinds and its vocabulary."""
    return datafile.load_toml(path)


def line_kinds() -> list[LineKind]:
    """Kinds of boilerplate lines from every ``boilerplate_<language>.toml``."""
    global _LINE_KINDS
    if _LINE_KINDS is None:
        kinds = []
        for path in sorted(_DATA.glob("boilerplate_*.toml")):
            if path.name == "boilerplate_wire.toml":
                continue
            raw = _data(path)
            lang = raw.get("language", path.stem.split("_", 1)[1])
            for k in raw.get("kind", []):
                where = k.get("where", "edge")
                if where not in ("anywhere", "edge", "trailer", "header"):
                    raise ValueError(f"{path.name}: kind {k.get('name')!r}: unknown where {where!r}")
                severity = k.get("severity", "warning")
                if severity not in ("info", "warning"):
                    raise ValueError(f"{path.name}: kind {k.get('name')!r}: unknown severity {severity!r}")
                patterns = k.get("patterns", [])
                if patterns:
                    kinds.append(
                        LineKind(k["name"], where, patterns, lang, k.get("markdown", True), severity == "info")
                    )
        _LINE_KINDS = kinds
    return _LINE_KINDS


def _split(words: list[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    exact = frozenset(w.lower() for w in words if not w.endswith("*"))
    prefixes = tuple(w[:-1].lower() for w in words if w.endswith("*"))
    return exact, prefixes


def vocabulary() -> Vocabulary:
    """Page-furniture vocabulary from every ``boilerplate_<language>.toml``."""
    global _VOCABULARY
    if _VOCABULARY is None:
        strong: list[str] = []
        medium: list[str] = []
        ignore: list[str] = []
        for path in sorted(_DATA.glob("boilerplate_*.toml")):
            voc = _data(path).get("vocabulary", {})
            strong += voc.get("strong", [])
            medium += voc.get("medium", [])
            ignore += voc.get("ignore", [])
        s_exact, s_pref = _split(strong)
        m_exact, m_pref = _split(medium)
        _VOCABULARY = Vocabulary(s_exact, s_pref, m_exact, m_pref, frozenset(w.lower() for w in ignore))
    return _VOCABULARY


def furniture_score(text: str) -> tuple[float, int, int, int]:
    """(score, strong words, medium words, content words) of a line's vocabulary."""
    voc = vocabulary()
    strong = medium = content = 0
    for tok in _TOKEN_RE.findall(text):
        w = tok.lower().strip("'’-")
        if not w or w in voc.ignore:
            continue
        content += 1
        if w in voc.strong or w.startswith(voc.strong_prefixes):
            strong += 1
        elif w in voc.medium or w.startswith(voc.medium_prefixes):
            medium += 1
    if not content:
        return 0.0, 0, 0, 0
    return (strong + 0.5 * medium) / content, strong, medium, content


def wire_kinds() -> list[WireKind]:
    """Wire slugs, editor's notes and credit lines from ``boilerplate_wire.toml``."""
    global _WIRE_KINDS
    if _WIRE_KINDS is None:
        raw = _data(_DATA / "boilerplate_wire.toml")
        kinds = []
        for k in raw.get("kind", []):
            flags = 0 if k.get("case_sensitive") else regex.IGNORECASE
            kinds.append(WireKind(k["name"], _gated(k.get("prefix", []), flags), _gated(k.get("line", []), flags)))
        _WIRE_KINDS = kinds
    return _WIRE_KINDS


class _StartIndex:
    """Which kinds a line could be of, by the character it starts with once each
    leading run of symbols (see ``_start``) is stripped: a kind with a pattern whose
    start is unknown is always a candidate."""

    def __init__(self, kinds: list[LineKind]) -> None:
        always: set[int] = set()
        by_first: dict[tuple[str, str], set[int]] = {}
        for n, kind in enumerate(kinds):
            if kind._union is not None:
                always.add(n)
                continue
            for start in kind.starts:
                if start is None:
                    always.add(n)
                    continue
                chars, prefixes = start
                for prefix in prefixes:
                    by_first.setdefault((chars, prefix[0]), set()).add(n)
        self.always = frozenset(always)
        self.by_first = by_first
        self.strips = tuple(sorted({chars for chars, _ in by_first}))

    def candidates(self, folded: str) -> set[int]:
        out = set(self.always)
        for chars in self.strips:
            rest = folded.lstrip(chars) if chars else folded
            if rest:
                out.update(self.by_first.get((chars, rest[0]), ()))
        return out


_START_INDEX: _StartIndex | None = None


def match_line(text: str, anywhere_only: bool = False, markdown: bool = False) -> LineKind | None:
    """The first kind whose patterns match the whole (stripped) line.

    With ``anywhere_only``, only the kinds that count wherever the line stands; with
    ``markdown``, only the kinds that apply to Markdown.
    """
    global _START_INDEX
    stripped = text.strip()
    if not stripped or len(stripped) > 800:
        return None
    kinds = line_kinds()
    if _START_INDEX is None:
        _START_INDEX = _StartIndex(kinds)
    # A pattern is compiled and run only when the line could match it: the literal
    # tests are cheaper than a pattern that scans the line for a phrase
    # (".{0,120}\ball rights reserved").
    folded = fold_for_patterns(stripped)
    for n in sorted(_START_INDEX.candidates(folded)):
        kind = kinds[n]
        if anywhere_only and kind.where != "anywhere":
            continue
        if markdown and not kind.markdown:
            continue
        if kind.fullmatch(stripped, folded):
            return kind
    return None
