"""Look words up in large sorted data files without parsing them.

A table file is ``key<TAB>value`` lines sorted by key in code-point order, after an
optional header of ``#`` lines; a word list is one word per line, sorted the same way.
The file is mapped and binary-searched in place, so loading costs next to nothing
instead of building a 70,000-entry dict in every process (that parse dominated
the time of checking a single article).
"""

from __future__ import annotations

import mmap
from pathlib import Path


class SortedTable:
    """A read-only mapping over a sorted ``key<TAB>value`` (or ``key``) file."""

    # Words repeat across the documents of a corpus: remember recent answers.
    MEMO_LIMIT = 200_000

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: bytes | mmap.mmap | None = None
        self._body = 0
        self._memo: dict[str, str | None] = {}

    def _load(self) -> bytes | mmap.mmap:
        # The file is mapped, not read: a lookup touches a few pages of it, and
        # reading and decoding 1.5 MB costs more than checking a short article.
        # UTF-8 bytes sort in code-point order, so the search runs on the bytes.
        if self._data is None:
            data: bytes | mmap.mmap
            with open(self.path, "rb") as fh:
                try:
                    data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
                except (ValueError, OSError):  # empty file, or no mapping here
                    data = fh.read()
            if not data[-1:] == b"\n":
                data = bytes(data) + b"\n"
            body = 0
            while data[body : body + 1] == b"#":
                nl = data.find(b"\n", body)
                body = len(data) if nl == -1 else nl + 1
            self._data, self._body = data, body
        return self._data

    def get(self, key: str) -> str | None:
        """The value for ``key`` ("" for a plain word list), or None."""
        memo = self._memo
        if key in memo:
            return memo[key]
        if len(memo) >= self.MEMO_LIMIT:
            memo.clear()
        value = memo[key] = self._search(key)
        return value

    def _search(self, key: str) -> str | None:
        data = self._load()
        bkey = key.encode("utf-8", "surrogatepass")
        lo, hi = self._body, len(data)
        while lo < hi:
            mid = (lo + hi) // 2
            nl = data.rfind(b"\n", lo, mid)
            start = nl + 1 if nl != -1 else lo
            end = data.find(b"\n", start)
            tab = data.find(b"\t", start, end)
            line_key = data[start : tab if tab != -1 else end]
            if line_key == bkey:
                return data[tab + 1 : end].decode("utf-8") if tab != -1 else ""
            if line_key < bkey:
                lo = end + 1
            else:
                hi = start
        return None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def items(self):
        """Every (key, value) pair, in order. Reads the whole file: for tools and tests."""
        data = bytes(self._load()[self._body :]).decode("utf-8")
        for line in data.splitlines():
            if line:
                key, _, value = line.partition("\t")
                yield key, value
