"""Adding a word to the configured vocabulary, as the editor's "Add 'X' to the
vocabulary" does: a minimal edit of the configuration file the document's settings
came from, written atomically.

The edit touches only the ``vocabulary`` array (one element appended, in the style
of the array: one line per element when it is written so) or adds the key to its
table; comments, order and layout stay as they were. The result is parsed again and
must equal the old configuration plus the word, or nothing is written. Where the
configuration names a ``vocabulary-file`` and no ``vocabulary`` list, the word is
appended to that file instead. Without any configuration, a ``copydesk.toml`` is
created in the directory given (the workspace folder).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from linter.errors import reason


class VocabularyError(Exception):
    """The word could not be added; the message names the file and what to do."""


# ------------------------------------------------------------------ TOML scanning

_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def _skip_string(text: str, i: int) -> int:
    """The index just past the string starting at ``i``."""
    for quote in ('"""', "'''"):
        if text.startswith(quote, i):
            j = i + 3
            while True:
                k = text.find(quote, j)
                if k < 0:
                    raise ValueError("unterminated string")
                if quote == '"""' and _escaped(text, k):
                    j = k + 1
                    continue
                end = k + 3
                while end < len(text) and text[end] == quote[0] and end - k < 5:
                    end += 1  # up to two quotes may close the content
                return end
    if text[i] == "'":
        k = text.find("'", i + 1)
        if k < 0:
            raise ValueError("unterminated string")
        return k + 1
    j = i + 1
    while j < len(text):
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == '"':
            return j + 1
        if c == "\n":
            break
        j += 1
    raise ValueError("unterminated string")


def _escaped(text: str, k: int) -> bool:
    n = 0
    while k - n - 1 >= 0 and text[k - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _skip_comment(text: str, i: int) -> int:
    k = text.find("\n", i)
    return len(text) if k < 0 else k


def _skip_value(text: str, i: int, closers: str = "") -> int:
    """The index just past the value starting at ``i``."""
    c = text[i] if i < len(text) else ""
    if c in "\"'":
        return _skip_string(text, i)
    if c in "[{":
        close = "]" if c == "[" else "}"
        j = i + 1
        while j < len(text):
            ch = text[j]
            if ch == close:
                return j + 1
            if ch in " \t\r\n,=":
                j += 1
            elif ch == "#":
                j = _skip_comment(text, j)
            elif ch in "\"'[{":
                j = _skip_value(text, j, close)
            else:
                j = _skip_value(text, j, close)
        raise ValueError("unterminated array or table")
    j = i
    stop = "\r\n#," + closers + ("=" if closers == "}" else "")
    while j < len(text) and text[j] not in stop:
        j += 1
    return max(j, i + 1)


def _parse_key(text: str, i: int) -> tuple[list[str], int]:
    parts: list[str] = []
    while True:
        while i < len(text) and text[i] in " \t":
            i += 1
        if i < len(text) and text[i] in "\"'":
            end = _skip_string(text, i)
            parts.append(tomllib.loads(f"k = {text[i:end]}")["k"])
            i = end
        else:
            j = i
            while j < len(text) and text[j] in _BARE_KEY:
                j += 1
            if j == i:
                raise ValueError("expected a key")
            parts.append(text[i:j])
            i = j
        while i < len(text) and text[i] in " \t":
            i += 1
        if i < len(text) and text[i] == ".":
            i += 1
            continue
        return parts, i


class _Entry:
    def __init__(self, table: tuple[str, ...], path: tuple[str, ...], value_start: int, value_end: int, line_end: int) -> None:
        self.table = table  # the table of the header above it
        self.path = path
        self.value_start = value_start
        self.value_end = value_end
        self.line_end = line_end


def _scan(text: str) -> tuple[list[_Entry], list[tuple[tuple[str, ...], int, int]]]:
    """Key/value entries (with their full key path) and table headers
    ``(path, start of the header line, end of that line)``."""
    entries: list[_Entry] = []
    headers: list[tuple[tuple[str, ...], int, int]] = []
    table: tuple[str, ...] = ()
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in " \t\r\n":
            i += 1
        elif c == "#":
            i = _skip_comment(text, i)
        elif c == "[":
            start = i
            double = text.startswith("[[", i)
            parts, i = _parse_key(text, i + (2 if double else 1))
            i += 2 if double else 1
            table = tuple(parts) if not double else ("[[",) + tuple(parts)
            i = _skip_comment(text, i)
            headers.append((table, start, i))
        else:
            parts, i = _parse_key(text, i)
            if i >= n or text[i] != "=":
                raise ValueError("expected '='")
            i += 1
            while i < n and text[i] in " \t":
                i += 1
            vstart = i
            i = _skip_value(text, i)
            vend = i
            i = _skip_comment(text, i)
            entries.append(_Entry(table, table + tuple(parts), vstart, vend, i))
    return entries, headers


def _line_end(text: str, i: int) -> int:
    """The index of the line break ending the line of ``i`` (``\\r\\n`` counts whole)."""
    k = text.find("\n", i)
    if k < 0:
        return len(text)
    return k - 1 if k > 0 and text[k - 1] == "\r" else k


def _array_append(text: str, start: int, end: int, item: str, nl: str) -> str:
    """``text`` with ``item`` appended to the array ``text[start:end]``."""
    close = end - 1
    last_end: int | None = None  # end of the last element
    comma: int | None = None  # a comma after it
    first_start: int | None = None
    j = start + 1
    while j < close:
        ch = text[j]
        if ch in " \t\r\n":
            j += 1
        elif ch == "#":
            j = _skip_comment(text, j)
        elif ch == ",":
            comma = j
            j += 1
        else:
            if first_start is None:
                first_start = j
            j = _skip_value(text, j, "]")
            last_end, comma = j, None
    if last_end is None:
        return text[: start + 1] + item + text[start + 1 :]
    anchor = comma if comma is not None else last_end
    # One element per line when the closing bracket is on a line of its own.
    if "\n" in text[anchor:close]:
        line_start = text.rfind("\n", 0, last_end) + 1
        indent = ""
        for ch in text[line_start:]:
            if ch not in " \t":
                break
            indent += ch
        eol = _line_end(text, anchor)
        insert = f"{nl}{indent}{item}" + ("," if comma is not None else "")
        head = text[:anchor] + ("" if comma is not None else ",") + text[anchor:eol]
        return head + insert + text[eol:]
    if comma is not None:
        return text[: comma + 1] + f" {item}," + text[comma + 1 :]
    return text[:last_end] + f", {item}" + text[last_end:]


def _insert_line(text: str, line_end: int, line: str, nl: str) -> str:
    """``text`` with ``line`` on a new line after the line ending at ``line_end``
    (the index of its ``\n``, or the end of the text)."""
    at = line_end - 1 if line_end > 0 and text[line_end - 1 : line_end] == "\r" else line_end
    return text[:at] + nl + line + text[at:]


def _table_of(data: dict, path: tuple[str, ...]) -> dict | None:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
        if data is None:
            return None
    return data if isinstance(data, dict) else None


def insert_word(text: str, word: str, table: tuple[str, ...]) -> str:
    """``text`` (a TOML document) with ``word`` appended to ``vocabulary`` in
    ``table`` (``()`` for the top level, ``("tool", "copydesk")`` in pyproject.toml).
    Raises ValueError when no minimal edit gives exactly that."""
    old = tomllib.loads(text)
    current = _table_of(old, table)
    vocab = current.get("vocabulary") if current is not None else None
    if vocab is not None and not isinstance(vocab, list):
        raise ValueError("vocabulary is not a list; write it as a list such as [\"word\"]")
    if vocab is not None and word in vocab:
        return text
    nl = "\r\n" if "\r\n" in text else "\n"
    item = json.dumps(word, ensure_ascii=False)
    entries, headers = _scan(text)
    target = table + ("vocabulary",)
    found = next((e for e in entries if e.path == target), None)
    if found is not None:
        if not text.startswith("[", found.value_start):
            raise ValueError("vocabulary is not written as an array")
        new = _array_append(text, found.value_start, found.value_end, item, nl)
    else:
        line = f"vocabulary = [{item}]"
        own = [e for e in entries if e.path[: len(table)] == table and len(e.path) == len(table) + 1]
        header = next((h for h in headers if h[0] == table), None)
        if own:
            # Beside the table's last key, written relative to the header above it
            # ("copydesk.vocabulary" under [tool]).
            key = ".".join(target[len(own[-1].table) :])
            new = _insert_line(text, own[-1].line_end, f"{key} = [{item}]", nl)
        elif header is not None:
            new = _insert_line(text, header[2], line, nl)
        elif table == ():
            first = headers[0][1] if headers else len(text)
            if first == len(text) and text and not text.endswith("\n"):
                new = text + nl + line + nl
            else:
                new = text[:first] + line + nl + (nl if headers else "") + text[first:]
        else:
            tail = "" if not text or text.endswith("\n") else nl
            new = text + tail + (nl if text else "") + f"[{'.'.join(table)}]" + nl + line + nl
    expected = copy.deepcopy(old)
    place = expected
    for part in table:
        place = place.setdefault(part, {})
    place.setdefault("vocabulary", []).append(word)
    try:
        parsed = tomllib.loads(new)
    except tomllib.TOMLDecodeError:
        raise ValueError("the edited file would not be valid TOML") from None
    if parsed != expected:
        raise ValueError("the vocabulary could not be edited without changing other settings")
    return new


# ------------------------------------------------------------------------ writing


def add_word(config: Path | None, word: str, new_dir: Path) -> Path:
    """Add ``word`` to the vocabulary of the configuration file ``config`` (or of a
    new ``copydesk.toml`` in ``new_dir`` when there is none); returns the file written.
    Raises :class:`VocabularyError` with a one-line message."""
    from linter.sources import decode
    from linter.writer import WriteError, write_text_atomic

    if not word or not word.isprintable() or len(word) > 100:
        raise VocabularyError(f"{word!r}: not a word that can be added to the vocabulary")
    if config is None:
        config = new_dir / "copydesk.toml"
        if not config.exists():
            try:
                write_text_atomic(str(config), f"vocabulary = [{json.dumps(word, ensure_ascii=False)}]\n")
            except WriteError as exc:
                raise VocabularyError(str(exc)) from None
            return config
    try:
        source = decode(config.read_bytes())
    except OSError as exc:
        raise VocabularyError(f"{config}: cannot read: {reason(exc)}") from None
    table = ("tool", "copydesk") if config.name == "pyproject.toml" else ()
    try:
        settings = _table_of(tomllib.loads(source.text), table) or {}
    except tomllib.TOMLDecodeError as exc:
        raise VocabularyError(f"{config}: invalid TOML: {exc}; fix it to add words") from None
    target = config
    vocab_file = settings.get("vocabulary-file")
    if "vocabulary" not in settings and isinstance(vocab_file, str) and vocab_file:
        target = Path(vocab_file) if Path(vocab_file).is_absolute() else config.parent / vocab_file
        try:
            words = decode(target.read_bytes())
        except OSError as exc:
            raise VocabularyError(f"{target}: cannot read: {reason(exc)}") from None
        if word in (line.strip() for line in words.text.splitlines()):
            return target
        nl = "\r\n" if "\r\n" in words.text else "\n"
        sep = "" if not words.text or words.text.endswith("\n") else nl
        new_text, bom, original = words.text + sep + word + nl, words.bom, words.text
    else:
        try:
            new_text = insert_word(source.text, word, table)
        except ValueError as exc:
            raise VocabularyError(f"{config}: cannot add {word!r} to the vocabulary: {exc}; add it by hand") from None
        bom, original = source.bom, source.text
        if new_text == source.text:
            return config
    try:
        write_text_atomic(str(target), new_text, bom=bom, original=original)
    except WriteError as exc:
        raise VocabularyError(str(exc)) from None
    return target
