"""One parametrised test over every rule's case file, ``tests/cases/<CODE>.toml``.

A case file holds ``[[fail]]`` cases (the rule must flag them) and ``[[pass]]`` cases
(it must stay silent). Keys of a case:

* ``text``: the document text (required);
* ``kind``: ``text`` (default) or ``markdown``;
* ``read_as``: an encoding (``latin-1``, ``cp1252``): the text is saved in it and read
  back as copydesk reads a file (UTF-8 with ``surrogateescape``), so cases can hold
  bytes that are not valid UTF-8, which TOML strings cannot;
* ``options``: the rule's options; ``vocabulary``/``names``/``languages``: settings;
* fail only: ``count`` (exact number of findings; by default one per ``flagged`` span
  when that is a list, else exactly one), ``flagged`` (the exact text of the
  first finding's span, or a list of spans for all of them), ``message`` (a substring
  of the first message), ``fix`` (the text after applying the rule's fixes, unsafe
  included, to a fixed point; ``fix = false`` asserts that no finding has a fix),
  ``applicability`` (the first finding's fix applicability).

For every fixed case the harness also checks that the fixed text no longer triggers
the rule and that fixing again changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from linter import Applicability, Document, Linter, Settings
from linter.registry import all_rules

CASES_DIR = Path(__file__).parent / "cases"


def _load_cases():
    params = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        code = path.stem
        for kind in ("fail", "pass"):
            for i, case in enumerate(data.get(kind, [])):
                label = case.get("name") or case["text"][:40].replace("\n", " ")
                params.append(pytest.param(code, kind, case, id=f"{code}-{kind}{i}-{label}"))
    return params


def _linter(code: str, case: dict) -> Linter:
    settings = Settings(
        vocabulary=frozenset(case.get("vocabulary", [])),
        names=case.get("names", {}),
        languages=tuple(case.get("languages", ["en"])),
    )
    return Linter([code], settings=settings, rule_options={code: case.get("options", {})})


def _doc(case: dict, text: str | None = None) -> Document:
    return Document(case["text"] if text is None else text, "case.txt", kind=case.get("kind", "text"))


def _expected_count(case: dict) -> int:
    """The number of findings a fail case asserts: ``count``, else one per ``flagged``
    span when a list is given, else exactly one."""
    if "count" in case:
        return case["count"]
    flagged = case.get("flagged")
    return len(flagged) if isinstance(flagged, list) else 1


@pytest.mark.parametrize("code,kind,case", _load_cases())
def test_case(code, kind, case):
    if "read_as" in case:
        raw = case["text"].encode(case["read_as"])
        case = {**case, "text": raw.decode("utf-8", errors="surrogateescape")}
    assert code in all_rules(), f"case file for unknown rule {code}"
    linter = _linter(code, case)
    found = [d for d in linter.lint(_doc(case)).diagnostics if d.code == code]
    if kind == "pass":
        assert not found, f"unexpected: {[(d.message, case['text'][d.start:d.end]) for d in found]}"
        return
    assert found, "the rule did not flag this text"
    declared = all_rules()[code].fix_applicability
    offered = {d.fix.applicability for d in found if d.fix}
    assert offered <= set(declared), f"{code} offers {offered} but declares {declared}"
    text = case["text"]
    assert len(found) == _expected_count(case), [(d.message, text[d.start : d.end]) for d in found]
    if "flagged" in case:
        spans = [text[d.start : d.end] for d in found]
        want = case["flagged"]
        if isinstance(want, list):
            assert spans == want
        else:
            assert spans[0] == want
    if "message" in case:
        assert case["message"] in found[0].message
    if "severity" in case:
        assert all(str(d.severity.name).lower() == case["severity"] for d in found), [d.severity for d in found]
    if "applicability" in case:
        assert found[0].fix is not None
        assert str(found[0].fix.applicability) == case["applicability"]
    if "fix" in case:
        if case["fix"] is False:
            assert all(d.fix is None or d.fix.applicability == Applicability.DISPLAY for d in found)
            return
        result = linter.fix(_doc(case), Applicability.UNSAFE)
        assert result.text == case["fix"]
        assert not result.hit_cap
        again = [d for d in linter.lint(_doc(case, result.text)).diagnostics if d.code == code and d.fix]
        assert not again, f"fixed text still triggers {code}: {[d.message for d in again]}"
        assert linter.fix(_doc(case, result.text), Applicability.UNSAFE).text == result.text


def test_every_rule_has_a_case_file():
    missing = [c for c in all_rules() if not (CASES_DIR / f"{c}.toml").exists()]
    assert not missing, f"rules without tests/cases/<CODE>.toml: {missing}"


def test_every_case_file_has_fail_and_pass_cases():
    for path in CASES_DIR.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data.get("fail") and data.get("pass"), f"{path.name} needs [[fail]] and [[pass]] cases"


def test_fail_case_count_defaults_to_one_finding_or_one_per_flagged_span():
    assert _expected_count({"text": "x"}) == 1
    assert _expected_count({"text": "x", "flagged": "a"}) == 1
    assert _expected_count({"text": "x", "flagged": ["a", "b"]}) == 2
    assert _expected_count({"text": "x", "count": 4, "flagged": "a"}) == 4
