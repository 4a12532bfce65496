from __future__ import annotations

import regex

import functools
from collections import Counter
from pathlib import Path

from linter.rules.support import langid
from linter.text import ABBREVIATIONS as SENTENCE_ABBREVIATIONS
from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.support.lexicon import is_english
from linter.rules.support.lines import TIMESTAMP_RE
from linter.rules.typos._context import starts_sentence
from linter.rules.support.patterns import lazy

# The end of the previous sentence: terminal punctuation, closers, whitespace.
_PREV_END_RE = lazy(r"([.!?])([\"'”’»)\]]*)\s+[\"'“‘«(\[]*\Z")
_WORD_RE = lazy(r"[\p{L}\p{M}\p{N}]+(?:['’\-‐.][\p{L}\p{M}\p{N}]+)*")
_VOWEL_RE = lazy(r"[aeiouy]")
_LAST_WORD_RE = lazy(r"[\p{L}\p{M}\p{N}'’\-]+(?=[\"'”’»)\]]*\Z)")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "st"})
# Words that start a new clause (after "!" or "?" only these are trusted).
_CLAUSE_STARTERS = frozenset(
    """
    i i'm i’m it it's it’s we he she they you this that these those there the my our
    his her their your its what why how when who where
    """.split()
)


class LowercaseSentenceStart(Rule):
    """A sentence that starts with a lower-case letter: "the port. and she".

    What it does:
        Flags the first word of a sentence when it starts with a lower-case letter and
        follows ".", "!" or "?" in the same paragraph. Sentence boundaries are the
        document's: no break after abbreviations ("Dec. 1", "U.S. officials", "Mr.
        Smith", "e.g.", "i.e.", "No. 10", "St."), initials, decimals, URLs, e-mail
        addresses or domain names, and an ellipsis followed by a lower-case word
        continues the sentence. Nor after units and abbreviations listed in
        ``rules/data/typos_abbreviations.txt`` ("1 tbsp. olive oil", "Denver, Colo.
        police", "esp."), a short word opening a bracket ("(ex. content"), dotted or
        all-capitals tokens ("non-U.K. buyers", "the EV. models") or a short quotation
        opened inside the sentence ('the "Stop. Think. Vote." campaign'). A document
        whose first paragraph is running text starting in lower case is flagged. Not
        flagged: brand names written in lower case ("iPod", "eBay", "iTunes", "ntl",
        "mp3", "lastminute.com", and a word that is no English word and that the
        document never capitalises inside a sentence: "bitly", "danah"), a quotation
        ending in "!" or "?" and continued by the sentence ("'It's over!' he said"), one
        ending in "." followed by its attribution ("'It's over.' he said", a comma slip
        rather than a lower-case start), and paragraphs that are not running text
        between running text (titles, list items, lines after a colon), and text whose
        writer starts sentences in lower case as a habit (the sentence before or after
        in the paragraph does; the paragraph before or after starts in lower case as
        this one does; or another sentence of the paragraph does, and no more start in
        upper case there; or two or more of the four sentences either side do, no fewer
        than start in upper case: a commenter who never capitalises, "ya. looked brutal.
        hopefully he's ok", or writes "i" for "I" in that sentence or one of the three
        either side in its paragraph; a sentence opening with an "@name" reply counts
        by the word after it, and one running on from a date-stamped header line by
        the first word of its next line, "May 3, 2012 Anna\nso happy for you"), a
        word glued to a symbol ("so+ba", "et/" cut from a web address), a short line
        (60 characters or fewer) opening with the word and ending with no sentence
        mark (a signature: "aka, Ann of the North Shore"), a quotation of up to 25
        words opened right after a word and continued by the sentence ('the message
        "That number is unavailable. Please dial again." though'), a short quotation
        opening the sentence and closing right after a word, a phrase cited as it
        was written ('“hope makes you vulnerable” — oh yes', or one of a list of
        quoted phrases: '"very dangerous," "have you ..."'), a listed abbreviation
        written in capitals ("PS. we love it"), a full stop after a
        short lower-case form no dictionary knows ("learn sth. new", "high chol.
        high"), a contact label ("e-mail: ann@example.org"), a speech verb ending
        its line with a colon or an ellipsis ("rach. said..."), a word ending its
        line over a date-stamped line (a user name in a comment header), a word
        (no function word) before a capitalised one when the document writes the two
        again (a name's particle: "dos Santos"), a word ending its line with a colon (a header's
        label: "Kim B. says:"), lines carrying a date stamp (comment headers: "pdxhadey
        on October 23rd, 2012 2:22 pm"), a full stop after "/" ("/. readers"), asides in
        square brackets, and a first word that labels what follows ("vegan – use
        mushrooms", "breakfast: two eggs").

    Why it matters:
        A lower-case start usually means a full stop typed for a comma, or a
        sentence edited apart; a spell-checker sees nothing wrong.

    Example:
        The mayor wants closer ties with the port. and she will ask for more ferries.

    Use instead:
        The mayor wants closer ties with the port. And she will ask for more ferries.

    Fix safety:
        Unsafe: the first letter is capitalised, but the full stop may be the real
        slip (a comma meant), which only a reader can tell.

    Options:
        none.
    """

    code = "TP004"
    name = "lowercase-sentence-start"
    category = Category.TYPO
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.UNSAFE,)

    def check(self, doc):
        prose = doc.prose
        vocabulary = self.settings.vocabulary
        paragraphs = doc.paragraphs
        para_index = {p.start: i for i, p in enumerate(paragraphs)}
        bare: dict = {}
        sentences = doc.sentences
        case = _start_cases(prose, sentences, para_index)
        para_of = _paragraph_of(sentences, paragraphs)
        first_of: dict[int, int] = {}
        for k, p in enumerate(para_of):
            first_of.setdefault(p, k)
        lower_in_para = Counter(p for p, c in zip(para_of, case) if c == 1)
        upper_in_para = Counter(p for p, c in zip(para_of, case) if c in (-1, _PRONOUN_I))
        for n, sent in enumerate(sentences):
            m = _WORD_RE.match(prose, _skip_openers(prose, sent.start))
            if not m:
                continue
            word = m.group()
            if not word[0].islower():
                continue
            if _lower_case_habit(case, n, para_of, first_of, lower_in_para, upper_in_para) or _lower_i_near(prose, sentences, n, para_of):
                continue  # "ya. looked brutal. hopefully he recovers": a writer who never capitalises
            if _on_stamped_line(prose, m.start()):
                continue  # "on 26 Oct 2012 at 3:47 am Marshall": a comment header, not a sentence
            if _LINE_LABEL_RE.match(prose, m.end()):
                continue  # "Marcello B. says:" ending its line: a comment header's label
            if word in _SPEECH_VERBS and _HEADER_VERB_RE.match(prose, m.end()):
                continue  # "rach. said..." ending its line: a comment header
            if _above_stamped_line(prose, m.end()):
                continue  # "Comment 207. sunnyjoe" over "24TH JULY 2012 - 14:43": a name in a header
            if _CONTACT_LABEL_RE.match(prose, m.end()):
                continue  # "Ann Lee. e-mail: ann@example.org": a contact label, no sentence
            if _name_with_particle(doc, m.start(), m.end(), word):
                continue  # "dos Santos of Brazil", written so inside sentences too: a name's particle
            if _cited_phrase(prose, m.start()):
                continue  # '“hope makes you vulnerable” — oh yes': a phrase quoted as written
            if sent.start in para_index:
                # The first sentence of a paragraph: flag it only between two prose
                # paragraphs (not a title, a list item or a line after a colon).
                k = para_index[sent.start]
                if not _is_prose(paragraphs[k]) or (k > 0 and not _ends_sentence(paragraphs[k - 1].text, k - 1 == 0)):
                    continue
                if word in _NO_SUBJECT or word in _BYLINE_WORDS:
                    continue  # "was on record-breaking form": the subject was cut, not a case slip
                if prose[sent.start : sent.start + 1] in "([":
                    continue  # "(my set-up after the workout)": a caption or an aside
                if _LABEL_AFTER_RE.match(prose, m.end()):
                    continue  # "vegan – replace the pork", "breakfast: two eggs": a label, not a sentence
                after = "\n\n" if k > 0 else "start"
            else:
                before = prose[max(0, sent.start - 12) : m.start()]
                pm = _PREV_END_RE.search(before)
                if not pm:
                    continue
                after = pm.group(1)
                end_at = m.start() - len(before) + pm.start()
                if pm.group(2) and any(c in pm.group(2) for c in "\"'”’»"):
                    # '"It's over!" he said', '"Is it?" she asked': the quotation is part
                    # of the sentence. After '."' only an attribution is let through.
                    if pm.group(1) in "!?" or _is_attribution(prose, m.start()):
                        continue
                    if word == "by" and _CAPITALISED_NEXT_RE.match(prose, m.end()):
                        continue  # '"... is weak." by Michel de Montaigne': the quotation's author
                    if _short_quote_in_sentence(prose, end_at + 1):
                        continue  # 'the "Stop. Think. Vote." campaign': a slogan or title
                if pm.group(1) == "." and (
                    prose[max(0, end_at - 2) : end_at] in (". ", "..") or "…" in prose[max(0, end_at - 4) : end_at]
                ):
                    continue  # an ellipsis (". . .", "….", "….." ) continues the sentence
                if pm.group(1) == "." and prose[end_at - 1 : end_at] == "/":
                    continue  # "/. lets people post": a site's name or a path, not a sentence end
                if _starts_short_line(prose, m.start()):
                    continue  # line-by-line text: bylines, comment headers, verse
                if word in _BYLINE_WORDS and _opens_line(prose, m.start()):
                    continue  # "by a reader (1234) on Tuesday": a byline on its own line
                if pm.group(1) == "." and _LIST_NUMBER_RE.search(prose, max(0, end_at - 8), end_at):
                    continue  # "1. gluten", "230. al Marri": a numbered list item
                if end_at == 0 or prose[end_at - 1].isspace() or prose[end_at - 1] in ":;,":
                    continue  # a stray mark (". he" at a line start), not a sentence end
                if ")" in pm.group(2):
                    continue  # "(with pressure!) when": a parenthesis inside the sentence
                if prose[sent.start : sent.start + 1] in "([":
                    continue  # "(ii) 4, 6 & 7", "(tied)", "[from the e-mail]": list marks and asides
                if pm.group(1) == "." and _UNIT_RE.search(prose, max(0, end_at - 12), end_at):
                    continue  # "eight 30-in. displays", "a 5 ft. wall"
                if pm.group(1) == "." and _abbreviation_before(prose, end_at, word, bare):
                    continue  # "1 tbsp. olive oil", "Denver, Colo. police", "the EV. models"
                if pm.group(1) == "?" and _MANGLED_QUOTE_RE.search(prose, max(0, end_at - 80), end_at):
                    continue  # "?interesting? that": "?" standing in for lost quotation marks
                if pm.group(1) in "!?" and _is_attribution(prose, m.start()):
                    continue  # "Is my job making my skin bad? she wondered": a thought and its teller
                if pm.group(1) in "!?":
                    # "Mamma Mia! has", "Shall We Dance? at", "a dog?, how do you say
                    # basketball? and": titles and questions inside a sentence. Flag only a
                    # lower-case word after "!"/"?" that plainly starts a new clause.
                    prev_word = _LAST_WORD_RE.search(prose, 0, end_at)
                    if prev_word is None or not prev_word.group()[0].islower():
                        continue
                    if word.lower() not in _CLAUSE_STARTERS:
                        continue
            if any(c.isupper() or c.isdigit() for c in word[1:]) or "." in word:
                continue  # iPod, eBay, lastminute.com, mp3
            if prose[m.end() : m.end() + 1] in _GLUED_SYMBOLS and m.end() < len(prose):
                continue  # "so+ba is a studio", "et/" cut from a web address: a name or a path, no word
            if _opens_line(prose, m.start()) and _short_unended_line(prose, m.start()):
                continue  # "aka, Kim of the North Shore" under a comment: a signature line, no sentence
            if not _VOWEL_RE.search(word.lower()) and len(word) <= 5 and word not in _TITLES:
                continue  # ntl, mp3: lower-case initialisms
            if word in vocabulary or word.lower() in vocabulary:
                continue
            if word.isalpha() and not is_english(word) and not _capitalised_in(doc, word):
                continue  # "bitly links", "copydesk must": a name its owner writes in lower case
            fixed = word[0].upper() + word[1:]
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"sentence starts in lower case: '{_context(prose, m.start(), m.end())}'; "
                f"capitalise '{word}'",
                self.fix_replace(
                    m.start(), m.start() + 1, fixed[0], Applicability.UNSAFE, f"Capitalise '{word}'"
                ),
                evidence={"word": word, "after": after},
            )


def _capitalised_in(doc, word: str) -> bool:
    """Whether the document writes ``word`` with a capital first letter inside a
    sentence (a capital at a sentence start says nothing of how the word is spelt)."""
    capitalised = doc.memo("TP004.capitalised", lambda: _capitalised_inside(doc))
    return word[:1].upper() + word[1:] in capitalised


def _capitalised_inside(doc) -> frozenset[str]:
    prose = doc.prose
    firsts = set()
    for sent in doc.sentences:
        m = _WORD_RE.match(prose, _skip_openers(prose, sent.start))
        if m:
            firsts.add(m.start())
    return frozenset(w.text for w in doc.words if w.text[:1].isupper() and w.start not in firsts)


# A paragraph opening with these has lost its subject (a name cut off by the feed);
# capitalising would not repair it.
_NO_SUBJECT = frozenset(
    """
    was were is are has have had will would could should can may might must did does
    also who which whose whom won led remains remained fought welcomed said says added
    """.split()
)
_UNIT_RE = lazy(r"\d[-\s]?(?:in|ft|lb|lbs|oz|yd|yds|mi|sq|cu|hr|hrs|min|mins|sec|secs)\Z")
# An opening "?" glued to a word, with no other "?" up to the one that closes it.
_MANGLED_QUOTE_RE = lazy(r"(?:\A|\s)\?\p{L}[^?]*\Z")
_BYLINE_WORDS = frozenset({"by", "posted", "via", "source", "photo", "image", "credit"})
_LIST_NUMBER_RE = lazy(r"(?:\A|\n)[ \t]*\d{1,4}\Z")
_SPEECH_VERBS = frozenset(
    "said says say added adds asked asks told tells replied replies explained insisted "
    "warned argued claimed noted stated continued admitted declared wrote wondered thought mused".split()
)
_ATTRIBUTION_RE = lazy(r"(?:\p{L}+\s+){0,3}?(\p{L}+)(?=\s*(?:[.,;]|\s\p{Lu}|\Z))")
_CAPITALISED_NEXT_RE = lazy(r"[ \t]+\p{Lu}")
_LIST_ITEM_RE = lazy(r"\A(?:[-*•–—]|\d+[.)]|\(?[a-z]\))\s")


# How many sentences either side show a writer's habit, and how many of them must
# start in lower case (and at least as many as start in upper case) to show it.
_HABIT_WINDOW = 4
_HABIT_MIN_LOWER = 2


_PRONOUN_I = 2


def _start_cases(prose: str, sentences, para_starts) -> list[int]:
    """For each sentence: 1 if its first letter is lower case, -1 if upper case, 0 if
    it starts with no letter or is a paragraph that lost its subject ("was vying"),
    ``_PRONOUN_I`` if with "I" (capitalised by everyone, so
    no sign of a habit either way among neighbours; but a writer who starts half a
    paragraph with "I" does write capitals there)."""
    out = []
    for sent in sentences:
        at = _first_word_at(prose, sent)
        m = _WORD_RE.match(prose, at)
        word = m.group() if m else ""
        start = sent.start if at == _skip_openers(prose, sent.start) else at
        before = prose[max(0, start - 4) : start].rstrip().rstrip("\"'”’»)]")
        if word == "I" or word.startswith(("I'", "I’")):
            out.append(_PRONOUN_I)
        elif word in _NO_SUBJECT and sent.start in para_starts:
            out.append(0)  # "was vying for top spot": a paragraph whose subject was cut
        elif not word or not word[0].isalpha():
            out.append(0)
        elif word[0].islower() and before[-1:] in ("!", "?"):
            out.append(0)  # "Wham! along with", "Dance? at": a title or question inside the sentence
        else:
            out.append(1 if word[0].islower() else -1)
    return out


# A word that ends its line with a colon: the label of a header line ("Kim B. says:").
_LINE_LABEL_RE = lazy(r"[ \t]*:[ \t]*(?:\r?\n|\Z)")
# A speech verb ending its line with a colon or an ellipsis: "rach. said...".
_HEADER_VERB_RE = lazy(r"[ \t]*(?::|\.{2,}|…)[ \t]*(?:\r?\n|\Z)")
# A label before a contact: "e-mail: ann@example.org", "web: http://...", "tel: +44 ...".
_CONTACT_LABEL_RE = lazy(r"[ \t]*:[ \t]*(?:[^\s@]+@[^\s@]+\.\w|https?://|www\.|\+?\d)")
_CLOSING_QUOTES = {"“": "”", "‘": "’", '"': '"', "«": "»"}
_CITED_PHRASE_MAX_WORDS = 10
_NEXT_QUOTE_RE = lazy(r"[ \t]*[\"“‘«]")


def _name_with_particle(doc, start: int, end: int, word: str) -> bool:
    """Whether the word, no English function word, is followed by a capitalised word
    and the document writes the same two words again elsewhere: a name with a
    lower-case particle ("dos Santos", "van Dijk"), not a sentence start."""
    prose = doc.prose
    if word.lower() in _function_words():
        return False
    m = _CAPITALISED_WORD_AFTER_RE.match(prose, end)
    if not m:
        return False
    pairs = doc.memo("TP004.lower-capital-pairs", lambda: _lower_capital_pairs(doc))
    return pairs.get((word, m.group(1)), 0) >= 2


_CAPITALISED_WORD_AFTER_RE = lazy(r" (\p{Lu}[\p{L}\p{M}'’\-]*)")


def _lower_capital_pairs(doc) -> dict[tuple[str, str], int]:
    """How often each lower-case word is followed, after one space, by each
    capitalised word: one pass over the document's words."""
    prose = doc.prose
    out: dict[tuple[str, str], int] = {}
    prev = None
    for w in doc.words:
        if (
            prev is not None and prev.text[:1].islower() and w.text[:1].isupper()
            and w.start == prev.end + 1 and prose[prev.end] == " "
        ):
            key = (prev.text, w.text)
            out[key] = out.get(key, 0) + 1
        prev = w
    return out


def _above_stamped_line(prose: str, end: int) -> bool:
    """Whether the word ending at ``end`` ends its line and the next line carries a
    date stamp: a user name over its comment's date, not a sentence."""
    m = _LINE_END_RE.match(prose, end)
    if not m:
        return False
    nxt = m.end()
    return nxt < len(prose) and _on_stamped_line(prose, nxt)


_LINE_END_RE = lazy(r"[ \t]*\r?\n[ \t]*")


def _cited_phrase(prose: str, start: int) -> bool:
    """Whether the word at ``start`` opens a short quotation that closes right after a
    word, before its sentence ends ('“hope makes you vulnerable” — oh yes'): a phrase
    cited as it was written, whose case is its source's."""
    if start == 0 or prose[start - 1] not in _CLOSING_QUOTES:
        return False
    close = _CLOSING_QUOTES[prose[start - 1]]
    end = prose.find(close, start, start + 120)
    if end == -1:
        return False
    if not prose[end - 1].isalnum():
        # '"very dangerous to go out," "have you thought ..."': a list of quoted phrases
        if prose[end - 1] != "," or not _NEXT_QUOTE_RE.match(prose, end + 1):
            return False
        end -= 1
    inner = prose[start:end]
    return len(inner.split()) <= _CITED_PHRASE_MAX_WORDS and not any(c in inner for c in ".!?\n")


# A word that labels what follows: a dash or colon right after the first word.
_LABEL_AFTER_RE = lazy(r"[ \t]*(?::|[ \t][-–—][ \t])")
# "i" written in lower case as the pronoun ("i think", "i’m"): nobody who writes so
# capitalises sentence starts.
# Not "(i)" or "i)": a list mark.
_LOWER_I_RE = lazy(r"(?<![\p{L}\p{N}'’.\-(])i(?:['’](?:m|d|ll|ve)\b)?(?![\p{L}\p{N}'’.\-)])")


def _lower_i_near(prose: str, sentences, n: int, para_of: list[int]) -> bool:
    """Whether this sentence or one of the three before or after it in the same
    paragraph uses "i" in lower case for "I"."""
    lo_n, hi_n = n, n
    while lo_n > 0 and n - lo_n < _I_WINDOW and para_of[lo_n - 1] == para_of[n]:
        lo_n -= 1
    while hi_n + 1 < len(sentences) and hi_n - n < _I_WINDOW and para_of[hi_n + 1] == para_of[n]:
        hi_n += 1
    return _LOWER_I_RE.search(prose, sentences[lo_n].start, sentences[hi_n].end) is not None


_I_WINDOW = 3


def _paragraph_of(sentences, paragraphs) -> list[int]:
    """The index of the paragraph holding each sentence (both lists run in text order)."""
    out, k = [], 0
    for sent in sentences:
        while k + 1 < len(paragraphs) and paragraphs[k].end <= sent.start:
            k += 1
        out.append(k)
    return out


def _lower_case_habit(case: list[int], n: int, para_of: list[int], first_of: dict[int, int],
                      lower_in_para: Counter, upper_in_para: Counter) -> bool:
    """Whether the sentences around sentence ``n`` start in lower case as a habit (a
    commenter or blogger who never capitalises): the sentence before or after, in the
    same paragraph, starts in lower case too; the paragraph before or after starts in
    lower case too, and so does this one; or another sentence of the paragraph
    does, and no fewer of its sentences start in lower case than in upper case (or
    with "I"); or
    at least two of the neighbours do,
    and no fewer than start in upper case. A slip among capitalised sentences stays."""
    p = para_of[n]
    if n > 0 and case[n - 1] == 1 and para_of[n - 1] == p:
        return True
    if n + 1 < len(case) and case[n + 1] == 1 and para_of[n + 1] == p:
        return True
    if (n == 0 or para_of[n - 1] != p) and any(
        case[k] == 1 for k in (first_of.get(p - 1), first_of.get(p + 1)) if k is not None
    ):
        return True  # "the internet: serious business.\n\nanonymous, legion": paragraph after paragraph
    lower = lower_in_para[p] + (case[n] != 1)  # this sentence counts as lower case
    if lower >= 2 and lower >= upper_in_para[p]:
        return True
    lo, hi = max(0, n - _HABIT_WINDOW), min(len(case), n + _HABIT_WINDOW + 1)
    lower = sum(1 for k in range(lo, hi) if k != n and case[k] == 1)
    upper = sum(1 for k in range(lo, hi) if case[k] == -1)
    return lower >= _HABIT_MIN_LOWER and lower >= upper


def _on_stamped_line(prose: str, start: int) -> bool:
    """Whether the line holding ``start`` carries a date stamp: a comment header or a
    byline ("pdxhadey on October 23rd, 2012 2:22 pm"), not running text."""
    line_start = prose.rfind("\n", 0, start) + 1
    line_end = prose.find("\n", start)
    line_end = len(prose) if line_end == -1 else line_end
    if line_end - line_start > 120:
        return False
    stamp = TIMESTAMP_RE.search(prose, line_start, line_end)
    # a date alone marks only a short line; "on 3 March 2012 the council" is prose
    return stamp is not None and (":" in stamp.group() or line_end - line_start <= 60)


def _starts_short_line(prose: str, start: int) -> bool:
    """Whether ``start`` opens a line, and that line or the one before is short."""
    line_start = prose.rfind("\n", 0, start) + 1
    if prose[line_start:start].strip(" \t\"'“‘«(["):
        return False
    prev_start = prose.rfind("\n", 0, max(0, line_start - 1)) + 1
    line_end = prose.find("\n", start)
    line_end = len(prose) if line_end == -1 else line_end
    return line_end - line_start < 40 or (line_start - 1) - prev_start < 40


_GLUED_SYMBOLS = "+/@_=&\\"
_SIGNATURE_LINE_MAX = 60


def _short_unended_line(prose: str, start: int) -> bool:
    """Whether the line holding ``start`` is short and ends with no sentence mark: a
    signature or a label line ("aka, Kim of the North Shore"), not a sentence."""
    line_end = prose.find("\n", start, start + _SIGNATURE_LINE_MAX + 1)
    if line_end == -1:
        if start + _SIGNATURE_LINE_MAX < len(prose):
            return False
        line_end = len(prose)
    line = prose[start:line_end].rstrip()
    return not _ends_sentence(line) and not line.endswith((",", ";", ":"))


def _opens_line(prose: str, start: int) -> bool:
    line_start = prose.rfind("\n", 0, start) + 1
    return not prose[line_start:start].strip(" \t\"'“‘«([")


def _is_attribution(prose: str, start: int) -> bool:
    """'he said.', 'said Mr Smith', 'she added,' after a closing quotation mark."""
    m = _ATTRIBUTION_RE.match(prose, start, min(len(prose), start + 60))
    return bool(m) and m.group(1).lower() in _SPEECH_VERBS


def _ends_sentence(text: str, title: bool = False) -> bool:
    """Whether ``text`` ends a sentence: a terminal mark, perhaps inside closing quotes
    or brackets ('I don't feel like a "homer"' and '(it turns out)' do not). A title
    (the document's first paragraph) ending in a quotation or a bracket ends too:
    "Small firms 'hit by rising costs'"."""
    end = text.rstrip()
    if title and end[-1:] in ('"', "”", "’", "'", ")"):
        return True
    return end.rstrip("\"”’')] ")[-1:] in (".", "!", "?", "…")


def _is_prose(para) -> bool:
    """A paragraph of running text: a few words, ending like a sentence, no list mark."""
    text = para.text
    return (
        not _LIST_ITEM_RE.match(text)
        and "\n" not in text.strip()
        and len(text.split()) >= 6
        and _ends_sentence(text)
    )


_HANDLE_RE = lazy(r"@[\p{L}\p{N}_]+[:,]?[ \t]+")


def _first_word_at(prose: str, sent) -> int:
    """Where the sentence's own first word is, for telling how its writer starts
    sentences: past an opening "@name" (a reply: "@Sam just go for it"), and past a
    header line carrying a date stamp that the sentence runs on from ("October 15,
    2012 Anna" then "so happy for you" on the next line)."""
    i = _skip_openers(prose, sent.start)
    m = _HANDLE_RE.match(prose, i)
    if m:
        i = _skip_openers(prose, m.end())
    nl = prose.rfind("\n", i, sent.end)
    if nl != -1:
        k = nl
        while k < sent.end and prose[k].isspace():
            k += 1
        k = _skip_openers(prose, k)
        # Only a line of a few words under a stamped header counts (not a name label
        # under it), and only as more evidence of a lower-case habit.
        if (
            k < sent.end and prose[k].islower() and len(prose[k : sent.end].split()) >= 3
            and nl > i and _on_stamped_line(prose, nl - 1)
        ):
            i = k
    return i


def _skip_openers(prose: str, i: int) -> int:
    while i < len(prose) and prose[i] in "\"'“‘«([":
        i += 1
    return i


def _context(prose: str, start: int, end: int) -> str:
    left = prose[max(0, start - 15) : start]
    left = left[left.rfind(" ", 0, max(0, len(left) - 3)) + 1 :] if " " in left[:-3] else left
    return (left + prose[start:end]).replace("\n", " ").strip()


_DATA = Path(__file__).resolve().parent.parent / "data" / "typos_abbreviations.txt"
_ENTRIES = [
    line.split()
    for line in _DATA.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
_ABBREVIATIONS = frozenset(e[0] for e in _ENTRIES)
_ALSO_WORDS = frozenset(e[0] for e in _ENTRIES if e[1:] == ["*"])
_TOKEN_BEFORE_RE = lazy(r"(\S{1,40})\Z")
_NUMBER_BEFORE_RE = lazy(r"\d[\d.,/½¼¾]*[-\s]?\Z")
_BARE_CAPS_RE = lazy(r"(?<![\p{L}\p{N}.])(\p{Lu}{1,5})(?![\p{L}\p{N}.])")
_DOTTED_RE = lazy(r"\A(?:\p{L}{1,3}\.)+\p{L}{1,3}\Z")
_QUOTE_PAIRS = {'"': '"', "”": "“", "’": "‘", "»": "«", "'": "'"}


def _abbreviation_before(prose: str, end_at: int, word: str, bare: dict) -> bool:
    """Whether the full stop at ``end_at`` closes an abbreviation or a unit, not a
    sentence: a unit or abbreviation from ``rules/data/typos_abbreviations.txt``
    ("tbsp.", "lb.", "esp.", "Colo."), a short word opening a bracket ("(ex."), a
    dotted token ("non-U.K.", "P.Re.Val.E.") or an all-capitals token ("EV.",
    "21st-C.")."""
    m = _TOKEN_BEFORE_RE.search(prose, max(0, end_at - 40), end_at)
    if not m:
        return False
    if m.group(1)[:1] in "([" and m.group(1)[1:].isalpha() and len(m.group(1)) <= 6:
        return True  # "(ex. content", "(cf. the": one short word opening a bracket is no sentence
    token = m.group(1).lstrip("\"'“‘(«[")
    core = regex.split(r"[-‐/]", token)[-1]
    if _DOTTED_RE.match(core):
        return True
    letters = core.lstrip("0123456789.,")
    if not letters.isalpha():
        return False
    low = letters.lower()
    if core != token and low in SENTENCE_ABBREVIATIONS:
        return True  # "All Rapson-Inc. products": the document's own abbreviations, after a hyphen
    if letters == core and letters.islower() and 2 <= len(letters) <= 4 and not is_english(letters):
        return True  # "learn sth. new": a short form no dictionary knows is the writer's abbreviation
    if letters.isupper() and low in _ABBREVIATIONS and low not in _ALSO_WORDS:
        return True  # "PS. we love it": a listed abbreviation written in capitals
    if letters.isupper() and len(letters) <= 5:
        # "the new EV. models": an initialism written with a full stop wherever it
        # appears; one also written without ("the UK. of the", "in the UK today")
        # ended a sentence, and so did one before a function word ("the PM. the").
        if word.lower() in _function_words():
            return False
        if len(letters) == 1:
            return True  # "21st-C. science": a lone capital written bare elsewhere is an initial ("Thony C"), no evidence
        if "caps" not in bare:  # once per document: the capitals written without a full stop
            bare["caps"] = set(_BARE_CAPS_RE.findall(prose))
        return letters not in bare["caps"]
    if low in _ABBREVIATIONS:
        if low not in _ALSO_WORDS:
            return True
        # "in", "min", "Mass.": an English word too; a unit after a number, a state
        # after a place and a comma ("Boston, Mass. police").
        number = letters != core or _NUMBER_BEFORE_RE.search(prose, max(0, m.start() - 12), m.start())
        place = letters[0].isupper() and prose[max(0, m.start() - 2) : m.start()] == ", "
        return bool(number or place)
    return False


@functools.cache
def _function_words() -> frozenset[str]:
    """English function words (the language profile's): a sentence may start with one."""
    profile = langid.profile("en")
    return frozenset(profile.stopwords) if profile is not None else frozenset()


_QUOTE_IN_SENTENCE_MAX = 25


def _short_quote_in_sentence(prose: str, close_at: int) -> bool:
    """Whether the quotation closing at ``close_at`` is a short one opened inside the
    sentence (a slogan or title: 'the "Stop. Think. Vote." campaign')."""
    close = prose[close_at : close_at + 1]
    opener = _QUOTE_PAIRS.get(close)
    if opener is None:
        return False
    start = prose.rfind(opener, max(0, close_at - 200), close_at)
    if start <= 0:
        return False
    words = len(prose[start + 1 : close_at].split())
    if words > _QUOTE_IN_SENTENCE_MAX:
        return False
    before = prose[max(0, start - 30) : start].rstrip(" \t")
    if not before or starts_sentence(prose, start):
        return False
    # After a comma only a short slogan; right after a word, a quotation the sentence
    # names ('the recorded message "That number is unavailable. Please dial again."
    # though'), which may run to a sentence or two.
    return before[-1] == "," and words <= 6 or before[-1].isalpha()
