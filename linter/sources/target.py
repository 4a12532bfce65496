"""What there is to check: :class:`Target` (a text or Markdown file, a record file or
stdin), its kind from the file name, and :class:`SourceError`, the refusal that
names the path and says why."""

from __future__ import annotations

from dataclasses import dataclass

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".parquet")


class SourceError(Exception):
    """A path that cannot be checked; the message names it and says why."""


@dataclass(frozen=True)
class Target:
    """One thing to check: a text/Markdown file, a record file, or stdin."""

    path: str  # as displayed (and as given for stdin: its --stdin-filename or "-")
    kind: str  # text | markdown | jsonl | parquet | stdin
    fs_path: str | None = None  # the file on disk; None for stdin

    @property
    def is_records(self) -> bool:
        return self.kind in ("jsonl", "parquet")


def kind_for(path: str) -> str:
    low = path.lower()
    if low.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if low.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        return "jsonl"
    if low.endswith(".parquet"):
        return "parquet"
    return "text"
