"""Look words up in large sorted data files without parsing them.

A table file is ``key<TAB>value`` lines sorted by key in code-point order, after an
optional header of ``#`` lines; a word list is one word per line, sorted the same way.
The file is read as one string and binary-searched in place, so loading costs a file
read instead of building a 70,000-entry dict in every process (that parse dominated
the time of checking a single article).
"""

from __future__ import annotations

from pathlib import Path


class SortedTable:
    """A read-only mapping over a sorted ``key<TAB>value`` (or ``key``) file."""

    # Words repeat across the documents of a corpus: remember recent answers.
    MEMO_LIMIT = 200_000

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: str | None = None
        self._body = 0
        self._memo: dict[str, str | None] = {}

    def _load(self) -> str:
        if self._data is None:
            data = self.path.read_text(encoding="utf-8")
            body = 0
            while data.startswith("#", body):
                nl = data.find("\n", body)
                body = len(data) if nl == -1 else nl + 1
            if not data.endswith("\n"):
                data += "\n"
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
        lo, hi = self._body, len(data)
        while lo < hi:
            mid = (lo + hi) // 2
            nl = data.rfind("\n", lo, mid)
            start = nl + 1 if nl != -1 else lo
            end = data.find("\n", start)
            tab = data.find("\t", start, end)
            line_key = data[start : tab if tab != -1 else end]
            if line_key == key:
                return data[tab + 1 : end] if tab != -1 else ""
            if line_key < key:
                lo = end + 1
            else:
                hi = start
        return None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def items(self):
        """Every (key, value) pair, in order. Reads the whole file: for tools and tests."""
        data = self._load()
        for line in data[self._body :].splitlines():
            if line:
                key, _, value = line.partition("\t")
                yield key, value
