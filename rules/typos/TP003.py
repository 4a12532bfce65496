from __future__ import annotations

import regex

from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.typos._context import starts_sentence
from linter.rules.typos._sound import article_for
from linter.rules.support.lexicon import misspelling_corrections
from linter.rules.support.patterns import lazy

# The article, then spaces (one line break at most) and an optional opening quote.
# The word is read up to 100 characters: enough to tell its sound, and a run with no
# space ("a.a.a....") is not read to its end once per article.
_AFTER_RE = lazy(r"[ \t]*(?:\r?\n[ \t]*)?[\"'“‘]?(\S{1,100})")
# A letter of a script other than Latin: English a/an cannot be decided from it.
_OTHER_SCRIPT_RE = lazy(r"[\p{L}--\p{Latin}]", regex.V1)
# Foreign words after which "a"/"an" is not the English article.
_FOREIGN_BEFORE = frozenset(
    "à la de da di do del della du des der die das den dem ob zu von van vom".split()
)
_FOREIGN_AFTER = frozenset(
    "der die das den dem des la le les el los las lo il un une una uno".split()
)
# Labels, not articles: "Plan A", "vitamin A", "grade A", "type A".
_LABEL_BEFORE = frozenset(
    """
    plan vitamin grade grades group type class category section part exhibit schedule
    level pool division league row block zone item option model series route highway
    """.split()
)


# Words no article precedes: "an then" is "and then" mistyped, not an article slip.
_NOT_AFTER_ARTICLE = frozenset(
    """
    the a an and or but then than to of in on at by from with into is are was were be
    been has have had he she they we it i you his her their our its this that these
    those not so if as
    """.split()
)


# A lower-case token of consonants only: "sql", "nd", "mph".
_CONSONANTS_ONLY_RE = lazy(r"[b-df-hj-np-tv-xz]{1,4}")
# The word ends its paragraph with no punctuation (the text was cut there).
_PARAGRAPH_END_RE = lazy(r"[ \t]*(?:\r?\n[ \t]*\r?\n|\Z)")


_ARTICLES = frozenset(("a", "A", "an", "An", "AN"))


def _articles(words):
    """(previous word or None, article, next word) for each article that has a word
    after it: one pass, each word read once (a long document's words are made on
    access)."""
    prev = None
    it = iter(words)
    word = next(it, None)
    for nxt in it:
        if word.text in _ARTICLES:
            yield prev, word, nxt
        prev, word = word, nxt


class ArticleAgreement(Rule):
    """"a" before a vowel sound or "an" before a consonant sound: "an takeover".

    What it does:
        Flags the indefinite article where it disagrees with the sound of the next
        word. Sound, not spelling, decides: "an hour", "an honest", "a university",
        "a European", "a one-off", "an MP", "an FBI agent", "a UN report",
        "an 18-year-old", "a 1990s", "an 8", "a 100", "an 11". Quotation marks
        between the article and the word are skipped ("an "open" policy"). Where
        usage allows both ("an historic", "an hotel") and where a word's sound cannot
        be told from its spelling (an unknown all-capitals acronym, three capitals
        that can be said as a word or letter by letter, "a SIM card", a foreign name
        starting with "U", words starting with "x", a word in another script, a
        lower-case token of consonants only, "a sql query", "a nd"), nothing is
        flagged; nor is a word that ends its paragraph unpunctuated (text cut off
        mid-word: "oddly enough a exi"). A capital
        "A" mid-sentence is a label ("Plan A", "vitamin A"), not an article.
        "an" before a word no article precedes ("an then", "an the") is reported as
        a likely "and", as a suggestion only.

    Why it matters:
        Editing a phrase ("a deal" -> "a agreement") often leaves the article behind;
        every word is spelt right, so a spell-checker stays silent.

    Example:
        The board approved an takeover after a hour of talks.

    Use instead:
        The board approved a takeover after an hour of talks.

    Fix safety:
        Safe when the sound is certain (common words, numbers, initialisms spoken
        letter by letter); unsafe for capitalised names and acronyms, whose
        pronunciation may differ. The fix keeps the article's case. "and" for "an"
        is a suggestion only (display).

    Options:
        none.
    """

    code = "TP003"
    name = "a-an-agreement"
    category = Category.TYPO
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE, Applicability.DISPLAY)

    def check(self, doc):
        words = doc.words
        prose = doc.prose
        vocabulary = self.settings.vocabulary
        for prev, word, nxt in _articles(words):
            art = word.text
            m = _AFTER_RE.match(prose, word.end)
            if not m or m.start(1) != nxt.start or m.start(1) == word.end:
                continue
            token = m.group(1)
            if token.endswith(("...", "…")):
                continue  # a hesitation, "a 'ummm...'"
            if nxt.text in vocabulary or nxt.text.lower() in vocabulary:
                continue
            if _OTHER_SCRIPT_RE.search(nxt.text):
                continue  # "an مرحبا interview": the sound is not English spelling's
            gap_before = prose[prev.end : word.start] if prev is not None else ""
            at_start = prev is None or starts_sentence(prose, word.start)
            if art in ("A", "An") and not at_start:
                continue  # "Plan A", "An Post", "Category A prisoners", title case
            if art == "AN" and not nxt.text.isupper():
                continue
            if prev is not None and not at_start and gap_before in ("-", "‐", "/"):
                continue  # "Grade-a", lists "a - b"
            if prev is not None and prev.text.lower() in _FOREIGN_BEFORE | _LABEL_BEFORE:
                continue
            if nxt.text in _FOREIGN_AFTER or nxt.text.lower() in ("a", "an"):
                continue
            if prose[word.end : word.end + 1] in (".", ")", "/", "&", "-"):
                continue
            if nxt.text in _NOT_AFTER_ARTICLE or nxt.text == "I":
                if art.lower() == "an" and nxt.text in ("then", "the", "to", "so", "I", "he", "she", "they", "we", "it"):
                    yield self.diagnostic(
                        word.start,
                        word.end,
                        f"'{art} {nxt.text}': an article cannot precede '{nxt.text}'; did you mean "
                        f"'{'And' if art[0].isupper() else 'and'} {nxt.text}'?",
                        self.fix_replace(
                            word.start, word.end, "And" if art[0].isupper() else "and",
                            Applicability.DISPLAY, f"Replace '{art}' with 'and'",
                        ),
                        evidence={"next": nxt.text, "article": None, "certain": False},
                    )
                continue
            if nxt.text.isupper() and len(nxt.text) >= 3 and nxt.text.lower() in misspelling_corrections():
                continue  # "A NEW British soap": capitals for emphasis, not an initialism
            if _CONSONANTS_ONLY_RE.fullmatch(nxt.text):
                continue  # "a sql query" ("sequel"), "a nd": said as a word, as letters, or a fragment
            if _PARAGRAPH_END_RE.match(prose, nxt.end):
                continue  # "Oddly enough a exi" then a blank line: a word cut off with the text
            want, certain = article_for(token)
            if want is None or want == art.lower():
                continue
            if art == "AN":
                replacement = want.upper()
            elif art[0].isupper():
                replacement = want.capitalize()
            else:
                replacement = want
            applicability = Applicability.SAFE if certain else Applicability.UNSAFE
            shown = token.rstrip(".,;:!?\"'”’)")
            yield self.diagnostic(
                word.start,
                word.end,
                f"'{art} {shown}': '{nxt.text}' takes '{replacement}'",
                self.fix_replace(
                    word.start, word.end, replacement, applicability,
                    f"Replace '{art}' with '{replacement}'",
                ),
                evidence={"next": nxt.text, "article": replacement, "certain": certain},
            )

