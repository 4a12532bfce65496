"""The library API for pipelines: one text at a time, or a whole corpus file.

``lint_text`` and ``fix_text`` (from :mod:`linter.engine`) check and fix a string;
this module adds the corpus side: quality scores, the keep/drop decision for one
text, and :func:`clean_file` for a JSONL/Parquet file. For a Ray Dataset see
:func:`linter.ray_engine.clean_dataset`.
"""

from __future__ import annotations

from typing import Any, Iterable

from linter.clean import Cleaner
from linter.document import Document
from linter.engine import Linter, fix_text, lint_text
from linter.registry import select_codes
from linter.report.base import DocumentResult
from linter.rules.support.quality import Gate, compute_signals, quality_rule_options
from linter.run.clean import CleanSummary, clean_file


def quality_scores(text: str) -> dict[str, Any]:
    """The document-level quality signals of ``text`` (word count, shares, ratios)."""
    return compute_signals(Document(text))


def make_cleaner(
    *,
    select: Iterable[str] | None = None,
    unsafe: bool = False,
    quality: dict[str, Any] | None = None,
    languages: tuple[str, ...] = ("en",),
) -> Cleaner:
    """A reusable :class:`Cleaner`: the rules (default or ``select``), the fix level
    and the quality gate (``quality`` takes the keys of ``[tool.copydesk.quality]``)."""
    from linter.rule import Settings

    gate = Gate.from_config(quality, languages)
    codes = select_codes(select) if select is not None else select_codes()
    linter = Linter(codes, settings=Settings(languages=tuple(languages)), rule_options=quality_rule_options(codes, gate))
    return Cleaner(linter, gate, unsafe=unsafe)


def clean_text(
    text: str,
    *,
    select: Iterable[str] | None = None,
    unsafe: bool = False,
    quality: dict[str, Any] | None = None,
    doc_id: str = "",
) -> DocumentResult:
    """Fix ``text`` and decide keep/drop: ``result.text``, ``result.keep``,
    ``result.reasons``, ``result.scores``, ``result.findings``. For many texts build
    one :func:`make_cleaner` and call its ``clean(doc_id, text)``."""
    return make_cleaner(select=select, unsafe=unsafe, quality=quality).clean(doc_id, text)


__all__ = [
    "Cleaner",
    "CleanSummary",
    "DocumentResult",
    "clean_file",
    "clean_text",
    "fix_text",
    "lint_text",
    "make_cleaner",
    "quality_scores",
]
