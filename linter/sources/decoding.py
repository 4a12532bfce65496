"""Text files to text: bytes decoded as UTF-8, a BOM stripped and remembered (the writer
puts it back), line endings kept exactly as read. Bytes that are not valid UTF-8 are
decoded with ``surrogateescape`` (each becomes a lone surrogate U+DC80..U+DCFF), so
nothing is lost: rule EN100 reports them, and writing the text back with
``surrogateescape`` restores the original bytes. Binary files, oversized files and
what is not a regular file are refused with a :class:`SourceError`."""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass

from linter.errors import read_error
from linter.sources.target import SourceError

BOM = codecs.BOM_UTF8


@dataclass
class TextSource:
    text: str
    bom: bool = False


def decode(data: bytes) -> TextSource:
    """Decode bytes as UTF-8, stripping (and remembering) a BOM; never fails."""
    bom = data.startswith(BOM)
    if bom:
        data = data[len(BOM) :]
    return TextSource(data.decode("utf-8", errors="surrogateescape"), bom)


def decode_checked(data: bytes, path: str) -> TextSource:
    """:func:`decode`, refusing a binary file (one with a NUL byte)."""
    nul = data.find(b"\0")
    if nul != -1:
        hint = ""
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            hint = "; it looks like UTF-16: convert it to UTF-8"
        raise SourceError(f"{path}: skipped: binary file (NUL byte at offset {nul}){hint}")
    return decode(data)


def read_text_file(fs_path: str, max_bytes: int | None = None, display: str | None = None) -> TextSource:
    """Read one text file, or raise SourceError with a message naming it."""
    path = display or fs_path

    def too_big(size: float) -> SourceError:
        return SourceError(
            f"{path}: skipped: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit "
            "(raise max-file-size in the configuration, or split the file)"
        )

    try:
        info = os.stat(fs_path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            # A FIFO would block the run forever, a device (/dev/zero) never ends.
            raise SourceError(f"{path}: skipped: not a regular file ({_file_kind(info.st_mode)}); name a file")
        if max_bytes is not None and info.st_size > max_bytes:
            raise too_big(info.st_size)
        # O_NONBLOCK: should the path turn into a FIFO after the stat, open does not wait.
        fd = os.open(fs_path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise SourceError(f"{path}: skipped: not a regular file; name a file")
            # Read no more than the limit allows, should the file grow meanwhile.
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:
            raise too_big(len(data))
    except OSError as exc:
        raise SourceError(read_error(path, exc)) from None
    return decode_checked(data, path)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"
