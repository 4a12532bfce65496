"""The sample articles in seeds/: dirty ones give exactly their listed findings, clean
ones none, and fixing them all (unsafe included) leaves nothing fixable behind."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from linter import Applicability, Document, Linter

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EXPECTED = tomllib.loads((SEEDS / "expected.toml").read_text(encoding="utf-8"))["finding"]
FILES = sorted(p for p in SEEDS.rglob("*") if p.suffix in (".txt", ".md") and p.name != "README.md")


@pytest.fixture(scope="module")
def linter():
    return Linter()


def _doc(path: Path) -> Document:
    kind = "markdown" if path.suffix == ".md" else "text"
    return Document(path.read_text(encoding="utf-8"), str(path), kind=kind)


def _findings(linter, path):
    doc = _doc(path)
    return doc, linter.lint(doc).diagnostics


def test_seed_folders_are_not_empty():
    assert any("clean" in p.parts for p in FILES)
    assert any("dirty" in p.parts for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SEEDS)))
def test_seed_file_gives_exactly_its_listed_findings(linter, path):
    rel = path.relative_to(SEEDS).as_posix()
    doc, found = _findings(linter, path)
    got = Counter((d.code, doc.text[d.start : d.end]) for d in found)
    want = Counter((e["code"], e["text"]) for e in EXPECTED if e["file"] == rel)
    if rel.startswith("clean/"):
        assert not want, "clean seeds must not list findings"
    assert got == want, f"unexpected: {got - want}; missing: {want - got}"
    for d in found:
        e = next(e for e in EXPECTED if e["file"] == rel and e["code"] == d.code and e["text"] == doc.text[d.start : d.end])
        assert (str(d.fix.applicability) if d.fix else "none") == e["fix"], (d.code, d.message)
        if "replacement" in e:  # what the flagged text reads once the fix is applied
            fixed = d.fix.apply(doc.text)
            assert fixed[d.start : d.start + len(e["replacement"])] == e["replacement"]
            assert fixed[d.start + len(e["replacement"]) :] == doc.text[d.end :]
        if "message" in e:
            assert e["message"] in d.message


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SEEDS)))
def test_fixing_a_seed_leaves_nothing_fixable(linter, path):
    doc = _doc(path)
    result = linter.fix(doc, Applicability.UNSAFE)
    assert not result.hit_cap
    again = linter.lint(Document(result.text, str(path), kind=doc.kind)).diagnostics
    assert not [d for d in again if d.fix and d.fix.applicability >= Applicability.UNSAFE]
    assert linter.fix(Document(result.text, str(path), kind=doc.kind), Applicability.UNSAFE).text == result.text
