"""Record files: streaming readers and atomic writers for JSONL, JSONL.gz and Parquet.

A corpus is a file of records (one JSON object per line, or Parquet rows); one field
holds a document's text. Readers stream: a JSONL file is read line by line and a
Parquet file in row batches, so memory stays flat however large the file. Writers
write to a temporary file in the destination's directory and ``os.replace`` it over
the destination only when everything has been written: an interrupted run leaves no
partial output, and a rerun starts afresh rather than appending.

Parquet needs pyarrow (``pip install 'copydesk[parquet]'``); it is imported only
when a Parquet file is read or written.
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from linter.errors import open_for_reading
from linter.writer import AtomicFile

PARQUET_BATCH_ROWS = 1024
PARQUET_HINT = "pip install 'copydesk[parquet]'"


class CorpusError(Exception):
    """A record file that cannot be read or written; the message names it."""


@dataclass
class Row:
    """One record as read.

    ``record`` is the parsed object (None when the line is not a JSON object);
    ``raw`` the line's bytes for JSONL (written back unchanged when the text is);
    ``error`` why the record cannot be used.
    """

    index: int  # 1-based line (JSONL) or row (Parquet) number
    record: dict[str, Any] | None
    raw: bytes | None = None
    error: str | None = None

    def doc_id(self, id_field: str) -> str:
        if self.record is not None:
            value = self.record.get(id_field)
            if value is not None:
                return str(value)
        return str(self.index)

    def text(self, text_field: str) -> tuple[str | None, str | None]:
        """(text, None) or (None, why it has none)."""
        if self.record is None:
            return None, self.error or "not a record"
        value = self.record.get(text_field)
        if value is None:
            fields = ", ".join(list(self.record)[:8])
            return None, f"no {text_field!r} field (fields: {fields}); use --text-field"
        if not isinstance(value, str):
            return None, f"field {text_field!r} is {type(value).__name__}, not a string"
        return value, None


# ----------------------------------------------------------------------- formats


def format_of(path: str) -> str:
    """``jsonl``, ``jsonl.gz`` or ``parquet`` from the file name; CorpusError otherwise."""
    low = str(path).lower()
    if low.endswith((".jsonl.gz", ".ndjson.gz", ".json.gz")):
        return "jsonl.gz"
    if low.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if low.endswith((".parquet", ".pq")):
        return "parquet"
    raise CorpusError(
        f"{path}: unknown record format; name the file .jsonl, .jsonl.gz or .parquet"
    )


def pyarrow_modules():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ImportError(f"Parquet support needs pyarrow: {PARQUET_HINT}") from None
    return pyarrow, pyarrow.parquet


# ----------------------------------------------------------------------- reading


def iter_rows(path: str) -> Iterator[Row]:
    """Stream the rows of a record file, in file order."""
    fmt = format_of(path)
    if fmt == "parquet":
        yield from _iter_parquet_rows(path)
    else:
        yield from iter_jsonl_rows(path, fmt == "jsonl.gz")


def iter_jsonl_rows(path: str, gz: bool, on_bytes: Callable[[int], None] | None = None) -> Iterator[Row]:
    """The rows of a JSONL file (gzip-compressed when ``gz``), blank lines skipped: the
    one JSONL reader (``check`` and ``clean`` both read records through it).

    ``on_bytes(n)``, for progress, is told every 64 lines how many bytes of the file
    have been read (compressed bytes for ``.gz``)."""
    fh = open_for_reading(path, CorpusError, gz=gz)
    raw_file = fh.fileobj if isinstance(fh, gzip.GzipFile) else fh
    lineno = 0
    with fh:
        try:
            for raw in fh:
                lineno += 1
                if on_bytes is not None and lineno % 64 == 0:
                    on_bytes(raw_file.tell())
                if not raw.strip():
                    continue
                yield _row_from_line(raw, lineno)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise CorpusError(f"{path}: line {lineno + 1}: cannot read: {exc}") from None


def _row_from_line(raw: bytes, lineno: int) -> Row:
    try:
        obj = json.loads(raw.decode("utf-8", errors="surrogateescape"))
    except ValueError as exc:
        return Row(lineno, None, raw, f"line {lineno}: not valid JSON: {exc}")
    if not isinstance(obj, dict):
        return Row(lineno, None, raw, f"line {lineno}: expected a JSON object, got {type(obj).__name__}")
    return Row(lineno, obj, raw)


def _open_parquet(path: str):
    """A ``pyarrow.parquet.ParquetFile``, or CorpusError naming the file."""
    pa, pq = pyarrow_modules()
    try:
        return pq.ParquetFile(path)
    except FileNotFoundError:
        raise CorpusError(f"{path}: no such file or directory") from None
    except (OSError, pa.ArrowException) as exc:
        raise CorpusError(f"{path}: cannot read Parquet: {exc}") from None


def _iter_parquet_rows(path: str, batch_rows: int = PARQUET_BATCH_ROWS) -> Iterator[Row]:
    pf = _open_parquet(path)
    index = 0
    for batch in pf.iter_batches(batch_size=batch_rows):
        for record in batch.to_pylist():
            index += 1
            yield Row(index, record)


def parquet_schema(path: str):
    """The Arrow schema of a Parquet file (for writing records back in the same shape)."""
    _, pq = pyarrow_modules()
    return pq.ParquetFile(path).schema_arrow


def iter_parquet_records(path: str, text_field: str = "text", id_field: str = "id") -> Iterator[tuple[str, str]]:
    """Stream ``(doc_id, text)`` from a Parquet file, in row batches.

    The id is the ``id_field`` value, or the 1-based row number when the column is
    absent or null. Only the two columns are read. Raises ImportError naming
    ``pip install 'copydesk[parquet]'`` when pyarrow is missing, and CorpusError when
    the file or the text column is missing.
    """
    pf = _open_parquet(path)
    names = pf.schema_arrow.names
    if text_field not in names:
        raise CorpusError(
            f"{path}: no {text_field!r} column (columns: {', '.join(names[:8])}); use --text-field"
        )
    columns = [text_field] + ([id_field] if id_field in names and id_field != text_field else [])
    index = 0
    for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
        texts = batch.column(text_field).to_pylist()
        ids = batch.column(id_field).to_pylist() if id_field in columns[1:] else [None] * len(texts)
        for doc_id, text in zip(ids, texts):
            index += 1
            yield (str(index) if doc_id is None else str(doc_id)), ("" if text is None else str(text))


# ----------------------------------------------------------------------- writing


def dumps_record(record: dict[str, Any]) -> bytes:
    """One JSONL line (with its newline) for a record; non-ASCII kept as UTF-8.

    Lone surrogates (text read from bytes that were not UTF-8) cannot be encoded as
    UTF-8, so such a record is written with ``\\u`` escapes instead.
    """
    line = json.dumps(record, ensure_ascii=False, default=_json_default)
    try:
        return line.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        return json.dumps(record, ensure_ascii=True, default=_json_default).encode("ascii") + b"\n"


def _json_default(value: Any) -> Any:
    """Parquet values JSON has no type for: dates as ISO 8601, bytes as base64,
    decimals and anything else as their string."""
    import base64
    import datetime

    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    return str(value)


class RecordWriter:
    """Write records to ``path`` atomically in the format its name says.

    ``write(record, raw=None)``: for JSONL, ``raw`` (the original line) is written
    as it was when given, so unchanged records keep their exact bytes. ``schema``
    (Parquet only) keeps the input's column types; without it they are inferred.
    Use as a context manager: the file appears only when the block ends normally.
    """

    def __init__(self, path: str, schema=None, *, batch_rows: int = PARQUET_BATCH_ROWS) -> None:
        self.path = path
        self.format = format_of(path)
        self.count = 0
        self._atomic = AtomicFile(path, error=CorpusError)
        self._gz = None
        self._parquet = None
        self._schema = schema
        self._batch: list[dict[str, Any]] = []
        self._batch_rows = batch_rows
        if self.format == "jsonl.gz":
            # mtime=0: the same records give the same bytes on every run.
            self._gz = gzip.GzipFile(filename="", mode="wb", fileobj=self._atomic.fh, mtime=0)
        elif self.format == "parquet":
            try:
                pyarrow_modules()
            except ImportError:
                self._atomic.discard()
                raise

    def write(self, record: dict[str, Any], raw: bytes | None = None) -> None:
        self.count += 1
        if self.format == "parquet":
            self._batch.append(record)
            if len(self._batch) >= self._batch_rows:
                self._flush_parquet()
            return
        data = raw if raw is not None else dumps_record(record)
        if not data.endswith(b"\n"):
            data += b"\n"
        (self._gz or self._atomic.fh).write(data)

    def _flush_parquet(self) -> None:
        if not self._batch:
            return
        pa, pq = pyarrow_modules()
        try:
            table = pa.Table.from_pylist(self._batch, schema=self._schema)
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise CorpusError(f"{self.path}: cannot write Parquet rows: {exc}") from None
        if self._parquet is None:
            self._schema = table.schema
            self._parquet = pq.ParquetWriter(self._atomic.fh, table.schema)
        self._parquet.write_table(table)
        self._batch = []

    def close(self) -> None:
        """Finish the file and move it into place."""
        if self.format == "parquet":
            self._flush_parquet()
            if self._parquet is None:
                pa, pq = pyarrow_modules()
                schema = self._schema if self._schema is not None else pa.schema([])
                self._parquet = pq.ParquetWriter(self._atomic.fh, schema)
            self._parquet.close()
        elif self._gz is not None:
            self._gz.close()
        self._atomic.commit()

    def abort(self) -> None:
        self._atomic.discard()

    def __enter__(self) -> "RecordWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def same_file(a: str, b: str) -> bool:
    """Whether two paths name the same file (after symlinks; by inode when both exist)."""
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


__all__ = [
    "AtomicFile",
    "CorpusError",
    "PARQUET_HINT",
    "RecordWriter",
    "Row",
    "dumps_record",
    "format_of",
    "iter_jsonl_rows",
    "iter_parquet_records",
    "iter_rows",
    "parquet_schema",
    "same_file",
]
