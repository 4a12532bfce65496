from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict


from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rules.support.names import (
    COMMON_WORDS,
    NOT_NAMES,
    PLACES_INFLECTED,
    STRONG_KINDS,
    TITLES,
    bucket_keys,
    extract_mentions,
    is_name_form,
    skeleton,
    variant_kind,
)
from linter.rule import Option, Rule
from linter.rules.support.lexicon import english_levels, is_english, misspelling_corrections
from linter.rules.support.patterns import lazy

# Kinds that need more than counts: a changed letter or a short spelling must also
# share a neighbouring word (first name, title) with the dominant form, except a vowel
# changed in a lone spelling that is no English word or name (Erdagan for Erdogan).
_WEAK_KINDS = frozenset({"changed"})
# A changed consonant is a slip only in a spelling this long (Iran/Iraq, Sudan/Sedan).
_MIN_LEN_CONSONANT_CHANGED = 6
# SCOWL size levels (rules/support/lexicon.py): a spelling listed up to this size is an
# English word or a name of its own (Francis, Theresa, Holly); rarer entries
# (Hassell, Edmonson) may as well be slips. A lower-case word listed up to the
# common size is an ordinary word even when capitalised (Government).
_MAX_NAME_LEVEL = 70
_MAX_COMMON_LEVEL = 50
# Any listed word or name, the obscure ones included (pease).
_MAX_LISTED_LEVEL = 95


class InconsistentName(Rule):
    """One name spelled two ways in the same article: "Gent Caka" and "Gent Cakaj".

    What it does:
        Finds the proper-noun mentions of the document (capitalised words and
        adjacent capitalised pairs; sentence-initial common words, all-caps and
        title-case headline lines do not count as names), groups spellings that are
        variants of each other, and flags the minority spelling, suggesting the
        dominant one. Variants caught: an ending cut one or two letters short
        (Caka/Cakaj, Microso/Microsoft), a letter
        dropped, doubled, swapped or changed (Wenegr/Wenger; a vowel changed in a
        spelling seen once that is no English word or name, Erdagan/Erdogan, even
        without a shared first name or title), diacritics stripped
        (Erdogan/Erdoğan), case (Mcdonald/McDonald), spacing and hyphenation
        (TimeWarner/Time Warner, Jean Pierre/Jean-Pierre). Possessives count as
        mentions of the name (Cakaj's, Cakaj’s). A two-word name whose surname
        also stands alone outweighs a run-together spelling seen as often
        (TonyBlair against Tony Blair ... Blair). A spelling seen once that is no
        English word and has no neighbouring name of its own is a slip even where
        its ending could make another word (Gartn/Gartner, Charl/Charles,
        Itali/Italian, Prince Harr/Prince Harry); a three-letter spelling of a
        four-letter name is flagged only then, and only when it shares a
        neighbour or has no vowel (Hong Kon/Hong Kong, Yrk/York).

    Why it matters:
        A spell-checker flags every foreign name, so editors stop looking, and a
        misspelt minister or player slips through. The article itself says how the
        name is spelled: the other mentions.

    Example:
        Foreign Minister Gent Cakaj met his counterpart. Gent Caka said the talks
        went well. Cakaj later left for Tirana.

    Use instead:
        Foreign Minister Gent Cakaj met his counterpart. Gent Cakaj said the talks
        went well. Cakaj later left for Tirana.

    Fix safety:
        Unsafe: replaces the minority spelling with the dominant one, which is a
        judgement (the majority may be the wrong one). The evidence lists the kind of
        difference, the counts and any shared first name or title. Different names
        that look alike stay silent: a different first letter, plurals and demonyms
        (Russia/Russian, Iraq/Iraqi, Saud/Saudi), feminine, Romance and familiar
        forms (Paul/Paula, Maria/Mario, Albert/Alberto, Steve/Stevie), a changed
        letter in a short name or without a shared neighbour (Iran/Iraq,
        Sudan/Sedan), words derived from a name (Islam/Islamic, Nigel/Nigella),
        short words and names (Ban/Bank, Tim/Time, Paul/Paula used as a first
        name), a spelling on a line listing names (team sheets), two
        spellings that are both frequent (Jon/John), and mentions with different
        first names or surnames beside them (Hillary Clinton/Bill Clinton, Paula
        Radcliffe/Paul Scholes, Theresa Payne/Teresa, Hilal Khashan/The Hill), a
        spelling that is an English word or a common name of its own (St Francis
        beside Francois, Holly beside Holy), capitals inside a web or e-mail
        address, a handle or a hashtag (www.AskAmy.com beside Ask Amy), and
        capitals for emphasis (AWEsome). Words in the configured vocabulary and names
        handled by the names vocabulary (NM002) are never flagged. Nor are a word
        spelled out letter by letter (Y-O-U beside You) and a people beside its
        doctrine (Wahhabis beside Wahhabism). Nor are a pun or blend with capitals
        a one-letter slip cannot add (AmeriCIA beside America), a listed word or
        name after a first name beside a common word that only opens sentences
        (Terri Pease beside Please; a slip that is no word, Strathclyde Polcie, is
        still flagged), and a changed letter outside a quotation that alone holds
        the other spelling (Seleukos beside a quoted source's Seleukus).

    Options:
        min-dominant (int, default 2): mentions the dominant spelling needs.
        min-length (int, default 4): shortest spelling compared for letter changes.
        max-ratio (float, default 0.34): the minority spelling may have at most this
        share of the dominant one's mentions when it occurs more than once.
    """

    code = "NM001"
    name = "inconsistent-name"
    category = Category.NAMES
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.UNSAFE,)
    options = {
        "min_dominant": Option(2, "mentions the dominant spelling needs"),
        "min_length": Option(4, "shortest spelling compared for letter changes"),
        "max_ratio": Option(
            0.34, "largest minority/dominant mention ratio flagged when the minority occurs more than once"
        ),
    }

    def check(self, doc):
        table = extract_mentions(doc)
        vocab = {w.casefold() for w in self.settings.vocabulary}
        house = set()
        for canonical, variants in self.settings.names.items():
            house.add(canonical.casefold())
            house.update(v.casefold() for v in variants)
        groups: dict[str, list] = {}
        for form, ms in table.by_form.items():
            if form.casefold() in vocab or form.casefold() in house or _SPELLED_OUT_RE.fullmatch(form):
                continue
            if is_name_form(form, ms, table.lower_words):
                groups[form] = ms
        for pair, ms in table.pairs.items():
            if pair.casefold() in vocab or pair.casefold() in house:
                continue
            groups[pair] = ms

        # Only a spelling seen min-dominant times (a two-word one with its standalone
        # surname's bonus) can be the dominant one of a pair: those are filed by key
        # and every spelling looks its keys up there, so a text of many distinct
        # words files next to nothing and the work stays linear in the text.
        min_len = self.opts["min_length"]
        buckets: dict[str, list[str]] = defaultdict(list)
        for form, ms in groups.items():
            if len(ms) + _standalone_bonus(form, groups) >= self.opts["min_dominant"]:
                for key in _keys(form):
                    buckets[key].append(form)
        candidates: dict[tuple[str, str], None] = {}
        if buckets:
            order = {form: i for i, form in enumerate(groups)}
            for form in groups:
                for key in _keys(form):
                    for other in buckets.get(key, ()):
                        if other != form:
                            pair = (other, form) if order[other] < order[form] else (form, other)
                            candidates[pair] = None

        best: dict[str, tuple] = {}
        for a, b in candidates:
            if (" " in a) != (" " in b) or (" " in a and " " in b):
                kind = variant_kind(a, b)
                if kind != "spacing":
                    continue
            else:
                kind = variant_kind(a, b, min_len=min_len, min_len_changed=min_len, inflected=True)
                if kind is None and {len(skeleton(a)), len(skeleton(b))} == {3, 4} and min_len == 4:
                    # Yrk/York, Kon/Kong: judged with more care (_judge asks for more)
                    kind = variant_kind(a, b, min_len=3, inflected=True)
            if kind is None:
                continue
            verdict = self._judge(a, b, kind, groups, table.lower_words, doc)
            if verdict is None:
                continue
            minority = verdict[0]
            if minority not in best or verdict[2] > best[minority][2]:
                best[minority] = verdict

        flagged: set[int] = set()
        for minority, (_, dominant, _, kind, shared) in sorted(best.items()):
            if dominant in best:  # the dominant spelling is itself a slip of a third one
                continue
            dom_ms = groups[dominant]
            min_ms = groups[minority]
            line = doc.line_col(dom_ms[0].start)[0]
            for m in min_ms:
                if any(s in flagged for s in range(m.start, m.end)):
                    continue
                flagged.update(range(m.start, m.end))
                message = (
                    f"'{minority}' ({len(min_ms)}x) differs from '{dominant}' "
                    f"({len(dom_ms)}x, first on line {line})"
                )
                if shared:
                    message += f"; both beside '{shared}'"
                if kind == "spacing" and len(min_ms) == len(dom_ms) and " " in dominant:
                    message += f"; '{dominant.rsplit(' ', 1)[1]}' also stands alone"
                yield self.diagnostic(
                    m.start,
                    m.end,
                    message,
                    self.fix_replace(
                        m.start, m.end, dominant, Applicability.UNSAFE, f"Write '{dominant}'"
                    ),
                    evidence={
                        "kind": kind,
                        "form": minority,
                        "form_count": len(min_ms),
                        "dominant": dominant,
                        "dominant_count": len(dom_ms),
                        "dominant_line": line,
                        "shared_context": shared,
                    },
                )

    def _judge(self, a: str, b: str, kind: str, groups: dict, lower_words, doc=None) -> tuple | None:
        """(minority, dominant, score, kind, shared word) if ``a``/``b`` is a slip, else None."""
        ma, mb = groups[a], groups[b]
        na, nb = len(ma), len(mb)
        if kind == "spacing":
            na += _standalone_bonus(a, groups)
            nb += _standalone_bonus(b, groups)
        if na == nb:
            return None
        if na > nb:
            a, b, ma, mb, na, nb = b, a, mb, ma, nb, na
        n_min, n_dom = na, nb
        if n_dom < self.opts["min_dominant"]:
            return None
        if kind == "case" and _emphasis(a):
            return None  # capitals for emphasis (AWEsome beside Awesome), not a name
        if n_min > 1 and n_min > self.opts["max_ratio"] * n_dom:
            return None
        garbled = kind == "doubled" and _garbled(skeleton(a), skeleton(b))
        if all(m.listed for m in ma) and not garbled:
            return None
        if kind not in STRONG_KINDS:
            low = a.casefold()
            if low in COMMON_WORDS or low in NOT_NAMES or low in lower_words:
                return None  # the minority spelling is a word of its own (Being/Bening, Scot/Scott)
            if b.casefold() in lower_words:
                return None  # the dominant one is a common word capitalised (Union, Life)
            if (
                all(m.initial for m in mb) and _common_lower_word(b)
                and is_english(a, _MAX_LISTED_LEVEL)
                and any(m.prev and _could_be_name(m.prev) for m in ma)
            ):
                # a listed word or name of its own after a first name, beside a common
                # word that only opens sentences (Terri Pease beside Please); a slip
                # is no listed word (Strathclyde Polcie beside Police)
                return None
            if _capitals(a) - _capitals(b) >= 2:
                return None  # capitals a one-letter slip cannot add: a pun or a blend (AmeriCIA beside America)
        if kind in ("truncated", "inflected") and len(skeleton(a)) > len(skeleton(b)):
            # a slip cuts a name short; a longer spelling is another word or name
            # (PepsiCo/Pepsi, Peter/Pete, Romanov/Roman) or words run together
            return None
        if kind in ("truncated", "inflected") and skeleton(b).endswith("ism") and skeleton(b)[:-1] == skeleton(a):
            return None  # Wahhabis beside Wahhabism, Sufis beside Sufism: the followers, not the doctrine
        lone = _lone_slip(a, ma, mb, lower_words)
        if kind == "inflected":
            # Japa for Japan is a slip; Russia beside Russian, Democrat beside
            # Democrats, Punjab beside Punjabi are other words. A lone spelling that
            # is no word and has no neighbour of its own (Harr for Harry, Gartn for
            # Gartner, Charl for Charles) is a slip all the same.
            sa, sb = skeleton(a), skeleton(b)
            cut = len(sb) - len(sa)
            if a.casefold() in PLACES_INFLECTED:
                return None
            if sb.endswith("s") and not (cut == 1 and sa[-1] in "aiou"):
                # a plural beside its singular; but Hingi for Hingis is no English
                # singular (nouns ending in -i, -a, -o, -u rarely take a bare -s),
                # nor is Charl for Charles or Christm for Christmas
                if cut == 1 or not lone or sb.endswith("ans") or (
                    sb.endswith("es") and sa.endswith(_PLURAL_ES)
                ):
                    return None  # Ikaria/Ikarians: a people named after a place
            if len(sa) < 5 and not sb.endswith("n") and not (
                lone and (_context(ma, mb)[0] or not _first_name_use(mb))
            ):
                # Carl/Carlo, Paul/Paula, Nick/Nicky: short first names; but not
                # Prince Harr beside Prince Harry, nor Appl beside Apple
                return None
            if cut > 1 and (not lone or sa.endswith("s") or sb[-2:] in _DERIVING_PAIRS):
                # Malays/Malaysia, German/Germanic, Islam/Islamic, Nigel/Nigella
                return None
            if b.casefold() in NOT_NAMES and not (
                lone
                and len(sa) >= 5
                and not sb.endswith("i")
                and (cut > 1 or sa[-1] not in "aeiouy")
            ):
                return None  # Saud/Saudi, Punjab/Punjabi, Persia/Persian
            kind = "truncated"
        shared, conflict = _context(ma, mb)
        if not shared and kind == "changed" and doc is not None and _quoted_apart(doc, ma, mb):
            # every dominant mention stands inside one quotation and the minority outside
            # it: the quoted source keeps its own transliteration (Seleukos ... "Seleukus")
            return None
        if conflict and not shared and kind not in STRONG_KINDS and not garbled:
            return None
        short = min(len(skeleton(a)), len(skeleton(b))) < self.opts["min_length"]
        if short and kind not in STRONG_KINDS:
            # a three-letter spelling beside a four-letter name must be a lone slip
            # inside a sentence, sharing a neighbour (Hong Kon, New Yrk) or having no
            # vowel; Tim/Time, Dan/Dane, Jon/John are names of their own
            if len(skeleton(a)) > len(skeleton(b)) or not lone or all(m.initial for m in ma):
                return None
            if not shared and _has_vowel(skeleton(a)):
                return None
        if not shared and kind not in STRONG_KINDS and is_english(a, _MAX_NAME_LEVEL):
            # a spelling that is an English word or a listed name of its own is another
            # name (St Francis beside Francois, Theresa beside Teresa), unless it shares
            # a first name or a title with the dominant spelling
            return None
        if kind == "changed":
            vowels = _vowel_changed(skeleton(a), skeleton(b))
            if not vowels and min(len(skeleton(a)), len(skeleton(b))) < _MIN_LEN_CONSONANT_CHANGED:
                return None
            if not shared and not (vowels and lone):
                return None
        elif not shared and kind in _WEAK_KINDS:
            return None
        if not shared and kind not in STRONG_KINDS and all(m.initial for m in ma):
            # a capitalised word opening a sentence may be any word: ask for more
            if len(a) < 5:
                return None
        score = (2 if shared else 0) + (1 if kind in STRONG_KINDS else 0) + n_dom / 100
        if len(skeleton(b)) - len(skeleton(a)) > 1:
            score -= 0.5  # Russi is nearer Russia than Russian
        return (a, b, score, kind, shared)


def _keys(form: str) -> set[str]:
    """The bucket keys of a spelling; a two-word spelling is compared by its skeleton only."""
    skel = skeleton(form)
    return bucket_keys(skel) if " " not in form else {skel}


def _standalone_bonus(form: str, groups: dict) -> int:
    """1 when a two-word spelling's surname also stands alone (Tony Blair ... Blair).

    Then the words are used apart, which a run-together spelling (TonyBlair) is not.
    """
    if " " not in form:
        return 0
    last = form.rsplit(" ", 1)[1]
    return 1 if len(groups.get(last, ())) > len(groups[form]) else 0


# Endings that take -es in the plural (Bush/Bushes, Fox/Foxes, Tory/Tories as Tori).
_PLURAL_ES = ("s", "x", "z", "ch", "sh", "i")


# Two-letter endings that derive another word or name even from a spelling that is
# no English word: Islam/Islamic, Ocean/Oceanic, Nigel/Nigella, Nation/National.
_DERIVING_PAIRS = frozenset("ic al la na ta ly".split())


# Letters that names almost never double (Cardiiff, Hughhes, Kowalczyyk).
_RARELY_DOUBLED = frozenset("iuhjqvwxy")


def _garbled(minority: str, dominant: str) -> bool:
    """Whether a doubled letter makes a spelling no name could have: a doubled
    first consonant (CCardiff, not Lloyd), a tripled letter (Tindalll) or a letter names
    rarely double (Cardiiff)."""
    if len(minority) != len(dominant) + 1:
        return False
    i = 0
    while i < len(dominant) and minority[i] == dominant[i]:
        i += 1
    ch = minority[i]
    if i == 1 and minority[0] == ch:
        return ch not in "lfaeiou"  # Lloyd, Ffion, Aaron
    if ch * 3 in minority and ch * 3 not in dominant:
        return True
    return ch in _RARELY_DOUBLED


def _common_lower_word(form: str) -> bool:
    """Whether ``form`` is also a common lower-case English word (government, awesome)."""
    low = english_levels(form)[0]
    return low is not None and low <= _MAX_COMMON_LEVEL


_EMPHASIS_RE = lazy(r"\p{Lu}{3,}\p{Ll}")
# A word spelled out letter by letter for emphasis: Y-O-U, N-O.
_SPELLED_OUT_RE = lazy(r"\p{L}(?:-\p{L}){2,}")


def _emphasis(form: str) -> bool:
    """Whether a common word has a run of capitals inside it for emphasis (AWEsome)."""
    return bool(_EMPHASIS_RE.search(form)) and _common_lower_word(form)


def _capitals(form: str) -> int:
    return sum(1 for ch in form if ch.isupper())


def _quoted_apart(doc, minority, dominant) -> bool:
    """Whether every dominant mention lies inside one and the same quotation and no
    minority mention lies inside a quotation."""
    spans = doc.quoted_spans
    if not spans:
        return False
    starts = [s.start for s in spans]

    def span_of(offset: int) -> int | None:
        i = bisect_right(starts, offset) - 1
        return i if i >= 0 and spans[i].start <= offset < spans[i].end else None

    inside = {span_of(m.start) for m in dominant}
    if len(inside) != 1 or None in inside:
        return False
    return all(span_of(m.start) is None for m in minority)


def _vowel_changed(a: str, b: str) -> bool:
    """Whether two spellings of one length differ by one vowel for another (Erdogan/Erdagan)."""
    diffs = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diffs) == 1 and all(ch in "aeiouy" for ch in diffs[0])


def _has_vowel(skel: str) -> bool:
    """Whether a spelling has a vowel (a ``y`` counts after the first letter: Lyn, not Yrk)."""
    return any(ch in "aeiou" or (ch == "y" and i) for i, ch in enumerate(skel))


def _lone_slip(form: str, minority, dominant, lower_words) -> bool:
    """Whether ``form`` reads as a one-off slip of the dominant spelling.

    It occurs once, is no English word, and its neighbours (if any) are the dominant
    spelling's or titles: Carl in "Carl Lewis" beside Carlo Ancelotti is another name.
    """
    if len(minority) != 1 or len(dominant) < 2:
        return False
    low = form.casefold()
    if low in COMMON_WORDS or low in NOT_NAMES or low in lower_words or low in misspelling_corrections():
        return False
    m = minority[0]
    if m.next and m.next not in {d.next for d in dominant}:
        return False
    if m.prev and _could_be_name(m.prev) and m.prev not in {d.prev for d in dominant}:
        return False
    return True


def _first_name_use(mentions) -> bool:
    """Whether a spelling is used as a first name somewhere (Paula Radcliffe)."""
    return any(m.next and _could_be_name(m.next) for m in mentions)


def _could_be_name(word: str) -> bool:
    low = word.casefold()
    return low not in TITLES and low not in NOT_NAMES and low not in COMMON_WORDS


def _context(minority, dominant) -> tuple[str | None, bool]:
    """A neighbouring capitalised word both spellings share, and whether their neighbours clash."""
    dprev = {m.prev for m in dominant if m.prev}
    dnext = {m.next for m in dominant if m.next}
    # titles say nothing about which person: only first names and surnames can clash
    dprev_names = {p for p in dprev if _could_be_name(p)}
    shared = None
    conflict = False
    # A spelling always written with the same neighbour is part of a longer name
    # (Standard Life, European Union); without that neighbour it is another word.
    for attr, seen in (("prev", dprev), ("next", dnext)):
        if len(seen) == 1 and len(dominant) >= 3:
            (word,) = seen
            if word.casefold() not in TITLES and all(getattr(m, attr) == word for m in dominant):
                if not any(getattr(m, attr) == word for m in minority):
                    conflict = True
    for m in minority:
        if (
            m.prev and m.next and m.prev.casefold() not in TITLES
            and m.prev not in dprev and m.next not in dnext
        ):
            conflict = True  # inside a longer name of its own (Lian Chia Liang)
        if (
            m.next and m.next not in dnext and _could_be_name(m.next)
            and not _common_lower_word(m.next)
            and not any(variant_kind(m.next, n, inflected=True) for n in dnext)
        ):
            conflict = True  # a surname or a second word of its own (Theresa Payne, Hilal Khashan)
        if m.prev and m.prev in dprev:
            shared = m.prev
        elif m.next and m.next in dnext:
            shared = m.next
        if m.prev and dprev_names and m.prev not in dprev and _could_be_name(m.prev):
            if len(m.prev) == 1:
                # an initial clashes only with first names of another letter (C Thomson)
                if not any(p[0] == m.prev for p in dprev_names):
                    conflict = True
            elif not any(variant_kind(m.prev, p) for p in dprev_names):
                conflict = True
    return shared, conflict
