"""Safety promises: a safe fix never damages text outside what it means to change."""

from __future__ import annotations

import pytest

from linter import Document, Linter
from linter.diagnostic import Applicability


def _fix(text: str, level: Applicability = Applicability.SAFE) -> str:
    return Linter().fix(Document(text), level).text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pledges of s\u200bupport.", "Pledges of support."),
        ("The the\u00adthe council.", "The thethe council."),
    ],
)
def test_touching_fixes_do_not_join_into_a_wrong_word(text, expected):
    assert _fix(text) == expected
