"""The ``copydesk`` command line: ``check``, ``rules``, ``rule`` (and ``clean`` where
the corpus tools are installed).

Exit codes: 0 nothing at or above the failing severity, 1 findings (or, with
``--diff``, changes to make), 2 a usage, configuration or I/O error. Errors are one
line on stderr naming the file, key or code at fault; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from typing import Sequence, TextIO

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("info", "warning", "error")


class UsageError(Exception):
    """A bad command line; the message says what to do."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, no usage dump
        raise UsageError(f"{message} (see `{self.prog} --help`)")


# --------------------------------------------------------------------------- parser


def _csv(value: str) -> list[str]:
    return [s.strip() for s in value.split(",") if s.strip()]


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    from linter import __version__
    from linter.report import FORMAT_ALIASES, FORMATS

    parser = _Parser(
        prog="copydesk",
        description="A text-quality and data-cleaning linter for article text.",
    )
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser(
        "check",
        help="check files, directories, stdin or record files",
        description="Check .txt and .md files (directories recursively), stdin (-) or "
        ".jsonl/.jsonl.gz/.parquet record files named explicitly.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .); - for stdin")
    out = check.add_argument_group("output")
    out.add_argument(
        "--output-format", "--format", dest="format", choices=FORMATS + tuple(FORMAT_ALIASES), default="text",
        metavar="FORMAT", help=f"output format: {', '.join(FORMATS)} (json-lines: jsonl; default: text)",
    )
    out.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    out.add_argument("--statistics", action="store_true", help="show counts per rule instead of each finding")
    out.add_argument("--show-fixes", action="store_true", help="with --fix, list the fixes applied, per file and rule")
    out.add_argument("--show-files", action="store_true", help="list the files that would be checked, and stop")
    out.add_argument("--show-settings", action="store_true", help="show the resolved settings and where each came from, and stop")
    out.add_argument("-q", "--quiet", action="store_true", help="print findings only: no summary, no warnings")
    out.add_argument("--no-progress", action="store_true", help="never show the progress line")
    sel = check.add_argument_group("rule selection")
    sel.add_argument("--select", type=_csv, metavar="RULES", help="run only these rules (codes, prefixes, names, categories or ALL)")
    sel.add_argument("--extend-select", type=_csv, default=[], metavar="RULES", help="add rules to the selection")
    sel.add_argument("--ignore", type=_csv, default=[], metavar="RULES", help="remove rules from the selection")
    fix = check.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes, writing the files in place")
    fix.add_argument("--unsafe-fixes", action="store_true", help="also apply (or count) unsafe fixes")
    fix.add_argument("--diff", action="store_true", help="show the fixes as a unified diff; write nothing")
    fix.add_argument("--fix-only", action="store_true", help="apply fixes (as --fix) but do not report or fail on what is left")
    fix.add_argument("--exit-non-zero-on-fix", action="store_true", help="exit 1 when a fix was made, even if nothing is left")
    run = check.add_argument_group("run")
    run.add_argument("--config", metavar="FILE", help="use this copydesk.toml or pyproject.toml")
    run.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails the run (default: warning)")
    run.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    run.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: all cores)")
    run.add_argument("--stdin-filename", metavar="NAME", help="the name of the text read from stdin (for messages, .md, per-file-ignores)")
    run.add_argument("--baseline", metavar="FILE", help="report (and fail on) only findings not recorded in FILE")
    run.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE (then exit 0 unless a run error)")
    run.add_argument("--force-exclude", action="store_true", help="apply exclude/extend-exclude to files named on the command line too (for pre-commit)")
    rec = check.add_argument_group("record files (.jsonl, .jsonl.gz, .parquet)")
    rec.add_argument("--text-field", default="text", metavar="FIELD", help="the field holding the text (default: text)")
    rec.add_argument("--id-field", default="id", metavar="FIELD", help="the field holding the id (default: id; else the line number)")
    check.set_defaults(func=cmd_check)

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--output-format", "--format", dest="format", choices=("text", "json"), default="text")
    rules.add_argument("--config", metavar="FILE", help="use this copydesk.toml or pyproject.toml (its house styles are listed too)")
    rules.set_defaults(func=cmd_rules)

    rule = sub.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("rule", metavar="CODE", help="a rule code or name (or a prefix or category)")
    rule.add_argument("--config", metavar="FILE", help="use this copydesk.toml or pyproject.toml (for its house-style rules)")
    rule.set_defaults(func=cmd_rule)

    server = sub.add_parser(
        "server", help="run the language server on stdio (for editors; needs copydesk[server])"
    )
    server.set_defaults(func=cmd_server)

    if _wants_clean(argv):
        try:
            import linter.clean as clean  # type: ignore[import-not-found]
        except ImportError:
            clean = None
        if clean is not None:
            clean.add_parser(sub)
    return parser


def _wants_clean(argv: Sequence[str]) -> bool:
    """Whether to register ``clean``: when it is the command, or for top-level help.
    (Importing the corpus tools costs start-up time that ``check`` does not need.)"""
    command = next((a for a in argv if not a.startswith("-")), None)
    if command is None or command == "clean":
        import importlib.util

        try:
            return importlib.util.find_spec("linter.clean") is not None
        except (ImportError, ValueError):
            return False
    return False


# ----------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (never raises for user errors)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_ERROR)
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")  # silence the flush at exit
        except OSError:
            pass
        return EXIT_FINDINGS
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        from linter.config import ConfigError
        from linter.registry import SelectionError
        from linter.sources import SourceError
        from linter.writer import WriteError

        if isinstance(exc, (UsageError, ConfigError, SelectionError, SourceError, WriteError)):
            _error(str(exc))
            return EXIT_ERROR
        if os.environ.get("COPYDESK_DEBUG"):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (rerun with COPYDESK_DEBUG=1 for a traceback, and please report it)")
        return EXIT_ERROR


def _error(message: str) -> None:
    print(f"copydesk: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"copydesk: warning: {message}", file=sys.stderr)


def _main(argv: list[str]) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    return args.func(args)


# ---------------------------------------------------------------------------- check


def cmd_check(args: argparse.Namespace) -> int:
    from pathlib import Path

    from linter.config import load_config, records_only_codes, selected_codes
    from linter.diagnostic import Applicability, Severity
    from linter.parallel import Plan, Runner, default_jobs
    from linter.progress import Progress
    from linter.registry import SelectionError
    from linter.report import FORMAT_ALIASES, DocumentResult, Summary, make_reporter
    from linter.sources import SourceError, collect, iter_records
    from linter.writer import encode

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
    if args.show_settings:
        return _show_settings(args, cfg, codes)
    mode = "diff" if args.diff else "fix" if args.fix else "check"
    plan = Plan(
        config=cfg,
        codes=codes,
        mode=mode,
        min_applicability=Applicability.UNSAFE if args.unsafe_fixes else Applicability.SAFE,
        text_field=args.text_field,
        id_field=args.id_field,
        statistics=args.statistics,
        fingerprints=args.format in ("gitlab", "sarif") or bool(args.baseline or args.write_baseline),
        keep_text=args.format == "html",
        records_only=records_only_codes(cfg, codes, args.select, args.extend_select),
    )

    known: set[str] | None = None
    recorded: list[dict] | None = [] if args.write_baseline else None
    if args.baseline or args.write_baseline:
        from linter import baseline
        from linter.fingerprint import unique as unique_fingerprints

        if args.baseline:
            try:
                known = baseline.load(args.baseline)
            except baseline.BaselineError as exc:
                raise UsageError(str(exc)) from None

    excluded: list[str] = []
    targets, path_errors = collect(
        paths, cfg, args.stdin_filename, force_exclude=args.force_exclude, excluded=excluded
    )
    had_error = bool(path_errors)
    for message in path_errors:
        _error(message)
    if args.show_files:
        for t in targets:
            print(t.path)
        return EXIT_ERROR if had_error else EXIT_OK
    if mode != "check":
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
            print(f"copydesk: {_excluded_note(excluded)}; nothing to check", file=sys.stderr)
        return EXIT_OK

    stdin_target = next((t for t in targets if t.fs_path is None), None)
    fixed_stdout = mode == "fix" and stdin_target is not None
    # With stdin and --fix, stdout carries the fixed text; the report goes to stderr.
    out: TextIO
    if args.output:
        try:
            out = open(args.output, "w", encoding="utf-8", errors="backslashreplace", newline="\n")
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write the report: {(exc.strerror or str(exc)).lower()}") from None
    else:
        out = sys.stderr if fixed_stdout else sys.stdout
    color = (
        args.format == "text"
        and not args.output
        and "NO_COLOR" not in os.environ
        and bool(getattr(out, "isatty", lambda: False)())
    )
    if args.statistics and args.format == "json":
        reporter = None
    elif mode == "diff" or args.fix_only:
        reporter = None
    else:
        options = {}
        if args.format == "concise":
            options = dict(fix_mode=mode == "fix", unsafe_fixes=args.unsafe_fixes, quiet=args.quiet)
        if args.format == "html":
            options = dict(paths=paths, fix_mode=mode == "fix")
        if args.format == "text":
            options = dict(
                color=color,
                statistics=args.statistics,
                fix_mode=mode == "fix",
                unsafe_fixes=args.unsafe_fixes,
                quiet=args.quiet,
            )
        reporter = make_reporter(args.format, **options)

    summary = Summary(excluded=len(excluded))
    tally = None
    if args.statistics:
        from linter.rules.support.names import NameTally

        tally = NameTally()
    failing = 0
    changes = 0
    fixes_by_path: dict[str, Counter] = {}
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

    def results():
        chunk = []
        for t in targets:
            if t.fs_path is not None and not t.is_records:
                chunk.append(t)
                continue
            if chunk:
                yield from runner.check_targets(chunk)
                chunk = []
            if t.is_records:
                base = progress.bytes_done

                def on_bytes(n: int, base: int = base) -> None:
                    progress.bytes_done = base + n

                try:
                    records = iter_records(t, args.text_field, args.id_field, on_bytes)
                    yield from runner.check_record_stream(t, records)
                except SourceError as exc:
                    yield DocumentResult(path=t.path, error=str(exc))
            else:
                yield _check_stdin(plan, t)
        if chunk:
            yield from runner.check_targets(chunk)

    try:
        with Runner(plan, jobs) as runner:
            if reporter is not None:
                out.write(reporter.begin())
                for message in path_errors:
                    reporter.error(message)
            for result in results():
                progress.update()
                if result.error:
                    had_error = True
                    summary.errors += 1
                    progress.close()
                    _error(result.error)
                    if reporter is not None:
                        reporter.error(result.error)
                    continue
                for message in result.rule_errors:  # the rule's bug: exit 2 at the end
                    had_error = True
                    progress.close()
                    print(f"copydesk: {message}", file=sys.stderr)
                    if reporter is not None:
                        reporter.error(message)
                if result.fingerprints is not None and (recorded is not None or known is not None):
                    if recorded is not None:
                        recorded.extend(baseline.entries(result.diagnostics, result.fingerprints))
                    if known is not None:
                        keep = baseline.new_findings(result.fingerprints, known)
                        result.diagnostics = [result.diagnostics[i] for i in keep]
                        prints = unique_fingerprints(result.fingerprints)
                        result.fingerprints = [prints[i] for i in keep]
                if result.hit_cap and not args.quiet:
                    progress.close()
                    _warn(
                        f"{result.path}: fixes were still changing the text after the pass limit; "
                        "some fixes conflict, so the file may not be fully fixed"
                    )
                summary.add(result)
                if tally is not None and result.names:
                    tally.add(result.names)
                failing += sum(1 for d in result.diagnostics if d.severity >= fail_on)
                if mode == "diff":
                    if result.diff:
                        changes += 1
                        out.write(result.diff)
                    continue
                if result.changed:
                    changes += 1
                if result.fixed_codes:
                    fixes_by_path.setdefault(result.path, Counter()).update(result.fixed_codes)
                if fixed_stdout and result.fixed_text is not None:
                    sys.stdout.flush()
                    sys.stdout.buffer.write(encode(result.fixed_text, getattr(result, "bom", False)))
                    sys.stdout.flush()
                if reporter is not None:
                    out.write(reporter.document(result))
            progress.close()
            if args.fix_only:
                if not args.quiet:
                    print(_fixed_line(summary.fixed, changes), file=sys.stderr)
            elif mode == "diff":
                if not args.quiet:
                    what = f"Would fix {summary.fixed} finding{'s' if summary.fixed != 1 else ''}"
                    print(f"{what} in {changes} file{'s' if changes != 1 else ''}." if summary.fixed else "No fixes available.", file=sys.stderr)
            elif reporter is not None:
                if tally is not None and summary.documents >= 2:
                    summary.name_groups = _name_groups(tally)
                out.write(reporter.end(summary))
            elif args.statistics:  # --statistics --format json
                import json

                stats = [
                    {
                        "code": code,
                        "name": summary.names.get(code, ""),
                        "count": count,
                        "fixable": summary.fixable_by_rule.get(code, 0),
                    }
                    for code, count in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
                ]
                names = _name_groups(tally) if tally is not None and summary.documents >= 2 else []
                report = {"rules": stats, "names": names, "summary": summary.to_dict()}
                out.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
            if args.show_fixes and mode == "fix":
                listing = _fixes_listing(fixes_by_path)
                (out if args.format == "text" and not args.fix_only and not fixed_stdout else sys.stderr).write(listing)
    finally:
        progress.close()
        if args.output:
            out.close()
        else:
            out.flush()

    if recorded is not None and not had_error:
        try:
            baseline.write(args.write_baseline, recorded)
        except baseline.BaselineError as exc:
            raise UsageError(str(exc)) from None
        if not args.quiet:
            n = len(recorded)
            print(f"copydesk: recorded {n} finding{'s' if n != 1 else ''} in {args.write_baseline}", file=sys.stderr)
        return EXIT_OK
    if had_error:
        return EXIT_ERROR
    if mode == "diff":
        return EXIT_FINDINGS if changes else EXIT_OK
    if args.exit_non_zero_on_fix and changes:
        return EXIT_FINDINGS
    if args.exit_zero or args.fix_only:
        return EXIT_OK
    return EXIT_FINDINGS if failing else EXIT_OK


def _fixed_line(fixed: int, files: int) -> str:
    if not fixed:
        return "No fixes applied."
    return f"Fixed {fixed} finding{'s' if fixed != 1 else ''} in {files} file{'s' if files != 1 else ''}."


def _fixes_listing(fixes_by_path: dict[str, "Counter"]) -> str:
    """``--show-fixes``: the fixes applied, per file and rule (as ruff lists them)."""
    from linter.registry import all_rules

    names = {code: cls.name for code, cls in all_rules().items()}
    if not fixes_by_path:
        return "No fixes applied.\n"
    total = sum(sum(c.values()) for c in fixes_by_path.values())
    lines = [f"Fixed {total} finding{'s' if total != 1 else ''}:"]
    for path in sorted(fixes_by_path):
        lines.append(f"- {path}:")
        for code, n in sorted(fixes_by_path[path].items(), key=lambda kv: (-kv[1], kv[0])):
            name = names.get(code)
            lines.append(f"    {n} \u00d7 {code}" + (f" ({name})" if name else ""))
    return "\n".join(lines) + "\n"


def _show_settings(args: argparse.Namespace, cfg, codes: list[str]) -> int:
    """``--show-settings``: every setting as resolved, with where it came from."""
    import json

    from linter.config import describe_settings

    cli = {
        "select": args.select,
        "extend-select": args.extend_select,
        "ignore": args.ignore,
        "fail-on": args.fail_on,
    }
    rows = describe_settings(cfg, cli)
    # Settings of the command line alone: (value, default).
    command_line = {
        "output-format": (args.format, "text"),
        "unsafe-fixes": (args.unsafe_fixes, False),
        "force-exclude": (args.force_exclude, False),
        "jobs": (args.jobs or 0, 0),
    }
    for key, (value, default) in command_line.items():
        rows[key] = {"value": value, "source": "default" if value == default else "command line"}
    if args.format == "json":
        doc = {
            "configuration": str(cfg.path) if cfg.path else None,
            "settings": rows,
            "rules": codes,
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False, default=str))
        return EXIT_OK
    print(f"configuration file: {cfg.path or 'none (defaults)'}")
    width = max(len(k) for k in rows) + 1
    for key, row in rows.items():
        value = json.dumps(row["value"], ensure_ascii=False, default=str)
        print(f"{key.ljust(width)}= {value}  # {row['source']}")
    print(f"rules run ({len(codes)}): {', '.join(codes)}")
    return EXIT_OK


def _excluded_note(excluded: list[str]) -> str:
    n = len(excluded)
    return f"{n} file{'s' if n != 1 else ''} excluded by the configuration (--force-exclude)"


def _name_groups(tally) -> list[dict]:
    """Entities spelled differently in different documents.

    Every spelling takes part, even one found in a single document: a run is often a
    handful of articles, and the kinds compared (case, diacritics, spacing) are the
    ones that stay precise across unrelated documents."""
    from linter.rules.support.names import cross_document_report

    return cross_document_report(tally, min_docs=1)


def _size(path: str | None) -> int:
    try:
        return os.path.getsize(path) if path else 0
    except OSError:
        return 0


def _check_stdin(plan, target):
    from linter.parallel import check_text
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


# ---------------------------------------------------------------------------- rules


def _load_rules_config(args: argparse.Namespace) -> None:
    """Load the configuration (``--config`` or the one found from here) so that its
    house-style rules are listed. A broken one is a warning here: the built-in rules
    are still listed (``check`` refuses it)."""
    from pathlib import Path

    from linter.config import ConfigError, load_config
    from linter.registry import use_configured_rules

    try:
        load_config(Path(args.config) if args.config else None, ["."])
    except ConfigError as exc:
        use_configured_rules(())
        _warn(f"{exc}; listing the built-in rules only")


def _rule_rows():
    from linter.registry import all_rules

    return [cls.metadata() for cls in all_rules().values()]


def cmd_rules(args: argparse.Namespace) -> int:
    from linter.docs import default_label

    _load_rules_config(args)
    rows = _rule_rows()
    if args.format == "json":
        import json

        print(json.dumps(rows, indent=2, ensure_ascii=False, default=str))
        return EXIT_OK
    sources = any(r["source"] for r in rows)
    headers = ("code", "name", "category", "severity", "fix", "default") + (("source",) if sources else ()) + ("summary",)
    table = [
        (r["code"], r["name"], r["category"], r["severity"], r["fix"], default_label(r))
        + ((r["source"] or "built-in",) if sources else ())
        + (r["summary"],)
        for r in rows
    ]
    widths = [max(len(h), *(len(row[i]) for row in table)) if table else len(h) for i, h in enumerate(headers[:-1])]
    lines = ["  ".join(h.upper().ljust(w) for h, w in zip(headers[:-1], widths)) + "  SUMMARY"]
    for row in table:
        lines.append("  ".join(v.ljust(w) for v, w in zip(row[:-1], widths)) + "  " + row[-1])
    labels = {row[5] for row in table}
    if labels - {"on"}:
        lines += ["", "DEFAULT: on = run on every file and record."]
        if "records" in labels:
            lines.append(
                "  records = corpus gates, run on record files (.jsonl, .jsonl.gz, .parquet) and by"
                " `copydesk clean`; opt-in for text and Markdown files (--extend-select CODE)."
            )
        if "off" in labels:
            lines.append("  off = opt-in everywhere (--extend-select CODE).")
    print("\n".join(lines))
    return EXIT_OK


def cmd_server(args: argparse.Namespace) -> int:
    from linter.server import main as serve

    return serve()


def cmd_rule(args: argparse.Namespace) -> int:
    from linter.docs import rule_page
    from linter.registry import SelectionError, all_rules, resolve

    _load_rules_config(args)
    try:
        codes = sorted(resolve(args.rule, all_rules()))
    except SelectionError as exc:
        raise UsageError(str(exc)) from None
    print("\n".join(rule_page(code) for code in codes), end="")
    return EXIT_OK
