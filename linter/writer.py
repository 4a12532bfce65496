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


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


class AtomicFile:
    """A binary file written to a temporary name beside ``path`` and moved over it on
    ``commit()``; ``discard()`` (or leaving the ``with`` block by an exception) removes
    the temporary file and leaves ``path`` untouched. Writes go to ``fh``.

    ``keep_mode`` gives the new file the permission bits of the file it replaces (new
    files get the umask's). Failures raise ``error`` (``WriteError`` by default) with a
    message naming ``path``.
    """

    def __init__(self, path: str, *, keep_mode: bool = False, error: type[Exception] = WriteError) -> None:
        self.path = path
        self.error = error
        self.target = target = os.path.realpath(path)
        directory = os.path.dirname(target) or "."
        self.mode = None
        if keep_mode:
            try:
                self.mode = stat.S_IMODE(os.stat(target).st_mode)
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise error(f"{path}: cannot write: {_reason(exc)}") from None
        try:
            fd, self.tmp = tempfile.mkstemp(
                prefix=f".{os.path.basename(target)}.", suffix=".copydesk-tmp", dir=directory
            )
        except OSError as exc:
            raise error(f"{path}: cannot write a temporary file in {directory}: {_reason(exc)}") from None
        self.fh = os.fdopen(fd, "wb")
        self.done = False

    def commit(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            if self.mode is None:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self.tmp, 0o666 & ~umask)
            else:
                os.chmod(self.tmp, self.mode)
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self._remove()
            raise self.error(f"{self.path}: cannot write: {_reason(exc)}") from None

    def discard(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            self.fh.close()
        except OSError:
            pass
        self._remove()

    def _remove(self) -> None:
        try:
            os.unlink(self.tmp)
        except OSError:
            pass

    def __enter__(self) -> "AtomicFile":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


def write_bytes_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits."""
    with AtomicFile(path, keep_mode=True) as out:
        try:
            out.fh.write(data)
        except OSError as exc:
            raise WriteError(f"{path}: cannot write: {_reason(exc)}") from None


def write_text_atomic(path: str, text: str, *, bom: bool = False) -> None:
    """Write ``text`` as UTF-8 (``surrogateescape``), with a BOM if the original had one."""
    write_bytes_atomic(path, encode(text, bom))
