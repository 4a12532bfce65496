"""What ``check`` makes of its results: the report stream (stdout, ``--output`` or,
when stdin's fixed text goes to stdout, stderr), the reporter of the chosen format,
the counts the exit code is decided on, the fixed text of stdin, and the closing lines
(``--fix-only``, ``--diff``, ``--statistics --format json``, ``--show-fixes``)."""

from __future__ import annotations

import os
import sys
from collections import Counter
from typing import Callable, TextIO

from linter.cli.common import UsageError, error, plural, warn
from linter.errors import reason


class CheckReport:
    """Takes each result in input order (:meth:`add`) and writes what the command
    line asks for; counts the findings that fail the run, the files changed and
    whether anything went wrong."""

    def __init__(self, request, targets: list, path_errors: list[str], excluded: list[str]) -> None:
        from linter.report import Summary

        self.args = args = request.args
        self.paths = request.paths
        self.mode = request.mode
        self.fail_on = request.fail_on
        self.path_errors = path_errors
        stdin_target = next((t for t in targets if t.fs_path is None), None)
        # With stdin and --fix, stdout carries the fixed text; the report goes to stderr.
        self.fixed_stdout = self.mode == "fix" and stdin_target is not None
        self.out = self._open_stream()
        self.reporter = self._reporter()
        self.summary = Summary(excluded=len(excluded))
        self.names = None
        if args.statistics:
            from linter.rules.support.names import NameTally

            self.names = NameTally()
        self.had_error = bool(path_errors)
        self.failing = 0
        self.changes = 0
        self.fixes_by_path: dict[str, Counter] = {}
        self.before_message: Callable[[], None] = lambda: None

    def _open_stream(self) -> TextIO:
        args = self.args
        if args.output:
            try:
                return open(args.output, "w", encoding="utf-8", errors="backslashreplace", newline="\n")
            except OSError as exc:
                raise UsageError(f"{args.output}: cannot write the report: {reason(exc)}") from None
        return sys.stderr if self.fixed_stdout else sys.stdout

    def _reporter(self):
        """The reporter of the chosen format, or None where no findings are listed
        (``--diff``, ``--fix-only``, ``--statistics --format json``)."""
        from linter.report import make_reporter

        args, mode = self.args, self.mode
        if (args.statistics and args.format == "json") or mode == "diff" or args.fix_only:
            return None
        options = {}
        if args.format == "concise":
            options = dict(fix_mode=mode == "fix", unsafe_fixes=args.unsafe_fixes, quiet=args.quiet)
        if args.format == "html":
            options = dict(paths=self.paths, fix_mode=mode == "fix")
        if args.format == "text":
            color = (
                not args.output
                and "NO_COLOR" not in os.environ
                and bool(getattr(self.out, "isatty", lambda: False)())
            )
            options = dict(
                color=color,
                statistics=args.statistics,
                fix_mode=mode == "fix",
                unsafe_fixes=args.unsafe_fixes,
                quiet=args.quiet,
            )
        return make_reporter(args.format, **options)

    # ------------------------------------------------------------------- results

    def begin(self) -> None:
        if self.reporter is not None:
            self.out.write(self.reporter.begin())
            for message in self.path_errors:
                self.reporter.error(message)

    def add(self, result) -> None:
        args, reporter = self.args, self.reporter
        if result.error:
            self.had_error = True
            self.summary.errors += 1
            self.before_message()
            error(result.error)
            if reporter is not None:
                reporter.error(result.error)
            return
        for message in result.rule_errors:  # the rule's bug: exit 2 at the end
            self.had_error = True
            self.before_message()
            print(f"copydesk: {message}", file=sys.stderr)
            if reporter is not None:
                reporter.error(message)
        if result.hit_cap and not args.quiet:
            self.before_message()
            warn(
                f"{result.path}: fixes were still changing the text after the pass limit; "
                "some fixes conflict, so the file may not be fully fixed"
            )
        self.summary.add(result)
        if self.names is not None and result.names:
            self.names.add(result.names)
        self.failing += sum(1 for d in result.diagnostics if d.severity >= self.fail_on)
        if self.mode == "diff":
            if result.diff:
                self.changes += 1
                self.out.write(result.diff)
            return
        if result.changed:
            self.changes += 1
        if result.fixed_codes:
            self.fixes_by_path.setdefault(result.path, Counter()).update(result.fixed_codes)
        if self.fixed_stdout and result.fixed_text is not None:
            from linter.writer import encode

            sys.stdout.flush()
            sys.stdout.buffer.write(encode(result.fixed_text, getattr(result, "bom", False)))
            sys.stdout.flush()
        if reporter is not None:
            self.out.write(reporter.document(result))

    # ---------------------------------------------------------------- the ending

    def end(self) -> None:
        args, summary, mode = self.args, self.summary, self.mode
        if args.fix_only:
            if not args.quiet:
                print(fixed_line(summary.fixed, self.changes), file=sys.stderr)
        elif mode == "diff":
            if not args.quiet:
                what = f"Would fix {plural(summary.fixed, 'finding')}"
                print(f"{what} in {plural(self.changes, 'file')}." if summary.fixed else "No fixes available.", file=sys.stderr)
        elif self.reporter is not None:
            if self.names is not None and summary.documents >= 2:
                summary.name_groups = _name_groups(self.names)
            self.out.write(self.reporter.end(summary))
        elif args.statistics:  # --statistics --format json
            self.out.write(self._statistics_json())
        if args.show_fixes and mode == "fix":
            listing = fixes_listing(self.fixes_by_path)
            (self.out if args.format == "text" and not args.fix_only and not self.fixed_stdout else sys.stderr).write(listing)

    def _statistics_json(self) -> str:
        import json

        summary = self.summary
        stats = [
            {
                "code": code,
                "name": summary.names.get(code, ""),
                "count": count,
                "fixable": summary.fixable_by_rule.get(code, 0),
            }
            for code, count in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        names = _name_groups(self.names) if self.names is not None and summary.documents >= 2 else []
        report = {"rules": stats, "names": names, "summary": summary.to_dict()}
        return json.dumps(report, indent=2, ensure_ascii=False) + "\n"

    def close(self) -> None:
        if self.args.output:
            self.out.close()
        else:
            self.out.flush()


def fixed_line(fixed: int, files: int) -> str:
    if not fixed:
        return "No fixes applied."
    return f"Fixed {plural(fixed, 'finding')} in {plural(files, 'file')}."


def fixes_listing(fixes_by_path: dict[str, Counter]) -> str:
    """``--show-fixes``: the fixes applied, per file and rule (as ruff lists them)."""
    from linter.registry import all_rules

    names = {code: cls.name for code, cls in all_rules().items()}
    if not fixes_by_path:
        return "No fixes applied.\n"
    total = sum(sum(c.values()) for c in fixes_by_path.values())
    lines = [f"Fixed {plural(total, 'finding')}:"]
    for path in sorted(fixes_by_path):
        lines.append(f"- {path}:")
        for code, n in sorted(fixes_by_path[path].items(), key=lambda kv: (-kv[1], kv[0])):
            name = names.get(code)
            lines.append(f"    {n} \u00d7 {code}" + (f" ({name})" if name else ""))
    return "\n".join(lines) + "\n"


def excluded_note(excluded: list[str]) -> str:
    return f"{plural(len(excluded), 'file')} excluded by the configuration (--force-exclude)"


def _name_groups(tally) -> list[dict]:
    """Entities spelled differently in different documents.

    Every spelling takes part, even one found in a single document: a run is often a
    handful of articles, and the kinds compared (case, diacritics, spacing) are the
    ones that stay precise across unrelated documents."""
    from linter.rules.support.names import cross_document_report

    return cross_document_report(tally, min_docs=1)
