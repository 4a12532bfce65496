"""Mask the non-prose parts of Markdown so that rules see prose only.

The mask keeps the text's length and line breaks, so offsets in the prose view are
offsets in the file. The block structure comes from a CommonMark parser
(``markdown-it-py``, whose tokens carry the source lines of each block): front matter,
fenced and indented code, HTML blocks and link reference definitions become spaces.
Inline regions (code spans, URLs, autolinks, link targets, HTML tags, e-mail
addresses) are found inside one block at a time, so a stray backtick never pairs with
one in another paragraph, and become :data:`PLACEHOLDER`, a private-use character that
no rule reads as a word, a space, a quote or punctuation: ``on `am`, suggesting`` is
seen as ``on \ue000\ue000\ue000\ue000, suggesting``, so the comma does not follow a
space and the words around a code span are not neighbours. A line left with nothing
but placeholders and spaces (an HTML tag or a bare URL on its own line) is blanked with
spaces, like a block.

The parser is imported only for a text that could hold a code or HTML block (a
backtick, a tilde fence, an angle bracket or an indented line); any other text has
none, and its blocks are its runs of non-blank lines.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from linter.text import MASK_PLACEHOLDER

_FRONT_MATTER_RE = regex.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|\Z)", regex.S)
# CommonMark's line ends: markdown-it numbers lines by these
_LINE_END_RE = regex.compile(r"\r\n|\r|\n")
# Whether a text may hold a code or HTML block at all (else no parse is needed)
_MAY_HOLD_BLOCKS_RE = regex.compile(r"[`<]|~~~|^(?: {4}|[ ]{0,3}\t)", regex.M)
_HTML_COMMENT_RE = regex.compile(r"<!--.*?(?:-->|\Z)", regex.S)
# A code span: a run of backticks closed by a run of the same length (CommonMark);
# matched inside one block only
_INLINE_CODE_RE = regex.compile(r"(?<![`\\])(`+)(?!`).+?(?<!`)\1(?!`)", regex.S)
_AUTOLINK_RE = regex.compile(r"<(?:https?|ftp|mailto):[^>\s]*>", regex.I)
_HTML_TAG_RE = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK_TARGET_RE = regex.compile(r"(?<=\])\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_DEF_RE = regex.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", regex.M)
_URL_RE = regex.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?\"']", regex.I)
_EMAIL_RE = regex.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_BLANK_LINE_RE = regex.compile(r"(?:^[ \t]*(?:\r\n|\r|\n))+", regex.M)

PLACEHOLDER = MASK_PLACEHOLDER
_PLACEHOLDER_LINE_RE = regex.compile(r"^[ \t\ue000]*\ue000[ \t\ue000]*\r?$", regex.M)

_CODE_BLOCKS = frozenset({"fence", "code_block"})
# HTML blocks whose content is not prose (CommonMark's HTML block kinds 1-5)
_RAW_HTML_RE = regex.compile(r"[ \t]{0,3}(?:<(?:script|pre|style|textarea)\b|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)", regex.I)
_HTML_BLOCKS = frozenset({"html_block"})


def is_masked(text: str, prose: str, start: int, end: int) -> bool:
    """Whether any character of ``text[start:end]`` is masked in ``prose``."""
    return text[start:end] != prose[start:end]


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = " "


def _hide(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = PLACEHOLDER


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in _LINE_END_RE.finditer(text))
    return starts


class _Blocks:
    """The source spans of a Markdown text's blocks: code, HTML, and those whose
    inline content is prose (paragraphs, headings, table rows, HTML blocks whose tags
    surround words), as offsets."""

    def __init__(self, text: str):
        self.code: list[tuple[int, int]] = []
        self.inline: list[tuple[int, int]] = []
        self.raw_html: list[tuple[int, int]] = []
        if not _MAY_HOLD_BLOCKS_RE.search(text):
            # no code or HTML block is possible: each run of non-blank lines is a block
            start = 0
            for m in _BLANK_LINE_RE.finditer(text):
                if m.start() > start:
                    self.inline.append((start, m.start()))
                start = max(start, m.end())
            if start < len(text):
                self.inline.append((start, len(text)))
            return
        starts = _line_starts(text)
        starts.append(len(text))

        def span(lines: list[int]) -> tuple[int, int]:
            first, last = lines
            return starts[min(first, len(starts) - 1)], starts[min(last, len(starts) - 1)]

        for token in _parser().parse(text):
            if token.map is None:
                continue
            if token.type in _CODE_BLOCKS:
                self.code.append(span(token.map))
            elif token.type in _HTML_BLOCKS:
                start, end = span(token.map)
                if _RAW_HTML_RE.match(text, start):
                    self.raw_html.append((start, end))  # script, style, pre, comments: no prose
                else:
                    self.inline.append((start, end))  # tags are hidden, the words between kept
            elif token.type == "inline":
                self.inline.append(span(token.map))


def _front_matter(text: str) -> tuple[int, int] | None:
    m = _FRONT_MATTER_RE.match(text)
    return (m.start(), m.end()) if m else None


def _inline_code_spans(text: str, blocks: _Blocks):
    for start, end in blocks.inline:
        for m in _INLINE_CODE_RE.finditer(text, start, end):
            yield m.start(), m.end()


def parse(text: str) -> tuple[str, _Blocks]:
    """The text with its front matter blanked (the parser does not know it), and its
    blocks: what both masks are made from, so a document is parsed once."""
    front = _front_matter(text)
    if front is None:
        return text, _Blocks(text)
    chars = list(text)
    _blank(chars, *front)
    body = "".join(chars)
    return body, _Blocks(body)


def mask_code(text: str, parsed: tuple[str, _Blocks] | None = None) -> str:
    """Return ``text`` with only code (front matter, fenced and indented blocks, inline
    code) blanked, same length: where inline directives are looked for, so that a
    directive shown as an example in code is not obeyed. ``parsed`` is
    :func:`parse`'s result for ``text`` when the caller has it."""
    body, blocks = parse(text) if parsed is None else parsed
    chars = list(body)
    for start, end in blocks.code:
        _blank(chars, start, end)
    for start, end in _inline_code_spans(body, blocks):
        _blank(chars, start, end)
    return "".join(chars)


def mask_markdown(text: str, parsed: tuple[str, _Blocks] | None = None) -> str:
    """Return ``text`` with non-prose Markdown masked, same length: blocks blanked
    with spaces, inline regions replaced by :data:`PLACEHOLDER`. ``parsed`` is
    :func:`parse`'s result for ``text`` when the caller has it."""
    body, blocks = parse(text) if parsed is None else parsed
    chars = list(body)
    for start, end in blocks.code + blocks.raw_html:
        _blank(chars, start, end)
    for start, end in blocks.inline:
        for m in _HTML_COMMENT_RE.finditer(body, start, end):
            _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    for m in _REF_DEF_RE.finditer(masked):
        _blank(chars, m.start(), m.end())
    for start, end in _inline_code_spans(body, blocks):
        _hide(chars, start, end)
    masked = "".join(chars)
    for pattern in (_AUTOLINK_RE, _HTML_TAG_RE, _LINK_TARGET_RE, _URL_RE, _EMAIL_RE):
        for start, end in blocks.inline:
            for m in pattern.finditer(masked, start, end):
                if PLACEHOLDER not in masked[m.start() : m.end()]:
                    _hide(chars, m.start(), m.end())
        masked = "".join(chars)
    if PLACEHOLDER in masked:
        for m in _PLACEHOLDER_LINE_RE.finditer(masked):
            _blank(chars, m.start(), m.end())
        masked = "".join(chars)
    return masked
