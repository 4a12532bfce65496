"""Record files checked by ``check``: one document per record, streamed. JSONL
(``.jsonl``, ``.jsonl.gz``, ``.ndjson``) is read by :mod:`linter.corpus`'s JSONL reader,
the one ``clean`` reads with; Parquet through :mod:`linter.corpus` as well (pyarrow)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.sources.target import SourceError, Target


@dataclass
class Record:
    """One record of a record file: its id and text, or why it cannot be read."""

    doc_id: str
    text: str | None
    error: str | None = None


def iter_records(
    target: Target, text_field: str = "text", id_field: str = "id", on_bytes=None
) -> Iterator[Record]:
    """Stream the records of a record file as (id, text); bad records carry an error.

    ``on_bytes(n)`` is called with the number of bytes of the file read so far
    (compressed bytes for ``.gz``), for progress reporting. Only the id and the text
    of each record are kept."""
    if target.kind == "parquet":
        yield from _iter_parquet(target, text_field, id_field)
        return
    from linter.corpus import CorpusError, iter_jsonl_rows

    path = target.fs_path or target.path
    try:
        for row in iter_jsonl_rows(path, path.lower().endswith(".gz"), on_bytes):
            text, why = row.text(text_field)
            if text is None:
                yield Record(row.doc_id(id_field), None, why if row.record is None else f"line {row.index}: {why}")
            else:
                yield Record(row.doc_id(id_field), text)
    except CorpusError as exc:  # the message starts with the path
        raise SourceError(str(exc)) from None


def _iter_parquet(target: Target, text_field: str, id_field: str) -> Iterator[Record]:
    try:
        from linter.corpus import CorpusError, iter_parquet_records
    except ImportError:
        raise SourceError(
            f"{target.path}: Parquet input needs the corpus module (linter.corpus), "
            "which this installation lacks; convert the file to JSONL"
        ) from None
    try:
        for doc_id, text in iter_parquet_records(target.fs_path or target.path, text_field, id_field):
            yield Record(str(doc_id), text)
    except ImportError as exc:  # pyarrow missing; the message names the install command
        from linter.corpus import PARQUET_HINT

        message = str(exc) if PARQUET_HINT in str(exc) else f"{exc}; {PARQUET_HINT}"
        raise SourceError(f"{target.path}: cannot read Parquet: {message}") from None
    except CorpusError as exc:  # the message starts with the path
        raise SourceError(str(exc)) from None
