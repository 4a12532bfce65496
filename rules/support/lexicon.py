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
