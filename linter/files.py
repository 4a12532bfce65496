"""Opening a path to read: regular files only.

A named pipe blocks a reader until someone writes to it (forever, in a directory walk
or a corpus run) and a device such as ``/dev/zero`` never ends, so every reader of
copydesk (text files, record files, Parquet) opens through :func:`open_regular`. The
open itself does not wait (``O_NONBLOCK``), and the kind of file is read from the
open descriptor, so a path that turns into a pipe after a check is caught too.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO


class NotRegularFile(OSError):
    """The path is a named pipe, a device or a socket; ``str()`` says which."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({kind})", path)
        self.kind = kind

    def __str__(self) -> str:
        return self.strerror


def file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def open_regular(path: str) -> BinaryIO:
    """``path`` opened for reading in binary mode. Raises :class:`NotRegularFile`
    for a pipe, device or socket, ``IsADirectoryError`` for a directory, and the
    usual ``OSError`` subclasses otherwise."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", path)
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path, file_kind(mode))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def check_regular(path: str) -> None:
    """Raise as :func:`open_regular` does unless ``path`` is a regular file (for
    readers that open the path themselves, such as pyarrow)."""
    open_regular(path).close()
