"""The ``copydesk clean`` subcommand: its options, and the run they ask for
(:func:`linter.run.clean.clean_file`) with its progress line, report and summary."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from linter.clean import build_cleaner
from linter.config import DEFAULT_TIME_LIMIT
from linter.corpus import CorpusError, format_of, same_file
from linter.errors import reason
from linter.rules.support.quality import GATES
from linter.run.clean import clean_file


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
    p.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                   help="drop a record that takes longer than this as 'timeout' (default: time-limit in the "
                        f"configuration, else {DEFAULT_TIME_LIMIT:g}; 0: none)")
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
    if args.time_limit is not None and not 0 <= args.time_limit < 1e9:
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
        if args.time_limit is not None:
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
            return fail(f"{args.report}: cannot write the report: {reason(exc)}")
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
