"""Safety promises: a safe fix never damages text outside what it means to change."""

from __future__ import annotations

import pytest

from linter import Document, Linter
from linter.diagnostic import Applicability


def _fix(text: str, level: Applicability = Applicability.SAFE) -> str:
    return Linter().fix(Document(text), level).text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pledges of s\u200bupport.", "Pledges of support."),
        ("The the\u00adthe council.", "The thethe council."),
    ],
)
def test_touching_fixes_do_not_join_into_a_wrong_word(text, expected):
    assert _fix(text) == expected


@pytest.mark.parametrize(
    "text",
    ["The band played Please Please Me at the show.", "She starred in Soldier Soldier for years."],
)
def test_capitalised_doubling_is_not_fixed_safely(text):
    assert _fix(text) == text
    codes = [d.code for d in Linter(["TP001"]).lint(Document(text)).diagnostics]
    for d in Linter(["TP001"]).lint(Document(text)).diagnostics:
        assert d.fix is None or d.fix.applicability < Applicability.SAFE, codes


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Patients undergo  \r\n undergo a test.\r\n", "Patients undergo\r\na test.\r\n"),
        ("Patients undergo\nundergo a test.\n", "Patients undergo\na test.\n"),
        ("Patients undergo\r\nundergo\r\nthe test.\r\n", "Patients undergo\r\nthe test.\r\n"),
    ],
)
def test_doubled_word_across_a_line_end_keeps_the_line_break(text, expected):
    assert Linter(["TP001"]).fix(Document(text), Applicability.SAFE).text == expected


@pytest.mark.parametrize("text", ["It was an مرحبا interview.", "He gave a интервью to the paper.", "It was a 東京 event."])
def test_article_is_not_decided_by_a_word_in_another_script(text):
    assert not Linter(["TP003"]).lint(Document(text)).diagnostics


def test_repeated_paragraph_is_not_deleted_by_a_safe_fix():
    line = "Add one cup of flour and two spoons of sugar to the bowl, then stir the mixture well."
    text = f"{line}\n\nLeave it to rest for ten minutes in a warm place.\n\n{line}\n\nBake for an hour.\n"
    linted = Linter(["BP003"]).lint(Document(text)).diagnostics
    assert linted, "BP003 should still report the repeat"
    assert all(d.fix.applicability < Applicability.SAFE for d in linted if d.fix)
    assert Linter(["BP003"]).fix(Document(text), Applicability.SAFE).text == text


# ------------------------------------------------------------------ config errors

PROSE = "The council met on Tuesday and approved the plan for the new library.\n"


def _run(capsys, *args):
    from linter.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "pyproject, words",
    [
        ("[tool.copydesk\n", ["pyproject.toml", "invalid TOML"]),
        ("[tool]\ncopydesk = 3\n", ["pyproject.toml", "tool.copydesk", "table"]),
        ("[tool.copydesk]\nmax-file-size = 1e400\n", ["pyproject.toml", "max-file-size"]),
    ],
)
def test_bad_pyproject_is_a_one_line_error_naming_file_and_key(tmp_path, monkeypatch, capsys, pyproject, words):
    (tmp_path / "pyproject.toml").write_text(pyproject)
    (tmp_path / "a.txt").write_text(PROSE)
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "check", "a.txt")
    assert code == 2
    assert "internal error" not in err and "Traceback" not in err
    line = err.strip().splitlines()
    assert len(line) == 1, err
    for w in words:
        assert w in line[0]


def test_closed_stdin_is_a_clear_error(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", None)
    code, out, err = _run(capsys, "check", "-")
    assert code == 2
    assert "internal error" not in err and "stdin" in err
