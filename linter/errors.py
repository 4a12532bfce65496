"""Why a file could not be read or written, in the words of copydesk's messages: the
one helper every reader, writer and the command line use for an ``OSError``."""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO


def reason(exc: BaseException) -> str:
    """Why an operation failed: an ``OSError``'s description in lower case
    ("permission denied"), otherwise the exception's own text (a decoding error)."""
    if isinstance(exc, OSError):
        return (exc.strerror or str(exc)).lower()
    return str(exc)


class NotRegularFile(OSError):
    """The path is a named pipe, a device or a socket; ``str()`` says which."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({kind})", path)
        self.kind = kind

    def __str__(self) -> str:
        return self.strerror


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def open_regular(path: str) -> BinaryIO:
    """``path`` opened for reading bytes, if it is a regular file. A named pipe
    would block a reader until someone writes to it (forever, in a walk or a corpus
    run) and a device such as ``/dev/zero`` never ends: they raise
    :class:`NotRegularFile`. The open does not wait (``O_NONBLOCK``) and the kind is
    read from the open descriptor, so a path that turns into a pipe after a check
    is caught too."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", path)
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path, _file_kind(mode))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def check_regular(path: str) -> None:
    """Raise as :func:`open_regular` does unless ``path`` is a regular file (for a
    reader that opens the path itself, such as pyarrow)."""
    open_regular(path).close()


def read_error(path: str | os.PathLike, exc: OSError) -> str:
    """The one-line message for a file that cannot be opened or read, naming it."""
    if isinstance(exc, NotRegularFile):
        return f"{path}: skipped: {exc}; name a regular file"
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
        fh = open_regular(path)
    except OSError as exc:
        raise error(read_error(path, exc)) from None
    if gz:
        import gzip

        return gzip.GzipFile(fileobj=fh, mode="rb")
    return fh
