"""Property tests of the fixer: chosen fixes never overlap, and fixing is idempotent."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.diagnostic import Applicability, Category, Diagnostic, Edit, Fix, Severity
from linter.fixer import _overlaps, _touches, apply_edits, choose_fixes, fix_until_stable

APPLICABILITIES = list(Applicability)


def _diag(fix: Fix, code: str = "XX001") -> Diagnostic:
    return Diagnostic(code, "x", Category.STYLE, Severity.WARNING, "m", fix.start, fix.end, fix)


@st.composite
def text_and_fixes(draw):
    text = draw(st.text(alphabet="ab c\n\r’é", max_size=40))
    n = len(text)
    fixes = []
    for _ in range(draw(st.integers(0, 8))):
        edits = []
        for _ in range(draw(st.integers(1, 3))):
            start = draw(st.integers(0, n))
            end = draw(st.integers(start, n))
            edits.append(Edit(start, end, draw(st.text(alphabet="xyz ", max_size=3))))
        fixes.append(Fix(tuple(edits), draw(st.sampled_from(APPLICABILITIES)), "t"))
    return text, fixes


def _no_overlap(edits: list[Edit]) -> bool:
    return not any(
        _overlaps(a.start, a.end, b.start, b.end) for i, a in enumerate(edits) for b in edits[i + 1 :]
    )


@given(text_and_fixes(), st.sampled_from(APPLICABILITIES))
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_chosen_fixes_never_overlap(data, level):
    text, fixes = data
    chosen = choose_fixes([_diag(f) for f in fixes], level)
    edits = [e for d in chosen for e in d.fix.edits]
    assert _no_overlap(edits)
    assert all(d.fix.applicability >= level for d in chosen)
    # Applying them is well defined and keeps text outside the edits.
    out = apply_edits(text, edits)
    assert len(out) == len(text) - sum(e.end - e.start for e in edits) + sum(len(e.replacement) for e in edits)


@given(text_and_fixes())
@settings(max_examples=200)
def test_chosen_set_is_maximal(data):
    """A fix left out conflicts with a chosen one (or with itself)."""
    text, fixes = data
    diags = [_diag(f) for f in fixes]
    chosen = choose_fixes(diags, Applicability.DISPLAY)
    taken = [e for d in chosen for e in d.fix.edits]
    for d in diags:
        if d in chosen:
            continue
        own = list(d.fix.edits)
        assert not _no_overlap(own) or any(
            _touches(e.start, e.end, t.start, t.end) for e in own for t in taken
        )


def test_apply_edits_rejects_overlap():
    import pytest

    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])


# A small rule set over random texts: a doubled word removed, a pattern rewritten
# and "ab" -> "b" (a fix that can create new matches for the next pass).
_DOUBLE_RE = regex.compile(r"\b(\w+) \1\b")
_SPACES_RE = regex.compile(r"  +")
_AB_RE = regex.compile(r"ab")


def _rules(text: str) -> list[Diagnostic]:
    out = []
    for m in _DOUBLE_RE.finditer(text):
        out.append(_diag(Fix.delete(m.start(1) + len(m.group(1)), m.end(), Applicability.SAFE, "dedupe"), "XX001"))
    for m in _SPACES_RE.finditer(text):
        out.append(_diag(Fix.replace(m.start(), m.end(), " ", Applicability.SAFE, "space"), "XX002"))
    for m in _AB_RE.finditer(text):
        out.append(_diag(Fix.replace(m.start(), m.end(), "b", Applicability.UNSAFE, "ab"), "XX003"))
    return out


@given(st.text(alphabet="ab ", max_size=60), st.sampled_from([Applicability.SAFE, Applicability.UNSAFE]))
@settings(max_examples=150)
def test_fixing_twice_equals_fixing_once(text, level):
    once = fix_until_stable(text, _rules, level)
    if once.hit_cap:
        return  # reported to the user; the text is not claimed stable
    twice = fix_until_stable(once.text, _rules, level)
    assert twice.text == once.text
    assert not twice.applied
    assert not choose_fixes(_rules(once.text), level)


@given(st.text(alphabet="ab \n", max_size=60))
@settings(max_examples=200)
def test_display_fixes_are_never_applied(text):
    def display_only(t: str) -> list[Diagnostic]:
        return [_diag(Fix.replace(m.start(), m.end(), "b", Applicability.DISPLAY, "s")) for m in _AB_RE.finditer(t)]

    result = fix_until_stable(text, display_only, Applicability.UNSAFE)
    assert result.text == text and not result.applied


def test_cap_is_reported_for_fixes_that_undo_each_other():
    def flip(t: str) -> list[Diagnostic]:
        return [_diag(Fix.replace(0, 1, "b" if t[:1] == "a" else "a", Applicability.SAFE, "flip"))] if t else []

    result = fix_until_stable("a", flip, Applicability.SAFE, max_iterations=5)
    assert result.hit_cap and result.iterations == 5


@given(st.lists(st.sampled_from(["the", "The", "talks", "and", "\n", "\n\n", ",", "in", "In"]), max_size=30))
@settings(max_examples=150, deadline=None)
def test_linter_fix_is_idempotent_on_random_text(words):
    from linter import Document, Linter

    text = " ".join(words)
    linter = Linter(["TP001"])
    once = linter.fix(Document(text), Applicability.UNSAFE)
    twice = linter.fix(Document(once.text), Applicability.UNSAFE)
    assert twice.text == once.text and not twice.applied
