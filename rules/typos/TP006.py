from __future__ import annotations


from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.typos._context import starts_sentence
from linter.rules.support.lexicon import misspelling_corrections
from linter.rules.support.patterns import lazy

_DETERMINERS = frozenset(
    "the a an this that these those its their his her our my your every each any some no "
    "another such".split()
)
# Nouns that news style capitalises by convention when they name one institution or
# office ("the Government", "the Queen", "the Budget").
_CONVENTIONAL = frozenset(
    """
    government parliament queen king prince princess pope army navy church president
    cabinet treasury budget internet web bible koran quran senate congress commons lords
    crown opposition chancellor premiership cup league council assembly executive
    commission court bank police state union party house speaker minister ministry
    monarch royal republic constitution bill act white paper earth moon sun god lord
    championship final finals games olympics tour open masters derby east west north
    south continent chamber tories conservatives labour church city association
    authority conference department university committee corporation institute
    foundation agency federation organisation organization board trust service
    """.split()
)
# Between two capitalised words, these keep a title or a name together
# ("Treaty on Shared Use", "Bank of England").
_TITLE_GLUE = frozenset("of on for and the de in to at with against".split())
_WORD_OK = lazy(r"\A\p{Lu}\p{Ll}{3,}\Z")
# Suffixes of abstract common nouns, which names and nationalities rarely carry.
_NOUN_SUFFIX = lazy(r"(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|ure|ery|ency|ancy|ist)s?\Z")


class CapitalisedCommonNoun(Rule):
    """A common noun capitalised mid-sentence: "The long-awaited Decision on".

    What it does:
        Flags a capitalised word in the middle of a sentence when it follows a
        determiner ("the", "a", "this", possibly with one lower-case word between),
        its lower-case form is a common English word written in lower case elsewhere
        in the document or carrying the suffix of an abstract noun ("-ion", "-ment",
        "-ity"...), and it stands alone: not next
        to another capitalised word or joined to one by "of", "on", "for", "and"...
        (so titles and names such as "Treaty on Shared Use of Fishing
        Waters" or "the Bank of England" are left alone). Headlines, lines without
        terminal punctuation, short quotations (titles) and nouns that news style capitalises by
        convention ("the Government", "the Budget", "the Queen") are skipped.

    Why it matters:
        A stray capital turns a common noun into what looks like a name or a title;
        it is often the trace of a pasted phrase or an old draft.

    Example:
        The long-awaited Decision on the bypass will come in May.

    Use instead:
        The long-awaited decision on the bypass will come in May.

    Fix safety:
        Display only: the word may be a name or a title the rule cannot know.

    Options:
        none.
    """

    code = "TP006"
    name = "capitalised-common-noun"
    category = Category.TYPO
    severity = Severity.INFO
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = (Applicability.DISPLAY,)
    default_enabled = False

    def check(self, doc):
        words = doc.words
        prose = doc.prose
        english = misspelling_corrections()
        vocabulary = self.settings.vocabulary
        lower_counts: dict[str, int] = {}
        upper_counts: dict[str, int] = {}
        for w in words:
            t = w.text
            if prose[w.start - 1 : w.start] in (".", "/", "@") or prose[w.end : w.end + 1] in ("/", "@"):
                continue
            if t.islower():
                lower_counts[t] = lower_counts.get(t, 0) + 1
            elif _WORD_OK.match(t):
                upper_counts[t.lower()] = upper_counts.get(t.lower(), 0) + 1
        last = len(words) - 1
        for i, w in enumerate(words):
            if i == 0 or i >= last or not _WORD_OK.match(w.text):
                continue
            low = w.text.lower()
            if low in _CONVENTIONAL or low not in english:
                continue
            # Evidence that the word is a common noun: the document writes it in lower
            # case elsewhere, or it has the suffix of an abstract noun ("Decision").
            suffix = len(low) >= 7 and _NOUN_SUFFIX.search(low)
            if not suffix and lower_counts.get(low, 0) < upper_counts.get(low, 0):
                continue
            if w.text in vocabulary or low in vocabulary:
                continue
            prev, nxt = words[i - 1], words[i + 1]
            if not prev.text.islower() or not nxt.text.islower():
                continue
            if not _plain_gap(prose, prev.end, w.start) or starts_sentence(prose, w.start, ".!?\n:;"):
                continue
            if _joined_to_capital(words, i, 1) or _joined_to_capital(words, i, -1):
                continue  # "Treaty on Shared Use", "Wind in the Willows"
            det = prev.text in _DETERMINERS or (
                i >= 2 and words[i - 2].text.lower() in _DETERMINERS
            )
            if not det:
                continue
            if _in_short_quote(doc, w.start) or _in_headline(doc, w.start):
                continue
            fixed = low
            yield self.diagnostic(
                w.start,
                w.end,
                f"'{w.text}' is capitalised mid-sentence: '{prose[words[i - 1].start : nxt.end]}'; "
                f"if it is not a name or a title, write '{fixed}'",
                self.fix_replace(w.start, w.end, fixed, Applicability.DISPLAY, f"Lower-case '{w.text}'"),
            )


def _joined_to_capital(words, i: int, step: int) -> bool:
    """Whether words[i] is joined by glue words ("of the") to a capitalised word."""
    j = i + step
    glued = 0
    while 0 <= j < len(words) and words[j].text in _TITLE_GLUE and glued < 3:
        j += step
        glued += 1
    return glued > 0 and 0 <= j < len(words) and words[j].text[:1].isupper()


def _in_short_quote(doc, offset: int) -> bool:
    """Inside a short quotation: a title ("Memorandum of Understanding"), not speech."""
    for span in doc.quoted_spans:
        if span.start <= offset < span.end:
            return len(span.text.split()) <= 10
    return False


def _plain_gap(prose: str, a: int, b: int) -> bool:
    return prose[a:b] in (" ", "\n")



def _in_headline(doc, offset: int) -> bool:
    """A line without terminal punctuation (a title, a heading, a slug)."""
    line = doc.lines[doc.line_col(offset)[0] - 1].text.rstrip()
    return not line or line[-1] not in ".!?\"'”’)"
