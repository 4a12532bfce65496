"""Seeded error injection: one known defect per clean article.

Each injector takes the clean text and a ``random.Random`` and returns an
``Injection`` (the new text, the span of the defect in it, and the original text) or
``None`` when the article offers no place for that kind of defect. The span is the
smallest region that differs: ``original == text[:start] + original_piece + text[end:]``.
Everything is deterministic given the seed.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Callable

import regex

from linter.document import Document

from benchmarks.trailers import make_trailer

# Defect class -> the category of finding that counts as detecting it.
CLASS_CATEGORY: dict[str, str] = {
    "am_an": "typo",
    "a_an": "typo",
    "doubled_word": "typo",
    "lowercase_start": "typo",
    "name_respelling": "names",
    "foreign_line": "language",
    "boilerplate_trailer": "boilerplate",
    "mojibake": "encoding",
    "invisible_char": "encoding",
    "quote_mismatch": "typography",
}
CLASSES = tuple(CLASS_CATEGORY)


@dataclass
class Injection:
    cls: str
    text: str
    start: int
    end: int
    original: str
    original_piece: str
    detail: str
    kind: str = ""  # the variant within the class (encoding, respelling kind, ...)

    @property
    def category(self) -> str:
        return CLASS_CATEGORY[self.cls]

    def to_dict(self) -> dict:
        return asdict(self)


def _make(
    cls: str, text: str, start: int, end: int, new_piece: str, detail: str, kind: str = ""
) -> Injection:
    """Replace ``text[start:end]`` by ``new_piece``; record the minimal differing span."""
    old_piece = text[start:end]
    # Trim what the old and new pieces share, so the span is exactly the change.
    p = 0
    while p < len(old_piece) and p < len(new_piece) and old_piece[p] == new_piece[p]:
        p += 1
    s = 0
    while (
        s < len(old_piece) - p
        and s < len(new_piece) - p
        and old_piece[len(old_piece) - 1 - s] == new_piece[len(new_piece) - 1 - s]
    ):
        s += 1
    new_text = text[:start] + new_piece + text[end:]
    a = start + p
    return Injection(
        cls=cls,
        text=new_text,
        start=a,
        end=a + len(new_piece) - p - s,
        original=text,
        original_piece=old_piece[p : len(old_piece) - s],
        detail=detail,
        kind=kind,
    )


def _body_start(text: str) -> int:
    """Offset after the title line (the first paragraph), so the title stays intact."""
    i = text.find("\n\n")
    return 0 if i < 0 else i + 2


# --------------------------------------------------------------------- articles
_AN_RE = regex.compile(r"(?<![\p{L}\p{N}'’-])an(?= \p{Ll})")
_ARTICLE_RE = regex.compile(r"(?<![\p{L}\p{N}'’-])(a|an) ([\p{L}][\p{L}'’-]*)")
_VOWELS = set("aeiou")
_CONSONANTS_FOR_AN = set("bcdfgjklmnpqrstvwxyz")  # not h: "an historic" is old usage


def inject_am_an(text: str, rng: random.Random, ctx: dict) -> Injection | None:
    body = _body_start(text)
    sites = [m for m in _AN_RE.finditer(text, body)]
    if not sites:
        return None
    m = rng.choice(sites)
    nxt = text[m.end() + 1 :].split(" ", 1)[0]
    return _make("am_an", text, m.start(), m.end(), "am", f"'an {nxt}' -> 'am {nxt}'")


def inject_a_an(text: str, rng: random.Random, ctx: dict) -> Injection | None:
    body = _body_start(text)
    sites = []
    for m in _ARTICLE_RE.finditer(text, body, overlapped=True):
        art, word = m.group(1), m.group(2)
        if not word[0].islower() or len(word) < 2:
            continue
        first = word[0]
        if art == "a" and first in _CONSONANTS_FOR_AN:
            sites.append((m, "an"))
        elif art == "an" and first in _VOWELS:
            sites.append((m, "a"))
    if not sites:
        return None
    # "a" is far commoner than "an": pick the direction first so both are measured.
    direction = rng.choice(["an", "a"])
    pool = [s for s in sites if s[1] == direction] or sites
    m, new = rng.choice(pool)
    word = m.group(2)
    return _make(
        "a_an", text, m.start(1), m.end(1), new, f"'{m.group(1)} {word}' -> '{new} {word}'",
        f"{m.group(1)} -> {new}",
    )


# Any word may be doubled, "had" and "that" included: a doubling injected where the
# sentence did not have one is a slip whatever the word, and the injector knows
# nothing of the rule's exceptions, so its blind spots count as misses.


def inject_doubled_word(text: str, rng: random.Random, ctx: dict) -> Injection | None:
    body = _body_start(text)
    words = [w for w in Document(text).words if w.start >= body]
    sites = [
        (i, w)
        for i, w in enumerate(words)
        if w.text.isalpha()
        and (i + 1 >= len(words) or words[i + 1].text.lower() != w.text.lower())
        and (i == 0 or words[i - 1].text.lower() != w.text.lower())
    ]
    if not sites:
        return None
    _, w = rng.choice(sites)
    return _make(
        "doubled_word", text, w.end, w.end, " " + w.text, f"'{w.text}' -> '{w.text} {w.text}'"
    )


# ------------------------------------------------------------ sentence starts
def inject_lowercase_start(text: str, rng: random.Random, ctx: dict) -> Injection | None:
    doc = Document(text)
    body = _body_start(text)
    lower_words = {w.text for w in doc.words if w.text[:1].islower()}
    word_at = {w.start: w for w in doc.words}
    sites = []
    for s in doc.sentences:
        if s.start < body:
            continue
        w = word_at.get(s.start)
        if w is None or not w.text.isalpha() or len(w.text) < 2:
            continue
        if not (w.text[0].isupper() and w.text[1:].islower()):
            continue
        low = w.text[0].lower() + w.text[1:]
        if low in lower_words:  # a common word, not a name
            sites.append((w, low))
    if not sites:
        return None
    w, low = rng.choice(sites)
    return _make("lowercase_start", text, w.start, w.end, low, f"'{w.text}' -> '{low}'")


# ----------------------------------------------------------------------- names
# No list of words that are not names: which capitalised words count as names is
# decided from the text alone (below), so the rule's own lists of titles, days and
# demonyms cannot hide its blind spots from the measurement.


def _strip_diacritics(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def _variants(name: str, rng: random.Random) -> list[tuple[str, str]]:
    """Respellings of one name: (kind, new spelling)."""
    out = []
    n = len(name)
    out.append(("truncated", name[:-1]))
    if n >= 7:
        out.append(("truncated", name[:-2]))
    i = rng.randrange(1, n - 1)
    out.append(("letter dropped", name[:i] + name[i + 1 :]))
    i = rng.randrange(1, n)
    out.append(("letter doubled", name[:i] + name[i - 1] + name[i:]))
    swaps = [k for k in range(1, n - 1) if name[k] != name[k + 1]]
    if swaps:
        k = rng.choice(swaps)
        out.append(("letters swapped", name[:k] + name[k + 1] + name[k] + name[k + 2 :]))
    plain = _strip_diacritics(name)
    if plain != name:
        out.append(("diacritics stripped", plain))
    return out


def name_targets(text: str):
    """(words, names, two-word names, every word form, body start): the names of a
    text that a respelling may target: capitalised, mentioned three times or more,
    at least once inside a sentence, never in lower case, four letters or more."""
    doc = Document(text)
    body = _body_start(text)
    words = doc.words
    lower_forms = {w.text.lower() for w in words if not w.text[:1].isupper()}
    all_forms = {w.text for w in words}

    def name_like(t: str) -> bool:
        return (
            t[:1].isupper()
            and t.isalpha()
            and any(c.islower() for c in t[1:])
            and t.lower() not in lower_forms
        )

    counts = Counter(w.text for w in words if name_like(w.text))
    # A name is capitalised where a common word would not be: at least one mention must
    # stand inside a sentence ("However", "Once" open sentences only).
    sentence_starts = {
        s.start + len(s.text) - len(s.text.lstrip("\"'“‘(«[")) for s in doc.sentences
    }
    mid_sentence = {w.text for w in words if w.start not in sentence_starts}
    counts = Counter({t: c for t, c in counts.items() if t in mid_sentence})
    # A plural or possessive-less form beside its base ("Saab"/"Saabs") is one name
    # in two grammatical forms: respelling one of them is ambiguous to judge.
    names = sorted(
        t
        for t, c in counts.items()
        if c >= 3 and len(t) >= 4 and t[:-1] not in all_forms and t + "s" not in all_forms
    )
    # Two-word names (for the space-removed variant): the pair seen twice or more and
    # the name mentioned three times or more in all.
    pairs = Counter()
    for a, b in zip(words, words[1:]):
        if (
            b.start - a.end == 1
            and text[a.end] == " "
            and name_like(a.text)
            and name_like(b.text)
        ):
            pairs[(a.text, b.text)] += 1
    two_word = sorted(p for p, c in pairs.items() if c >= 2 and counts[p[1]] >= 3)
    return words, names, two_word, all_forms, body


def inject_name_respelling(text: str, rng: random.Random, ctx: dict) -> Injection | None:
    words, names, two_word, all_forms, body = name_targets(text)
    options: list[tuple[str, object]] = [("single", t) for t in names]
    # Diacritic names are rare in English copy: prefer them when there are some.
    accented = [t for t in names if _strip_diacritics(t) != t]
    if accented and rng.random() < 0.5:
        options = [("single", t) for t in accented]
    elif two_word and rng.random() < 1 / 6:
        options = [("pair", p) for p in two_word]
    rng.shuffle(options)
    for kind, target in options:
        if kind == "pair":
            a_text, b_text = target  # type: ignore[misc]
            occ = [
                (a, b)
                for a, b in zip(words, words[1:])
                if a.text == a_text and b.text == b_text and b.start - a.end == 1 and a.start >= body
            ]
            if not occ:
                continue
            a, b = rng.choice(occ)
            merged = a.text + b.text
            if merged in all_forms:
                continue
            return _make(
                "name_respelling", text, a.start, b.end, merged,
                f"space removed: '{a.text} {b.text}' -> '{merged}'", "space removed",
            )
        name = target  # type: ignore[assignment]
        occ = [w for w in words if w.text == name and w.start >= body]
        if not occ:
            continue
        variants = [
            (k, v) for k, v in _variants(name, rng) if v != name and v not in all_forms and len(v) >= 3
        ]
        if not variants:
            continue
        accented_variants = [kv for kv in variants if kv[0] == "diacritics stripped"]
        k, v = accented_variants[0] if accented_variants and rng.random() < 0.5 else rng.choice(variants)
        w = rng.choice(occ)
        return _make("name_respelling", text, w.start, w.end, v, f"{k}: '{name}' -> '{v}'", k)
    return None


# ------------------------------------------------------------ appended lines
def inject_foreign_line(text: str, rng: random.Random, ctx: dict) -> Injection | None:
    by_lang: dict[str, list[str]] = ctx.get("foreign_lines") or {}
    if not by_lang:
        return None
    lang = rng.choice(sorted(by_lang))
    line = rng.choice(by_lang[lang])
    upper = rng.random() < 0.3
    if upper:
        line = line.upper()
    sep = rng.choice(["\n\n", "\n"])
    return _make(
        "foreign_line", text, len(text), len(text), sep + line,
        f"{lang}{' upper-case' if upper else ''}: {line[:60]!r}",
        "upper-case" if upper else "as written",
    )


def inject_boilerplate_trailer(text: str, rng: random.Random, ctx: dict) -> Injection | None:
    trailer = make_trailer(rng)
    sep = rng.choice(["\n\n", "\n"])
    return _make(
        "boilerplate_trailer", text, len(text), len(text), sep + trailer, repr(trailer[:70])
    )


# -------------------------------------------------------------------- encoding
def _sloppy_cp1252(data: bytes) -> str:
    # Bytes cp1252 leaves undefined pass through as Latin-1, as real mis-decoders do.
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def _mojibake(s: str, how: str) -> str:
    raw = s.encode("utf-8")
    if how == "cp1252":
        return _sloppy_cp1252(raw)
    if how == "latin-1":
        return raw.decode("latin-1")
    if how == "mac_roman":
        return raw.decode("mac_roman")
    if how == "cp1252 twice":
        return _sloppy_cp1252(_sloppy_cp1252(raw).encode("utf-8"))
    raise ValueError(how)


# Mac Roman is left out: a lone Mac Roman pair in an English paragraph is not
# reliably recognisable (ftfy leaves it too), so it would not measure the general case.
_ENCODINGS = [("cp1252", 0.6), ("latin-1", 0.2), ("cp1252 twice", 0.2)]


def inject_mojibake(text: str, rng: random.Random, ctx: dict) -> Injection | None:
    paras = [p for p in Document(text).paragraphs if any(ord(c) > 127 for c in p.text)]
    if not paras:
        return None
    p = rng.choice(paras)
    how = rng.choices([e for e, _ in _ENCODINGS], [w for _, w in _ENCODINGS])[0]
    bad = _mojibake(p.text, how)
    if bad == p.text:
        return None
    inj = _make("mojibake", text, p.start, p.end, bad, f"UTF-8 read as {how}", how)
    inj.detail += f": {inj.original_piece[:20]!r} -> {text_piece(inj)[:30]!r}"
    return inj


def text_piece(inj: Injection) -> str:
    return inj.text[inj.start : inj.end]


_INVISIBLES = {
    "zero-width": ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"],
    "soft hyphen": ["\u00ad"],
    "replacement": ["\ufffd"],
    "C0 control": [chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r"],
}


def inject_invisible_char(text: str, rng: random.Random, ctx: dict) -> Injection | None:
    body = _body_start(text)
    words = [w for w in Document(text).words if w.start >= body and w.text.isalpha() and len(w.text) >= 4]
    if not words:
        return None
    w = rng.choice(words)
    kind = rng.choice(sorted(_INVISIBLES))
    ch = rng.choice(_INVISIBLES[kind])
    at = w.start + rng.randrange(1, len(w.text))
    return _make(
        "invisible_char", text, at, at, ch, f"{kind} U+{ord(ch):04X} inside '{w.text}'", kind
    )


# ---------------------------------------------------------------------- quotes
_OPEN_BEFORE = set(" \t\n([{—–-/")


def _straight_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Straight double-quote pairs in ``text[start:end]``: (open offset, close offset)."""
    out = []
    open_at = None
    for i in range(start, end):
        if text[i] != '"':
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        is_open = before in _OPEN_BEFORE and not after.isspace()
        is_close = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-'’")
        if open_at is None and is_open:
            open_at = i
        elif open_at is not None and is_close:
            out.append((open_at, i))
            open_at = None
        elif open_at is not None and is_open:
            open_at = i
    return out


def inject_quote_mismatch(text: str, rng: random.Random, ctx: dict) -> Injection | None:
    body = _body_start(text)
    paras = [p for p in Document(text).paragraphs if p.start >= body]
    straight = [pair for p in paras for pair in _straight_pairs(text, p.start, p.end)]
    curly = []
    for p in paras:
        for m in regex.finditer(r"“[^“”\n]*”", p.text):
            curly.append((p.start + m.start(), p.start + m.end() - 1))
    if curly and (not straight or rng.random() < 0.5):
        o, c = rng.choice(curly)
        side = rng.choice(["opening", "closing"])
        at = o if side == "opening" else c
        how = f"curly pair, {side} made straight"
        return _make("quote_mismatch", text, at, at + 1, '"', how, how)
    if not straight:
        return None
    o, c = rng.choice(straight)
    side = rng.choice(["opening", "closing"])
    at, mark = (o, "“") if side == "opening" else (c, "”")
    how = f"straight pair, {side} made curly"
    return _make("quote_mismatch", text, at, at + 1, mark, how, how)


INJECTORS: dict[str, Callable[[str, random.Random, dict], Injection | None]] = {
    "am_an": inject_am_an,
    "a_an": inject_a_an,
    "doubled_word": inject_doubled_word,
    "lowercase_start": inject_lowercase_start,
    "name_respelling": inject_name_respelling,
    "foreign_line": inject_foreign_line,
    "boilerplate_trailer": inject_boilerplate_trailer,
    "mojibake": inject_mojibake,
    "invisible_char": inject_invisible_char,
    "quote_mismatch": inject_quote_mismatch,
}


def inject(cls: str, text: str, seed: int | str, key: str, ctx: dict | None = None) -> Injection | None:
    """Inject one defect of class ``cls`` into ``text``; ``key`` names the article so
    the outcome depends only on (seed, article, class), not on the run order."""
    rng = random.Random(f"{seed}:{key}:{cls}")
    return INJECTORS[cls](text, rng, ctx or {})


def load_foreign_lines(path, min_words: int = 4, max_chars: int = 400) -> dict[str, list[str]]:
    """Non-English sentences and paragraphs (4+ words) from langid_focus.jsonl, by language."""
    import json

    out: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("lang") == "en" or row.get("kind") not in ("sentence", "paragraph"):
                continue
            t = " ".join(row["text"].split())
            words = [w for w in t.split() if w[:1].isalpha()]
            if len(t.split()) < min_words or len(t) > max_chars or not words:
                continue
            # Lists of place or person names are not text "in" a language: keep lines
            # where ordinary (lower-case) words make up at least 40% of the words.
            if sum(w[0].islower() for w in words) < 0.4 * len(words):
                continue
            out.setdefault(row["lang"], []).append(t)
    return out
