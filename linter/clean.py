"""Cleaning one text: fix it, score it, and decide whether it is kept.

:class:`Cleaner` holds a configured linter, a fix level and a quality gate
(``linter.rules.support.quality``); ``clean(doc_id, text)`` applies the rules' fixes
(safe ones; unsafe ones too when ``unsafe``), scores the fixed text with the quality
signals and says which gates it fails, as a :class:`linter.report.DocumentResult`.
It is the state :mod:`linter.executor` gives each worker of a ``copydesk clean`` run
(:mod:`linter.run.clean`), and a Ray Data batch function (:mod:`linter.ray_engine`).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from linter.config.model import DEFAULT_TIME_LIMIT
from linter.diagnostic import Applicability
from linter.document import Document
from linter.engine import Linter
from linter.report.base import DocumentResult
from linter.rules.support.quality import Gate, compute_signals, describe

# Drop reasons that are not quality gates.
UNREADABLE = "unreadable_record"
TIMEOUT = "timeout"
HIT_CAP = "fixes were still changing the text after the last pass; kept the last text"

# Columns a Ray Data batch gets from Cleaner.__call__.
KEEP_COLUMN = "copydesk_keep"
CHANGED_COLUMN = "copydesk_changed"
REASONS_COLUMN = "copydesk_reasons"
SCORES_COLUMN = "copydesk_scores"
FINDINGS_COLUMN = "copydesk_findings"
ADDED_COLUMNS = (KEEP_COLUMN, CHANGED_COLUMN, REASONS_COLUMN, SCORES_COLUMN, FINDINGS_COLUMN)


class DocumentTimeout(BaseException):
    """Raised by the timer when one document takes longer than the time limit. A
    BaseException, so the engine's guard against a failing rule does not catch it."""


def _on_alarm(signum, frame):
    raise DocumentTimeout


class TimeLimit:
    """A per-document timer (SIGALRM; Unix, main thread). Elsewhere it does nothing."""

    def __init__(self, seconds: float) -> None:
        import signal
        import threading

        self.active = bool(seconds) and seconds > 0 and hasattr(signal, "setitimer") and (
            threading.current_thread() is threading.main_thread()
        )
        self.seconds = seconds

    def __enter__(self):
        if self.active:
            import signal

            self.previous = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        if self.active:
            import signal

            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False


class Cleaner:
    """A configured linter, a fix level and a quality gate: cleans one text at a time.

    Picklable (the linter rebuilds its rules on unpickling), so a process pool or a
    Ray worker builds it once and reuses it for every document. As a Ray Data
    ``map_batches`` class (:func:`linter.ray_engine.clean_dataset`) it takes a
    ``pyarrow.Table`` batch and returns it with the text fixed and the ``copydesk_*``
    columns added.
    """

    def __init__(
        self,
        linter: Linter | None = None,
        gate: Gate | None = None,
        *,
        unsafe: bool = False,
        time_limit: float = DEFAULT_TIME_LIMIT,
    ) -> None:
        self.linter = linter if linter is not None else Linter()
        self.gate = gate if gate is not None else Gate()
        self.unsafe = unsafe
        self.time_limit = time_limit

    @property
    def level(self) -> Applicability:
        return Applicability.UNSAFE if self.unsafe else Applicability.SAFE

    def clean(self, doc_id: str, text: str | None, why_no_text: str | None = None) -> DocumentResult:
        """Fix ``text``, score it and decide: ``result.text`` (the fixed text),
        ``result.keep``, ``result.reasons``, ``result.scores``, ``result.findings``."""
        if text is None:
            return DocumentResult(doc_id=doc_id, reasons=[UNREADABLE], details=[why_no_text or "no text"])
        try:
            with TimeLimit(self.time_limit):
                return self._clean(doc_id, text)
        except DocumentTimeout:
            return DocumentResult(
                doc_id=doc_id, reasons=[TIMEOUT],
                details=[f"took longer than the time limit of {self.time_limit:g} s (--time-limit)"],
            )

    def _clean(self, doc_id: str, text: str) -> DocumentResult:
        fixed = self.linter.fix(Document(text, doc_id=doc_id), self.level)
        errors = [f"{e.code}: {e.error}" for e in fixed.first_lint.errors]
        if fixed.hit_cap:
            errors.append(HIT_CAP)
        # The last document linted is the fixed text: its signals are already computed.
        final = fixed.last_document
        if final.text != fixed.text:
            final = Document(fixed.text, doc_id=doc_id)
        scores = compute_signals(final)
        reasons = self.gate.decide(scores)
        return DocumentResult(
            doc_id=doc_id,
            text=fixed.text,
            changed=fixed.text != text,
            reasons=reasons,
            details=[describe(r, scores, self.gate.thresholds) for r in reasons],
            scores=scores,
            findings=dict(sorted(Counter(d.code for d in fixed.first_lint.diagnostics).items())),
            rule_errors=errors,
        )

    def clean_batch(self, items: list[tuple[str, str | None, str | None]]) -> list[DocumentResult]:
        """Clean ``(doc_id, text, why there is no text)`` items."""
        return [self.clean(doc_id, text, why) for doc_id, text, why in items]

    def __call__(self, batch, text_field: str = "text", id_field: str = "id"):
        """Clean a Ray Data batch (a ``pyarrow.Table``)."""
        import pyarrow as pa

        names = batch.column_names
        if text_field not in names:
            raise ValueError(f"no {text_field!r} column (columns: {', '.join(names[:8])})")
        texts = batch.column(text_field).to_pylist()
        ids = batch.column(id_field).to_pylist() if id_field in names else [None] * len(texts)
        results = []
        for i, (doc_id, text) in enumerate(zip(ids, texts)):
            doc_id = str(i) if doc_id is None else str(doc_id)
            if text is None or not isinstance(text, str):
                results.append(self.clean(doc_id, None, f"field {text_field!r} is empty or not a string"))
            else:
                results.append(self.clean(doc_id, text))
        new_texts = [r.text if r.keep and r.changed else t for r, t in zip(results, texts)]
        idx = names.index(text_field)
        out = batch.set_column(idx, text_field, pa.array(new_texts, type=batch.schema.field(idx).type))
        out = out.append_column(KEEP_COLUMN, pa.array([r.keep for r in results], pa.bool_()))
        out = out.append_column(CHANGED_COLUMN, pa.array([r.changed for r in results], pa.bool_()))
        out = out.append_column(REASONS_COLUMN, pa.array([r.reasons for r in results], pa.list_(pa.string())))
        out = out.append_column(SCORES_COLUMN, pa.array([json.dumps(r.scores) for r in results], pa.string()))
        out = out.append_column(FINDINGS_COLUMN, pa.array([json.dumps(r.findings) for r in results], pa.string()))
        return out

    def constructor_args(self) -> tuple[tuple, dict[str, Any]]:
        """The arguments that build this Cleaner again (Ray Data builds one per worker)."""
        return (self.linter, self.gate), {"unsafe": self.unsafe, "time_limit": self.time_limit}


def build_cleaner(cfg, select=None, extend_select=(), ignore=(), unsafe: bool = False) -> Cleaner:
    """A Cleaner from a loaded :class:`linter.config.Config` and command-line selection.

    The quality thresholds of ``[tool.copydesk.quality]`` are also the options of the
    quality rules (QL...), so their findings and the gate agree; options set for a rule
    in ``[tool.copydesk.rules.QLxxx]`` win.
    """
    from linter.config import build_linter, selected_codes

    gate = Gate.from_config(dict(getattr(cfg, "quality", None) or {}), tuple(cfg.languages))
    linter = build_linter(cfg, selected_codes(cfg, select, extend_select, ignore))
    return Cleaner(linter, gate, unsafe=unsafe, time_limit=cfg.time_limit)
