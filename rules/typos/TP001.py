from __future__ import annotations

import regex

from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.typos._context import starts_sentence
from linter.rules.support.lexicon import is_english, misspelling_corrections
from linter.rules.support.lines import TIMESTAMP_RE
from linter.rules.support.patterns import lazy

# Doublings that are grammatical in some sentences ("he had had enough",
# "I know that that is wrong", "what it is is a shame").
_LEGITIMATE = frozenset({"had", "that", "do", "does", "bye", "so", "very", "no", "yes", "ha", "really", "hush", "la", "many", "much", "bang", "tick", "pooh", "goody", "knock", "tut", "chop", "night", "pom", "bora", "baden", "walla", "sing", "dum", "long",
    # interjections said twice for effect
    "blah", "bla", "yada", "etc", "yeah", "please", "oh", "hey", "wow", "yay", "woo", "hip", "boo", "ho", "hee", "ah", "uh", "um", "hmm", "ooh", "yo"})
_GAP_RE = lazy(r"\A[ \t]*(?:\r?\n)?[ \t]*\Z")
# After a word removed across a line end: its trailing spaces, and the line break
# itself when the word ended its line (the kept break replaces it).
_AFTER_WORD_RE = lazy(r"[ \t]*(?:\r?\n|\Z)?")
_LIST_GAP_RE = lazy(r"\A[,!]?[ \t]*(?:\r?\n)?[ \t]*\Z")
# A preposition that ends a clause may meet the same one starting the next phrase:
# "the trip we've been saving for for months", "towns we've been stuck in in
# the past". Doubled after a participle, these are left alone.
_CLAUSE_END_PREPOSITIONS = frozenset({"in", "for", "on", "at", "with", "up", "out", "off", "over"})
_TIME_WORDS = frozenset(
    "years months weeks days hours minutes decades ages centuries past future long now "
    "year month week day hour minute decade century while "
    "recent some many several two three four five six ten".split()
)
# Words opening a clause that may end in "is" before the main verb "is".
_CLAUSE_OPENERS = frozenset(
    "how why where who whatever whoever something anything everything".split()
)
_PARTICIPLE_RE = lazy(r"(?:ed|ing|en)\Z", regex.IGNORECASE)
# Function words stay slips even when capitalised ("The the", "Of Of").
_FUNCTION_WORDS = frozenset(
    """
    a an the of to in on at by for from with and or but as is are was were be been it
    its this these those their his her our your my we he she they will would could
    should can may might must has have not mr mrs ms dr sir
    """.split()
)


class DoubledWord(Rule):
    """A word repeated by accident: "the the".

    What it does:
        Flags a word immediately followed by the same word (ignoring case), also
        across a line break within a paragraph when the break wraps running text
        (the line before holds two or more words and neither line is longer than
        80 characters; a line of one word, "Love,\nKatri\nkatri at ...", or a
        longer line, a keyword list, is a unit of its own). Left alone: doublings
        that can be grammatical ("had had", "that that", "what it is is", "how bad
        it is is", "something he is is worth it", "etc etc", "waiting for for
        years"), reduplicated names and titles ("Duran Duran", "Bafana Bafana":
        a capitalised pair written so more than once, or a name, not an English
        word, that never stands alone in the document; a word said three times,
        "Spend Spend Spend", "Beirut Beirut and Beirut"), a single lower-case
        letter other than "a" and "i" ("[t t+e)"), a pair that is a line or sentence of its own
        ("fun fun", "What what!", not function words), interjections said twice
        ("blah blah", "yeah yeah"), a name label under its twin, a
        lower-case word before its capitalised twin ("law lord Lord Bingham"), and
        cells of a table row (three or more short cells separated by tabs or runs
        of spaces, "Home   Home   Away"), a pair closing an exclamation or a
        question ("can I get a what what!", not function words), a short word no
        dictionary knows written twice in lower case ("omg omg", "miu miu"), a pair
        the document also writes with a hyphen or a slash ("active active" beside
        "active-active"), a capitalised pair on a short header line carrying a date
        or a clock time ("In In The Field, Rambling at 2:24am"), a press release's
        heading run into its text ("About Acme Acme is a maker of ..."), a
        name after the web address it ends ("twitter.com/ann ann"), a pair that is
        all a quotation holds ('Typo: “…because because…”'), a pair echoing the
        pair before it ("this very very last last comment") and "what makes X X"
        (the thing, then what it is), an initialism before a lower-case word spelt
        alike ("SS, OF of Smith"), and a pair followed by an emoticon or laughter
        ("hint hint hahaha", "Nook Nook :)").

    Why it matters:
        A doubled word is the commonest slip an editor's eye skips over, and a
        spell-checker never sees it because both words are real.

    Example:
        The minister said the the talks would resume.

    Use instead:
        The minister said the talks would resume.

    Fix safety:
        Safe: the second occurrence and the space before it are deleted; across a
        line end the line break is kept as written (CRLF stays CRLF). Unsafe when
        the repeat is capitalised ("Please Please Me", "Soldier Soldier"): a title
        or a name as often as a slip.

    Options:
        none.
    """

    code = "TP001"
    name = "doubled-word"
    category = Category.TYPO
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)

    def check(self, doc):
        words = doc.words
        prose = doc.prose
        vocabulary = self.settings.vocabulary
        counts = None
        hyphenated = None
        for i, prev, word, low in _repeats(words):
            if low in _LEGITIMATE or not word.text.isalpha():
                continue
            if len(word.text) == 1 and word.text.islower() and low not in ("a", "i"):
                continue  # "in [t t+e)": a variable or a symbol, not a word
            gap = prose[prev.end : word.start]
            if not _GAP_RE.match(gap):
                continue
            if "\n" in gap and not _wrapped_break(prose, prev.end, word.start):
                continue  # "Love,\nKatri\nkatri at ...", a keyword list: lines that are units of their own
            if word.text in vocabulary or low in vocabulary:
                continue
            if low not in _FUNCTION_WORDS and _pair_stands_alone(prose, prev, word):
                continue  # "fun fun", "What what!" as a line or sentence; "rsnoble\nrsnoble"
            if _in_table_row(prose, prev.end, word.start):
                continue  # "Won\tWon\tLost": table headers, cells that repeat a word
            if len(prev.text) > 1 and prev.text.isupper() and word.text.islower():
                continue  # "Move him to SS, OF of Smith": an initialism, then a word spelt alike
            if _PLAYFUL_AFTER_RE.match(prose, word.end):
                continue  # "hint hint hahaha", "Nook Nook :)": a pair said in play
            if low not in _FUNCTION_WORDS and _EXCLAIMED_RE.match(prose, word.end):
                continue  # "can I get a what what!", "flashity flash flash!": said for effect
            if word.text.islower() and len(low) <= _SLANG_MAX and not is_english(low):
                continue  # "omg omg", "miu miu": slang or a brand said twice, no dictionary word
            if _QUOTED_BEFORE_RE.search(prose, max(0, prev.start - 4), prev.start) and _QUOTED_AFTER_RE.match(prose, word.end):
                continue  # 'Typo: “…because because…”': the pair quoted as an example
            if prose[prev.start - 1 : prev.start] == "/":
                continue  # "twitter.com/ann ann": a web address ending in a name, then the name
            if hyphenated is None:
                hyphenated = _hyphenated_doubles(prose)
            if low in hyphenated:
                continue  # "an active active model" where "active-active" is written too: a compound
            if word.text[0].isupper() and prev.text[0].isupper() and _on_header_line(prose, word.start):
                continue  # "In In The Field, Rambling at 2:24am": a post's header line, not prose
            if (
                word.text[0].isupper() and low not in _FUNCTION_WORDS and i >= 2
                and words[i - 2].text == "About" and starts_sentence(prose, words[i - 2].start)
            ):
                continue  # "About Acme Acme is a maker of ...": a press release's heading run into its text
            if counts is None:
                counts = _doubling_counts(words)
            if _intended(words, i, prose, counts):
                continue
            # A capitalised repeat ("Please Please Me", "Soldier Soldier") is a title
            # or a name about as often as a slip: a judgement, not a safe fix.
            applicability = Applicability.UNSAFE if word.text[0].isupper() else Applicability.SAFE
            end, replacement = word.end, ""
            if "\n" in gap:
                # Across a line end, the line break stays (CRLF as written) and the
                # spaces after the removed word go with it.
                replacement = "\r\n" if "\r\n" in gap else "\n"
                m = _AFTER_WORD_RE.match(prose, end)
                end = m.end()
            yield self.diagnostic(
                word.start,
                word.end,
                f"'{word.text}' is repeated: '{prev.text} {word.text}'",
                self.fix_replace(prev.end, end, replacement, applicability, f"Remove the second '{word.text}'"),
            )


def _repeats(words):
    """(index, previous word, word, lower-cased text) of each word that repeats the one
    before it, ignoring case: one pass, each word read once (a long document's words
    are made on access)."""
    it = iter(words)
    prev = next(it, None)
    if prev is None:
        return
    prev_low = prev.text.lower()
    for i, word in enumerate(it, 1):
        low = word.text.lower()
        if low == prev_low:
            yield i, prev, word, low
        prev, prev_low = word, low


_CELL_GAP_RE = lazy(r"\t|  +")
_ALONE_BEFORE_RE = lazy(r"(?:\A|\n|[.!?…]\s)[ \t\"“(]*\Z")
_ALONE_AFTER_RE = lazy(r"[ \t]*(?:[.!?…]+[\"”)]*(?:\s|\Z)|[\"”)]*[ \t]*(?:\r?\n|\Z))")
# The end of a line that closes its paragraph: a blank line or the end of the text.
_PARAGRAPH_END_RE = lazy(r"[ \t]*(?:\r?\n[ \t]*(?:\r?\n|\Z)|\Z)")


def _pair_stands_alone(prose: str, prev, word) -> bool:
    """Whether the pair is a line or a sentence of its own ("fun fun", "What what!"),
    said for effect; across a line end, whether the second word is a paragraph of
    its own (a name label under a signature line: "... by harbourfan\nharbourfan\n\n");
    a word alone on a line that the sentence goes on after is still a slip."""
    if "\n" in prose[prev.end : word.start]:
        return _PARAGRAPH_END_RE.match(prose, word.end) is not None
    before = _ALONE_BEFORE_RE.search(prose, max(0, prev.start - 8), prev.start) is not None
    return before and _ALONE_AFTER_RE.match(prose, word.end) is not None



# A line of running text wrapped at a margin: two words or more, no longer than a margin.
_WRAP_WIDTH = 80
_WRAP_MIN_WORDS = 2


def _wrapped_break(prose: str, gap_start: int, gap_end: int) -> bool:
    """Whether the line break between two words is a wrap inside running text: the
    line before holds at least two words and neither line is longer than a margin
    allows. A line of one word ("Katri", a keyword), or one longer than any margin (a
    paragraph of its own, a keyword list), ends where its unit ends."""
    before = _line_within(prose, gap_start, gap_start, _WRAP_WIDTH)
    if before is None or len(before.split()) < _WRAP_MIN_WORDS:
        return False
    return _line_within(prose, gap_end, gap_end, _WRAP_WIDTH) is not None


def _line_within(prose: str, start: int, end: int, width: int) -> str | None:
    """The stripped line holding ``start``..``end`` (cut at ``end`` when it ends
    a line), or None when it is longer than ``width``: a bounded look either side."""
    lo = max(0, start - width - 40)
    line_start = prose.rfind("\n", lo, start) + 1
    if line_start == 0 and lo > 0:
        return None
    hi = min(len(prose), end + width + 40)
    line_end = prose.find("\n", end, hi)
    if line_end == -1:
        if hi < len(prose):
            return None
        line_end = len(prose)
    line = prose[line_start:line_end].strip()
    return line if len(line) <= width else None


# An emoticon or laughter right after the pair: ":)", ";-)", ":D", "hahaha", "lol".
_PLAYFUL_AFTER_RE = lazy(
    r"[ \t]*(?:[:;=]-?[)(DPp](?![\p{L}\p{N}])|(?i:(?:ha){2,}h?|(?:he){2,}|lol)(?![\p{L}\p{N}]))"
)
# The pair closes an exclamation or a question: "a what what!", "(... a what what)?".
_EXCLAIMED_RE = lazy(r"[\"”’')\]]*[!?]")
_HYPHENATED_RE = lazy(r"(?<![\p{L}\p{N}])(\p{L}+)[-‐/]\1(?![\p{L}\p{N}])", regex.IGNORECASE)
_CLOCK_RE = lazy(r"(?<!\d)\d{1,2}:\d{2} ?[ap]\.?m\b", regex.IGNORECASE)
_HEADER_LINE_MAX = 60
# Reduplicated slang and brand words are short ("omg omg", "miu miu", "dolla dolla");
# a longer word no dictionary knows is more often a slip ("toprevent toprevent").
_SLANG_MAX = 6
# The pair is all a quotation holds, ellipses aside: “…because because…”.
_QUOTED_BEFORE_RE = lazy(r"[\"“‘'][ \t]*(?:…|\.{3})?[ \t]*\Z")
_QUOTED_AFTER_RE = lazy(r"[ \t]*(?:…|\.{3})?[ \t]*[\"”’']")


def _hyphenated_doubles(prose: str) -> frozenset[str]:
    """The words the document writes doubled with a hyphen or a slash ("active-active",
    "bye-bye"): one scan of the document."""
    if "-" not in prose and "‐" not in prose and "/" not in prose:
        return frozenset()
    return frozenset(m.group(1).lower() for m in _HYPHENATED_RE.finditer(prose))


def _on_header_line(prose: str, start: int) -> bool:
    """Whether ``start`` lies on a short line carrying a date or a clock time: a post's
    or a comment's header ("In In The Field, Rambling at 2:24am"), not prose."""
    line = _line_within(prose, start, start, _HEADER_LINE_MAX)
    return line is not None and (_CLOCK_RE.search(line) is not None or TIMESTAMP_RE.search(line) is not None)


def _in_table_row(prose: str, gap_start: int, gap_end: int) -> bool:
    """Whether the gap between two words separates cells of a table row: a tab or a
    run of spaces, on a line of three or more short cells."""
    gap = prose[gap_start:gap_end]
    if "\n" in gap or not _CELL_GAP_RE.search(gap):
        return False
    line_start = prose.rfind("\n", 0, gap_start) + 1
    line_end = prose.find("\n", gap_end)
    line = prose[line_start : len(prose) if line_end == -1 else line_end]
    cells = [c for c in _CELL_GAP_RE.split(line.strip()) if c.strip()]
    return len(cells) >= 3 and all(len(c.split()) <= 4 for c in cells)


def _doubling_counts(words) -> dict[str, list[int]]:
    """For each lower-cased word: [times written as a pair, times written alone],
    pairs taken left to right (one pass over the document)."""
    counts: dict[str, list[int]] = {}
    k, n = 0, len(words)
    while k < n:
        low = words[k].text.lower()
        entry = counts.setdefault(low, [0, 0])
        if k + 1 < n and words[k + 1].text.lower() == low:
            entry[0] += 1
            k += 2
            continue
        entry[1] += 1
        k += 1
    return counts


def _intended(words, i: int, prose: str, counts: dict[str, list[int]]) -> bool:
    """Whether the doubling words[i-1], words[i] is likely meant."""
    prev, word = words[i - 1], words[i]
    low = word.text.lower()
    if prev.text[0].islower() and word.text[0].isupper():
        return True  # "law lord Lord Bingham"
    if word.text[0].isupper() and low not in _FUNCTION_WORDS:
        if "\n" in prose[prev.end : word.start]:
            return True  # a heading, then a line starting with the same name
        # A reduplicated name ("Duran Duran", "Bafana Bafana", "Koh Phi Phi") is either
        # written so every time or its word never stands alone; "Blair Blair", where
        # "Blair" appears alone elsewhere, is a slip.
        pairs, alone = counts[low]
        if pairs >= 2:
            return True
        if alone == 0 and low not in misspelling_corrections():
            return True  # "Duran Duran", "Koh Phi Phi": a name never written alone
    nxt = words[i + 1] if i + 1 < len(words) else None
    if nxt is not None and nxt.text.lower() == low and _GAP_RE.match(prose[word.end : nxt.start]):
        return True  # said three times: "Spend Spend Spend", "Girls Girls Girls"
    if i >= 2 and words[i - 2].text.lower() == low and _LIST_GAP_RE.match(prose[words[i - 2].end : prev.start]):
        return True  # "Turn, Turn Turn", "Girls Girls Girls"
    if (
        word.text[0].isupper() and i + 2 < len(words) and words[i + 1].text.lower() in ("and", "or")
        and words[i + 2].text.lower() == low
    ):
        return True  # "Beirut Beirut and Beirut": a name said over and over
    before = words[i - 2] if i >= 2 else None
    if low in _CLAUSE_END_PREPOSITIONS and before is not None and _PARTICIPLE_RE.search(before.text):
        after = [w.text.lower() for w in words[i + 1 : i + 3]]
        if after and (
            after[0] in _TIME_WORDS or (after[0] in ("the", "a", "this", "that") and after[1:2] and after[1] in _TIME_WORDS)
        ):
            return True
    if i >= 3 and words[i - 3].text.lower() == before.text.lower() and _GAP_RE.match(prose[words[i - 3].end : before.start]):
        return True  # "this very very last last comment": a pair echoing the pair before it, for effect
    if (
        i >= 3 and before.text.lower() in ("make", "makes", "made", "making")
        and "what" in (w.text.lower() for w in words[max(0, i - 5) : i - 2])
    ):
        return True  # "what makes Linux Linux is": the thing, then what it is
    if low == "is":
        # "what it is is a shame", "all it is is talk", "how bad it is is plain",
        # "something he is is worth it": a clause ending in "is", then the verb
        back = [w.text.lower() for w in words[max(0, i - 5) : i - 1]]
        if "what" in back or "all" in back:
            return True
        # the opener, then the clause's own subject: not "Langdon, who is is trying"
        return any(w in _CLAUSE_OPENERS for w in back[:-1])
    if low == "this" and before is not None and before.text.lower() in ("to", "of", "with", "about"):
        return True  # "add to this this new law": a pronoun, then a determiner
    return False

