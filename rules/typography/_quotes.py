"""Pairing of double quotation marks, shared by the quote rules (TY001-TY003).

Works on ``doc.quote_marks`` paragraph by paragraph. Double quotes do not nest in
English, but guillemets and German quotes may hold English-style quotes inside
(«... “...” ...»), so the pairing keeps a small stack.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from linter.document import Document, QuoteMark

DOUBLE_QUOTES = frozenset('"“”„«»‟')
CURLY_DOUBLE = frozenset("“”„‟")
# opener -> closers that complete it in some convention
_CLOSERS = {
    '"': frozenset('"'),
    "“": frozenset("”"),
    "‟": frozenset("”"),
    "„": frozenset("“”"),
    "«": frozenset("»"),
    "»": frozenset("«»"),
    "”": frozenset("”"),  # Swedish and Finnish: ”...”
}


_DIGITS = frozenset("0123456789¼½¾⅓⅔⅛")


class QuotePair(NamedTuple):
    open: QuoteMark
    close: QuoteMark
    para: int


class QuoteAnalysis(NamedTuple):
    pairs: list[QuotePair]
    # (opening mark, paragraph index, the opener that came before it was closed or None)
    unclosed: list[tuple[QuoteMark, int, QuoteMark | None]]
    stray_closes: list[tuple[QuoteMark, int]]
    para_first_mark: dict[int, QuoteMark]


def is_style_mismatch(opener: str, closer: str) -> bool:
    """A curly opener closed by a straight mark, the reverse, or “ closed by “."""
    if opener == '"' and closer != '"':
        return closer in CURLY_DOUBLE
    if closer == '"':
        return opener in CURLY_DOUBLE
    return opener in "“‟" and closer == "“"


def compatible(opener: str, closer: str) -> bool:
    return closer in _CLOSERS.get(opener, frozenset())


def _role(mark: QuoteMark, depth: int) -> str:
    role = mark.role
    if role == "ambiguous":
        return "close" if depth else "open"
    return role


def analyse(doc: Document) -> QuoteAnalysis:
    return doc.memo(analyse, lambda: _analyse(doc))


def _analyse(doc: Document) -> QuoteAnalysis:
    pairs: list[QuotePair] = []
    unclosed: list[tuple[QuoteMark, int, QuoteMark | None]] = []
    stray: list[tuple[QuoteMark, int]] = []
    first: dict[int, QuoteMark] = {}
    marks = [m for m in doc.quote_marks if m.char in DOUBLE_QUOTES and m.role != "apostrophe"]
    if not marks:
        return QuoteAnalysis(pairs, unclosed, stray, first)
    para_ends = [p.end for p in doc.paragraphs]
    n_paras = len(para_ends)
    prose = doc.prose
    stack: list[QuoteMark] = []
    cur_para = -1
    para = 0
    for m in marks:
        offset, char, role = m
        # marks come in text order: the paragraph index only moves forward
        while para < n_paras and para_ends[para] <= offset:
            para += 1
        if para != cur_para:
            unclosed.extend((s, cur_para, None) for s in stack)
            stack = []
            cur_para = para
            first[para] = m
        if char in '"”' and not stack and offset and prose[offset - 1] in _DIGITS:
            continue  # an inch or seconds mark: 5' 10", a 12" screen, 38 ½”
        if char == "»" and _is_bullet(prose, offset):
            continue  # "» Bloggers respond": a list marker at the start of a line
        if role == "ambiguous":
            role = "close" if stack else "open"
        elif role == "close" and not stack and char in "“»":
            # “ and » open in other conventions; with nothing open, read as an opener
            role = "open"
        if role == "open":
            if stack and not _may_nest(stack[-1].char, char):
                # the previous quotation was never closed
                unclosed.append((stack.pop(), para, m))
            stack.append(m)
            continue
        if not stack:
            stray.append((m, para))
            continue
        # close the innermost compatible opener; else the innermost one
        idx = len(stack) - 1
        if idx and char not in _CLOSERS.get(stack[idx].char, ()):
            for j in range(idx - 1, -1, -1):
                if char in _CLOSERS.get(stack[j].char, ()):
                    idx = j
                    break
        opener = stack[idx]
        if idx < len(stack) - 1:
            unclosed.extend((s, para, m) for s in stack[idx + 1 :])
        del stack[idx:]
        pairs.append(QuotePair(opener, m, para))
    unclosed.extend((s, cur_para, None) for s in stack)
    return QuoteAnalysis(pairs, unclosed, stray, first)


def _is_bullet(prose: str, offset: int) -> bool:
    """A mark that begins its line (after any indent) and is followed by a space."""
    if prose[offset + 1 : offset + 2] not in (" ", "\t", "\u00a0"):
        return False
    i = offset
    while i > 0 and prose[i - 1] in " \t":
        i -= 1
    return i == 0 or prose[i - 1] == "\n"


def _may_nest(outer: str, inner: str) -> bool:
    """Guillemets and German quotes may hold English-style quotes."""
    return outer in "«»„" and inner not in "«»„" or outer in "“" and inner in "«»„"


def mismatched_marks(doc: Document) -> set[int]:
    """Offsets of marks that belong to a style-mismatched pair (reported by TY001)."""
    out: set[int] = set()
    for p in analyse(doc).pairs:
        if is_style_mismatch(p.open.char, p.close.char):
            out.add(p.open.offset)
            out.add(p.close.offset)
    return out
