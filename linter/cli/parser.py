"""The ``copydesk`` argument parser: ``check``, ``rules``, ``rule``, ``server`` (and
``clean`` where the corpus tools are installed)."""

from __future__ import annotations

import argparse
from typing import Sequence

from linter.cli.check import cmd_check
from linter.cli.common import UsageError
from linter.cli.rules import cmd_rule, cmd_rules, cmd_server

SEVERITIES = ("info", "warning", "error")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, no usage dump
        raise UsageError(f"{message} (see `{self.prog} --help`)")


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
            import linter.cli.clean as clean  # type: ignore[import-not-found]
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
            return importlib.util.find_spec("linter.cli.clean") is not None
        except (ImportError, ValueError):
            return False
    return False
