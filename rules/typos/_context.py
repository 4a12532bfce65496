"""Small context tests shared by the typo rules."""

from __future__ import annotations

_OPENERS = frozenset(" \t\"'“‘«(")


def starts_sentence(prose: str, offset: int, ends: str = ".!?\n:") -> bool:
    """Whether ``offset`` opens a sentence: only openers and spaces back to ``ends``."""
    i = offset - 1
    while i >= 0 and prose[i] in _OPENERS:
        i -= 1
    return i < 0 or prose[i] in ends
