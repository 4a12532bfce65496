"""The Document: the text exactly as read, plus views computed once and shared.

Offsets everywhere are code-point indices into ``Document.text``. ``Document.prose``
has the same length as ``text``; in Markdown files, everything that is not prose
(front matter, code, URLs, link targets, HTML comments and tags) is blanked with
spaces there (line breaks kept), so rules that scan ``prose`` never look at code and
their offsets stay those of the file. For plain text, ``prose`` is ``text``.

Views are computed lazily on first use and cached, so a rule never re-tokenises.
"""

from __future__ import annotations

import operator
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property, partial
from itertools import islice
from typing import Any, Callable, NamedTuple, TypeVar

import regex

T = TypeVar("T")

from linter.text import (
    ABBREVIATIONS,
    CLOSING_QUOTES,
    OPENING_QUOTES,
    QUOTE_CHARS,
)


class Span(NamedTuple):
    start: int
    end: int
    text: str


class QuoteMark(NamedTuple):
    """One quotation-mark character and how its context reads it.

    role is ``open``, ``close``, ``apostrophe`` or ``ambiguous`` (no context to decide).
    """

    offset: int
    char: str
    role: str


_WORD_RE = regex.compile(
    r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-‐][\p{L}\p{M}\p{N}]+)*", regex.V1
)
_PARA_SPLIT_RE = regex.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_RE = regex.compile(r"[^\n]*")
# A sentence ends at . ! ? or … followed by optional closers, then whitespace.
# Possessive and anchored at the start of a run of marks: a long run ("......")
# is read once, not once per mark.
_SENT_END_RE = regex.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)")
_LAST_TOKEN_RE = regex.compile(r"(\S+)$")
_MATCH_START = operator.methodcaller("start")
_MIDDLE = operator.itemgetter(1)
_QUOTE_CHAR_RE = regex.compile("[" + regex.escape("".join(sorted(QUOTE_CHARS))) + "]")


class Document:
    """A document to lint. ``kind`` is ``text`` or ``markdown``."""

    def __init__(
        self,
        text: str,
        path: str | None = None,
        *,
        kind: str = "text",
        doc_id: str | None = None,
        prose: str | None = None,
        bom: bool = False,
    ) -> None:
        self.text = text
        # The source began with a UTF-8 byte-order mark (not part of ``text``); byte
        # offsets into the file count its three bytes.
        self.bom = bom
        self._memo: dict[Any, Any] = {}
        self.path = path
        self.kind = kind
        self.doc_id = doc_id
        if prose is None and kind == "markdown":
            from linter.markdown import mask_markdown, parse

            parsed = self.memo(MARKDOWN_BLOCKS, lambda: parse(text))
            prose = mask_markdown(text, parsed)
        self.prose = text if prose is None else prose
        if len(self.prose) != len(self.text):
            raise ValueError("prose view must have the same length as the text")

    def memo(self, key: Any, build: Callable[[], T]) -> T:
        """The value stored under ``key``, built by ``build()`` on first use.

        The one way to cache a view on a Document (rule support shares its
        per-document work through it); the value lives as long as the Document."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
            return value

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, doc_id={self.doc_id!r}, len={len(self.text)})"

    # ------------------------------------------------------------------ positions
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; columns count code points."""
        idx = bisect_right(self.line_starts, offset) - 1
        return idx + 1, offset - self.line_starts[idx] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line terminator."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    # ---------------------------------------------------------------------- views
    @cached_property
    def utf16_misread(self) -> bool:
        """Whether the text is UTF-16 read as a single-byte encoding: a NUL beside
        most characters (at least 20 NULs, a quarter of the text or more). Its
        words, spaces and brackets are not the author's, so only the rules that
        judge the text as data (encoding, quality) have anything to say about it."""
        if "\x00" not in self.text:
            return False
        nuls = self.text.count("\x00")
        return nuls >= 20 and 4 * nuls >= len(self.text)

    @cached_property
    def lines(self) -> list[Span]:
        """Lines of the prose view, without ``\\n`` or a trailing ``\\r``."""
        out = []
        prose = self.prose
        for i, start in enumerate(self.line_starts):
            end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(prose)
            if end > start and prose[end - 1] == "\r":
                end -= 1
            out.append(Span(start, end, prose[start:end]))
        return out

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Blocks of prose separated by blank lines, stripped of outer whitespace."""
        out = []
        prose = self.prose
        pos = 0
        for m in _PARA_SPLIT_RE.finditer(prose):
            self._add_block(out, pos, m.start())
            pos = m.end()
        self._add_block(out, pos, len(prose))
        return out

    def _add_block(self, out: list[Span], start: int, end: int) -> None:
        prose = self.prose
        while start < end and prose[start].isspace():
            start += 1
        while end > start and prose[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Span(start, end, prose[start:end]))

    @cached_property
    def words(self) -> "Words":
        """Words (letters/digits with inner apostrophes and hyphens) of the prose.

        A sequence of ``Span``: offsets are kept in two integer arrays and each
        distinct word's text once (prose repeats its words); a ``Span`` is made when
        asked for. A long document's words take ~24 bytes each instead of ~150.
        Below ``COMPACT_WORDS_CHARS`` the spans are made once, as a list, since rules
        read them many times and an article's words are few."""
        compact = Words(self.prose)
        if len(self.prose) >= COMPACT_WORDS_CHARS:
            return compact
        out = WordList(iter(compact))
        out.ends = compact.ends
        return out

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences within paragraphs.

        A sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus closing quotes or
        brackets) before whitespace, except after a known abbreviation, a single-letter
        initial or a lone number. Line breaks inside a paragraph do not end a sentence.
        """
        out = []
        for para in self.paragraphs:
            text = para.text
            start = 0
            for m in _SENT_END_RE.finditer(text):
                if not _is_sentence_end(text, m.start(), m.group()):
                    continue
                self._add_sentence(out, para.start, text, start, m.end())
                start = m.end()
            self._add_sentence(out, para.start, text, start, len(text))
        return out

    def _add_sentence(self, out: list[Span], base: int, text: str, s: int, e: int) -> None:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Span(base + s, base + e, text[s:e]))

    @cached_property
    def quote_marks(self) -> list[QuoteMark]:
        """Every quotation mark in the prose, with its role read from context."""
        prose = self.prose
        offsets = list(map(_MATCH_START, _QUOTE_CHAR_RE.finditer(prose)))
        if not offsets:
            return []
        # A mark's role depends on the mark and its two neighbours only: each context
        # is read once per document (a run of marks repeats one context), and the
        # marks are built in bulk (a document of marks makes one per character).
        contexts = [prose[i - 1 : i + 2] for i in offsets]
        last = len(prose) - 1
        for k in {0, len(offsets) - 1}:
            i = offsets[k]
            if i == 0 or i == last:
                contexts[k] = (prose[i - 1] if i else " ") + prose[i] + (prose[i + 1] if i < last else " ")
        roles = {c: _quote_role(c[1], c[0], c[2]) for c in set(contexts)}
        chars = map(_MIDDLE, contexts)
        return list(map(QuoteMark._make, zip(offsets, chars, map(roles.__getitem__, contexts))))

    @cached_property
    def quoted_spans(self) -> list[Span]:
        """Spans inside double quotation marks (the marks excluded), per paragraph.

        Pairs an opening mark with the next closing one in the same paragraph; a
        paragraph that ends inside a quotation yields a span to its end (the news
        convention for quotations running over several paragraphs).
        """
        out: list[Span] = []
        marks = [m for m in self.quote_marks if m.char in '"“”„«»' and m.role != "apostrophe"]
        if not marks:
            return out
        para_ends = [p.end for p in self.paragraphs]
        prose = self.prose
        open_at: int | None = None
        open_para = -1
        for m in marks:
            para_idx = bisect_right(para_ends, m.offset)
            if open_at is not None and para_idx != open_para:
                end = para_ends[open_para] if open_para < len(para_ends) else len(prose)
                out.append(Span(open_at + 1, end, prose[open_at + 1 : end]))
                open_at = None
            if open_at is None:
                if m.role in ("open", "ambiguous"):
                    open_at, open_para = m.offset, para_idx
            elif m.role in ("close", "ambiguous"):
                out.append(Span(open_at + 1, m.offset, prose[open_at + 1 : m.offset]))
                open_at = None
        if open_at is not None:
            end = para_ends[open_para] if open_para < len(para_ends) else len(prose)
            out.append(Span(open_at + 1, end, prose[open_at + 1 : end]))
        return out

    def in_quotes(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a double-quoted span."""
        spans = self.quoted_spans
        starts = [s.start for s in spans]
        i = bisect_right(starts, offset) - 1
        return i >= 0 and spans[i].start <= offset < spans[i].end

    def paragraph_at(self, offset: int) -> Span | None:
        paras = self.paragraphs
        i = bisect_right([p.start for p in paras], offset) - 1
        if i >= 0 and paras[i].start <= offset <= paras[i].end:
            return paras[i]
        return None

    def word_index_at(self, offset: int) -> int:
        """Index into ``words`` of the word containing or following ``offset``."""
        return bisect_right(self.words.ends, offset)


# The memo key of a Markdown document's parsed blocks (its prose and its directives'
# code mask are both made from them).
MARKDOWN_BLOCKS = "markdown-blocks"

# How many word matches ``Words`` reads at a time.
_WORD_BATCH = 65536

# Documents at least this long keep their words compact (spans made on access).
COMPACT_WORDS_CHARS = 1_000_000


class WordList(list):
    """The words of a short text as a list of ``Span``, with their end offsets."""

    __slots__ = ("ends",)


class Words(Sequence):
    """The words of a text as compact parallel arrays, read as ``Span`` items."""

    __slots__ = ("starts", "ends", "texts")

    def __init__(self, prose: str) -> None:
        seen: dict[str, str] = {}
        one = seen.setdefault
        starts = array("q")
        ends = array("q")
        texts: list[str] = []
        # The matches are read in batches, each through the Match type's own methods
        # (a loop in C): a 10 MB paragraph never holds all its matches at once.
        found = _WORD_RE.finditer(prose)
        while batch := list(islice(found, _WORD_BATCH)):
            match = type(batch[0])
            starts.extend(map(match.start, batch))
            ends.extend(map(match.end, batch))
            words = list(map(match.group, batch))
            texts.extend(map(one, words, words))  # each distinct word's text once
        self.starts, self.ends, self.texts = starts, ends, texts

    def __len__(self) -> int:
        return len(self.texts)

    # Spans are made with tuple.__new__ (in C) rather than through Span's generated
    # __new__ (Python): rules read a long document's words millions of times.
    def __getitem__(self, i):
        if type(i) is slice:
            return list(map(_SPAN_MAKE, zip(self.starts[i], self.ends[i], self.texts[i])))
        return _tuple_new(Span, (self.starts[i], self.ends[i], self.texts[i]))

    def __iter__(self):
        return map(_SPAN_MAKE, zip(self.starts, self.ends, self.texts))

    def __reversed__(self):
        return map(_SPAN_MAKE, zip(reversed(self.starts), reversed(self.ends), reversed(self.texts)))


_tuple_new = tuple.__new__
_SPAN_MAKE = partial(_tuple_new, Span)


def _quote_role(ch: str, before: str, after: str) -> str:
    b_word = before.isalnum()
    a_word = after.isalnum()
    if ch in "'’":
        if b_word and a_word:
            return "apostrophe"
        if ch == "’" and before in "sS" and not a_word:
            # players’ — could also close a single quote; a possessive is likelier
            return "apostrophe" if after in " ,.;:!?\n)" else "close"
    if ch in OPENING_QUOTES and ch not in CLOSING_QUOTES:
        return "open"
    if ch in CLOSING_QUOTES and ch not in OPENING_QUOTES:
        return "close"
    # Straight quotes (and marks that open in one convention and close in another).
    b_space = before.isspace() or before in "([{—–-/"
    a_space = after.isspace() or after in ".,;:!?)]}—–-…"
    if b_space and not a_space:
        return "open"
    if a_space and not b_space:
        return "close"
    if b_word and not a_word:
        return "close"
    if a_word and not b_word:
        return "open"
    return "ambiguous"


def _is_sentence_end(text: str, pos: int, punct: str) -> bool:
    """Whether the terminal punctuation at ``pos`` really ends a sentence."""
    if punct[0] != ".":
        return True
    if punct.startswith("..") or punct.startswith("…"):
        # An ellipsis ends a sentence only if a capital follows.
        rest = text[pos + len(punct) :].lstrip()
        return bool(rest) and rest[0].isupper()
    # Only the token before the mark matters: search a window, not the whole prefix.
    m = _LAST_TOKEN_RE.search(text, max(0, pos - 80), pos)
    if not m:
        return True
    token = m.group(1).lstrip("\"'“‘(«[")
    if not token:
        return True
    low = token.lower()
    if low in ABBREVIATIONS:
        return False
    # Initials and dotted abbreviations: J. / U.S. / e.g.
    if len(token) == 1 and token.isalpha():
        return False
    if "." in token and all(
        not p or (len(p) <= 2 and any(c.isalpha() for c in p)) for p in token.split(".")
    ):
        return False  # U.S. / e.g. / 9p.m. (but a decimal, "rose by 1.1%.", ends a sentence)
    return True
