"""Text files to text: bytes decoded as UTF-8, a BOM stripped and remembered (the writer
puts it back), line endings kept exactly as read. Bytes that are not valid UTF-8 are
decoded with ``surrogateescape`` (each becomes a lone surrogate U+DC80..U+DCFF), so
nothing is lost: rule EN100 reports them, and writing the text back with
``surrogateescape`` restores the original bytes. Binary files, oversized files and
what is not a regular file are refused with a :class:`SourceError`."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

from linter.errors import open_regular, read_error, reason
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
        return _too_big(path, size, max_bytes)

    try:
        with open_regular(fs_path) as fh:
            size = os.fstat(fh.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise too_big(size)
            # Read no more than the limit allows, should the file grow meanwhile.
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:
            raise too_big(len(data))
    except OSError as exc:
        raise SourceError(read_error(path, exc)) from None
    return decode_checked(data, path)


def _too_big(path: str, size: float | None, max_bytes: int) -> SourceError:
    """``size`` None: a stream, read only up to the limit."""
    what = "more than the" if size is None else f"{size / 1e6:.1f} MB is over the"
    return SourceError(
        f"{path}: skipped: {what} {max_bytes / 1e6:g} MB limit "
        "(raise max-file-size in the configuration, or split the file)"
    )


def read_stream(stream, max_bytes: int | None, path: str) -> TextSource:
    """Read a stream (stdin) to its end, but no more than ``max_bytes``, the limit a
    file has (``/dev/zero`` piped in ends with this error instead of filling memory)."""
    try:
        data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {reason(exc)}") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise _too_big(path, None, max_bytes)
    return decode_checked(data, path)
