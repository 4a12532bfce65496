from __future__ import annotations

import regex

from linter.diagnostic import Applicability, Category, Fix, FixAvailability, Severity
from linter.rule import Option, Rule
from linter.rules.support.lines import TIMESTAMP_RE, snippet
from linter.rules.support.quality import is_bullet_line
from linter.rules.support.patterns import lazy

_WORD_RE = lazy(r"\w+")
# Cells of a table row: between | bars, or three or more set apart by tabs or runs of spaces.
_CELL_GAP_RE = lazy(r"\t|  +")
# A short heading that opens a list or a section: "For the filling:", "Method:".
_LABEL_RE = lazy(r"\A[^\n]{1,60}:\s*\Z")
# A paragraph this short that carries a date is a post's header or footer ("Posted on
# Nov 6, 2012 1:32 pm", "Kim says: November 12, 2012 at 8:57 pm").
_HEADER_MAX_WORDS = 16
# A clock time ("11:35 am", "12:04PM"), which a comment's header carries with or without
# a date (a bare "2:07" is as likely a race time).
_CLOCK_RE = lazy(r"(?<![\d:])\d{1,2}:\d{2} ?[ap]\.?m\b", regex.IGNORECASE)
# The next comment's header can take a few short lines ("Name says:", then its date).
_HEADER_LINES = 3
# The paragraph a reply opens with before it quotes what it answers: "Anonymous at
# October 30, 2012 05:30 AM", "Originally posted 12:27 PM by Sam", "From: ... Date: ...",
# "Her answer was this:", "Response from the councillor,". At most this many words.
_ATTRIBUTION_MAX_WORDS = 40
# A line of a message's header: a one-word field name and its value ("Subject: Re: fares").
_FIELD_LINE_RE = lazy(r"\W{0,3}[\p{L}-]{2,12}:(?:\s|$)")


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_dated_header(text: str) -> bool:
    return len(text.split()) <= _HEADER_MAX_WORDS and TIMESTAMP_RE.search(text) is not None


def _is_dated(text: str) -> bool:
    return TIMESTAMP_RE.search(text) is not None or _CLOCK_RE.search(text) is not None


def _is_attribution(text: str) -> bool:
    """A short paragraph that names what follows: a comment's or a message's header
    (it carries a date or a time), or a line that introduces a quotation (it ends in a
    colon or a comma)."""
    if len(text.split()) > _ATTRIBUTION_MAX_WORDS:
        return False
    return _is_dated(text) or text.rstrip().endswith((":", ","))


def _introduces_quotation(text: str) -> bool:
    """An undated line that hands over to a quotation ("Here is the answer I got:",
    "Response from the councillor,"), or a message's header (two lines or more of
    "Field: value"): what follows is a message quoted, however many paragraphs it runs to."""
    if len(text.split()) > _ATTRIBUTION_MAX_WORDS:
        return False
    if text.rstrip().endswith((":", ",")) and not _is_dated(text):
        return True
    return sum(1 for line in text.split("\n") if _FIELD_LINE_RE.match(line.strip())) >= 2


def _quoted_again(paras, idx: int, first: int) -> bool:
    """A repeat introduced as a quotation, by another introduction than its first
    occurrence (the same answer quoted by two readers); a duplicated run of the page
    repeats the paragraph before it as well."""
    if idx == 0 or idx == first + 1 or not _introduces_quotation(paras[idx - 1].text):
        return False
    return first == 0 or _key(paras[idx - 1].text) != _key(paras[first - 1].text)


def _leaves_quotation_open(text: str) -> bool:
    """A paragraph that opens a quotation and does not close it: the quotation runs
    on into the paragraphs after it (a reader quoting a comment of several paragraphs,
    the opening quotation mark on the first, the closing one on the last)."""
    if text.count("“") > text.count("”"):
        return True
    return text.lstrip().startswith('"') and text.count('"') % 2 == 1


def _opens_reply(paras, idx: int, first: int) -> bool:
    """Whether the repeat is a quotation at the head of a reply: an attribution stands
    right before it, and the reply's own text follows it (a paragraph that is neither
    the next comment's dated header nor the one that follows the first occurrence).
    A repeat that ends a comment (a signature, a comment posted twice) is followed by
    the next comment's header and stays a repeat."""
    if idx == 0 or idx + 1 >= len(paras) or not _is_attribution(paras[idx - 1].text):
        return False
    after = paras[idx + 1].text
    for head in after.strip().split("\n", _HEADER_LINES)[:_HEADER_LINES]:
        if len(head.split()) <= _HEADER_MAX_WORDS and _is_dated(head):
            return False
    return first + 1 >= len(paras) or _key(after) != _key(paras[first + 1].text)


def _in_repeated_block(paras, idx: int, first: int) -> bool:
    """Whether the repeat follows its first occurrence directly, or the paragraph
    before or after it also repeats the one beside the first occurrence: the repeat
    belongs to a duplicated run of paragraphs."""
    if idx == first + 1:
        return True
    if idx > 0 and first > 0 and _key(paras[idx - 1].text) == _key(paras[first - 1].text):
        return True
    return idx + 1 < len(paras) and _key(paras[idx + 1].text) == _key(paras[first + 1].text)


class _Quotations:
    """Where each sentence of the document first stands inside a longer paragraph:
    a paragraph made of sentences of one earlier, longer paragraph is a quotation of
    it (a reply quoting a sentence of the article), and quotations repeat on purpose.
    Built on the first repeat only, in one pass over the sentences."""

    def __init__(self, doc) -> None:
        paras = doc.paragraphs
        self.keys: list[list[str]] = [[] for _ in paras]
        p = 0
        for sent in doc.sentences:
            while p + 1 < len(paras) and sent.start >= paras[p].end:
                p += 1
            self.keys[p].append(_key(sent.text))
        self.inside: dict[str, int] = {}
        for i, keys in enumerate(self.keys):
            if len(keys) >= 2:
                for k in keys:
                    self.inside.setdefault(k, i)

    def quotes(self, idx: int) -> bool:
        keys = self.keys[idx]
        holders = {self.inside.get(k) for k in keys}
        if len(holders) != 1:
            return False
        (holder,) = holders
        return holder is not None and holder < idx and len(self.keys[holder]) > len(keys)


def _is_list_or_table(text: str) -> bool:
    """A list item ("- 200g flour", "2. Preheat the oven") or a table row ("| a | b |",
    "North  10  7"): a list or a table may repeat a line on purpose."""
    first = text.lstrip().split("\n", 1)[0]
    if is_bullet_line(first) or first.count("|") >= 2:
        return True
    return len([c for c in _CELL_GAP_RE.split(first.strip()) if c.strip()]) >= 3


class DuplicatedParagraph(Rule):
    """A paragraph that repeats an earlier paragraph of the same document word for word.

    What it does:
        Compares every paragraph with the ones before it (ignoring case and
        differences in spacing) and flags a repeat. Paragraphs shorter than
        `min-words` words are ignored: a repeated "Advertisement" or "* * *" is a
        separator or boilerplate (BP001's business), not a repeated block of text.
        Nor are list items ("- 200g flour, sifted", "2. Preheat the oven"), table
        rows ("| North | 10 | 7 |", cells set apart by tabs or runs of spaces) and a
        paragraph right under a heading ending in a colon ("For the filling:"):
        recipes, lists and tables repeat a line on purpose. Nor is a repeat indented
        deeper than the paragraph it repeats: in a threaded comment page a reply
        sits one level further in and quotes the comment it answers. Nor is a
        paragraph made of sentences of an earlier, longer paragraph (two replies
        quoting the same sentence of the article), nor a short dated header or
        footer ("Posted on Nov 6, 2012 1:32 pm") whose neighbours do not repeat: two
        comments posted in the same minute, not a duplicated block. Nor is a repeat
        that opens a reply: an attribution stands right before it (a short paragraph
        with a date or a clock time, "Sam at May 2, 2019 08:11 PM", or ending in a
        colon or a comma) and the reply's own text follows it (neither the next
        comment's dated header nor the paragraph after the first occurrence); a
        signature or a comment posted twice is followed by the next comment's header
        and is still flagged. Nor is a message quoted again by another reader: the
        repeat follows an undated introduction ending in a colon or a comma ("Their
        answer to me,") or a message's header ("From: ... / Subject: ..."), not the
        one before the first occurrence, nor a repeat right after a paragraph that
        opens a quotation and leaves it open (a reader quoting a comment of several
        paragraphs), unless the paragraph before the first occurrence repeats too.

    Why it matters:
        Scrapers repeat blocks (a teaser printed again as the first paragraph, a
        page fetched twice and concatenated); the duplicate inflates a corpus and
        reads as an obvious error in a published story.

    Example:
        The council approved the plan on Tuesday after a three-hour debate.

        Opponents said they would appeal.

        The council approved the plan on Tuesday after a three-hour debate.

    Use instead:
        The council approved the plan on Tuesday after a three-hour debate.

        Opponents said they would appeal.

    Fix safety:
        Unsafe: the repeat is deleted with the blank line before it and the first
        occurrence stays, but a repeat can be meant in ways the rule cannot see, so
        it is a judgement (written only with --unsafe-fixes).

    Options:
        min-words: paragraphs with fewer words are not compared (default 8).
    """

    code = "BP003"
    name = "duplicated-paragraph"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.UNSAFE,)
    options = {
        "min-words": Option(8, "paragraphs with fewer words are not compared"),
    }

    def check(self, doc):
        paras = doc.paragraphs
        seen: dict[str, int] = {}
        min_words = self.opts["min-words"]
        quotations = None
        for idx, para in enumerate(paras):
            parts = para.text.split()
            if len(parts) < min_words:
                continue
            key = _key(para.text)
            first = seen.get(key)
            if first is None:
                seen[key] = idx
                continue
            if len(_WORD_RE.findall(para.text)) < min_words:
                continue
            if _is_list_or_table(para.text) or (idx > 0 and _LABEL_RE.match(paras[idx - 1].text.strip())):
                continue  # a recipe, a list or a table repeating an item under another heading
            line, first_col = doc.line_col(paras[first].start)
            if doc.line_col(para.start)[1] > first_col:
                continue  # a nested reply quoting the comment it answers
            if _is_dated_header(para.text) and not _in_repeated_block(paras, idx, first):
                continue  # two posts stamped with the same minute
            if idx != first + 1 and _opens_reply(paras, idx, first):
                continue  # a reply quoting what it answers under an attribution
            if _quoted_again(paras, idx, first):
                continue  # a message quoted by two readers
            if idx != first + 1 and _leaves_quotation_open(paras[idx - 1].text) and not _in_repeated_block(paras, idx, first):
                continue  # a paragraph inside a reader's quotation of several paragraphs
            if quotations is None:
                quotations = _Quotations(doc)
            if quotations.quotes(first):
                continue  # the same sentence of a longer paragraph quoted twice
            prev_end = paras[idx - 1].end
            yield self.diagnostic(
                para.start,
                para.end,
                f"paragraph repeats the one on line {line}: '{snippet(para.text)}'",
                Fix.delete(prev_end, para.end, Applicability.UNSAFE, "Delete the repeated paragraph"),
                evidence={"first_line": line, "first_start": paras[first].start},
            )
