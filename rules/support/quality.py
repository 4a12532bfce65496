"""Document-level quality signals, and the gate that turns them into keep/drop.

The signals follow the heuristic filters used to build large web-text corpora:

* Gopher (Rae et al. 2021, "Scaling Language Models", appendix A): word count, mean
  word length, symbol-to-word ratio, bullet and ellipsis lines, share of words with
  an alphabetic character, stop words, duplicate lines and paragraphs, top n-gram
  character share;
* C4 (Raffel et al. 2020, "Exploring the Limits of Transfer Learning"): lines ending in
  terminal punctuation, ``lorem ipsum``, words longer than 1000 characters;
* FineWeb (Penedo et al. 2024): share of lines ending in punctuation, share of short
  lines, characters in duplicated lines.

Scores (``compute_signals``) are kept apart from the decision (``gate``): the scores
are facts about a document; the thresholds are configuration
(``[tool.copydesk.quality]``). The defaults are set for news: a short brief with a
title line passes, and the 2,225 BBC News articles of the evaluation corpus all pass.
Two line-shape thresholds are looser than FineWeb's web defaults (short lines 0.67,
lines ending in punctuation at least 0.12): sports draws, results and fixture lists
are news too, and reach 0.83 short lines and 0.94 unpunctuated lines in clean copy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields, replace
from typing import Any, Iterable

import regex

from linter.document import Document
from linter.text import MASK_PLACEHOLDER as PLACEHOLDER
from linter.rules.support.patterns import lazy

# Whitespace-separated tokens, as in Gopher (words for the ratio signals).
_TOKEN_RE = lazy(r"\S+")
_ALPHA_RE = lazy(r"\p{L}")
_LOREM_RE = lazy(r"\blorem\s+ipsum\b", regex.IGNORECASE)
_BULLET_RE = lazy(r"^\s*(?:[-*•‣◦▪▫●○■□➢➤►▶–—]|\d{1,3}[.)])\s")
_ELLIPSIS_END_RE = lazy(r"(?:\.\.\.|…)\s*$")
# A line ends a sentence: terminal punctuation, optionally followed by closers.
_TERMINAL_RE = lazy(r"[.!?…:;]['\"”’»)\]]*\s*$")
_TRAILING_PUNCT = "\"'“”‘’«»()[]{}.,;:!?…-–—"

# Gopher's stop words: a real English text has at least two of them.
STOP_WORDS = frozenset(("the", "be", "to", "of", "and", "that", "have", "with"))

SHORT_LINE_CHARS = 30
# Line-shape shares say little about a document of a few lines (a headline and two
# paragraphs); they are judged from this many non-blank lines on.
MIN_LINES_FOR_SHAPE = 5
# Signals judged only from this many words on: an average or a top phrase over a
# handful of words is noise.
MIN_WORDS_FOR = {
    "mean_word_length": 20,
    "top_2gram_share": 50,
    "top_3gram_share": 50,
    "top_4gram_share": 50,
    "stop_words": 30,
    "alpha_word_share": 1,
}
LINE_SHAPE_SIGNALS = frozenset(
    ("unpunctuated_line_share", "bullet_line_share", "ellipsis_line_share", "short_line_share")
)
TOP_NGRAM_SIZES = (2, 3, 4)


@dataclass(frozen=True)
class Thresholds:
    """Keep/drop thresholds; every field is a key of ``[tool.copydesk.quality]``."""

    min_words: int = 30
    max_words: int = 100_000
    min_mean_word_length: float = 3.0
    max_mean_word_length: float = 10.0
    max_symbol_word_ratio: float = 0.1
    max_unpunctuated_line_share: float = 0.95
    max_bullet_line_share: float = 0.9
    max_ellipsis_line_share: float = 0.3
    max_short_line_share: float = 0.9
    max_duplicate_line_share: float = 0.3
    max_duplicate_paragraph_share: float = 0.3
    max_duplicate_line_char_share: float = 0.2
    max_duplicate_paragraph_char_share: float = 0.2
    max_top_2gram_share: float = 0.2
    max_top_3gram_share: float = 0.18
    max_top_4gram_share: float = 0.16
    min_alpha_word_share: float = 0.8
    min_stop_words: int = 2
    max_word_length: int = 1000
    max_lorem_ipsum: int = 0

    @classmethod
    def from_mapping(cls, values: dict[str, Any] | None) -> "Thresholds":
        """Thresholds from a config mapping; unknown keys and wrong types raise ValueError."""
        if not values:
            return cls()
        known = {f.name: f for f in fields(cls)}
        out: dict[str, Any] = {}
        for key, value in values.items():
            if key not in known:
                close = ", ".join(sorted(known))
                raise ValueError(f"unknown quality threshold {key!r} (known: {close})")
            default = getattr(cls, key)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"quality threshold {key!r} must be a number, got {value!r}")
            if isinstance(default, int) and not float(value).is_integer():
                raise ValueError(f"quality threshold {key!r} must be a whole number, got {value!r}")
            out[key] = type(default)(value)
        return replace(cls(), **out)


# Gate name (a Thresholds field) -> (signal, "min" or "max").
GATES: dict[str, tuple[str, str]] = {
    "min_words": ("word_count", "min"),
    "max_words": ("word_count", "max"),
    "min_mean_word_length": ("mean_word_length", "min"),
    "max_mean_word_length": ("mean_word_length", "max"),
    "max_symbol_word_ratio": ("symbol_word_ratio", "max"),
    "max_unpunctuated_line_share": ("unpunctuated_line_share", "max"),
    "max_bullet_line_share": ("bullet_line_share", "max"),
    "max_ellipsis_line_share": ("ellipsis_line_share", "max"),
    "max_short_line_share": ("short_line_share", "max"),
    "max_duplicate_line_share": ("duplicate_line_share", "max"),
    "max_duplicate_paragraph_share": ("duplicate_paragraph_share", "max"),
    "max_duplicate_line_char_share": ("duplicate_line_char_share", "max"),
    "max_duplicate_paragraph_char_share": ("duplicate_paragraph_char_share", "max"),
    "max_top_2gram_share": ("top_2gram_share", "max"),
    "max_top_3gram_share": ("top_3gram_share", "max"),
    "max_top_4gram_share": ("top_4gram_share", "max"),
    "min_alpha_word_share": ("alpha_word_share", "min"),
    "min_stop_words": ("stop_words", "min"),
    "max_word_length": ("longest_word", "max"),
    "max_lorem_ipsum": ("lorem_ipsum", "max"),
}


# --------------------------------------------------------------------- signal families


def _per_document(family):
    """Compute a signal family once per Document: the quality rules and the gate
    share it. The result lives on the Document itself, so nothing outlives it."""

    import functools

    @functools.wraps(family)
    def cached(doc: Document) -> dict[str, Any]:
        return doc.memo(cached, lambda: family(doc))

    return cached

def tokens(doc: Document) -> list[str]:
    """Whitespace-separated tokens of the prose (Gopher's notion of a word); in
    Markdown, tokens holding masked inline markup (code spans, URLs) are not words."""
    toks = doc.prose.split()
    if doc.prose is not doc.text and PLACEHOLDER in doc.prose:
        toks = [t for t in toks if PLACEHOLDER not in t]
    return toks


def has_letter(token: str) -> bool:
    return bool(_ALPHA_RE.search(token))


@_per_document
def word_signals(doc: Document) -> dict[str, Any]:
    """Word count, mean word length, alphabetic share, stop words, longest word."""
    toks = tokens(doc)
    n = len(toks)
    # Mean length of words, punctuation around them not counted.
    stripped = [t.strip(_TRAILING_PUNCT) for t in toks]
    lengths = [len(s) for s in stripped if s]
    alpha = sum(1 for t in toks if _ALPHA_RE.search(t))
    stop = sum(1 for s in stripped if s.lower() in STOP_WORDS)
    longest = max((len(t) for t in toks), default=0)
    return {
        "word_count": n,
        "mean_word_length": round(sum(lengths) / len(lengths), 4) if lengths else 0.0,
        "alpha_word_share": round(alpha / n, 4) if n else 0.0,
        "stop_words": stop,
        "longest_word": longest,
    }


@_per_document
def symbol_signals(doc: Document) -> dict[str, Any]:
    """Hash marks and ellipses per word (Gopher), and ``lorem ipsum`` (C4)."""
    prose = doc.prose
    n = len(prose.split())
    symbols = prose.count("#") + prose.count("...") + prose.count("…")
    return {
        "symbol_word_ratio": round(symbols / n, 4) if n else 0.0,
        "lorem_ipsum": len(_LOREM_RE.findall(prose)),
    }


def nonblank_lines(doc: Document) -> list:
    return [ln for ln in doc.lines if ln.text.strip()]


def is_unpunctuated_line(line: str) -> bool:
    return not _TERMINAL_RE.search(line)


def is_bullet_line(line: str) -> bool:
    return bool(_BULLET_RE.match(line))


def is_ellipsis_line(line: str) -> bool:
    return bool(_ELLIPSIS_END_RE.search(line))


def is_short_line(line: str) -> bool:
    return len(line.strip()) < SHORT_LINE_CHARS


@_per_document
def line_signals(doc: Document) -> dict[str, Any]:
    """Shares of lines without terminal punctuation, bullets, ellipses, short lines."""
    lines = nonblank_lines(doc)
    n = len(lines)
    if not n:
        return {
            "line_count": 0,
            "unpunctuated_line_share": 0.0,
            "bullet_line_share": 0.0,
            "ellipsis_line_share": 0.0,
            "short_line_share": 0.0,
        }
    unpunct = sum(1 for ln in lines if is_unpunctuated_line(ln.text))
    bullets = sum(1 for ln in lines if is_bullet_line(ln.text))
    ellipses = sum(1 for ln in lines if is_ellipsis_line(ln.text))
    short = sum(1 for ln in lines if is_short_line(ln.text))
    return {
        "line_count": n,
        "unpunctuated_line_share": round(unpunct / n, 4),
        "bullet_line_share": round(bullets / n, 4),
        "ellipsis_line_share": round(ellipses / n, 4),
        "short_line_share": round(short / n, 4),
    }


def _duplicate_shares(blocks: list[str]) -> tuple[float, float, str | None]:
    """(share of blocks that repeat an earlier one, share of their characters, first repeat)."""
    if not blocks:
        return 0.0, 0.0, None
    seen: set[str] = set()
    dup = dup_chars = 0
    first = None
    for b in blocks:
        if b in seen:
            dup += 1
            dup_chars += len(b)
            if first is None:
                first = b
        else:
            seen.add(b)
    total_chars = sum(len(b) for b in blocks)
    return (
        round(dup / len(blocks), 4),
        round(dup_chars / total_chars, 4) if total_chars else 0.0,
        first,
    )


@_per_document
def duplicate_signals(doc: Document) -> dict[str, Any]:
    """Gopher's repetition: lines and paragraphs that repeat an earlier one."""
    lines = [ln.text.strip() for ln in nonblank_lines(doc)]
    paras = [p.text.strip() for p in doc.paragraphs]
    line_share, line_chars, first_line = _duplicate_shares(lines)
    para_share, para_chars, first_para = _duplicate_shares(paras)
    return {
        "duplicate_line_share": line_share,
        "duplicate_line_char_share": line_chars,
        "duplicate_paragraph_share": para_share,
        "duplicate_paragraph_char_share": para_chars,
        "_first_duplicate_line": first_line,
        "_first_duplicate_paragraph": first_para,
    }


@_per_document
def ngram_signals(doc: Document) -> dict[str, Any]:
    """Gopher's top n-gram character share, n = 2, 3, 4 (lower-cased words).

    The share is the characters covered by the most frequent n-gram (each occurrence
    counted) over the characters of all words.
    """
    words = [w.text.lower() for w in doc.words]
    total = sum(len(w) for w in words)
    out: dict[str, Any] = {}
    for n in TOP_NGRAM_SIZES:
        key = f"top_{n}gram_share"
        if total == 0 or len(words) < n:
            out[key] = 0.0
            out[f"_top_{n}gram"] = None
            continue
        counts = Counter(zip(*(words[i:] for i in range(n))))
        gram, count = counts.most_common(1)[0]
        if count < 2:
            out[key] = 0.0
            out[f"_top_{n}gram"] = None
            continue
        out[key] = round(count * sum(len(w) for w in gram) / total, 4)
        out[f"_top_{n}gram"] = (" ".join(gram), count)
    return out


FAMILIES = (word_signals, symbol_signals, line_signals, duplicate_signals, ngram_signals)


def compute_signals(doc: Document | str) -> dict[str, Any]:
    """Every quality score of a document (public keys only: no leading underscore)."""
    if isinstance(doc, str):
        doc = Document(doc)
    scores: dict[str, Any] = {}
    for family in FAMILIES:
        scores.update(family(doc))
    return {k: v for k, v in scores.items() if not k.startswith("_")}


def failed(scores: dict[str, Any], thresholds: Thresholds, gates: Iterable[str] | None = None) -> list[str]:
    """Names of the gates (threshold keys) the scores fail, in a fixed order."""
    active = GATES if gates is None else {g: GATES[g] for g in gates}
    reasons = []
    for gate, (signal, kind) in active.items():
        value = scores.get(signal)
        if value is None:
            continue
        if signal in LINE_SHAPE_SIGNALS and scores.get("line_count", 0) < MIN_LINES_FOR_SHAPE:
            continue
        if scores.get("word_count", 0) < MIN_WORDS_FOR.get(signal, 0):
            continue
        limit = getattr(thresholds, gate)
        if (kind == "min" and value < limit) or (kind == "max" and value > limit):
            reasons.append(gate)
    return reasons


def describe(gate: str, scores: dict[str, Any], thresholds: Thresholds) -> str:
    """A one-line reason: the score, the comparison and the threshold."""
    signal, kind = GATES[gate]
    op = "<" if kind == "min" else ">"
    return f"{signal} {scores[signal]} {op} {gate} {getattr(thresholds, gate)}"


@dataclass
class Gate:
    """The keep/drop decision: thresholds plus the gates that may drop a document."""

    thresholds: Thresholds = Thresholds()
    ignore: tuple[str, ...] = ()
    # The stop-word gate is English-specific: it applies only when English is expected.
    languages: tuple[str, ...] = ("en",)

    @classmethod
    def from_config(cls, section: dict[str, Any] | None, languages: tuple[str, ...] = ("en",)) -> "Gate":
        """Build from ``[tool.copydesk.quality]``: threshold keys (``min-words`` or
        ``min_words``) plus ``ignore = [...]``, a list of gates that never drop."""
        # Keys may be written kebab-case, like the rest of the configuration.
        section = {k.replace("-", "_"): v for k, v in (section or {}).items()}
        ignore = section.pop("ignore", [])
        if not isinstance(ignore, list) or not all(isinstance(g, str) for g in ignore):
            raise ValueError("quality 'ignore' must be a list of threshold names")
        ignore = [g.replace("-", "_") for g in ignore]
        unknown = [g for g in ignore if g not in GATES]
        if unknown:
            raise ValueError(
                f"quality 'ignore' names unknown gate(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(GATES)})"
            )
        return cls(Thresholds.from_mapping(section), tuple(ignore), tuple(languages))

    @property
    def active(self) -> list[str]:
        skip = set(self.ignore)
        if "en" not in self.languages:
            skip.add("min_stop_words")
        return [g for g in GATES if g not in skip]

    def decide(self, scores: dict[str, Any]) -> list[str]:
        """The reasons to drop (empty: keep)."""
        return failed(scores, self.thresholds, self.active)


def quality_rule_options(codes: Iterable[str], gate: Gate) -> dict[str, dict[str, Any]]:
    """Options for the selected quality rules taken from the gate's thresholds, so
    their findings and the gate agree."""
    from linter.registry import all_rules

    registry = all_rules()
    out: dict[str, dict[str, Any]] = {}
    for code in codes:
        cls = registry.get(code)
        if cls is None or str(cls.category) != "quality":
            continue
        opts = {k: getattr(gate.thresholds, k) for k in cls.options if k in GATES}
        if opts:
            out[code] = opts
    return out
