"""The parsed data index (rules/data/_index.json) is current, answers what parsing and
analysing would, and never answers for data or code it was not built from."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from linter.rules.boilerplate import _patterns
from linter.rules.support import datafile

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_index_is_current():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_data_index.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_every_data_file_reads_as_its_parse():
    paths = sorted(datafile.DATA.glob("*.toml"))
    assert paths
    for path in paths:
        assert datafile.load_toml(path) == tomllib.loads(path.read_text(encoding="utf-8")), path.name


def test_an_index_entry_whose_hash_differs_is_not_used(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "sample.toml"
    path.write_text('words = ["one", "two"]\n', encoding="utf-8")
    index = data / "_index.json"
    stale = {"hash": datafile.digest(b"something else"), "data": {"words": ["stale"]}}
    index.write_text(json.dumps({"version": datafile.VERSION, "toml": {"sample.toml": stale},
                                 "derived": {"x": stale}}), encoding="utf-8")
    monkeypatch.setattr(datafile, "DATA", data)
    monkeypatch.setattr(datafile, "INDEX", index)
    monkeypatch.setattr(datafile, "_INDEX", None)
    assert datafile.load_toml(path) == {"words": ["one", "two"]}
    assert datafile.derived("x", b"the code now") is None
    current = {"hash": datafile.digest(path.read_bytes()), "data": {"words": ["from the index"]}}
    index.write_text(json.dumps({"version": datafile.VERSION, "toml": {"sample.toml": current}}), encoding="utf-8")
    monkeypatch.setattr(datafile, "_INDEX", None)
    assert datafile.load_toml(path) == {"words": ["from the index"]}
    # An index of another layout, or none at all, is ignored.
    index.write_text(json.dumps({"version": -1, "toml": {"sample.toml": current}}), encoding="utf-8")
    monkeypatch.setattr(datafile, "_INDEX", None)
    assert datafile.load_toml(path) == {"words": ["one", "two"]}
    index.unlink()
    monkeypatch.setattr(datafile, "_INDEX", None)
    assert datafile.load_toml(path) == {"words": ["one", "two"]}


def test_the_recorded_analyses_are_those_made_afresh():
    _source, analyses = _patterns.analyses()
    assert analyses
    for pattern, recorded in analyses.items():
        start, required, _width = recorded
        assert _patterns._start(pattern) == (None if start is None else (start[0], tuple(start[1])))
        assert _patterns._required(pattern) == required


@pytest.mark.parametrize(
    ("pattern", "width"),
    [("abc", 3), ("ab{0,3}c", 5), (r"(?:jan|february) \d{1,2}", 11), ("x(?!abcdef)", 1),
     ("a*b", None), (r"\s+by", None), (r"(a)\1", None)],
)
def test_the_width_bounds_every_match(pattern, width):
    assert _patterns._max_width(pattern) == width
    if width is not None:
        compiled = regex.compile(pattern, regex.IGNORECASE | regex.V0)
        # The longest text the pattern matches is exactly that wide, a longer one never.
        longest = {"abc": "ABC", "ab{0,3}c": "abbbc", r"(?:jan|february) \d{1,2}": "February 28",
                   "x(?!abcdef)": "x"}[pattern]
        assert compiled.fullmatch(longest) and len(longest) == width


def test_a_line_longer_than_every_match_is_never_matched_and_the_verdicts_agree(monkeypatch):
    """The width test is only a shortcut: with no index, every line is judged the same."""
    lines = ["Share this article", "All rights reserved.", "Posted on May 4, 2012 at 9:41am",
             "The council met on May 4, 2012 to discuss the budget for the coming year, and the "
             "mayor said the plans would be published soon.", "Related stories", "By Jane Doe"]
    with_index = [getattr(_patterns.match_line(line), "name", None) for line in lines]
    monkeypatch.setattr(datafile, "_INDEX", {})
    monkeypatch.setattr(_patterns, "_ANALYSES", None)
    monkeypatch.setattr(_patterns, "_LINE_KINDS", None)
    monkeypatch.setattr(_patterns, "_START_INDEX", None)
    without = [getattr(_patterns.match_line(line), "name", None) for line in lines]
    assert with_index == without
    assert with_index[0] is not None and with_index[3] is None
    monkeypatch.setattr(_patterns, "_ANALYSES", None)
    monkeypatch.setattr(_patterns, "_LINE_KINDS", None)
    monkeypatch.setattr(_patterns, "_START_INDEX", None)
    monkeypatch.setattr(datafile, "_INDEX", None)
