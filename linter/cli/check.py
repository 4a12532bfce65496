"""``copydesk check``, one step a function: the command line to a request (arguments
checked, configuration loaded, rules selected), the request to a plan and targets,
the run (results in input order, see :mod:`linter.cli.check_report` for what is made
of them), and the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from typing import Any, Iterator

from linter.cli.check_report import CheckReport, excluded_note
from linter.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError, error, plural


@dataclass
class CheckRequest:
    """What ``check`` was asked to do, validated."""

    args: argparse.Namespace
    paths: list[str]
    cfg: Any  # linter.config.Config
    codes: list[str]
    fail_on: Any  # linter.diagnostic.Severity
    mode: str  # check | fix | diff


def cmd_check(args: argparse.Namespace) -> int:
    request = check_request(args)
    if args.show_settings:
        from linter.cli.settings import show_settings

        return show_settings(args, request.cfg, request.codes)
    plan = check_plan(request)
    baseline = BaselineFilter(args)
    targets, path_errors, excluded = gather_targets(request)
    if args.show_files:
        for t in targets:
            print(t.path)
        return EXIT_ERROR if path_errors else EXIT_OK
    if request.mode != "check":
        records = [t.path for t in targets if t.is_records]
        if records:
            raise UsageError(
                f"{records[0]}: --fix and --diff do not rewrite record files; check them without --fix"
            )
    if not targets:
        if path_errors:
            return EXIT_ERROR
        # Every file named was excluded (a pre-commit hook touching only excluded
        # files): nothing failed, but say so rather than print nothing.
        if not args.quiet:
            print(f"copydesk: {excluded_note(excluded)}; nothing to check", file=sys.stderr)
        return EXIT_OK
    report = CheckReport(request, targets, path_errors, excluded)
    run_check(request, plan, targets, report, baseline)
    if baseline.recorded is not None and not report.had_error:
        baseline.write(args.write_baseline, args.quiet)
        return EXIT_OK
    return exit_code(request, report)


# ------------------------------------------------------------------------- request


def check_request(args: argparse.Namespace) -> CheckRequest:
    """The arguments checked against each other, the configuration loaded and the
    rules selected; a UsageError (or ConfigError) says what is wrong."""
    from pathlib import Path

    from linter.config import load_config, selected_codes
    from linter.diagnostic import Severity
    from linter.registry import SelectionError
    from linter.report import FORMAT_ALIASES

    args.format = FORMAT_ALIASES.get(args.format, args.format)
    if args.fix_only:
        if args.diff:
            raise UsageError("--fix-only and --diff cannot be combined: --diff writes nothing")
        args.fix = True
    paths = args.paths or ["."]
    if paths.count("-") > 1:
        raise UsageError("stdin (-) can be given only once")
    if args.jobs is not None and args.jobs < 0:
        raise UsageError(f"--jobs must be 0 (all cores) or more, got {args.jobs}")
    if args.statistics and args.format not in ("text", "json"):
        raise UsageError("--statistics works with --format text or json")

    cfg = load_config(Path(args.config) if args.config else None, paths)
    try:
        codes = selected_codes(cfg, args.select, args.extend_select, args.ignore)
    except SelectionError as exc:
        raise UsageError(f"rule selection: {exc}") from None
    if not codes:
        raise UsageError("no rules selected; check --select/--ignore and the configuration's select/ignore")
    fail_on = Severity.parse(args.fail_on) if args.fail_on else cfg.fail_on
    mode = "diff" if args.diff else "fix" if args.fix else "check"
    return CheckRequest(args, paths, cfg, codes, fail_on, mode)


def check_plan(request: CheckRequest):
    """What every document's check needs: a :class:`linter.run.check.Plan`."""
    from linter.config import records_only_codes
    from linter.diagnostic import Applicability
    from linter.run.check import Plan

    args, cfg, codes = request.args, request.cfg, request.codes
    return Plan(
        config=cfg,
        codes=codes,
        mode=request.mode,
        min_applicability=Applicability.UNSAFE if args.unsafe_fixes else Applicability.SAFE,
        text_field=args.text_field,
        id_field=args.id_field,
        statistics=args.statistics,
        fingerprints=args.format in ("gitlab", "sarif") or bool(args.baseline or args.write_baseline),
        keep_text=args.format == "html",
        records_only=records_only_codes(cfg, codes, args.select, args.extend_select),
    )


def gather_targets(request: CheckRequest):
    """The paths expanded into targets; each path that cannot be checked is reported
    at once. Returns (targets, the path errors, the files ``--force-exclude`` left out)."""
    from linter.sources import collect

    args = request.args
    excluded: list[str] = []
    targets, path_errors = collect(
        request.paths, request.cfg, args.stdin_filename, force_exclude=args.force_exclude, excluded=excluded
    )
    for message in path_errors:
        error(message)
    return targets, path_errors, excluded


class BaselineFilter:
    """``--baseline FILE``: only the findings not recorded in FILE are reported (and
    fail the run); ``--write-baseline FILE``: every finding is recorded in FILE."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.known: set[str] | None = None
        self.recorded: list[dict] | None = [] if args.write_baseline else None
        if args.baseline:
            from linter import baseline

            try:
                self.known = baseline.load(args.baseline)
            except baseline.BaselineError as exc:
                raise UsageError(str(exc)) from None

    def apply(self, result) -> None:
        """Record ``result``'s findings, or drop those the baseline knows."""
        if result.fingerprints is None or (self.recorded is None and self.known is None):
            return
        from linter import baseline
        from linter.fingerprint import unique

        if self.recorded is not None:
            self.recorded.extend(baseline.entries(result.diagnostics, result.fingerprints))
        if self.known is not None:
            keep = baseline.new_findings(result.fingerprints, self.known)
            result.diagnostics = [result.diagnostics[i] for i in keep]
            prints = unique(result.fingerprints)
            result.fingerprints = [prints[i] for i in keep]

    def write(self, path: str, quiet: bool) -> None:
        from linter import baseline

        try:
            baseline.write(path, self.recorded)
        except baseline.BaselineError as exc:
            raise UsageError(str(exc)) from None
        if not quiet:
            print(f"copydesk: recorded {plural(len(self.recorded), 'finding')} in {path}", file=sys.stderr)


# ----------------------------------------------------------------------------- run


def run_check(request: CheckRequest, plan, targets: list, report: CheckReport, baseline: BaselineFilter) -> None:
    """Check every target, in input order, handing each result to ``report``."""
    from linter.executor import Executor, default_jobs, make_backend
    from linter.progress import Progress

    args = request.args
    jobs = default_jobs() if not args.jobs else args.jobs
    file_count = sum(1 for t in targets if not t.is_records and t.fs_path is not None)
    has_records = any(t.is_records for t in targets)
    progress = Progress(
        None if has_records else file_count,
        "docs" if has_records else "files",
        enabled=False if (args.no_progress or args.quiet) else None,
    )
    if has_records and all(t.is_records for t in targets):
        progress.bytes_total = sum(_size(t.fs_path) for t in targets)
    try:
        with Executor(plan, make_backend("processes", jobs)) as executor:
            report.before_message = progress.close  # a message on stderr: the progress line gives way
            report.begin()
            for result in _results(plan, executor, targets, progress):
                progress.update()
                if not result.error:
                    baseline.apply(result)
                report.add(result)
            progress.close()
            report.end()
    finally:
        progress.close()
        report.close()


def _results(plan, executor, targets: list, progress) -> Iterator:
    """The results of ``targets`` in their order: consecutive files go to the executor
    together; record files stream their records; stdin is read here."""
    from linter.report import DocumentResult
    from linter.run.check import check_record_stream, check_targets
    from linter.sources import SourceError, iter_records

    chunk = []
    for t in targets:
        if t.fs_path is not None and not t.is_records:
            chunk.append(t)
            continue
        if chunk:
            yield from check_targets(executor, chunk)
            chunk = []
        if t.is_records:
            base = progress.bytes_done

            def on_bytes(n: int, base: int = base) -> None:
                progress.bytes_done = base + n

            try:
                records = iter_records(t, plan.text_field, plan.id_field, on_bytes)
                yield from check_record_stream(executor, t, records)
            except SourceError as exc:
                yield DocumentResult(path=t.path, error=str(exc))
        else:
            yield _check_stdin(plan, t)
    if chunk:
        yield from check_targets(executor, chunk)


def _check_stdin(plan, target):
    from linter.run.check import check_text
    from linter.report import DocumentResult
    from linter.sources import SourceError, decode_checked

    if sys.stdin is None:
        return DocumentResult(path=target.path, error="stdin: closed; nothing to read (pipe text in, or name files)")
    try:
        data = sys.stdin.buffer.read()
        source = decode_checked(data, target.path if target.path != "-" else "stdin")
    except SourceError as exc:
        return DocumentResult(path=target.path, error=str(exc))
    except OSError as exc:
        return DocumentResult(path=target.path, error=f"stdin: cannot read: {exc}")
    result = check_text(plan, source.text, target.path, target.kind, bom=source.bom)
    result.bom = source.bom  # type: ignore[attr-defined]
    return result


def _size(path: str | None) -> int:
    try:
        return os.path.getsize(path) if path else 0
    except OSError:
        return 0


# ----------------------------------------------------------------------- exit code


def exit_code(request: CheckRequest, report: CheckReport) -> int:
    """0 nothing at or above the failing severity, 1 findings (or, with ``--diff``,
    changes to make; with ``--exit-non-zero-on-fix``, a fix made), 2 an error."""
    args = request.args
    if report.had_error:
        return EXIT_ERROR
    if request.mode == "diff":
        return EXIT_FINDINGS if report.changes else EXIT_OK
    if args.exit_non_zero_on_fix and report.changes:
        return EXIT_FINDINGS
    if args.exit_zero or args.fix_only:
        return EXIT_OK
    return EXIT_FINDINGS if report.failing else EXIT_OK
