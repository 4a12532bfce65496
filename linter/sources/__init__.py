"""Sources: the only reader. Paths, directories, stdin and record files -> text.

One job a module:

* ``target``: what there is to check (:class:`Target`, its kind from the file name)
  and :class:`SourceError`.
* ``decoding``: text files to text. UTF-8; a BOM is stripped and remembered (the
  writer puts it back); line endings are kept exactly as read. Bytes that are not
  valid UTF-8 are decoded with ``surrogateescape`` (each becomes a lone surrogate
  U+DC80..U+DCFF), so nothing is lost: rule EN100 reports them, and writing the text
  back with ``surrogateescape`` restores the original bytes.
* ``walk``: directories are walked recursively for the ``include`` globs (``*.txt``
  and ``*.md`` by default), skipping hidden directories, the ``exclude`` globs and
  what git ignores;
* ``gitignore``: ``.gitignore`` files in the tree (and above it, up to the repository
  root) and the repository's ``.git/info/exclude`` (git's rules, through ``pathspec``).
* ``records``: ``.jsonl`` / ``.jsonl.gz`` files (and ``.parquet``) are read as
  records, one document per record, streamed, by :mod:`linter.corpus`'s readers.

This package's names are the ones to import.
"""

from __future__ import annotations

from linter.sources.decoding import BOM, TextSource, decode, decode_checked, read_text_file
from linter.sources.gitignore import GitIgnore
from linter.sources.records import Record, iter_records
from linter.sources.target import MARKDOWN_SUFFIXES, RECORD_SUFFIXES, SourceError, Target, kind_for
from linter.sources.walk import collect, excluded_by_config

__all__ = [
    "BOM",
    "GitIgnore",
    "MARKDOWN_SUFFIXES",
    "RECORD_SUFFIXES",
    "Record",
    "SourceError",
    "Target",
    "TextSource",
    "collect",
    "decode",
    "decode_checked",
    "excluded_by_config",
    "iter_records",
    "kind_for",
    "read_text_file",
]
