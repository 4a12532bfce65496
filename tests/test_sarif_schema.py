"""SARIF output against the official SARIF 2.1.0 schema (tests/data/sarif)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.cli import main

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
DIRTY = "Intro line.\nThe minister said the the talks would resume.\n"


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(log)


def sarif(capsys, *args) -> tuple[int, dict]:
    code = main(["check", "--output-format", "sarif", "--no-progress", *args])
    out, _ = capsys.readouterr()
    return code, json.loads(out)


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_schema_and_its_licence_are_shipped():
    here = Path(__file__).parent / "data" / "sarif"
    assert SCHEMA["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    assert "OASIS" in (here / "LICENSE").read_text(encoding="utf-8")


def test_a_run_with_findings_is_valid_sarif_with_fingerprints_and_invocation(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    code, log = sarif(capsys, "a.txt")
    assert code == 1
    validate(log)
    run = log["runs"][0]
    assert run["invocations"] == [{"executionSuccessful": True}]
    result = next(r for r in run["results"] if r["ruleId"] == "TP001")
    first = result["partialFingerprints"]["copydesk/v1"]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "TP001")
    assert "TP001 doubled-word" in rule["help"]["markdown"]
    # the pypi page that does not exist is not named
    assert "pypi" not in json.dumps(run["tool"]["driver"])
    # lines added above: same fingerprint
    (work / "a.txt").write_text("New first line.\nAnother one.\n" + DIRTY)
    _, log = sarif(capsys, "a.txt")
    moved = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "TP001")
    assert moved["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert moved["partialFingerprints"]["copydesk/v1"] == first


def test_identical_findings_in_one_file_get_distinct_fingerprints(work, capsys):
    (work / "a.txt").write_text("He said the the word.\nHe said the the word.\n")
    _, log = sarif(capsys, "--select", "TP001", "a.txt")
    prints = [r["partialFingerprints"]["copydesk/v1"] for r in log["runs"][0]["results"]]
    assert len(prints) == 2 and len(set(prints)) == 2


def test_an_exit_2_run_says_it_failed_and_why(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    code, log = sarif(capsys, "a.txt", "missing.txt")
    assert code == 2
    validate(log)
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    notes = inv["toolExecutionNotifications"]
    assert len(notes) == 1 and notes[0]["level"] == "error" and "missing.txt" in notes[0]["message"]["text"]
    assert any(r["ruleId"] == "TP001" for r in log["runs"][0]["results"])


def test_help_uri_points_at_the_rule_row_of_the_readme_when_a_home_page_is_known(work, capsys, monkeypatch):
    from linter.report import sarif as sarif_module

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    monkeypatch.setattr(sarif_module, "home_url", lambda: "https://example.invalid/copydesk")
    (work / "a.txt").write_text(DIRTY)
    _, log = sarif(capsys, "a.txt")
    validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.invalid/copydesk"
    for rule in driver["rules"]:
        base, _, anchor = rule["helpUri"].partition("#")
        assert base == "https://example.invalid/copydesk"
        assert f'<a id="{anchor}"></a>{rule["id"]}' in readme


def test_render_sarif_is_valid_too():
    from linter import Document, Linter
    from linter.report.sarif import render_sarif

    linter = Linter(["TP001"])
    diags = linter.lint(Document(DIRTY, "a.txt")).diagnostics
    log = json.loads(render_sarif(diags, texts={"a.txt": DIRTY}, errors=["a.txt: boom"]))
    validate(log)
    assert log["runs"][0]["results"][0]["partialFingerprints"]["copydesk/v1"]
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
