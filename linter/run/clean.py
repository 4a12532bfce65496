"""``copydesk clean IN OUT``: fix a corpus and drop what fails the quality gate.

Reads a JSONL, JSONL.gz or Parquet corpus record by record, cleans each record's text
field with a :class:`linter.clean.Cleaner` (its fixes, its quality gate) and drops
records that fail the gate, writing them with their reasons and scores to
``--rejects``. Every other field of a record is kept; a JSONL record whose text did
not change is written back byte for byte. Output goes to a temporary file beside OUT,
moved over OUT at the end: an interrupted run leaves nothing behind, and a rerun
starts afresh. OUT may never be IN.

The records go to :mod:`linter.executor` in chunks (the Cleaner is its state), on
local processes or on Ray, and come back in input order: the output is the same,
byte for byte, whatever the back-end and the number of workers.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable

from linter.clean import Cleaner
from linter.corpus import CorpusError, RecordWriter, Row, format_of, iter_rows, parquet_schema, same_file
from linter.executor import Executor, default_jobs, make_backend
from linter.report.base import DocumentResult

# Records in one task: enough to amortise sending it, few enough that the executor's
# window of tasks in flight keeps memory flat.
CHUNK_RECORDS = 32
# --engine -> the executor's back-end.
ENGINES = {"local": "processes", "ray": "ray"}


# --------------------------------------------------------------------- the summary


@dataclass
class CleanSummary:
    """Counts of a clean run (``--format-summary json`` prints ``to_dict()``)."""

    input: str = ""
    output: str = ""
    rejects: str | None = None
    read: int = 0
    written: int = 0
    changed: int = 0
    dropped: int = 0
    dropped_by_reason: Counter = field(default_factory=Counter)
    findings_by_rule: Counter = field(default_factory=Counter)
    rule_errors: int = 0
    error_examples: list[str] = field(default_factory=list)  # the first few, with their document
    seconds: float = 0.0
    jobs: int = 1
    engine: str = "local"

    def add(self, result: DocumentResult) -> None:
        self.read += 1
        self.findings_by_rule.update(result.findings)
        self.rule_errors += len(result.rule_errors)
        for error in result.rule_errors:
            if len(self.error_examples) < 5:
                self.error_examples.append(f"{result.doc_id}: {error}")
        if result.keep:
            self.written += 1
            self.changed += result.changed
        else:
            self.dropped += 1
            self.dropped_by_reason.update(result.reasons)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["dropped_by_reason"] = dict(sorted(self.dropped_by_reason.items(), key=lambda kv: (-kv[1], kv[0])))
        out["findings_by_rule"] = dict(sorted(self.findings_by_rule.items()))
        out["seconds"] = round(self.seconds, 3)
        return out

    def render_text(self) -> str:
        rate = f" ({self.read / self.seconds:,.0f} documents/s)" if self.seconds > 0 and self.read else ""
        lines = [
            f"{self.input} -> {self.output}: {self.read:,} documents read in {self.seconds:.1f} s{rate}",
            f"  written: {self.written:,} ({self.changed:,} changed by fixes)",
            f"  dropped: {self.dropped:,}" + (f" (written to {self.rejects})" if self.rejects and self.dropped else ""),
        ]
        for reason, n in sorted(self.dropped_by_reason.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"    {reason}: {n:,}")
        total = sum(self.findings_by_rule.values())
        lines.append(f"  findings: {total:,}")
        if self.findings_by_rule:
            from linter.registry import all_rules

            registry = all_rules()
            for code, n in sorted(self.findings_by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
                name = registry[code].name if code in registry else ""
                lines.append(f"    {code} {name}: {n:,}")
        if self.rule_errors:
            lines.append(f"  rule errors: {self.rule_errors:,} (the documents were still cleaned by the other rules)")
            lines.extend(f"    {e}" for e in self.error_examples)
        return "\n".join(lines)


# ------------------------------------------------------------------------ the chunks


def _chunks(rows: Iterable[Row], text_field: str, id_field: str, size: int):
    """``(rows, items)`` pairs of ``size`` rows: the rows, and what the task cleans of them."""
    batch_rows: list[Row] = []
    batch_items: list[tuple[str, str | None, str | None]] = []
    for row in rows:
        text, why = row.text(text_field)
        batch_rows.append(row)
        batch_items.append((row.doc_id(id_field), text, why))
        if len(batch_rows) >= size:
            yield batch_rows, batch_items
            batch_rows, batch_items = [], []
    if batch_rows:
        yield batch_rows, batch_items


# ------------------------------------------------------------------------ the file


def reject_record(row: Row, result: DocumentResult) -> dict[str, Any]:
    """The rejects-file line for a dropped record: id, reasons, scores, the record."""
    out: dict[str, Any] = {
        "id": result.doc_id,
        "reasons": result.reasons,
        "details": result.details,
        "scores": result.scores,
    }
    if result.rule_errors:
        out["errors"] = result.rule_errors
    if row.record is not None:
        out["record"] = row.record
    else:
        out["line"] = row.index
        out["raw"] = (row.raw or b"").decode("utf-8", errors="replace").rstrip("\n")
    return out


def output_record(row: Row, result: DocumentResult, text_field: str) -> tuple[dict[str, Any], bytes | None]:
    """The record to write, and its original bytes when it is unchanged."""
    if not result.changed:
        return row.record, row.raw
    record = dict(row.record)
    record[text_field] = result.text
    return record, None


def clean_file(
    src: str,
    dst: str,
    cleaner: Cleaner | None = None,
    *,
    text_field: str = "text",
    id_field: str = "id",
    rejects: str | None = None,
    jobs: int | None = None,
    engine: str = "local",
    ray_options: dict[str, Any] | None = None,
    on_progress: Callable[[int], None] | None = None,
    report: Any = None,
) -> CleanSummary:
    """Clean the corpus ``src`` into ``dst`` (same formats as their names say).

    Returns the :class:`CleanSummary`. Raises :class:`CorpusError` for unreadable input,
    output that would overwrite the input, or a write failure; nothing is left at
    ``dst`` or ``rejects`` in that case. ``report`` (a
    :class:`linter.report.clean_html.CleanReport`) is given every document's result.
    """
    cleaner = cleaner or Cleaner()
    jobs = max(1, default_jobs() if jobs is None else jobs)
    if engine not in ENGINES:
        raise CorpusError(f"unknown engine {engine!r}; expected local or ray")
    format_of(src)
    format_of(dst)
    if not os.path.exists(src):
        raise CorpusError(f"{src}: no such file or directory")
    if os.path.isdir(src):
        raise CorpusError(f"{src}: is a directory; clean takes one record file")
    for label, path in (("OUT", dst), ("--rejects", rejects)):
        if path and same_file(src, path):
            raise CorpusError(f"{path}: {label} is the input file; write the cleaned corpus to another path")
    if rejects and same_file(dst, rejects):
        raise CorpusError(f"{rejects}: --rejects is the same file as OUT; give it its own path")
    if rejects and format_of(rejects) == "parquet":
        raise CorpusError(f"{rejects}: the rejects file is JSONL; name it .jsonl or .jsonl.gz")
    schema = parquet_schema(src) if format_of(src) == "parquet" and format_of(dst) == "parquet" else None

    summary = CleanSummary(input=src, output=dst, rejects=rejects, jobs=jobs, engine=engine)
    started = time.perf_counter()
    chunks = _chunks(iter_rows(src), text_field, id_field, CHUNK_RECORDS)
    backend = make_backend(ENGINES[engine], jobs, **(ray_options or {}))

    with Executor(cleaner, backend) as executor, RecordWriter(dst, schema) as out:
        reject_writer = RecordWriter(rejects) if rejects else None
        try:
            for rows, batch_results in executor.map_tagged(Cleaner.clean_batch, chunks):
                for row, result in zip(rows, batch_results):
                    summary.add(result)
                    if report is not None:
                        report.add(result, lambda row=row: row.text(text_field)[0])
                    if result.keep:
                        record, raw = output_record(row, result, text_field)
                        out.write(record, raw)
                    elif reject_writer is not None:
                        reject_writer.write(reject_record(row, result))
                if on_progress is not None:
                    on_progress(len(rows))
        except BaseException:
            if reject_writer is not None:
                reject_writer.abort()
            raise
        if reject_writer is not None:
            reject_writer.close()
    summary.seconds = time.perf_counter() - started
    return summary
