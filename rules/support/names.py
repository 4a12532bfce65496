"""Proper-name mentions and name similarity, shared by the name rules and the corpus report.

Three layers, each usable alone:

* ``variant_kind(a, b)``: a pure string function saying whether two spellings look
  like one name written two ways (case, diacritics, spacing, a letter truncated,
  dropped, doubled, swapped or changed) and which kind, or ``None``.
* ``extract_mentions(doc)``: the proper-noun mentions of a Document (capitalised
  words, possessives stripped, with neighbouring capitalised words and whether the
  word opens a sentence), plus adjacent capitalised pairs for spacing variants.
* ``collect_mentions(doc)`` and ``cross_document_report(counters)``: a picklable
  per-document ``Counter`` and a mergeable corpus report of entities spelled
  differently in different documents.

Candidate pairs are found by bucketing, never by comparing every pair: each spelling
is filed under its skeleton (case-folded, diacritics and hyphens removed) and under
every skeleton with one letter deleted, so two spellings within one edit share a key.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple


from linter.text import ABBREVIATIONS
from linter.rules.support.patterns import lazy

# --------------------------------------------------------------------------- strings

_STRIP_TABLE = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                              "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                              "ð": "d", "þ": "th", "ħ": "h"})
_JOINERS = "-‐–' ’"


def strip_diacritics(text: str) -> str:
    """``Çavuşoğlu`` -> ``Cavusoglu``: decompose and drop combining marks."""
    text = text.translate(_STRIP_TABLE)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def skeleton(text: str) -> str:
    """The comparison key of a spelling: no diacritics, case, spaces, hyphens or apostrophes."""
    out = strip_diacritics(text).casefold()
    for ch in _JOINERS:
        out = out.replace(ch, "")
    return out


def bucket_keys(skel: str) -> set[str]:
    """The skeleton, each one-letter deletion of it (symmetric-deletion buckets) and,
    marked with ``<``, the skeleton and its two-letter truncation (``Microso``/``Microsoft``)."""
    keys = {skel}
    if len(skel) >= 4:
        keys.update(skel[:i] + skel[i + 1 :] for i in range(len(skel)))
    if len(skel) >= _MIN_LEN_TRUNCATED:
        keys.add("<" + skel)
    if len(skel) - 2 >= _MIN_LEN_TRUNCATED:
        keys.add("<" + skel[:-2])
    return keys


# A spelling cut two letters short must keep this many (Microso/Microsoft).
_MIN_LEN_TRUNCATED = 5
# Two-letter endings that make another word of a name (German/Germanic, Brit/Britain).
_INFLECTION_PAIRS = frozenset("es is er ed ly ic al ia ie na ne ta la le".split())

# Endings that turn one name into a different word: plurals, demonyms, adjectives,
# feminine and Romance forms (Russia/Russian, Iraq/Iraqi, German/Germany, Paul/Paula,
# Louis/Louise, Albert/Alberto, Susan/Susanna).
_INFLECTION_ENDINGS = frozenset("siyao")
_VOWELS = frozenset("aeiouy")

# The strong kinds change only the look of the name, not its letters.
STRONG_KINDS = frozenset({"case", "diacritics", "spacing"})
KINDS = ("case", "diacritics", "spacing", "truncated", "doubled", "swapped", "dropped", "changed")


def variant_kind(
    a: str, b: str, *, min_len: int = 4, min_len_changed: int = 6, inflected: bool = False
) -> str | None:
    """Whether ``a`` and ``b`` read as one name spelled two ways, and how.

    Returns one of ``KINDS`` or ``None``. Symmetric. Different names that look alike
    return ``None``: a different first letter, a plural, demonym or feminine ending
    (``Russia``/``Russian``, ``Paul``/``Paula``), a changed final vowel
    (``Maria``/``Mario``, ``Chelsea``/``Chelsey``), and any change to a spelling shorter
    than ``min_len`` letters (``min_len_changed`` for a changed letter:
    ``Iran``/``Iraq``, ``Sudan``/``Sedan``). With ``inflected=True`` a truncation that
    could be such an ending is returned as ``"inflected"`` instead of ``None``, for a
    caller that can tell the two apart from context.
    """
    if a == b:
        return None
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb:
        return None
    if sa != sb and any(ch in a or ch in b for ch in _JOINERS):
        return None  # Zafi/Zafi-D, Kilroy-Silk/Kilroy: compound spellings differ only by joining
    if sa == sb:
        if a.casefold() == b.casefold():
            return "case"
        if strip_diacritics(a).casefold() == strip_diacritics(b).casefold():
            return "diacritics"
        return "spacing"
    if sa[0] != sb[0]:
        return None
    if len(sa) > len(sb):
        sa, sb = sb, sa
    short, long_ = sa, sb
    if len(short) < min_len:
        return None
    if len(long_) == len(short) + 2 and long_.startswith(short):
        if len(short) < _MIN_LEN_TRUNCATED:
            return None
        if (
            long_[-2:] in _INFLECTION_PAIRS
            or long_[-1] == "s"
            or (long_[-2:] == "an" and short[-1] in _VOWELS)  # Europe/European
        ):
            return "inflected" if inflected else None
        return "truncated"
    if len(long_) == len(short) + 1:
        if long_[:-1] == short:
            extra = long_[-1]
            if extra == short[-1]:
                return "doubled"
            if extra in _INFLECTION_ENDINGS or extra == "e" or (
                extra == "n" and short[-1] in _VOWELS
            ):
                return "inflected" if inflected else None
            return "truncated"
        if long_.endswith("ie") and short.endswith("e") and long_[:-2] == short[:-1]:
            return None  # a familiar form: Stevie/Steve, Bobbie/Bobbe
        i = 0
        while short[i] == long_[i]:
            i += 1
        if long_[i + 1 :] != short[i:]:
            return None
        if long_[i] == long_[i - 1] if i > 0 else False:
            return "doubled"
        if i + 1 < len(long_) and long_[i] == long_[i + 1]:
            return "doubled"
        return "dropped"
    if len(long_) == len(short):
        diffs = [i for i in range(len(short)) if short[i] != long_[i]]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            i = diffs[0]
            if short[i] == long_[i + 1] and short[i + 1] == long_[i]:
                return "swapped"
            return None
        if len(diffs) == 1:
            i = diffs[0]
            if len(short) < min_len_changed:
                return None
            if i == len(short) - 1 and short[i] in _VOWELS and long_[i] in _VOWELS:
                return None
            return "changed"
    return None


# --------------------------------------------------------------------------- mentions

# Words that open sentences without being names; a sentence-initial spelling whose
# lower-case form is one of these (or appears lower-case in the document) is not a name.
COMMON_WORDS = frozenset(
    """
    a about above after again against all also although always am among an and another
    any are around as at back be because been before being below between both but by
    can could did do does doing down during each either even ever every few first for
    from further had has have having he her here hers herself him himself his how however
    i if in indeed instead into is it its itself just last later least less let like
    many may me meanwhile more most much must my myself neither never next no nor not
    now of off often on once one only or other others our ours ourselves out over own
    perhaps rather same several she should since so some still such than that the their
    theirs them themselves then there therefore these they this those though through
    thus to today too under unless until up upon us very was we were what whatever when
    whenever where whereas whether which while who whom whose why will with within
    without would yet you your yours yourself yourselves yesterday tomorrow tonight
    asked added already although anyway earlier elsewhere finally former further given
    hence including latest likewise many nevertheless nonetheless otherwise overall plus
    recent recently regardless second separately similarly soon speaking spokesman
    third together ultimately whilst despite according
    """.split()
)

# Capitalised words that are not names of one person, place or firm: nationalities,
# demonyms, days and months. A letter's difference from a name is then a different word
# (Scot/Scott, Czech/Cech, Pole/Pople).
NOT_NAMES = frozenset(
    """
    afghan african albanian american arab asian australian austrian belgian bosnian
    brazilian brit briton british bulgarian canadian catholic chilean chinese christian
    colombian croat croatian cuban czech dane danish dutch egyptian english european
    filipino finn finnish french german greek haitian hindu hungarian indian iranian
    iraqi irish israeli italian japanese jew jewish kenyan korean kurd kurdish latin
    libyan mexican muslim nigerian norwegian pakistani palestinian pole polish portuguese
    roman romanian russian saudi scot scots scottish serb serbian slav slovak somali
    spaniard spanish sudanese swede swedish swiss syrian thai turk turkish ukrainian
    welsh western eastern northern southern
    punjabi bahraini kuwaiti omani yemeni qatari bangladeshi kashmiri nepali emirati
    azerbaijani uzbek tajik kazakh afghani bengali gujarati hindi urdu persian
    antarctic arctic atlantic pacific mediterranean balkan baltic caribbean
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    christmas easter
    """.split()
)

# Places whose people or language are named by adding a letter (Russia/Russian,
# Iraq/Iraqi, Korea/Korean): the shorter spelling is then no truncation.
PLACES_INFLECTED = frozenset(
    """
    afghanistan africa albania algeria america angola arabia argentina armenia asia
    australia austria azerbaijan bangladesh bolivia bosnia bulgaria cambodia canada
    chile colombia croatia cuba estonia ethiopia europe georgia ghana guinea india
    indonesia iraq israel italia jamaica jordan kazakhstan kenya korea kuwait latvia
    liberia libya lithuania macedonia malaysia mongolia namibia nepal nigeria oman
    pakistan qatar romania russia rwanda samoa serbia siberia slovakia slovenia somalia
    syria tanzania tunisia uganda uzbekistan venezuela yemen zambia zimbabwe
    bavaria california catalonia florida virginia georgia arizona
    """.split()
)

# Words before a name that say who, not which one: they never make two mentions differ.
TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady king queen prince princess president
    minister secretary chancellor senator sen rep governor gov mayor judge justice
    general gen colonel col captain capt lieutenant lt sergeant sgt chief coach manager
    chairman chairwoman director officer inspector detective father rev pope bishop
    archbishop cardinal sheikh emir sultan ayatollah premier leader speaker striker
    midfielder defender goalkeeper keeper skipper captain actor actress singer star
    foreign prime deputy former vice acting saint st
    """.split()
)

_CONTRACTION_RE = lazy(r"['’](?:ll|re|ve|d|m|t)\Z")
_POSSESSIVE_RE = lazy(r"(?:['’][sS]|['’])\Z")
_LETTERS_RE = lazy(r"[\p{L}\p{M}'’]+")
_HYPHEN_SPLIT_RE = lazy(r"([-‐])")
_OPENERS = "\"'“‘„«([{—–-*•"
# A run of non-space characters that is a web or e-mail address, a handle or a hashtag
# (www.AskAmy.com, @AskAmy, #AskAmy, AskAmy.org/letters): its capitals spell an
# address, not a mention of the name written beside it.
_ADDRESS_RUN_RE = lazy(
    r"""(?x)
    [\p{Ps}\p{Pi}"']*
    (?: \S*(?:@|://)\S*                                # e-mail, handle, scheme
      | [\#@]\S+                                      # hashtag, handle
      | (?i:www)\.\S+                                  # www.
      | [\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*?\.\p{Ll}{2}  # AskAmy.com (lazy: linear on a.a.a.)
    )
    """
)
_RUN_RE = lazy(r"\S+")
# A lower-case particle joined by a hyphen to the next name (al-Shabwani, el-Sisi):
# the names on either side still stand beside each other.
_PARTICLE_GAP_RE = lazy(r" \p{Ll}{1,3}[-‐]")


class Mention(NamedTuple):
    """One proper-noun mention: the name without a possessive ending."""

    start: int
    end: int
    form: str
    initial: bool  # opens a sentence or a line: its capital says nothing
    prev: str | None  # the capitalised word or initial just before, if any
    next: str | None  # the capitalised word just after, if any (same sentence)
    listed: bool = False  # on a line listing names (team sheets, results)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def _name_parts(word_start: int, text: str) -> list[tuple[int, int]]:
    """The capitalised parts of a word token (possessive stripped), as offset ranges."""
    if "'" in text or "’" in text:
        if _CONTRACTION_RE.search(text):
            return []  # We'll, I'm, Don't
        m = _POSSESSIVE_RE.search(text)
        if m:
            text = text[: m.start()]
        if not text:
            return []
    if "-" not in text and "‐" not in text:
        if _is_capitalised(text) and _LETTERS_RE.fullmatch(text):
            return [(word_start, word_start + len(text))]
        return []
    parts = _HYPHEN_SPLIT_RE.split(text)
    pieces = []
    pos = word_start
    for p in parts:
        pieces.append((pos, p))
        pos += len(p)
    words = [(s, p) for s, p in pieces if p not in ("-", "‐")]
    if all(_is_capitalised(p) and p.isalpha() for _, p in words):
        return [(word_start, word_start + len(text))]
    return [(s, s + len(p)) for s, p in words if p.isalpha() and _is_capitalised(p)]


_LINE_WORD_RE = lazy(r"\p{L}[\p{L}\p{M}'’-]*")


def _special_lines(doc) -> tuple[set[int], set[int]]:
    """Line indices of headlines (title case or capitals) and of lists of names.

    A list of names (a team sheet, a results line) names different people side by
    side: its spellings count as mentions but are never taken for slips.
    """
    headlines, lists = set(), set()
    for i, line in enumerate(doc.lines):
        words = _LINE_WORD_RE.findall(line.text)
        if not words:
            continue
        longish = [w for w in words if len(w) > 3]
        if len(words) >= 3 and longish and all(w[:1].isupper() for w in longish):
            headlines.add(i)
        if line.text.count(",") >= 3:
            caps = sum(1 for w in words if w[:1].isupper())
            if caps >= 0.6 * len(words):
                lists.add(i)
    return headlines, lists


@dataclass
class MentionTable:
    """The mentions of one document, grouped by spelling."""

    mentions: list[Mention]
    by_form: dict[str, list[Mention]]
    pairs: dict[str, list[Mention]]  # "Time Warner" -> the first word's mentions, end = pair end
    lower_words: frozenset[str]
    text: str = ""  # the prose the table was built from


def extract_mentions(doc) -> MentionTable:
    """Proper-noun mentions of ``doc`` (capitalised words and adjacent capitalised pairs).

    Computed once per Document and shared by the name rule and ``collect_mentions``.
    """
    return doc.memo(extract_mentions, lambda: _extract_mentions(doc))


def _extract_mentions(doc) -> MentionTable:
    prose = doc.prose
    words = doc.words
    sent_first: set[int] = set()
    # A long text's words are parallel arrays: read them as such, without a Span each.
    word_starts = getattr(words, "starts", None) or [w.start for w in words]
    word_texts = getattr(words, "texts", None) or [w.text for w in words]
    for s in doc.sentences:
        i = bisect_right(word_starts, s.start - 1)
        if i < len(word_starts):
            sent_first.add(word_starts[i])
    for line in doc.lines:
        i = bisect_right(word_starts, line.start - 1)
        if i < len(word_starts) and word_starts[i] < line.end:
            sent_first.add(word_starts[i])
    line_starts = doc.line_starts
    headlines, lists = _special_lines(doc)
    addresses = _address_spans(prose)
    ai = 0
    lower = set()
    raw: list[tuple[int, int, str, bool, bool]] = []
    add_lower = lower.add
    line_idx = -1
    n_lines = len(line_starts)
    for start, text in zip(word_starts, word_texts):
        if not text[0].isupper():
            if "-" not in text:
                if text[0].islower():
                    add_lower(text)
                continue
            if text[0].islower():
                add_lower(text)
            parts = _name_parts(start, text)
            if not parts:
                continue
            initial = False
        else:
            parts = _name_parts(start, text)
            initial = start in sent_first
            if not initial:
                # after a colon or an opening quote that starts a quotation
                j = start - 1
                while j >= 0 and prose[j] in " \t":
                    j -= 1
                if j < 0 or prose[j] in _OPENERS or prose[j] in ":\n":
                    initial = True
        while ai < len(addresses) and addresses[ai][1] <= start:
            ai += 1
        if ai < len(addresses) and addresses[ai][0] <= start:
            continue  # part of an address or a handle
        while line_idx + 1 < n_lines and line_starts[line_idx + 1] <= start:
            line_idx += 1  # words come in order: the line moves forward only
        if line_idx in headlines:
            initial = True
        listed = line_idx in lists
        for k, (s, e) in enumerate(parts):
            form = prose[s:e]
            if form.casefold() in ABBREVIATIONS and prose[e : e + 1] == ".":
                continue
            if prose[e : e + 2] == "&#" or prose[s - 1 : s] == ";":
                continue  # a fragment around an undecoded character reference
            raw.append((s, e, form, initial and k == 0 and s == start, listed))
    mentions: list[Mention] = []
    for idx, (s, e, form, initial, listed) in enumerate(raw):
        if len(form) < 2:
            continue  # an initial: context for the next name, not a name itself
        prev = nxt = None
        if idx > 0:
            ps, pe, pform, _, _ = raw[idx - 1]
            gap = prose[pe:s]
            if gap == " " or (gap == ". " and len(pform) == 1) or _PARTICLE_GAP_RE.fullmatch(gap):
                prev = pform
        if idx + 1 < len(raw):
            ns, ne, nform, ninit, _ = raw[idx + 1]
            gap = prose[e:ns]
            if (gap == " " or _PARTICLE_GAP_RE.fullmatch(gap)) and not ninit and len(nform) > 1:
                nxt = nform
        mentions.append(Mention(s, e, form, initial, prev, nxt, listed))
    by_form: dict[str, list[Mention]] = {}
    for m in mentions:
        group = by_form.get(m.form)
        if group is None:
            by_form[m.form] = [m]
        else:
            group.append(m)
    pairs: dict[str, list[Mention]] = {}
    for a, b in zip(mentions, mentions[1:]):
        if a.next == b.form and prose[a.end : b.start] == " " and "-" not in a.form + b.form:
            pair = f"{a.form} {b.form}"
            mention = Mention(a.start, b.end, pair, a.initial, a.prev, b.next)
            group = pairs.get(pair)
            if group is None:
                pairs[pair] = [mention]
            else:
                group.append(mention)
    return MentionTable(mentions, by_form, pairs, frozenset(lower), prose)


def _address_spans(prose: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the runs of ``prose`` that are addresses, in order."""
    if "." not in prose and "@" not in prose and "#" not in prose:
        return []
    out = []
    for m in _RUN_RE.finditer(prose):
        run = m.group()
        if ("." in run or "@" in run or "#" in run) and _ADDRESS_RUN_RE.match(run.rstrip(".,;:!?)]}\"'”’")) :
            out.append(m.span())
    return out


def is_name_form(form: str, mentions: list[Mention], lower_words: frozenset[str]) -> bool:
    """Whether a spelling reads as a name: capitalised mid-sentence, or not a common word."""
    if any(not m.initial for m in mentions):
        return True
    low = form.casefold()
    return low not in COMMON_WORDS and low not in lower_words


# --------------------------------------------------------------------------- corpus

def collect_mentions(doc) -> Counter:
    """Name spellings of one document with their counts: small, picklable, mergeable.

    A capital at the start of a sentence or on a headline line says nothing by itself
    about whether the word is a name, so a spelling counts only when it also stands
    inside a sentence somewhere in the document; then every mention of it counts,
    sentence-initial ones included ("President Erdogan protested. Erdogan did not
    respond." has two mentions of Erdogan and none of President). A pair of capitalised
    words counts when it stands inside a sentence, or opens one with a name rather
    than an ordinary word or a title ("Gent Cakaj met..." counts, "Later Cakaj" not).
    """
    table = extract_mentions(doc)
    out: Counter = Counter()
    for form, ms in table.by_form.items():
        if any(not m.initial for m in ms):
            out[form] = len(ms)
    for pair, ms in table.pairs.items():
        if any(not m.initial for m in ms) or _names_first_word(pair, table):
            out[pair] = len(ms)
    return out


def _names_first_word(pair: str, table: MentionTable) -> bool:
    """Whether a pair seen only at sentence starts opens with a name, not an opener.

    The second word of a pair always stands inside the sentence; the first reads as a
    name when it is neither a common sentence opener, nor a title ("President
    Erdogan"), nor a word the document also writes in lower case ("Gent Cakaj met..."
    is a name pair, "Later Cakaj said..." is not).
    """
    first = pair.split(" ", 1)[0]
    low = first.casefold()
    return low not in TITLES and is_name_form(first, table.by_form.get(first, []), table.lower_words)


@dataclass
class NameTally:
    """Spelling counts over many documents: total mentions and documents per spelling.

    ``add`` one document's ``collect_mentions`` counter; ``merge`` two tallies (from
    worker processes) in any order: the result does not depend on it.
    """

    mentions: Counter = field(default_factory=Counter)
    docs: Counter = field(default_factory=Counter)

    def add(self, counter: Counter) -> "NameTally":
        self.mentions.update(counter)
        self.docs.update(counter.keys())
        return self

    def merge(self, other: "NameTally") -> "NameTally":
        self.mentions.update(other.mentions)
        self.docs.update(other.docs)
        return self


# Across documents there is no context (shared first names, counts within one
# article) to tell a slip from another name: a changed, dropped, doubled or swapped
# letter joins too many real pairs (Tory/Troy, Alan/Allan, Sony/Sonny, Centre/Center).
# The corpus report keeps the kinds that change only how a name is written.
CORPUS_KINDS = STRONG_KINDS


def cross_document_report(
    counters: Iterable[Counter] | NameTally,
    *,
    min_docs: int = 2,
    kinds: frozenset[str] = CORPUS_KINDS,
) -> list[dict]:
    """Entities spelled differently in different documents.

    ``counters`` is an iterable of ``collect_mentions`` results (one per document) or a
    ready ``NameTally``. Only spellings found in at least ``min_docs`` documents take
    part, so a one-off slip in one article (NM001's business) is not repeated here.
    Each group: ``{"canonical": str, "kinds": [...], "variants": {spelling: {"count":
    n, "docs": d}}}``, the canonical spelling being the one in most documents; groups
    are ordered by how many documents they touch.
    """
    if isinstance(counters, NameTally):
        tally = counters
    else:
        tally = NameTally()
        for c in counters:
            tally.add(c)
    forms = [f for f, d in tally.docs.items() if d >= min_docs]
    forms.sort(key=lambda f: (-tally.docs[f], -tally.mentions[f], f))
    buckets: dict[str, list[str]] = defaultdict(list)
    head_of: dict[str, str] = {}
    members: dict[str, dict[str, str]] = {}
    for form in forms:
        skel = skeleton(form)
        keys = bucket_keys(skel)
        best = None
        seen = set()
        for key in keys:
            for other in buckets.get(key, ()):
                if other in seen:
                    continue
                seen.add(other)
                kind = variant_kind(form, other)
                if kind in kinds:
                    best = (other, kind)
                    break
            if best:
                break
        if best:
            head = head_of[best[0]]
            head_of[form] = head
            members[head][form] = best[1]
        else:
            head_of[form] = form
            members[form] = {}
            for key in keys:
                buckets[key].append(form)
    groups = []
    for head, variants in members.items():
        if not variants:
            continue
        spellings = [head, *variants]
        groups.append(
            {
                "canonical": head,
                "kinds": sorted(set(variants.values())),
                "variants": {
                    s: {"count": tally.mentions[s], "docs": tally.docs[s]} for s in spellings
                },
            }
        )
    groups.sort(key=lambda g: (-sum(v["docs"] for v in g["variants"].values()), g["canonical"]))
    return groups
