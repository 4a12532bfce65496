"""The rules' TOML data files, read through a parsed index shipped beside them.

Parsing every ``rules/data/*.toml`` file and analysing the boilerplate patterns in them
costs more than checking a short article. ``rules/data/_index.json`` holds each file
parsed (with a hash of its bytes) and any analysis derived from the data (with a hash
of what it was derived from): an entry is used only while its hash still matches, so an
edited data file or analysing code is read afresh, never answered from a stale index.
``python tools/build_data_index.py`` writes the index; a test fails when it is stale.
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).resolve().parent.parent / "data"
INDEX = DATA / "_index.json"
# The index's layout; an index of another version is ignored.
VERSION = 1

_INDEX: dict | None = None


def digest(data: bytes) -> str:
    """The hash recorded for ``data`` in the index: its length and CRC-32 (an edit
    that keeps both is vanishingly unlikely, and ``hashlib`` costs more to import than
    the whole check of a short article)."""
    return f"{len(data)}:{zlib.crc32(data):08x}"


def _index() -> dict:
    global _INDEX
    if _INDEX is None:
        try:
            raw = json.loads(INDEX.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raw = {}
        _INDEX = raw if isinstance(raw, dict) and raw.get("version") == VERSION else {}
    return _INDEX


def load_toml(path: Path) -> dict:
    """The parsed TOML file at ``path``: from the index while it holds the file as it
    is now, otherwise parsed."""
    data = path.read_bytes()
    entry = _index().get("toml", {}).get(path.name) if path.parent == DATA else None
    if entry is not None and entry.get("hash") == digest(data):
        return entry["data"]
    return tomllib.loads(data.decode("utf-8"))


def derived(name: str, source: bytes) -> dict | None:
    """The analysis recorded under ``name``, if it was derived from exactly ``source``
    (the code and data it depends on); None otherwise."""
    entry = _index().get("derived", {}).get(name)
    if entry is not None and entry.get("hash") == digest(source):
        return entry["data"]
    return None


def build(derived_entries: dict[str, tuple[bytes, dict]]) -> str:
    """The text of an index holding every TOML file of ``rules/data`` and the given
    analyses (name -> (source, data)); a file whose parse JSON cannot hold exactly
    (a date, say) is left out and always parsed."""
    toml: dict[str, dict] = {}
    for path in sorted(DATA.glob("*.toml")):
        data = path.read_bytes()
        parsed = tomllib.loads(data.decode("utf-8"))
        if json.loads(json.dumps(parsed)) == parsed:
            toml[path.name] = {"hash": digest(data), "data": parsed}
    out = {
        "version": VERSION,
        "toml": toml,
        "derived": {name: {"hash": digest(src), "data": d} for name, (src, d) in sorted(derived_entries.items())},
    }
    return json.dumps(out, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
