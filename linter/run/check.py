"""The check run: what ``copydesk check`` (and the language server) does to each
document, and the tasks it gives :mod:`linter.executor`.

A :class:`Plan` (the configuration, the rule selection and what to do: check, fix or
diff) is the executor's state, sent to each worker once; the tasks are batches of
files or of records, and the executor yields their results in input order, so
``--jobs N`` prints the same as ``--jobs 1``.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, TypeVar

from linter.config import Config, build_linter
from linter.diagnostic import Applicability
from linter.document import Document
from linter.executor import Executor
from linter.report import DocumentResult
from linter.sources import Record, SourceError, Target, read_text_file

T = TypeVar("T")

# Below these sizes a process pool costs more than it saves.
MIN_POOL_BYTES = 256_000
MIN_POOL_FILES = 4
RECORD_BATCH = 64
FILE_BATCH = 16


@dataclass
class Plan:
    config: Config
    codes: list[str]
    mode: str = "check"  # check | fix | diff
    min_applicability: Applicability = Applicability.SAFE
    text_field: str = "text"
    id_field: str = "id"
    statistics: bool = False  # also collect each document's name spellings
    fingerprints: bool = False  # also fingerprint each finding (GitLab Code Quality)
    keep_text: bool = False  # also return each document's text (the HTML report)
    # Rules run on record files only (see linter.config.records_only_codes).
    records_only: frozenset[str] = frozenset()
    _linters: dict[frozenset, Any] = field(default_factory=dict, repr=False)
    _last_path: tuple | None = field(default=None, repr=False)
    _last_linter: Any = field(default=None, repr=False)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_linters"] = {}
        state["_last_path"] = state["_last_linter"] = None
        return state

    def linter_for(self, path: str | None, record: bool = False):
        """The linter for ``path``: the selection minus its ``per-file-ignores`` (and,
        for a text or Markdown file, minus the rules that run on records only)."""
        key = (path, record)
        if key == self._last_path and self._last_linter is not None:
            return self._last_linter  # the records of one file share their linter
        linter = self._linter_for(path, record)
        self._last_path, self._last_linter = key, linter
        return linter

    def _linter_for(self, path: str | None, record: bool = False):
        self.config.install_rules()
        ignored: frozenset[str] = frozenset() if record else self.records_only & set(self.codes)
        selectors = self.config.ignores_for(path)
        if selectors:
            from linter.registry import resolve

            codes: set[str] = set()
            for s in selectors:
                codes |= resolve(s)
            ignored = ignored | frozenset(codes & set(self.codes))
        linter = self._linters.get(ignored)
        if linter is None:
            linter = build_linter(self.config, [c for c in self.codes if c not in ignored])
            self._linters[ignored] = linter
        return linter

    @property
    def max_bytes(self) -> int:
        return int(self.config.max_file_size_mb * 1_000_000)


# ---------------------------------------------------------------------- the work


def unified_diff(path: str, before: str, after: str) -> str:
    out = []
    for line in difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=path, tofile=path
    ):
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


def check_text(
    plan: Plan,
    text: str,
    path: str,
    kind: str = "text",
    doc_id: str | None = None,
    *,
    bom: bool = False,
    fs_path: str | None = None,
    stop: Callable[[], bool] | None = None,
) -> DocumentResult:
    """Check (or fix, or diff) one document's text. Writes only in fix mode, only a
    changed file, and only through :mod:`linter.writer`. ``stop`` is passed to
    :meth:`linter.engine.Linter.lint` (checking only)."""
    result = DocumentResult(path=path, doc_id=doc_id, empty=not text)
    linter = plan.linter_for(path, record=doc_id is not None)
    doc = _document(text, path, kind, doc_id, bom)
    if plan.mode in ("fix", "diff"):
        fixed = linter.fix(doc, plan.min_applicability)
        result.hit_cap = fixed.hit_cap
        result.fixed = len(fixed.applied)
        if fixed.applied:
            from collections import Counter

            result.fixed_codes = Counter(d.code for d in fixed.applied)
        result.changed = fixed.text != text
        if plan.mode == "diff":
            if result.changed:
                result.diff = unified_diff(path, text, fixed.text)
            return result
        if result.changed:
            if fs_path is not None:
                from linter.writer import WriteError, write_text_atomic

                try:
                    write_text_atomic(fs_path, fixed.text, bom=bom, original=text)
                except WriteError as exc:
                    result.error = str(exc)
                    result.changed = False
                    result.fixed = 0
                    result.fixed_codes = None
                    return result
            else:
                result.fixed_text = fixed.text
            doc = _document(fixed.text, path, kind, doc_id, bom)
        elif fs_path is None:
            result.fixed_text = text
    linted = linter.lint(doc, stop)
    result.diagnostics = linted.diagnostics
    where = path + (f":{doc_id}" if doc_id is not None else "")
    result.rule_errors = [
        f"internal error in rule {e.code} on {where}: {e.error}; please report it"
        if e.internal
        else f"{where}: {e.error}"
        for e in linted.errors
    ]
    result.source_lines = {d.line: doc.line_text(d.line) for d in linted.diagnostics}
    if plan.keep_text:
        result.text = doc.text
    if plan.fingerprints:
        from linter.fingerprint import fingerprints

        result.fingerprints = fingerprints(doc.text, linted.diagnostics)
    if plan.statistics:
        from linter.rules.support.names import collect_mentions

        result.names = collect_mentions(doc)
    return result


def _document(text: str, path: str, kind: str, doc_id: str | None, bom: bool) -> Document:
    return Document(text, path, kind="markdown" if kind == "markdown" else "text", doc_id=doc_id, bom=bom)


def check_target(plan: Plan, target: Target) -> DocumentResult:
    """Read and check one file."""
    try:
        source = read_text_file(target.fs_path or target.path, plan.max_bytes, target.path)
    except SourceError as exc:
        return DocumentResult(path=target.path, error=str(exc))
    return check_text(plan, source.text, target.path, target.kind, bom=source.bom, fs_path=target.fs_path)


def check_records(plan: Plan, path: str, records: list[Record]) -> list[DocumentResult]:
    out = []
    for rec in records:
        if rec.error is not None:
            out.append(DocumentResult(path=path, doc_id=rec.doc_id, error=f"{path}: {rec.error}"))
        else:
            out.append(check_text(plan, rec.text or "", path, "text", rec.doc_id))
    return out


# ------------------------------------------------------------ through the executor


def check_file_batch(plan: Plan, targets: list[Target]) -> list[DocumentResult]:
    """The executor's task for files: read and check each of a batch."""
    return [check_target(plan, t) for t in targets]


def check_record_batch(plan: Plan, item: tuple[str, list[Record]]) -> list[DocumentResult]:
    """The executor's task for records: check a batch of one record file's records."""
    return check_records(plan, item[0], item[1])


def check_targets(executor: Executor, targets: list[Target]) -> Iterator[DocumentResult]:
    """Check files in order, sent to the executor's workers when there are enough."""
    plan, jobs = executor.state, executor.backend.workers
    parallel = jobs > 1 and len(targets) >= MIN_POOL_FILES and _total_size(targets) >= MIN_POOL_BYTES
    if not parallel:
        for t in targets:
            yield check_target(plan, t)
        return
    # Small files go to the workers in batches: one task per file costs about as
    # much in the parent (pickling, queues, wake-ups) as checking a short article.
    size = _file_batch_size(len(targets), jobs)
    for results in executor.map(check_file_batch, _batched(targets, size)):
        yield from results


def check_record_stream(executor: Executor, target: Target, records: Iterable[Record]) -> Iterator[DocumentResult]:
    """Check a record file's records in order, in batches (in this process when the
    file is small)."""
    parallel = executor.backend.workers > 1 and _total_size([target]) >= MIN_POOL_BYTES * 4
    batches = ((target.path, batch) for batch in _batched(records, RECORD_BATCH))
    for results in executor.map(check_record_batch, batches, parallel):
        yield from results


def _file_batch_size(files: int, jobs: int) -> int:
    """Files per work item: enough to amortise the per-item cost, few enough that every
    worker gets many items (so the last ones finish together)."""
    return max(1, min(FILE_BATCH, files // (jobs * 16)))


def _batched(items: Iterable[T], n: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch


def _total_size(targets: list[Target]) -> int:
    total = 0
    for t in targets:
        try:
            total += os.path.getsize(t.fs_path or t.path)
        except OSError:
            pass
    return total

