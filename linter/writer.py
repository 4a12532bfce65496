"""Atomic writes: a temporary file in the same directory, then ``os.replace``.

A reader never sees a half-written file, and an interrupted ``--fix`` leaves the
original intact. The new file keeps the original's permission bits, BOM and bytes
that were not valid UTF-8 (through ``surrogateescape``); a symbolic link stays a link
and its target is rewritten.
"""

from __future__ import annotations

import os
import stat
import tempfile

from linter.sources import encode


class WriteError(Exception):
    """A file could not be written; the message names it."""


def write_bytes_atomic(path: str, data: bytes) -> None:
    target = os.path.realpath(path)
    directory = os.path.dirname(target) or "."
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {(exc.strerror or str(exc)).lower()}") from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".copydesk-tmp", dir=directory)
    except OSError as exc:
        raise WriteError(
            f"{path}: cannot write a temporary file in {directory}: {(exc.strerror or str(exc)).lower()}"
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise WriteError(f"{path}: cannot write: {(exc.strerror or str(exc)).lower()}") from None


def write_text_atomic(path: str, text: str, *, bom: bool = False) -> None:
    """Write ``text`` as UTF-8 (``surrogateescape``), with a BOM if the original had one."""
    write_bytes_atomic(path, encode(text, bom))
