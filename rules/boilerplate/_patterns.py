"""Boilerplate patterns, loaded once from ``rules/data/boilerplate_*.toml``."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class LineKind:
    name: str
    where: str  # anywhere | edge | trailer | header
    pattern: regex.Pattern
    language: str
    markdown: bool = True


@dataclass(frozen=True)
class WireKind:
    name: str
    prefix: regex.Pattern | None
    line: regex.Pattern | None


@dataclass(frozen=True)
class Vocabulary:
    strong: frozenset[str]
    strong_prefixes: tuple[str, ...]
    medium: frozenset[str]
    medium_prefixes: tuple[str, ...]
    ignore: frozenset[str]


_LINE_KINDS: list[LineKind] | None = None
_VOCABULARY: Vocabulary | None = None
_TOKEN_RE = regex.compile(r"[\p{L}][\p{L}\p{M}'’-]*")
_WIRE_KINDS: list[WireKind] | None = None


def _union(patterns: list[str], flags: int) -> regex.Pattern | None:
    if not patterns:
        return None
    return regex.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", flags | regex.V0)


def line_kinds() -> list[LineKind]:
    """Kinds of boilerplate lines from every ``boilerplate_<language>.toml``."""
    global _LINE_KINDS
    if _LINE_KINDS is None:
        kinds = []
        for path in sorted(_DATA.glob("boilerplate_*.toml")):
            if path.name == "boilerplate_wire.toml":
                continue
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
            lang = raw.get("language", path.stem.split("_", 1)[1])
            for k in raw.get("kind", []):
                where = k.get("where", "edge")
                if where not in ("anywhere", "edge", "trailer", "header"):
                    raise ValueError(f"{path.name}: kind {k.get('name')!r}: unknown where {where!r}")
                pat = _union(k.get("patterns", []), regex.IGNORECASE)
                if pat is not None:
                    kinds.append(LineKind(k["name"], where, pat, lang, k.get("markdown", True)))
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
            voc = tomllib.loads(path.read_text(encoding="utf-8")).get("vocabulary", {})
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
        raw = tomllib.loads((_DATA / "boilerplate_wire.toml").read_text(encoding="utf-8"))
        kinds = []
        for k in raw.get("kind", []):
            flags = 0 if k.get("case_sensitive") else regex.IGNORECASE
            kinds.append(WireKind(k["name"], _union(k.get("prefix", []), flags), _union(k.get("line", []), flags)))
        _WIRE_KINDS = kinds
    return _WIRE_KINDS


def match_line(text: str, anywhere_only: bool = False, markdown: bool = False) -> LineKind | None:
    """The first kind whose patterns match the whole (stripped) line.

    With ``anywhere_only``, only the kinds that count wherever the line stands; with
    ``markdown``, only the kinds that apply to Markdown.
    """
    stripped = text.strip()
    if not stripped or len(stripped) > 800:
        return None
    for kind in line_kinds():
        if anywhere_only and kind.where != "anywhere":
            continue
        if markdown and not kind.markdown:
            continue
        if kind.pattern.fullmatch(stripped):
            return kind
    return None
