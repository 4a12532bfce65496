"""Apply fixes: non-overlapping, in one pass, then re-lint until nothing changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from linter.diagnostic import Applicability, Category, Diagnostic, Edit

MAX_ITERATIONS = 10


def choose_fixes(
    diagnostics: Iterable[Diagnostic], min_applicability: Applicability
) -> list[Diagnostic]:
    """Pick diagnostics whose fixes can be applied together without overlapping.

    Encoding fixes (an invisible or broken character removed or repaired) are taken
    first: the other rules read words through them, so a word fix beside one was
    computed on a view the encoding fix changes. Then fixes are taken in order of
    position. A fix whose edits overlap or touch an already chosen edit (two edits
    that meet end to start would join into one word the rules never saw) waits for
    the next pass, when it is linted again on the changed text.
    """
    chosen: list[Diagnostic] = []
    taken: list[tuple[int, int]] = []
    candidates = [
        d for d in diagnostics if d.fix is not None and d.fix.applicability >= min_applicability
    ]
    candidates.sort(key=lambda d: (d.category != Category.ENCODING, d.fix.start, d.fix.end, d.code))
    for d in candidates:
        edits = d.fix.edits
        if _edits_overlap(edits):
            continue
        if any(_touches(e.start, e.end, s, t) for e in edits for s, t in taken):
            continue
        chosen.append(d)
        taken.extend((e.start, e.end) for e in edits)
    return chosen


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    if a0 == a1 or b0 == b1:  # an insertion conflicts with anything at or around its point
        return b0 <= a0 <= b1 or a0 <= b0 <= a1
    return a0 < b1 and b0 < a1


def _touches(a0: int, a1: int, b0: int, b1: int) -> bool:
    """Edits of two different fixes conflict when they overlap or meet."""
    return a0 <= b1 and b0 <= a1


def _edits_overlap(edits: tuple[Edit, ...]) -> bool:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    return any(
        _overlaps(x.start, x.end, y.start, y.end) for x, y in zip(ordered, ordered[1:])
    )


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits to ``text`` (from the end, so offsets stay valid)."""
    parts: list[str] = []
    pos = len(text)
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if e.end > pos:
            raise ValueError(f"overlapping edits at {e.start}..{e.end}")
        parts.append(text[e.end : pos])
        parts.append(e.replacement)
        pos = e.start
    parts.append(text[:pos])
    return "".join(reversed(parts))


@dataclass
class FixResult:
    text: str
    applied: list[Diagnostic] = field(default_factory=list)
    iterations: int = 0
    hit_cap: bool = False
    # Set by linter.engine.Linter.fix: the LintResult of the first pass (the findings
    # and rule errors of the text as given) and the Document the last pass linted.
    first_lint: Any = None
    last_document: Any = None

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_until_stable(
    text: str,
    lint: Callable[[str], list[Diagnostic]],
    min_applicability: Applicability,
    max_iterations: int = MAX_ITERATIONS,
) -> FixResult:
    """Lint, apply a non-overlapping set of fixes, and repeat until nothing changes.

    ``hit_cap`` is set when fixes were still being made after ``max_iterations``
    passes (fixes that undo each other, for example); the caller reports it.
    """
    result = FixResult(text)
    for _ in range(max_iterations):
        chosen = choose_fixes(lint(result.text), min_applicability)
        if not chosen:
            return result
        new_text = apply_edits(result.text, [e for d in chosen for e in d.fix.edits])
        result.iterations += 1
        if new_text == result.text:
            return result
        result.applied.extend(chosen)
        result.text = new_text
    # One more look: did the last pass leave anything to fix?
    if choose_fixes(lint(result.text), min_applicability):
        result.hit_cap = True
    return result
