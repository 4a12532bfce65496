"""Language identification for documents and short segments.

Detectors are slow (milliseconds per call) and unreliable on short or all-capital
text, so identification is layered:

1. cheap cues computed for every segment: hits against per-language stop-word
   profiles (``rules/data/language_<code>.toml``), letters specific to a language
   (``İ ş ğ ı``, ``ë``, ``ß``, ``ñ``, ``ђ ћ``, ``ѓ ќ``...) and the script of the letters;
2. the detector (CLD2 through pycld2, imported lazily; langdetect, seeded, where pycld2
   has no wheel), run only on segments the cues mark as suspicious, on case-folded text
   (Turkish-aware: ``İ`` is ``i`` and ``I`` is ``ı`` in Turkish capitals);
3. a refinement step for languages the detector does not know or confuses:
   Azerbaijani (reported as Turkish), Serbian Cyrillic (reported as Macedonian or
   Russian), Bosnian and Serbian Latin (reported as Croatian or Slovenian).

Everything here is a pure function of its arguments; profiles are loaded once.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NamedTuple

import regex

from linter.rules.support.datafile import DATA, load_toml
from linter.rules.support.folding import fold_for_langid
from linter.rules.support.patterns import lazy


_WORD_RE = lazy(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-‐][\p{L}\p{M}\p{N}]+)*", regex.V1)
_APOSTROPHES = ("'", "’")
# Ijekavian spellings (vrijeme, mjesto, dijete): Bosnian, Croatian, Montenegrin, not
# ekavian Serbian. "lje"/"nje" are digraphs common to all, so l and n are left out.
_IJEKAVIAN_RE = lazy(
    r"(?:[bcčćdđfghkmprsštvzž]ije[a-zčćšžđ]|(?<![o])[bcčćdđfghkmprsštvzž]je[a-zčćšžđ]{2,})"
)
_BCS_CODES = frozenset({"hr", "bs", "sr"})
_SOUTH_SLAVIC_CYRILLIC = frozenset("јљњџђћѓќѕЈЉЊЏЂЋЃЌЅ")
_SLOVENE_WORDS = frozenset({"ki", "v", "in", "so", "tudi", "bo", "kot", "lahko", "smo", "pri"})


@dataclass(frozen=True)
class Profile:
    code: str
    name: str
    script: str
    letters: frozenset[str]
    stopwords: frozenset[str]
    markers: frozenset[str]
    patterns: tuple = ()  # regexes (source) over folded words, for close neighbours


@dataclass
class _Data:
    profiles: dict[str, Profile]
    names: dict[str, str]
    # word -> codes of the profiles listing it as a stop word / as a marker
    stop_index: dict[str, tuple[str, ...]]
    marker_index: dict[str, tuple[str, ...]]
    letter_index: dict[str, tuple[str, ...]]


_DATA: _Data | None = None


def data_dir() -> Path:
    return DATA


def _profile_from(raw: dict) -> Profile:
    code = raw["code"]
    return Profile(
        code=code,
        name=raw.get("name", code),
        script=raw.get("script", "Latin"),
        letters=frozenset(raw.get("letters", "")),
        stopwords=frozenset(w.lower() for w in raw.get("stopwords", [])),
        markers=frozenset(w.lower() for w in raw.get("markers", [])),
        patterns=tuple(raw.get("patterns", [])),
    )


# Profiles loaded one by one (see ``profile``) before the full set is needed.
_SINGLE: dict[str, Profile | None] = {}


def profile(code: str) -> Profile | None:
    """The profile of one language, without loading the others.

    Plainly English documents need only the English stop words; reading and
    indexing every profile costs far more than the rest of their language check.
    """
    if _DATA is not None:
        return _DATA.profiles.get(code)
    if code not in _SINGLE:
        path = data_dir() / f"language_{code}.toml"
        found = None
        if path.name != "language_names.toml" and path.exists():
            raw = load_toml(path)
            if raw.get("code") == code:
                found = _profile_from(raw)
        if found is None:
            # The file is named otherwise: only the full set can tell.
            return _load().profiles.get(code)
        _SINGLE[code] = found
    return _SINGLE[code]


def _load() -> _Data:
    global _DATA
    if _DATA is not None:
        return _DATA
    folder = data_dir()
    names: dict[str, str] = {}
    names_file = folder / "language_names.toml"
    if names_file.exists():
        names.update(load_toml(names_file).get("names", {}))
    profiles: dict[str, Profile] = {}
    for path in sorted(folder.glob("language_*.toml")):
        if path.name == "language_names.toml":
            continue
        raw = load_toml(path)
        code = raw["code"]
        single = _SINGLE.get(code) if path.name == f"language_{code}.toml" else None
        profiles[code] = single or _profile_from(raw)
        names[code] = profiles[code].name
    stop: dict[str, list[str]] = {}
    mark: dict[str, list[str]] = {}
    lett: dict[str, list[str]] = {}
    for p in profiles.values():
        for w in p.stopwords:
            stop.setdefault(w, []).append(p.code)
        for w in p.markers:
            mark.setdefault(w, []).append(p.code)
        for ch in p.letters:
            lett.setdefault(ch, []).append(p.code)
    _DATA = _Data(
        profiles,
        names,
        {k: tuple(v) for k, v in stop.items()},
        {k: tuple(v) for k, v in mark.items()},
        {k: tuple(v) for k, v in lett.items()},
    )
    return _DATA


def profiles() -> dict[str, Profile]:
    return _load().profiles


def language_name(code: str) -> str:
    """The English name of a language code (``tr`` -> ``Turkish``)."""
    return _load().names.get(code, code)


# ------------------------------------------------------------------------ cheap cues
def script_of(ch: str) -> str:
    o = ord(ch)
    if o < 0x250 or 0x1E00 <= o < 0x1F00:
        return "Latin"
    if 0x400 <= o < 0x530:
        return "Cyrillic"
    if 0x600 <= o < 0x700 or 0x750 <= o < 0x780 or 0xFB50 <= o < 0xFE00 or 0xFE70 <= o < 0xFF00:
        return "Arabic"
    if 0x370 <= o < 0x400 or 0x1F00 <= o < 0x2000:
        return "Greek"
    if 0x590 <= o < 0x600:
        return "Hebrew"
    if 0x530 <= o < 0x590:
        return "Armenian"
    if 0x10A0 <= o < 0x1100:
        return "Georgian"
    if 0x900 <= o < 0xE00:
        return "Indic"
    if 0xE00 <= o < 0xE80:
        return "Thai"
    if 0xAC00 <= o < 0xD7B0 or 0x1100 <= o < 0x1200:
        return "Hangul"
    if 0x3040 <= o < 0x3100:
        return "Kana"
    if 0x3400 <= o < 0xA000 or 0xF900 <= o < 0xFB00:
        return "Han"
    return "Other"


_CJK_SCRIPTS = ("Han", "Kana", "Hangul")
_ASCII_LETTER_RE = lazy(r"[A-Za-z]")
_NON_ASCII_RE = lazy(r"[^\x00-\x7f]")
_UPPER_RE = lazy(r"\p{Lu}")


def scripts(text: str) -> Counter:
    """Letters of ``text`` counted by script."""
    out = Counter(script_of(ch) for ch in _NON_ASCII_RE.findall(text) if ch.isalpha())
    ascii_letters = len(_ASCII_LETTER_RE.findall(text))
    if ascii_letters:
        out["Latin"] += ascii_letters
    return out


@dataclass
class Cues:
    """Cheap evidence about a segment's language."""

    words: int
    letters: int
    script: str  # the dominant script of the letters
    script_share: float
    hits: Counter = field(default_factory=Counter)  # stop-word hits per profile
    kinds: Counter = field(default_factory=Counter)  # distinct stop words hit per profile
    markers: Counter = field(default_factory=Counter)  # marker hits per profile
    letter_hits: Counter = field(default_factory=Counter)  # specific letters per profile
    tokens: list[str] = field(default_factory=list)

    def score(self, code: str) -> float:
        return self.hits[code] + self.markers[code] + 0.5 * min(self.letter_hits[code], 4)

    def best_other(self, code: str, group: frozenset[str] = frozenset()) -> tuple[str | None, float]:
        best, best_score = None, 0.0
        for other in set(self.hits) | set(self.letter_hits) | set(self.markers):
            if other == code or other in group:
                continue
            s = self.score(other)
            if s > best_score:
                best, best_score = other, s
        return best, best_score


def tokens_of(text: str) -> list[str]:
    return [m.group() for m in _WORD_RE.finditer(text)]


def cues(text: str, words: Iterable[str] | None = None) -> Cues:
    """Stop-word, marker, letter and script cues for ``text`` (``words``: its tokens)."""
    data = _load()
    raw = [w for w in (tokens_of(text) if words is None else words) if not w.isdigit()]
    toks = [fold_for_langid(w) for w in raw]
    letters = scripts(text)
    n_letters = sum(letters.values())
    script, count = letters.most_common(1)[0] if letters else ("Latin", 0)
    if script in _CJK_SCRIPTS:
        # Japanese writes Han characters and kana in one sentence, Korean may mix in Han.
        count = sum(letters[s] for s in _CJK_SCRIPTS)
    c = Cues(len(toks), n_letters, script, count / n_letters if n_letters else 0.0, tokens=toks)
    stop_index, marker_index = data.stop_index, data.marker_index
    upper = len(_UPPER_RE.findall(text))
    capitals = n_letters > 0 and upper / n_letters > 0.7
    particles = set() if capitals else _name_particles(raw)
    seen: set[str] = set()
    for i, (w, t) in enumerate(zip(raw, toks)):
        # Function words are written in lower case in running text: a capitalised
        # "De", "Van" or "El" inside a mixed-case line is part of a name, and a
        # capital letter alone is an initial.
        if not capitals and w[0].isupper() and (i > 0 or len(w) == 1):
            continue
        if i in particles:
            continue
        codes = stop_index.get(t)
        if codes is None and (_APOSTROPHES[0] in t or _APOSTROPHES[1] in t):
            for part in regex.split(r"['’]", t):
                for code in stop_index.get(part, ()):
                    c.hits[code] += 1
        elif codes:
            first = t not in seen
            seen.add(t)
            for code in codes:
                c.hits[code] += 1
                c.kinds[code] += first
        for code in marker_index.get(t, ()):
            c.markers[code] += 1
    letter_index = data.letter_index
    for ch in _NON_ASCII_RE.findall(text):
        codes = letter_index.get(ch)
        if codes:
            for code in codes:
                c.letter_hits[code] += 1
    return c


def _name_particles(raw: list[str]) -> set[int]:
    """Indexes of short lower-case words inside names: "José María de la Fuente"."""
    out: set[int] = set()
    i, n = 1, len(raw)
    while i < n:
        if raw[i][0].islower() and raw[i - 1][0].isupper():
            j = i
            while j < n and j - i < 2 and raw[j][0].islower() and len(raw[j]) <= 3:
                j += 1
            if j > i and j < n and raw[j][0].isupper():
                out.update(range(i, j))
                i = j
                continue
        i += 1
    return out


# ---------------------------------------------------------------------- detector
class Guess(NamedTuple):
    code: str
    confidence: float


# CLD2's codes that differ from the ISO 639-1 codes used here, and its answers that name
# a script rather than a language ("xx-Latn"), an unknown ("un", "xxx") or a test code.
_CLD2_CODES = {"iw": "he", "zh-Hant": "zh", "sr-ME": "sr", "jw": "jv"}
_CONTROL_RE = lazy(r"[\p{Cc}\p{Cs}\p{Co}\p{Cn}]+")


_CLD2: list = []  # [module or None] once looked for


def _cld2_module():
    """pycld2, imported on first use; None where it is not installed.

    pycld2 ships wheels for Linux x86-64, macOS arm64 and Windows x86-64 only, and
    copydesk depends on it on those platforms alone; elsewhere langdetect answers.
    """
    if not _CLD2:
        try:
            import pycld2
        except ImportError:
            pycld2 = None
        _CLD2.append(pycld2)
    return _CLD2[0]


def detect(text: str) -> list[Guess]:
    """The detector's guesses for ``text`` (already folded), best first; [] if none.

    CLD2 (pycld2: its model is compiled into the extension, loads in milliseconds and
    adds about 3 MB) answers; langdetect is imported only where pycld2 is not
    installed. Both answers are deterministic.
    """
    cld2 = _cld2_module()
    if cld2 is None:
        return detect_langdetect(text)
    return detect_cld2(text, cld2)


def detect_cld2(text: str, cld2=None) -> list[Guess]:
    """CLD2's guesses: each language's share of the text it could classify."""
    cld2 = cld2 or _cld2_module()
    if cld2 is None:
        return []
    # CLD2 refuses control characters and lone surrogates (invalid UTF-8).
    clean = _CONTROL_RE.sub(" ", text)
    try:
        _, _, details = cld2.detect(clean, bestEffort=True)
    except cld2.error:
        return []
    found = []
    for _, code, percent, _ in details:
        code = _CLD2_CODES.get(code, code)
        if percent <= 0 or code == "un" or code.startswith(("xx", "zz")):
            continue
        found.append((code, float(percent)))
    total = sum(p for _, p in found)
    return [Guess(code, p / total) for code, p in found] if total else []


def detect_langdetect(text: str) -> list[Guess]:
    """langdetect's guesses, imported on first use and seeded on every call (an
    attribute set), so results are deterministic even when the module was imported
    afresh meanwhile."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return [Guess(g.lang, float(g.prob)) for g in detect_langs(text)]
    except LangDetectException:
        return []


def confirmed(text: str, code: str) -> bool:
    """Whether langdetect, the second detector, also reads ``text`` as ``code``.

    Asked only where CLD2 is alone and unreliable (a short ASCII line no cue speaks
    for); where pycld2 is not installed langdetect was the first detector already.
    """
    if _cld2_module() is None:
        return True
    c = cues(text)
    return any(same_language(refine(g.code, text, c), code) for g in detect_langdetect(fold_for_langid(text))[:1])


def pattern_hits(code: str, tokens: Iterable[str]) -> int:
    """Words matching the profile's ``patterns`` (vocabulary of close neighbours)."""
    p = _load().profiles.get(code)
    if p is None or not p.patterns:
        return 0
    rx = _compiled_patterns(p)
    return sum(1 for t in tokens if rx.search(t))


_PATTERNS: dict[str, regex.Pattern] = {}


def _compiled_patterns(p: Profile) -> regex.Pattern:
    """A profile's patterns as one alternation, compiled the first time a line of a
    close neighbour needs them (most documents never do, and compiling every
    profile's patterns costs more than the rest of a foreign line's check)."""
    rx = _PATTERNS.get(p.code)
    if rx is None:
        rx = _PATTERNS[p.code] = regex.compile("|".join(f"(?:{x})" for x in p.patterns))
    return rx


def refine(code: str, text: str, c: Cues) -> str:
    """Correct the detector's answer for languages it lacks or confuses."""
    if code == "tr" or code == "az":
        if "ə" in text or "Ə" in text or c.markers["az"] > c.markers["tr"]:
            return "az"
        return "tr"
    if c.script == "Cyrillic" and code in ("mk", "sr", "ru", "bg", "uk"):
        if any(ch in "ђћЂЋ" for ch in text):
            return "sr"
        if any(ch in "ѓќѕЃЌЅ" for ch in text):
            return "mk"
        if any(ch in _SOUTH_SLAVIC_CYRILLIC for ch in text) or code in ("mk", "sr"):
            sr = c.markers["sr"] + pattern_hits("sr", c.tokens)
            mk = c.markers["mk"] + pattern_hits("mk", c.tokens)
            if sr > mk:
                return "sr"
            if mk > sr:
                return "mk"
            return code if code in ("sr", "mk") else "mk"
        if code in ("ru", "bg"):
            if any(ch in "ыэёЫЭЁ" for ch in text):
                return "ru"
            ru = c.markers["ru"] + pattern_hits("ru", c.tokens)
            bg = c.markers["bg"] + pattern_hits("bg", c.tokens)
            if ru > bg:
                return "ru"
            if bg > ru:
                return "bg"
        return code
    if c.script == "Latin" and code in ("hr", "bs", "sr", "sl"):
        ijekavian = sum(1 for t in c.tokens if _IJEKAVIAN_RE.search(t))
        if code == "sl":
            # A Slovene line shares many function words with Croatian; it is taken
            # for Bosnian or Croatian only on their own markers or ijekavian forms.
            slovene = sum(1 for t in c.tokens if t in _SLOVENE_WORDS)
            if slovene >= 2 or slovene > c.markers["hr"] + c.markers["bs"] + ijekavian:
                return "sl"
            if not (c.markers["hr"] or c.markers["bs"] or ijekavian):
                return "sl"
        ekavian = c.markers["sr"]
        if ekavian > ijekavian and ekavian >= 1:
            return "sr"
        bs = pattern_hits("bs", c.tokens)
        hr = pattern_hits("hr", c.tokens)
        if bs > hr:
            return "bs"
        if hr > bs:
            return "hr"
        return code if code in ("hr", "bs") else "hr"
    return code


def same_language(a: str, b: str) -> bool:
    """Whether two codes count as one language here (Bosnian, Croatian, Serbian do)."""
    return a == b or (a in _BCS_CODES and b in _BCS_CODES)


def distribution(text: str, c: Cues | None = None) -> dict[str, float]:
    """The detector's probabilities for ``text``, refined and pooled by language.

    Guesses the refinement maps to one language (Croatian and Slovenian for a Bosnian
    line, Macedonian and Ukrainian for a Serbian one) pool their probability.
    """
    c = c or cues(text)
    pooled: dict[str, float] = {}
    for g in detect(fold_for_langid(text)):
        code = refine(g.code, text, c)
        pooled[code] = min(pooled.get(code, 0.0) + g.confidence, 1.0)
    return pooled


def identify(text: str, c: Cues | None = None) -> Guess | None:
    """Best guess for ``text`` from the detector, refined; None when it cannot tell."""
    pooled = distribution(text, c)
    if not pooled:
        return None
    best = max(pooled, key=lambda k: pooled[k])
    return Guess(best, pooled[best])


# ------------------------------------------------------------------ documents
class DocumentLanguage(NamedTuple):
    code: str
    confidence: float
    method: str  # "stop-words" (cheap) or "detector"
    words: int




def document_language(doc, min_words: int = 20) -> DocumentLanguage | None:
    """The language of a Document's prose, or None when there is too little text.

    Plainly English (or plainly any profiled language) text is decided from stop-word
    density alone; otherwise the detector runs once on a sample of the prose.
    The result is kept on the Document, so every rule asking pays once.
    """
    return doc.memo((document_language, min_words), lambda: _document_language(doc, min_words))


def _document_language(doc, min_words: int) -> DocumentLanguage | None:
    words = [w.text for w in doc.words if not w.text.isdigit()]
    if len(words) < min_words:
        return None
    sample_words = words[:3000]
    english = profile("en")
    if english is not None:
        stop = english.stopwords
        # The first few hundred words tell plainly English text.
        head = sample_words[:400]
        share = sum(1 for w in head if w.lower() in stop) / len(head)
        if share >= 0.3:
            # Plainly English: no other language reaches this density of English
            # function words.
            return DocumentLanguage("en", round(share, 2), "stop-words", len(words))
    # Otherwise each paragraph votes with its length: a paragraph full of English
    # function words for English, any other through the detector. Paragraphs with no
    # function word of any language (team sheets, lists of names) do not vote.
    starts = [w.start for w in doc.words]
    votes: dict[str, float] = {}
    looked_at = 0  # words of the paragraphs considered, voting or not
    for para in doc.paragraphs[:200]:
        lo, hi = bisect_left(starts, para.start), bisect_left(starts, para.end)
        para_words = [w.text for w in doc.words[lo:hi] if not w.text.isdigit()]
        if len(para_words) < 3:
            continue
        looked_at += len(para_words)
        c = cues(para.text, para_words)
        if c.script == "Latin" and not any(c.hits.values()):
            continue
        weight = len(para_words)
        if english is not None and c.hits["en"] / weight >= 0.25 and c.hits["en"] >= max(c.hits.values()):
            votes["en"] = votes.get("en", 0.0) + weight
            continue
        guess = identify(para.text[:3000], c)
        if guess is not None:
            votes[guess.code] = votes.get(guess.code, 0.0) + weight * guess.confidence
    if not votes:
        return None
    best = max(votes, key=lambda k: votes[k])
    if votes[best] < 0.5 * looked_at:
        # The bulk of the text decides: one foreign line among lists of names and
        # figures that vote for nothing (an English results table with a Slovene
        # sentence) does not make the document foreign.
        return None
    share = votes[best] / sum(votes.values())
    return DocumentLanguage(best, round(share, 2), "detector", len(words))
