"""The ``copydesk`` command line: ``check``, ``rules``, ``rule``, ``server`` (and
``clean`` where the corpus tools are installed).

Exit codes: 0 nothing at or above the failing severity, 1 findings (or, with
``--diff``, changes to make), 2 a usage, configuration or I/O error. Errors are one
line on stderr naming the file, key or code at fault; never a traceback.

One job a module: ``parser`` (the arguments), ``check`` (the command line to a run,
the run, the exit code), ``check_report`` (what is written of the results),
``settings`` (``--show-settings``), ``rules`` (``rules``, ``rule``, ``server``),
``common`` (exit codes, UsageError, the error line).
"""

from __future__ import annotations

import os
import sys
from typing import Sequence

from linter.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError, error
from linter.cli.parser import SEVERITIES, build_parser

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "SEVERITIES", "UsageError", "build_parser", "main"]


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
        error("interrupted")
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
            error(str(exc))
            return EXIT_ERROR
        if os.environ.get("COPYDESK_DEBUG"):
            raise
        error(f"internal error: {type(exc).__name__}: {exc} (rerun with COPYDESK_DEBUG=1 for a traceback, and please report it)")
        return EXIT_ERROR


def _main(argv: list[str]) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    return args.func(args)
