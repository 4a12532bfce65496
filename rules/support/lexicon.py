"""Word lists shared by several rules, read from ``rules/data/``."""

from __future__ import annotations

from pathlib import Path

from linter.rules.support.sorted_table import SortedTable

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# misspelling -> corrections joined by commas (about 70,000 pairs), searched in place.
MISSPELLINGS = SortedTable(DATA_DIR / "typos_misspellings.txt")
# The corrections of that list, one lower-case word a line: common English words
# (a partial lexicon: it lacks words nobody misspells).
_CORRECTIONS = SortedTable(DATA_DIR / "typos_english.txt")


def misspelling_corrections() -> SortedTable:
    """The lower-case words that the misspelling list corrects to (supports ``in``).

    Common English words, but not a full English lexicon: a word nobody misspells
    is absent, so "not in this list" never means "not English"."""
    return _CORRECTIONS


# English words and names (SCOWL, sizes 10-95): case-folded spelling -> "<lower>/<capitalised>"
# size levels, searched in place like the lists above.
_ENGLISH = SortedTable(DATA_DIR / "english_words.txt")


def english_levels(word: str) -> tuple[int | None, int | None]:
    """The SCOWL size levels at which ``word`` is listed in lower case and capitalised.

    A low level is a common word (10 the commonest, 50 a medium dictionary, 80 rare,
    95 obscure, and accepted variants);
    ``None`` where the word is not listed that way; ``(None, None)`` for no English word
    or name at all."""
    value = _ENGLISH.get(word.casefold())
    if value is None:
        return (None, None)
    low, _, cap = value.partition("/")
    return (None if low == "-" else int(low), None if cap == "-" else int(cap))


def is_english(word: str, max_level: int = 80) -> bool:
    """Whether ``word`` (any case) is an English word or a listed name up to ``max_level``."""
    low, cap = english_levels(word)
    return any(v is not None and v <= max_level for v in (low, cap))



_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_COMMON: frozenset[str] | None = None


def common_english() -> frozenset[str]:
    """The common lower-case English words (SCOWL sizes 10-50, about 64,000), read
    whole on first use: only a word that no list knows asks for them."""
    global _COMMON
    if _COMMON is None:
        text = (DATA_DIR / "english_common.txt").read_text(encoding="utf-8")
        _COMMON = frozenset(line for line in text.split("\n") if line and not line.startswith("#"))
    return _COMMON


def one_edit_words(word: str) -> list[str]:
    """The common English words one edit away from lower-case ``word`` (a letter
    dropped, added or changed, or two neighbours swapped), commonest first."""
    common = common_english()
    found = set()
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        for c in _LETTERS:
            if head + c + tail in common:
                found.add(head + c + tail)
            if tail and c != tail[0] and head + c + tail[1:] in common:
                found.add(head + c + tail[1:])
        if tail and head + tail[1:] in common:
            found.add(head + tail[1:])
        if len(tail) > 1 and head + tail[1] + tail[0] + tail[2:] in common:
            found.add(head + tail[1] + tail[0] + tail[2:])
    found.discard(word)
    return sorted(found, key=lambda w: (english_levels(w)[0] or 99, w))
