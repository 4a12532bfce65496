from __future__ import annotations


from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.typos._context import starts_sentence
from linter.rules.typos._sound import article_for
from linter.rules.support.patterns import lazy

# Between the article and its noun: spaces and opening quotation marks ("am "Agreement").
_AFTER_RE = lazy(r"[ \t]*(?:\r?\n[ \t]*)?[\"'“‘«]?[ \t]*(\S+)")
_GAP_RE = lazy(r"\A[^\S\n]*(?:\n[^\S\n]*)?\Z")
_COMMA_RE = lazy(r"[,–—]")

# "I" (written "i" in informal text) and its contractions.
_FIRST_PERSON = frozenset({"I", "i", "I'm", "I’m", "i'm", "i’m", "I've", "I’ve"})
# Words that may stand between "I" and its verb: "I really am", "I, too, am".
_ADVERBS = frozenset(
    """
    really also not still just always never certainly definitely so too now then indeed
    simply actually only even very truly probably already clearly honestly merely no
    longer sure absolutely genuinely obviously hardly usually often sometimes again
    myself personally therefore however nonetheless nevertheless though
    """.split()
)
# "and am", "but am": the verb of an earlier "I" ("I was and am proud").
_CONJUNCTIONS = frozenset({"and", "but", "or", "yet", "nor", "so"})
# After these, "am" cannot be the verb: it is an article ("including am agreement").
# Words an article never stands before: articles, prepositions, pronouns.
_NO_ARTICLE_BEFORE = frozenset(
    """
    a an the this that these those my your his her its our their on in at to of for
    from with by into onto about over under as than i you he she it we they me him us
    them not
    """.split()
)
_ARTICLE_CONTEXT = frozenset(
    """
    of in on at for with by from into onto including include includes included about
    against without within such what quite half is was be been being are were has have
    had become became becomes make makes made making take takes took taking give gives
    gave giving get gets got getting as like than via reached signed announced
    launched won lost faces faced face
    """.split()
)


class AmAsArticle(Rule):
    """"am" typed for the article "an": "including am agreement".

    What it does:
        Flags the word "am" where it cannot be the verb: not after "I" (also with
        adverbs or a parenthesis between, "I really am", "I, too, am"), not before "I"
        ("am I"), not after a number (the time "10 am"), and not as "AM" or "a.m.". It
        is flagged before a word that takes "an" ("am increase", "am "Agreement"), or
        after a word that an article follows but a verb cannot ("including am deal").
        Not before a word no article stands before ("and am on the way", "am a
        swimmer") nor beside a bracket ("I (and others) am always").

    Why it matters:
        "am" is a real word, so a spell-checker passes it; the slip of one key turns
        an article into a verb and the sentence stops making sense.

    Example:
        The clubs announced fresh plans, including am "Exchange of Coaches".

    Use instead:
        The clubs announced fresh plans, including an "Exchange of Coaches".

    Fix safety:
        Unsafe: "am" is replaced by "an", or by "a" where the next word takes "a"
        ("a Memorandum"). Whether "am" was meant as an article is a judgement.

    Options:
        none.
    """

    code = "TP002"
    name = "am-as-article"
    category = Category.TYPO
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.UNSAFE,)

    def check(self, doc):
        words = doc.words
        prose = doc.prose
        vocabulary = self.settings.vocabulary
        for i, word in enumerate(words):
            if word.text not in ("am", "Am"):
                continue
            if "am" in vocabulary:
                return
            nxt = words[i + 1] if i + 1 < len(words) else None
            if nxt is None or nxt.text in _FIRST_PERSON:
                continue
            m = _AFTER_RE.match(prose, word.end)
            if not m or m.start(1) != nxt.start:
                continue
            # "am." / "am," / "am)" end or interrupt the phrase: never an article.
            if prose[word.end : word.end + 1] in ".,;:)!?":
                continue
            if nxt.text.lower() in _NO_ARTICLE_BEFORE:
                continue  # "and am on the journey", "(am a swimmer": no article stands there
            if prose[max(0, word.start - 2) : word.start].rstrip(" \t")[-1:] in (")", "("):
                continue  # "I (and many others) am always", "(am a big build": the verb
            prev = words[i - 1] if i > 0 else None
            if prev is not None and _is_clock_time(prose, prev, word):
                continue  # 10 am, 10.30 am
            if prev is not None and _same_sentence(prose, prev, word) and prev.text in _FIRST_PERSON:
                continue
            if word.text == "Am" and not starts_sentence(prose, word.start, ".!?\n"):
                continue  # a name or German ("Frankfurt Am Main" in a title)
            if (
                prev is not None
                and word.text == "am"
                and prev.text[:1].isupper()
                and nxt.text[:1].isupper()
                and prose[prev.end : word.start] == " "
                and not starts_sentence(prose, prev.start, ".!?\n")
            ):
                # "Frankfurt am Main", "Halle am See": German place names
                if prev.text.lower() not in _ARTICLE_CONTEXT:
                    continue
            if _verb_of_i(words, i, prose):
                continue
            article, _certain = article_for(m.group(1))
            prev_low = prev.text.lower() if prev is not None else ""
            if article is None:
                # Sound unknown ("historic", an unknown acronym): "an" was the word
                # typed, so restore it where a vowel letter or "h" follows.
                if nxt.text[:1].lower() not in "aeiouh":
                    continue
                article = "an"
            if article == "a" and prev_low not in _ARTICLE_CONTEXT:
                continue
            replacement = article if word.text == "am" else article.capitalize()
            phrase = prose[word.start : m.end(1)].rstrip(".,;:!?\"'”’)")
            yield self.diagnostic(
                word.start,
                word.end,
                f"'{word.text}' before '{nxt.text}' reads as the article '{replacement}': "
                f"'{phrase}'",
                self.fix_replace(
                    word.start,
                    word.end,
                    replacement,
                    Applicability.UNSAFE,
                    f"Replace '{word.text}' with '{replacement}'",
                ),
                evidence={"next": nxt.text, "article": replacement},
            )


_CLOCK_RE = lazy(r"(?:\A|[\s(])(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\Z")


def _is_clock_time(prose: str, prev, word) -> bool:
    """Whether "am" follows a time of day: "10 am", "10.30 am", "at 9:15 am"."""
    if prose[prev.end : word.start] != " ":
        return False
    return bool(_CLOCK_RE.search(prose, max(0, prev.start - 4), prev.end))


def _same_sentence(prose: str, a, b) -> bool:
    gap = prose[a.end : b.start]
    return not any(c in gap for c in ".!?") and "\n\n" not in gap



def _verb_of_i(words, i: int, prose: str) -> bool:
    """Whether "I" governs words[i] across adverbs or a parenthesis ("I, too, am")."""
    in_parenthesis = False
    j = i - 1
    steps = 0
    after = words[i]
    while j >= 0 and steps < 8:
        w = words[j]
        gap = prose[w.end : after.start]
        if any(c in gap for c in ".!?;:") or "\n\n" in gap:
            return False
        if _COMMA_RE.search(gap):
            in_parenthesis = not in_parenthesis
        low = w.text.lower()
        if w.text in _FIRST_PERSON:
            return True
        if low in _CONJUNCTIONS and not in_parenthesis:
            # "I was born here and am proud": look for the subject further back.
            return _i_before(words, j, prose)
        if not in_parenthesis and low not in _ADVERBS:
            return False
        after = w
        j -= 1
        steps += 1
    return False


def _i_before(words, j: int, prose: str) -> bool:
    k = j - 1
    while k >= 0 and j - k <= 15:
        gap = prose[words[k].end : words[k + 1].start]
        if any(c in gap for c in ".!?;") or "\n\n" in gap:
            return False
        if words[k].text in _FIRST_PERSON:
            return True
        k -= 1
    return False
