from __future__ import annotations


from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Option, Rule
from linter.rules.typos._context import starts_sentence
from linter.rules.support.lexicon import (
    MISSPELLINGS,
    common_english,
    is_english,
    misspelling_corrections,
    one_edit_words,
)
from linter.rules.support.patterns import lazy

# A word this short one edit from a common word is too often another word or an
# abbreviation; an unlisted word needs this many letters to be taken for a slip.
_MIN_UNLISTED = 5
# A word listed at any SCOWL size (up to 95: rare words, variants, loan words without
# accents) is known.
_MAX_KNOWN_LEVEL = 95
# Words either side of an unlisted word that must all be known: a slip stands alone in
# English prose, while foreign text, code and jargon come in runs of unknown words.
_WINDOW = 3
# Endings that derive a word from a listed one (wirelessly, financials, speeded): a
# word made so from a stem this long is taken as known.
_SUFFIXES = ("s", "es", "d", "ed", "ing", "ings", "ly", "er", "ers", "ness")
_MIN_STEM = 5
_TRIPLED_RE = lazy(r"(.)\1\1")
_QUOTES = frozenset("\"'“”‘’«»")

class CommonMisspelling(Rule):
    """A known misspelling of a common word: "goverment", "recieve", "occured".

    What it does:
        Looks each lower-case word (and each part of a hyphenated word) up in a list
        of about 70,000 known misspellings and their corrections, built from the
        typos project's dictionary and kept only where the misspelling is no English
        word, no British spelling and no common word of another West European
        language (see the header of ``rules/data/typos_misspellings.txt``). A word
        with a capital letter is never flagged mid-sentence (it is likely a name),
        nor are words in all capitals, inside web or e-mail addresses, or in the
        configured vocabulary. A listed misspelling of three letters ("teh", "adn")
        is flagged only between two English words on its line: among words of
        another language it is likelier one of theirs, and at a line's end a word
        cut off. With ``unlisted-words`` on, a lower-case word of
        five letters or more that no list knows (no English word, name or accepted
        variant in SCOWL's lists up to size 95, nor a listed word with an ending)
        is flagged when it is one edit from a common word (a letter dropped, added,
        changed or two swapped, the first letter kept), used once, inside a
        sentence, and among common words: a run of unknown words is another
        language or jargon, a word used twice is a term of the text; cited words,
        tripled letters and two words run together are left alone.

    Why it matters:
        A misspelt common word is the error readers notice first; a list of known
        slips finds them without the false alarms a dictionary raises on names.

    Example:
        The goverment said it had recieved the report.

    Use instead:
        The government said it had received the report.

    Fix safety:
        Safe where the list gives one correction (the case of the first letter is
        kept), unsafe for a listed misspelling of three letters ("teh"); where it
        gives several ("wich": "which" or "witch"), they are named in the message and
        nothing is changed. For a word no list knows the fix is
        unsafe (one common word one edit away) or not offered (several).

    Options:
        unlisted-words (bool, default false): also flag words that no list knows
        but that are one edit from a common word. Off by default: on the BBC it
        finds about 1.5 real misspellings per 100 articles for 0.1 false ones, but on
        blogs and comments (brands, slang, handles, loan words) about one finding in
        eight is false.
    """

    code = "TP005"
    name = "common-misspelling"
    category = Category.TYPO
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)
    options = {
        "unlisted_words": Option(
            False, "also flag words no list knows that are one edit from a common word (opt-in: noisier on blogs)"
        ),
    }

    def check(self, doc):
        table = MISSPELLINGS
        prose = doc.prose
        vocabulary = self.settings.vocabulary
        lower_seen: set[str] | None = None
        unlisted: _Unlisted | None = None
        for i, word in enumerate(doc.words):
            text = word.text
            if not text.isascii():
                continue
            # Only the first part of a hyphenated word: "goverment-backed", but not
            # "right-hander" or "pre-empted", whose later parts are real words.
            base = text.replace("’", "'").split("-")[0]
            start = word.start
            if base.endswith("'s"):
                base = base[:-2]
            if len(base) < 3 or not base.isalpha():
                continue
            low = base.lower()
            joined = table.get(low)
            if joined is None:
                if base == text and base == low and self.opts["unlisted_words"]:
                    if unlisted is None:
                        unlisted = _Unlisted(doc, vocabulary)
                    found = unlisted.check(i, word)
                    if found is not None:
                        yield self._unlisted(word, found)
                continue
            corrections = joined.split(",")
            if len(base) == 3 and not _amid_english(doc, i):
                continue  # "dil woh pyaar": a short word among words of another language; "the last word thi" cut off at a line end
            if base != low:
                # A capital: a name ("Dementieva", "Energis", "Winn-Dixie"), unless it
                # starts a sentence and the document also has the word in lower case.
                if base[1:] != low[1:] or not starts_sentence(prose, start):
                    continue
                if lower_seen is None:
                    lower_seen = {w.text for w in doc.words if w.text.islower()}
                if low not in lower_seen:
                    continue
            if base in vocabulary or low in vocabulary:
                continue
            if _in_address(prose, word.start, word.end):
                continue
            end = start + len(base)
            if len(corrections) == 1:
                fixed = corrections[0]
                if base[0].isupper():
                    fixed = fixed[0].upper() + fixed[1:]
                # Three letters ("teh", "adn") are listed only where no English word
                # is spelt so, yet a short token is an abbreviation or a code more often
                # than a long one: a judgement, not a safe fix.
                applicability = Applicability.SAFE if len(base) >= 4 else Applicability.UNSAFE
                fix = self.fix_replace(start, end, fixed, applicability, f"Replace '{base}' with '{fixed}'")
                message = f"'{base}' is a misspelling of '{fixed}'"
            else:
                fix = None
                message = f"'{base}' is a misspelling of " + " or ".join(
                    f"'{c}'" for c in corrections
                )
            yield self.diagnostic(
                start, end, message, fix, evidence={"corrections": list(corrections)}
            )


    def _unlisted(self, word, corrections: list[str]):
        if len(corrections) == 1:
            fixed = corrections[0]
            fix = self.fix_replace(
                word.start, word.end, fixed, Applicability.UNSAFE, f"Replace '{word.text}' with '{fixed}'"
            )
            message = f"'{word.text}' is no English word: '{fixed}'?"
        else:
            fix = None
            message = f"'{word.text}' is no English word: " + " or ".join(f"'{c}'" for c in corrections[:3]) + "?"
        return self.diagnostic(
            word.start, word.end, message, fix, evidence={"corrections": corrections[:3], "listed": False}
        )


def _amid_english(doc, i: int) -> bool:
    """Whether words[i] has an English word on each side on its own line: a short
    listed slip ("confused adn she") stands among English words, while a short word of
    another language comes among others, and a word ending its line unpunctuated may
    be cut off rather than misspelt."""
    words, prose = doc.words, doc.prose
    if i == 0 or i + 1 >= len(words):
        return False
    prev, word, nxt = words[i - 1], words[i], words[i + 1]
    if "\n" in prose[prev.end : word.start] or "\n" in prose[word.end : nxt.start]:
        return False
    return is_english(prev.text) and is_english(nxt.text)


class _Unlisted:
    """Finds words that no list knows but that are one edit from a common word."""

    def __init__(self, doc, vocabulary) -> None:
        self.doc = doc
        self.words = doc.words
        self.vocabulary = vocabulary
        self._counts: dict[str, int] | None = None
        self._known: dict[str, bool] = {}

    def known(self, text: str) -> bool:
        k = self._known.get(text)
        if k is None:
            k = self._known[text] = (
                not text.isalpha() or not text.islower() or is_english(text, _MAX_KNOWN_LEVEL)
                or text in misspelling_corrections() or _derived(text)
            )
        return k

    def check(self, i: int, word) -> list[str] | None:
        """The corrections of the ``i``-th word, or None when it is not taken for a slip."""
        text = word.text
        if len(text) < _MIN_UNLISTED or not text.isascii() or self.known(text) or text in self.vocabulary:
            return None
        prose = self.doc.prose
        if _in_address(prose, word.start, word.end):
            return None
        before, after = prose[word.start - 1 : word.start], prose[word.end : word.end + 1]
        if before in _QUOTES and _QUOTES.intersection(prose[word.end : word.end + 2]):
            return None  # a word cited as a word ("energie", "liberati")
        if before == ";" or after == "&":
            return None  # a piece of a character reference (B&#233;ziers)
        if self._counts is None:
            counts: dict[str, int] = {}
            for w in self.words:
                key = w.text.lower()
                counts[key] = counts.get(key, 0) + 1
            self._counts = counts
        if self._counts.get(text, 0) > 1:
            return None  # used twice (or capitalised too): a term of the text, not a slip
        if _TRIPLED_RE.search(text) or _compound(text):
            return None  # a sound (burrr) or two words run together (skillset, shoutout)
        if starts_sentence(prose, word.start):
            return None  # a handle or a name opening a line or a comment ("romma says:")
        lo, hi = max(0, i - _WINDOW), min(len(self.words), i + _WINDOW + 1)
        common = common_english()
        for j in range(lo, hi):
            near = self.words[j].text
            if j != i and not (near in common or not near.islower() or not near.isalpha()):
                return None  # every lower-case neighbour must be a common English word
        return [c for c in one_edit_words(text) if _slip_of(text, c)] or None


def _slip_of(text: str, correct: str) -> bool:
    """Whether ``text`` reads as a slip in writing ``correct``: people get the first
    letter right (a different first letter makes another word: romma/comma, pharma/
    dharma), though they may drop it (nterested), and a letter added at the end makes a
    handle or a sound (bobbyp, burrr), not a slip."""
    if correct[0] != text[0]:
        return correct[1:] == text
    return correct != text[:-1]


def _compound(text: str) -> bool:
    """Whether ``text`` is two common words of three letters or more run together."""
    common = common_english()
    return any(text[:k] in common and text[k:] in common for k in range(3, len(text) - 2))


def _derived(text: str) -> bool:
    """Whether ``text`` is a listed word with an ending (wirelessly) or an informal
    elision of one (lovin, nothin)."""
    if text.endswith("in") and is_english(text + "g", _MAX_KNOWN_LEVEL):
        return True
    return any(
        text.endswith(suf) and len(text) - len(suf) >= _MIN_STEM and is_english(text[: -len(suf)], _MAX_KNOWN_LEVEL)
        for suf in _SUFFIXES
    )


def _in_address(prose: str, start: int, end: int) -> bool:
    before = prose[start - 1 : start]
    after = prose[end : end + 2]
    return before in ("@", "/", ".") or after[:1] in ("@", "/") or (
        after[:1] == "." and after[1:2].isalnum()
    )
