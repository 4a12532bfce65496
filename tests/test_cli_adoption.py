"""What a team hits in its first week: exclusions of named files, ruff's option names,
output formats for CI, baselines, fix selection and showing the settings."""

from __future__ import annotations

import json

import pytest

from linter.cli import main

DIRTY = "The minister said the the talks would resume.\n"
CLEAN = "A clean sentence.\n"
SEL = ["--select", "TP001", "--no-progress"]


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ------------------------------------------------------------ named excluded files


@pytest.fixture
def archive(work):
    (work / "pyproject.toml").write_text('[tool.copydesk]\nextend-exclude = ["archive/"]\n')
    (work / "archive").mkdir()
    (work / "archive" / "old.txt").write_text(DIRTY)
    (work / "new.txt").write_text(CLEAN)
    return work


def test_a_named_excluded_file_is_checked(archive, capsys):
    code, out, err = run(capsys, "check", "archive/old.txt", *SEL)
    assert code == 1 and "archive/old.txt:1:" in out and "TP001" in out


def test_force_exclude_says_what_it_left_out(archive, capsys):
    code, out, err = run(capsys, "check", "--force-exclude", "archive/old.txt", *SEL)
    assert code == 0 and out == ""
    assert err == "copydesk: 1 file excluded by the configuration (--force-exclude); nothing to check\n"
    code, out, err = run(capsys, "check", "--force-exclude", "archive/old.txt", "new.txt", *SEL)
    assert code == 0 and err == ""
    assert out == "All checks passed (1 file checked). 1 file excluded.\n"


def test_force_exclude_still_walks_directories_as_before(archive, capsys):
    code, out, _ = run(capsys, "check", "--force-exclude", ".", *SEL)
    assert code == 0 and "1 file checked" in out


def test_pre_commit_hooks_pass_force_exclude():
    from pathlib import Path

    hooks = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entries = [line.split(":", 1)[1].strip() for line in hooks.splitlines() if line.strip().startswith("entry:")]
    assert len(entries) == 2 and all("--force-exclude" in e for e in entries)
