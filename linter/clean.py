"""``copydesk clean IN OUT``: fix a corpus and drop what fails the quality gate.

Reads a JSONL, JSONL.gz or Parquet corpus record by record, applies the rules' fixes
(safe ones; unsafe ones too with ``--unsafe-fixes``) to each record's text field,
scores the fixed text with the quality signals (``linter.rules.support.quality``) and drops records
that fail the configured gates, writing them with their reasons and scores to
``--rejects``. Every other field of a record is kept; a JSONL record whose text did
not change is written back byte for byte. Output goes to a temporary file beside OUT,
moved over OUT at the end: an interrupted run leaves nothing behind, and a rerun
starts afresh. OUT may never be IN.

The library function is :func:`clean_file`; :class:`Cleaner` cleans one text and is
what the process pool and the Ray engine run in their workers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, deque
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable, Iterator

from linter.corpus import CorpusError, RecordWriter, Row, format_of, iter_rows, parquet_schema, same_file
from linter.diagnostic import Applicability
from linter.document import Document
from linter.engine import Linter
from linter.fixer import fix_until_stable
from linter.rules.support.quality import GATES, Gate, compute_signals, describe

# Records handed to a worker at a time, and chunks in flight per worker: enough to
# keep every core busy, few enough that memory stays flat on any input size.
CHUNK_RECORDS = 32
CHUNKS_IN_FLIGHT_PER_JOB = 4

# Drop reasons that are not quality gates.
UNREADABLE = "unreadable_record"
TIMEOUT = "timeout"
# Seconds one document may take (--time-limit; 0 for none).
DEFAULT_TIME_LIMIT = 60.0


class DocumentTimeout(BaseException):
    """Raised by the timer when one document takes longer than the time limit. A
    BaseException, so the engine's guard against a failing rule does not catch it."""


def _on_alarm(signum, frame):
    raise DocumentTimeout


class _TimeLimit:
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


# ---------------------------------------------------------------------- one document


@dataclass
class DocResult:
    """What cleaning did to one document."""

    doc_id: str
    text: str | None  # the fixed text (None: the record had no usable text)
    changed: bool = False
    reasons: list[str] = field(default_factory=list)  # gate names; empty means keep
    details: list[str] = field(default_factory=list)  # one line per reason
    scores: dict[str, Any] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)  # rule code -> count in the input text
    errors: list[str] = field(default_factory=list)  # rules that raised, and fix loops cut short

    @property
    def keep(self) -> bool:
        return not self.reasons


class Cleaner:
    """A configured linter, a fix level and a quality gate: cleans one text at a time.

    Picklable (the linter rebuilds its rules on unpickling), so a process pool or a
    Ray worker builds it once and reuses it for every document.
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

    def clean(self, doc_id: str, text: str | None, why_no_text: str | None = None) -> DocResult:
        if text is None:
            return DocResult(doc_id, None, reasons=[UNREADABLE], details=[why_no_text or "no text"])
        try:
            with _TimeLimit(getattr(self, "time_limit", DEFAULT_TIME_LIMIT)):
                return self._clean(doc_id, text)
        except DocumentTimeout:
            return DocResult(
                doc_id, None, reasons=[TIMEOUT],
                details=[f"took longer than the time limit of {self.time_limit:g} s (--time-limit)"],
            )

    def _clean(self, doc_id: str, text: str) -> DocResult:
        findings: Counter[str] = Counter()
        errors: list[str] = []
        first = True
        last: list[Document] = []

        def lint(current: str):
            nonlocal first
            doc = Document(current, doc_id=doc_id)
            last[:] = [doc]
            result = self.linter.lint(doc)
            if first:
                first = False
                findings.update(d.code for d in result.diagnostics)
                errors.extend(f"{e.code}: {e.error}" for e in result.errors)
            return result.diagnostics

        fixed = fix_until_stable(text, lint, self.level)
        if fixed.hit_cap:
            errors.append("fixes were still changing the text after the last pass; kept the last text")
        # The last document linted is the fixed text: its signals are already computed.
        final = last[0] if last and last[0].text == fixed.text else Document(fixed.text, doc_id=doc_id)
        scores = compute_signals(final)
        reasons = self.gate.decide(scores)
        return DocResult(
            doc_id,
            fixed.text,
            changed=fixed.text != text,
            reasons=reasons,
            details=[describe(r, scores, self.gate.thresholds) for r in reasons],
            scores=scores,
            findings=dict(sorted(findings.items())),
            errors=errors,
        )

    def clean_batch(self, items: list[tuple[str, str | None, str | None]]) -> list[DocResult]:
        return [self.clean(doc_id, text, why) for doc_id, text, why in items]


# --------------------------------------------------------------------- the summary


@dataclass
class Summary:
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

    def add(self, result: DocResult) -> None:
        self.read += 1
        self.findings_by_rule.update(result.findings)
        self.rule_errors += len(result.errors)
        for error in result.errors:
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


# ------------------------------------------------------------------ ordered pool map

_WORKER: Cleaner | None = None


def _init_worker(cleaner: Cleaner) -> None:
    global _WORKER
    _WORKER = cleaner


def _work(items):
    return _WORKER.clean_batch(items)


def ordered_chunk_map(
    func: Callable[[list], list],
    chunks: Iterable[tuple[Any, list]],
    jobs: int,
    initializer: Callable | None = None,
    initargs: tuple = (),
) -> Iterator[tuple[Any, list]]:
    """Map ``func`` over ``(tag, chunk)`` pairs in a process pool, yielding
    ``(tag, func(chunk))`` in input order.

    At most ``jobs * CHUNKS_IN_FLIGHT_PER_JOB`` chunks are read ahead (unlike
    ``Pool.imap``, which reads its whole input at once), so memory stays flat. With
    ``jobs == 1`` nothing is forked.
    """
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        for tag, chunk in chunks:
            yield tag, func(chunk)
        return
    import multiprocessing

    chunks = iter(chunks)
    if initializer is not None:
        initializer(*initargs)
    # The first chunk runs here: the data the rules load lazily (word lists, language
    # profiles) is then loaded once and shared with the forked workers.
    for tag, chunk in chunks:
        yield tag, func(chunk)
        break
    method = "fork" if sys.platform.startswith("linux") else None
    with multiprocessing.get_context(method).Pool(jobs, initializer=initializer, initargs=initargs) as pool:
        pending: deque = deque()
        limit = jobs * CHUNKS_IN_FLIGHT_PER_JOB
        for tag, chunk in chunks:
            pending.append((tag, pool.apply_async(func, (chunk,))))
            if len(pending) >= limit:
                done_tag, res = pending.popleft()
                yield done_tag, res.get()
        while pending:
            done_tag, res = pending.popleft()
            yield done_tag, res.get()


def _chunks(rows: Iterable[Row], text_field: str, id_field: str, size: int):
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


def reject_record(row: Row, result: DocResult) -> dict[str, Any]:
    """The rejects-file line for a dropped record: id, reasons, scores, the record."""
    out: dict[str, Any] = {
        "id": result.doc_id,
        "reasons": result.reasons,
        "details": result.details,
        "scores": result.scores,
    }
    if result.errors:
        out["errors"] = result.errors
    if row.record is not None:
        out["record"] = row.record
    else:
        out["line"] = row.index
        out["raw"] = (row.raw or b"").decode("utf-8", errors="replace").rstrip("\n")
    return out


def output_record(row: Row, result: DocResult, text_field: str) -> tuple[dict[str, Any], bytes | None]:
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
) -> Summary:
    """Clean the corpus ``src`` into ``dst`` (same formats as their names say).

    Returns the :class:`Summary`. Raises :class:`CorpusError` for unreadable input,
    output that would overwrite the input, or a write failure; nothing is left at
    ``dst`` or ``rejects`` in that case. ``report`` (a
    :class:`linter.report.clean_html.CleanReport`) is given every document's result.
    """
    cleaner = cleaner or Cleaner()
    if jobs is None:
        from linter.parallel import default_jobs

        jobs = default_jobs()
    jobs = max(1, jobs)
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

    summary = Summary(input=src, output=dst, rejects=rejects, jobs=jobs, engine=engine)
    started = time.perf_counter()
    chunks = _chunks(iter_rows(src), text_field, id_field, CHUNK_RECORDS)
    if engine == "ray":
        from linter.ray_engine import ray_chunk_map

        results = ray_chunk_map(cleaner, chunks, **(ray_options or {}))
    elif engine == "local":
        results = ordered_chunk_map(_work, chunks, jobs, _init_worker, (cleaner,))
    else:
        raise CorpusError(f"unknown engine {engine!r}; expected local or ray")

    with RecordWriter(dst, schema) as out:
        reject_writer = RecordWriter(rejects) if rejects else None
        try:
            for rows, batch_results in results:
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


# ------------------------------------------------------------------------ the CLI


def _selectors(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [s.strip() for v in values for s in v.split(",") if s.strip()]


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``clean`` on the CLI's subparsers; ``run`` is its handler."""
    p = subparsers.add_parser(
        "clean",
        help="fix a JSONL/Parquet corpus and drop documents that fail the quality gate",
        description=(
            "Read a corpus (.jsonl, .jsonl.gz or .parquet), apply fixes to each record's text, "
            "drop records that fail the quality gate ([tool.copydesk.quality]) and write the rest "
            "to OUT in the format its name says. OUT is written atomically and is never IN."
        ),
    )
    p.add_argument("input", metavar="IN", help="the corpus to read")
    p.add_argument("output", metavar="OUT", help="the cleaned corpus to write")
    p.add_argument("--text-field", default="text", help="the field holding the text (default: text)")
    p.add_argument("--id-field", default="id", help="the field holding the id (default: id; else the line number)")
    p.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes as well as safe ones")
    p.add_argument("--rejects", metavar="FILE", help="write dropped records with reasons and scores here (JSONL)")
    p.add_argument("--report", metavar="FILE", help="also write an HTML report of the run (counts, score histograms, samples)")
    p.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                   help=f"drop a record that takes longer than this as 'timeout' (default {DEFAULT_TIME_LIMIT:g}; 0: none)")
    p.add_argument("--select", action="append", metavar="RULES", help="run only these rules (codes, prefixes, names)")
    p.add_argument("--extend-select", action="append", metavar="RULES", help="run these rules as well")
    p.add_argument("--ignore", action="append", metavar="RULES", help="do not run these rules")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: found from IN upward)")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    p.add_argument("--engine", choices=("local", "ray"), default="local", help="local processes or a Ray cluster")
    p.add_argument("--ray-address", metavar="ADDR", help="Ray cluster to join (default: RAY_ADDRESS, else a local Ray)")
    p.add_argument("--no-progress", action="store_true", help="no progress line, even on a terminal")
    p.add_argument("--format-summary", choices=("text", "json"), default="text", help="summary format on stdout")
    p.set_defaults(func=run)
    return p


def build_cleaner(cfg, select=None, extend_select=(), ignore=(), unsafe: bool = False) -> Cleaner:
    """A Cleaner from a loaded :class:`linter.config.Config` and command-line selection.

    The quality thresholds of ``[tool.copydesk.quality]`` are also the options of the
    quality rules (QL...), so their findings and the gate agree; options set for a rule
    in ``[tool.copydesk.rules.QLxxx]`` win.
    """
    from linter.config import build_linter, selected_codes

    gate = Gate.from_config(dict(getattr(cfg, "quality", None) or {}), tuple(cfg.languages))
    linter = build_linter(cfg, selected_codes(cfg, select, extend_select, ignore))
    return Cleaner(linter, gate, unsafe=unsafe)


def quality_rule_options(codes: Iterable[str], gate: Gate) -> dict[str, dict[str, Any]]:
    """Options for the selected quality rules taken from the gate's thresholds."""
    from linter.registry import all_rules

    registry = all_rules()
    out: dict[str, dict[str, Any]] = {}
    for code in codes:
        cls = registry.get(code)
        if cls is None or str(cls.category) != "quality":
            continue
        opts = {k: getattr(gate.thresholds, k) for k in cls.options if k in GATES}
        if opts:
            out[code] = opts
    return out


def run(args: argparse.Namespace) -> int:
    """The ``clean`` subcommand: 0 on success, 2 when it cannot run."""
    from pathlib import Path

    from linter.config import ConfigError, load_config
    from linter.registry import SelectionError

    def fail(message: str) -> int:
        print(f"copydesk clean: error: {message}", file=sys.stderr)
        return 2

    if args.jobs is not None and args.jobs < 1:
        return fail(f"--jobs must be at least 1, got {args.jobs}")
    if not 0 <= args.time_limit < 1e9:
        return fail(f"--time-limit must be a number of seconds (0 for none), got {args.time_limit:g}")
    try:
        cfg = load_config(Path(args.config) if args.config else None, [args.input])
        cleaner = build_cleaner(
            cfg,
            _selectors(args.select),
            _selectors(args.extend_select) or (),
            _selectors(args.ignore) or (),
            unsafe=args.unsafe_fixes,
        )
        cleaner.time_limit = args.time_limit
    except (ConfigError, SelectionError) as exc:
        return fail(str(exc))
    except ValueError as exc:
        return fail(f"{cfg.label}: [quality]: {exc}" if "cfg" in locals() else str(exc))

    ray_options: dict[str, Any] = {}
    if args.engine == "ray":
        ray_options = {"address": args.ray_address, "num_cpus": args.jobs}
    report = page = None
    if args.report:
        for label, other in (("IN", args.input), ("OUT", args.output), ("--rejects", args.rejects)):
            if other and (same_file(args.report, other) or os.path.abspath(args.report) == os.path.abspath(other)):
                return fail(f"{args.report}: --report is the same file as {label}; give the report its own path")
        from linter.report.clean_html import CleanReport
        from linter.writer import AtomicFile, WriteError

        try:
            page = AtomicFile(args.report)  # opened now: a path that cannot be written fails before the run
        except WriteError as exc:
            return fail(str(exc))
        report = CleanReport(cleaner.gate, GATES)
    progress, finish = _progress(args.input, not args.no_progress)
    try:
        summary = clean_file(
            args.input,
            args.output,
            cleaner,
            text_field=args.text_field,
            id_field=args.id_field,
            rejects=args.rejects,
            jobs=args.jobs,
            engine=args.engine,
            ray_options=ray_options,
            on_progress=progress,
            report=report,
        )
    except CorpusError as exc:
        finish()
        _discard(page)
        return fail(str(exc))
    except ImportError as exc:
        finish()
        _discard(page)
        return fail(str(exc))
    except KeyboardInterrupt:
        finish()
        _discard(page)
        print("copydesk clean: interrupted; nothing was written", file=sys.stderr)
        return 130
    except BaseException:
        _discard(page)
        raise
    finish()
    if page is not None:
        try:
            page.fh.write(report.render(summary).encode("utf-8", errors="replace"))
            page.commit()
        except OSError as exc:
            page.discard()
            return fail(f"{args.report}: cannot write the report: {(exc.strerror or str(exc)).lower()}")
        except WriteError as exc:
            return fail(str(exc))
    if args.format_summary == "json":
        print(json.dumps(summary.to_dict(), indent=2))
    else:
        print(summary.render_text())
    return 0


def _discard(page) -> None:
    if page is not None:
        page.discard()


def count_records(path: str) -> int | None:
    """The number of records, when cheap to know (JSONL: newlines; Parquet: metadata)."""
    try:
        fmt = format_of(path)
        if fmt == "parquet":
            from linter.corpus import pyarrow_modules

            _, pq = pyarrow_modules()
            return pq.ParquetFile(path).metadata.num_rows
        if fmt == "jsonl":
            n = 0
            last = b"\n"
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    n += block.count(b"\n")
                    last = block[-1:]
            return n + (last != b"\n")
    except (OSError, ImportError, CorpusError):
        return None
    except Exception:  # a damaged Parquet footer: the reader will say so
        return None
    return None


def _progress(path: str, enabled: bool):
    """A progress callback (documents done) and its closer."""
    from linter.progress import Progress

    if not enabled or not sys.stderr.isatty():
        return None, lambda: None
    bar = Progress(count_records(path), "documents")
    return bar.update, bar.close
