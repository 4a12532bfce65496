"""Atomic writes: a temporary file in the same directory, then ``os.replace``.

A reader never sees a half-written file, and an interrupted ``--fix`` leaves the
original intact. The new file keeps the original's permission bits, owner, BOM and
bytes that were not valid UTF-8 (through ``surrogateescape``); a symbolic link stays a
link and its target is rewritten. A fix is not written (a ``WriteError`` says why) to
a read-only file, to a file with other hard links (replacing it would split them),
to a file whose owner cannot be kept, or to a file that changed since it was read.
Temporary files carry the writer's process id; one left by a process that no longer
runs (``kill -9``) is removed by the next write beside it.
"""

from __future__ import annotations

import codecs
import os
import stat
import tempfile

from linter.errors import reason


def encode(text: str, bom: bool = False) -> bytes:
    """The inverse of :func:`linter.sources.decode`: the same bytes back, invalid ones included."""
    data = text.encode("utf-8", errors="surrogateescape")
    return codecs.BOM_UTF8 + data if bom else data


class WriteError(Exception):
    """A file could not be written; the message names it."""


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
        self.owner: tuple[int, int] | None = None
        if keep_mode:
            try:
                info = os.stat(target)
            except FileNotFoundError:
                info = None
            except OSError as exc:
                raise error(f"{path}: cannot write: {reason(exc)}") from None
            if info is not None:
                self.mode = stat.S_IMODE(info.st_mode)
                if not self.mode & 0o222:
                    raise error(f"{path}: read-only; not fixed (make it writable to fix it)")
                if info.st_nlink > 1:
                    raise error(
                        f"{path}: has {info.st_nlink - 1} other hard link(s); not fixed "
                        "(replacing it would split it from them)"
                    )
                self.owner = (info.st_uid, info.st_gid)
        base = os.path.basename(target)
        _remove_stale(directory, base)
        try:
            fd, self.tmp = tempfile.mkstemp(
                prefix=f".{base}.{os.getpid()}.", suffix=TMP_SUFFIX, dir=directory
            )
        except OSError as exc:
            raise error(f"{path}: cannot write a temporary file in {directory}: {reason(exc)}") from None
        self.fh = os.fdopen(fd, "wb")
        self.done = False

    def commit(self, expected: bytes | None = None) -> None:
        """Move the new file into place. With ``expected``, the file on disk must
        still hold those bytes (what was read and fixed); if someone changed it in
        the meantime, nothing is written and ``error`` says so."""
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
            if self.owner is not None:
                tmp_info = os.stat(self.tmp)
                if (tmp_info.st_uid, tmp_info.st_gid) != self.owner:
                    try:
                        os.chown(self.tmp, *self.owner)
                    except OSError:
                        self._remove()
                        raise self.error(
                            f"{self.path}: owned by another user; not fixed (its owner would change)"
                        ) from None
            if expected is not None:
                with open(self.target, "rb") as now:
                    if now.read(len(expected) + 1) != expected:
                        self._remove()
                        raise self.error(f"{self.path}: changed while it was being fixed; not fixed (run again)")
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self._remove()
            raise self.error(f"{self.path}: cannot write: {reason(exc)}") from None

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


TMP_SUFFIX = ".copydesk-tmp"


def _remove_stale(directory: str, base: str) -> None:
    """Remove temporary files for ``base`` left by writers that no longer run."""
    prefix = f".{base}."
    try:
        names = [n for n in os.listdir(directory) if n.startswith(prefix) and n.endswith(TMP_SUFFIX)]
    except OSError:
        return
    for name in names:
        pid_text = name[len(prefix) :].split(".", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        try:
            os.unlink(os.path.join(directory, name))
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # on Windows, os.kill would end it
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def write_bytes_atomic(path: str, data: bytes, *, expected: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits and
    owner; with ``expected``, only if the file still holds those bytes."""
    out = AtomicFile(path, keep_mode=True)
    try:
        out.fh.write(data)
    except OSError as exc:
        out.discard()
        raise WriteError(f"{path}: cannot write: {reason(exc)}") from None
    except BaseException:
        out.discard()
        raise
    out.commit(expected)


def write_text_atomic(path: str, text: str, *, bom: bool = False, original: str | None = None) -> None:
    """Write ``text`` as UTF-8 (``surrogateescape``), with a BOM if the original had one.
    With ``original`` (the text that was read and fixed), the file is replaced only if
    it still holds that text."""
    expected = None if original is None else encode(original, bom)
    write_bytes_atomic(path, encode(text, bom), expected=expected)
