"""Mask the non-prose parts of Markdown so that rules see prose only.

The mask keeps the text's length and line breaks, so offsets in the prose view are
offsets in the file. Block-level regions (front matter, fenced and indented code,
HTML comments, link reference definitions) become spaces. Inline regions (code
spans, URLs, autolinks, link targets, HTML tags, e-mail addresses) become
:data:`PLACEHOLDER`, a private-use character that no rule reads as a word, a space,
a quote or punctuation: ``on `am`, suggesting`` is seen as ``on \ue000\ue000\ue000\ue000,
suggesting``, so the comma does not follow a space and the words around a code span
are not neighbours. A line left with nothing but placeholders and spaces (an HTML
tag or a bare URL on its own line) is blanked with spaces, like a block.
"""

from __future__ import annotations

import regex

from linter.text import MASK_PLACEHOLDER

_FRONT_MATTER_RE = regex.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|\Z)", regex.S)
_FENCE_RE = regex.compile(
    r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}(?P=fence)[`~]*[ \t]*\r?$|\Z)",
    regex.S | regex.M,
)
_INDENTED_CODE_RE = regex.compile(r"(?:(?<=\A)|(?<=\n[ \t\r]*\n))(?:(?: {4}|\t)[^\n]*(?:\n|\Z))+")
# A list item: an indented block after one continues the item; it is not code.
_LIST_ITEM_RE = regex.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_HTML_COMMENT_RE = regex.compile(r"<!--.*?(?:-->|\Z)", regex.S)
_INLINE_CODE_RE = regex.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", regex.S)
_AUTOLINK_RE = regex.compile(r"<(?:https?|ftp|mailto):[^>\s]*>", regex.I)
_HTML_TAG_RE = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK_TARGET_RE = regex.compile(r"(?<=\])\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_DEF_RE = regex.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", regex.M)
_URL_RE = regex.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?\"']", regex.I)
_EMAIL_RE = regex.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")

PLACEHOLDER = MASK_PLACEHOLDER
_PLACEHOLDER_LINE_RE = regex.compile(r"^[ \t\ue000]*\ue000[ \t\ue000]*\r?$", regex.M)


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


def _continues_list_item(text: str, start: int) -> bool:
    """Whether the indented block at ``start`` belongs to a list item above it: the
    nearest earlier non-blank line is a list item or itself indented prose."""
    end = start
    while end > 0:
        line_start = text.rfind("\n", 0, end - 1) + 1
        line = text[line_start : end].rstrip("\r\n")
        if line.strip():
            return bool(_LIST_ITEM_RE.match(line))
        end = line_start
    return False


def mask_code(text: str) -> str:
    """Return ``text`` with only code (front matter, fenced and indented blocks, inline
    code) blanked, same length: where inline directives are looked for, so that a
    directive shown as an example in code is not obeyed."""
    chars = list(text)
    for pattern in (_FRONT_MATTER_RE, _FENCE_RE, _INDENTED_CODE_RE):
        for m in pattern.finditer(text):
            if pattern is _INDENTED_CODE_RE and _continues_list_item(text, m.start()):
                continue
            _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    for m in _INLINE_CODE_RE.finditer(masked):
        _blank(chars, m.start(), m.end())
    return "".join(chars)


def mask_markdown(text: str) -> str:
    """Return ``text`` with non-prose Markdown masked, same length: blocks blanked
    with spaces, inline regions replaced by :data:`PLACEHOLDER`."""
    chars = list(text)
    for pattern in (_FRONT_MATTER_RE, _FENCE_RE, _HTML_COMMENT_RE, _INDENTED_CODE_RE, _REF_DEF_RE):
        for m in pattern.finditer(text):
            if pattern is _INDENTED_CODE_RE and _continues_list_item(text, m.start()):
                continue
            _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    for pattern in (
        _INLINE_CODE_RE,
        _AUTOLINK_RE,
        _HTML_TAG_RE,
        _LINK_TARGET_RE,
        _URL_RE,
        _EMAIL_RE,
    ):
        for m in pattern.finditer(masked):
            if PLACEHOLDER not in masked[m.start() : m.end()]:
                _hide(chars, m.start(), m.end())
        masked = "".join(chars)
    if PLACEHOLDER in masked:
        for m in _PLACEHOLDER_LINE_RE.finditer(masked):
            _blank(chars, m.start(), m.end())
        masked = "".join(chars)
    return masked
