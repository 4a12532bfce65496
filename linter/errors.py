"""Why a file could not be read or written, in the words of copydesk's messages: the
one helper every reader, writer and the command line use for an ``OSError``."""

from __future__ import annotations

import os


def reason(exc: BaseException) -> str:
    """Why an operation failed: an ``OSError``'s description in lower case
    ("permission denied"), otherwise the exception's own text (a decoding error)."""
    if isinstance(exc, OSError):
        return (exc.strerror or str(exc)).lower()
    return str(exc)


def read_error(path: str | os.PathLike, exc: OSError) -> str:
    """The one-line message for a file that cannot be opened or read, naming it."""
    if isinstance(exc, IsADirectoryError):
        return f"{path}: is a directory"
    if isinstance(exc, FileNotFoundError):
        return f"{path}: no such file or directory"
    if isinstance(exc, PermissionError):
        return f"{path}: permission denied; cannot read it"
    return f"{path}: cannot read: {reason(exc)}"


def open_for_reading(path: str, error: type[Exception], *, gz: bool = False):
    """``path`` opened for reading bytes (through gzip when ``gz``); a failure raises
    ``error`` with the message of :func:`read_error`."""
    try:
        if gz:
            import gzip

            return gzip.open(path, "rb")
        return open(path, "rb")
    except OSError as exc:
        raise error(read_error(path, exc)) from None
