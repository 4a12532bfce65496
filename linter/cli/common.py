"""What every command shares: the exit codes, :class:`UsageError`, and the one-line
error and warning on stderr."""

from __future__ import annotations

import sys

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A bad command line; the message says what to do."""


def error(message: str) -> None:
    print(f"copydesk: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"copydesk: warning: {message}", file=sys.stderr)


def plural(n: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{n} {word}{'s' if n != 1 else ''}"
