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


# ------------------------------------------------------------- reads and writes


def _cli(*args, cwd=None, timeout=60):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "linter", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
def test_a_fifo_named_or_walked_does_not_hang(tmp_path):
    import os

    tree = tmp_path / "tree"
    tree.mkdir()
    os.mkfifo(tree / "pipe.txt")
    (tree / "a.txt").write_text(PROSE)
    walked = _cli("check", str(tree), timeout=30)
    assert walked.returncode in (0, 1), walked.stderr
    assert "pipe.txt" not in walked.stdout
    named = _cli("check", str(tree / "pipe.txt"), timeout=30)
    assert named.returncode == 2 and "not a regular file" in named.stderr


@pytest.mark.skipif(not __import__("os").path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_not_read_without_limit():
    result = _cli("check", "/dev/zero", timeout=30)
    assert result.returncode == 2 and "/dev/zero" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("name", ["pipe.jsonl", "pipe.jsonl.gz", "pipe.parquet"])
def test_a_fifo_named_as_a_record_file_does_not_hang(tmp_path, name):
    import os

    os.mkfifo(tmp_path / name)
    checked = _cli("check", name, cwd=tmp_path, timeout=30)
    assert checked.returncode == 2 and "not a regular file (a named pipe)" in checked.stderr
    cleaned = _cli("clean", "--no-progress", name, "out.jsonl", cwd=tmp_path, timeout=30)
    assert cleaned.returncode == 2 and "not a regular file (a named pipe)" in cleaned.stderr
    assert "Traceback" not in checked.stderr + cleaned.stderr
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.skipif(not __import__("os").path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_record_file_that_is_a_device_is_not_read(tmp_path):
    import os

    os.symlink("/dev/zero", tmp_path / "zero.jsonl")
    checked = _cli("check", "zero.jsonl", cwd=tmp_path, timeout=30)
    assert checked.returncode == 2 and "not a regular file (a device)" in checked.stderr
    cleaned = _cli("clean", "--no-progress", "zero.jsonl", "out.jsonl", cwd=tmp_path, timeout=30)
    assert cleaned.returncode == 2 and "not a regular file (a device)" in cleaned.stderr


@pytest.mark.skipif(not __import__("os").path.exists("/dev/zero"), reason="no /dev/zero")
def test_stdin_is_read_no_further_than_the_file_size_limit(tmp_path):
    import subprocess
    import sys

    (tmp_path / "copydesk.toml").write_text("max-file-size = 1\n")
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "linter", "check", "-"], cwd=tmp_path, stdin=zero,
            capture_output=True, text=True, timeout=30,
        )
    assert result.returncode == 2
    assert "stdin: skipped: more than the 1 MB limit" in result.stderr and "Traceback" not in result.stderr


def test_walk_skips_a_symlink_out_of_the_tree_and_fix_never_writes_there(tmp_path, capsys):
    import os

    outside = tmp_path / "outside.txt"
    outside.write_text("Outside the the file stays as it is.\n")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "in.txt").write_text("Inside the the file is fixed.\n")
    os.symlink(outside, tree / "link.txt")
    os.symlink("in.txt", tree / "inlink.txt")
    code, out, err = _run(capsys, "check", "--fix", str(tree))
    assert outside.read_text() == "Outside the the file stays as it is.\n"
    assert (tree / "in.txt").read_text() == "Inside the file is fixed.\n"
    assert os.path.islink(tree / "link.txt") and os.path.islink(tree / "inlink.txt")


def test_fix_leaves_a_read_only_file_alone(tmp_path, capsys):
    import os

    f = tmp_path / "a.txt"
    f.write_text("The the council met.\n")
    os.chmod(f, 0o444)
    try:
        code, out, err = _run(capsys, "check", "--fix", str(f))
        assert f.read_text() == "The the council met.\n"
        assert "read-only" in err
        assert code == 2
        # the finding left in the file is reported, and the summary does not claim success
        assert "TP001" in out and "1 remaining" in out and "not written" in out
        assert "All checks passed" not in out
    finally:
        os.chmod(f, 0o644)


def test_fix_keeps_hard_links_by_not_splitting_them(tmp_path, capsys):
    import os

    f = tmp_path / "a.txt"
    f.write_text("The the council met.\n")
    os.link(f, tmp_path / "b.txt")
    code, out, err = _run(capsys, "check", "--fix", str(f))
    assert os.stat(f).st_nlink == 2 and os.path.samefile(f, tmp_path / "b.txt")
    assert "hard link" in err and code == 2


@pytest.mark.skipif(getattr(__import__("os"), "geteuid", lambda: 1)() != 0, reason="needs root to own a file for another user")
def test_fix_keeps_the_owner(tmp_path, capsys):
    import os

    f = tmp_path / "a.txt"
    f.write_text("The the council met.\n")
    os.chown(f, 12345, 12345)
    _run(capsys, "check", "--fix", str(f))
    assert f.read_text() == "The council met.\n"
    info = os.stat(f)
    assert (info.st_uid, info.st_gid) == (12345, 12345)


def test_file_changed_during_fix_is_not_overwritten(tmp_path, capsys, monkeypatch):
    import linter.run.check

    f = tmp_path / "a.txt"
    f.write_text("The the council met.\n")
    real_check = linter.run.check.check_text

    def edit_meanwhile(plan, text, *args, **kwargs):
        f.write_text("An editor's new text, the the same file.\n")
        return real_check(plan, text, *args, **kwargs)

    monkeypatch.setattr(linter.run.check, "check_text", edit_meanwhile)
    import linter.cli

    if hasattr(linter.cli, "check_text"):
        monkeypatch.setattr(linter.cli, "check_text", edit_meanwhile)
    code, out, err = _run(capsys, "check", "--fix", str(f))
    assert f.read_text() == "An editor's new text, the the same file.\n"
    assert "changed while" in err


def test_stale_temporary_files_of_dead_writers_are_removed(tmp_path):
    import subprocess
    import sys

    from linter.writer import write_text_atomic

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    stale = tmp_path / f".out.jsonl.{pid}.abc123.copydesk-tmp"
    stale.write_text("half a file")
    live = tmp_path / f".out.jsonl.{__import__('os').getpid()}.zzz.copydesk-tmp"
    live.write_text("being written")
    write_text_atomic(str(tmp_path / "out.jsonl"), "{}\n")
    assert not stale.exists()
    assert live.exists()
    assert (tmp_path / "out.jsonl").read_text() == "{}\n"


# --------------------------------------------------------------- time limit


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="no interval timer here")
def test_corpus_document_over_the_time_limit_is_rejected_as_timeout(tmp_path):
    import json

    from linter.clean import Cleaner
    from linter.run.clean import clean_file

    class Stalling(Linter):
        def lint(self, doc):
            if "stall" in doc.text:
                while True:
                    pass
            return super().lint(doc)

    src = tmp_path / "in.jsonl"
    records = [
        {"id": "a", "text": PROSE * 4},
        {"id": "b", "text": "This record would stall the run. " + PROSE * 4},
        {"id": "c", "text": PROSE * 4},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    cleaner = Cleaner(Stalling(["TP001"]), time_limit=0.5)
    summary = clean_file(str(src), str(tmp_path / "out.jsonl"), cleaner, rejects=str(tmp_path / "rej.jsonl"), jobs=1)
    rejected = [json.loads(line) for line in (tmp_path / "rej.jsonl").read_text().splitlines()]
    kept = [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    reasons = {r["id"]: r["reasons"] for r in rejected}
    assert reasons["b"] == ["timeout"]
    # the others were judged as usual (by the quality gate), not timed out
    assert all("timeout" not in reasons.get(i, []) for i in ("a", "c"))
    assert sorted(kept + list(reasons)) == ["a", "b", "c"]


def test_repeated_words_share_one_string():
    doc = Document("the council and the mayor met the press " * 50)
    the = [w.text for w in doc.words if w.text == "the"]
    assert len(the) == 150 and all(t is the[0] for t in the)


def test_words_read_as_spans_from_compact_arrays():
    doc = Document("One two, three-four five")
    words = doc.words
    assert [w.text for w in words] == ["One", "two", "three-four", "five"]
    assert words[1] == (4, 7, "two") and words[-1].start == 20
    assert [w.text for w in words[1:3]] == ["two", "three-four"]
    assert [w.text for w in reversed(words)][0] == "five"
    assert doc.word_index_at(5) == 1 and doc.word_index_at(8) == 2


def test_compact_words_of_a_long_document_read_the_same(monkeypatch):
    import linter.document as document
    from linter.api import lint_text

    text = "The the council met. an apple fell, said Jon Smyth and Jon Smith. " * 40
    short = Document(text)
    expected = [tuple(w) for w in short.words]
    before = [(d.code, d.start, d.end, d.message) for d in lint_text(text)]
    monkeypatch.setattr(document, "COMPACT_WORDS_CHARS", 0)
    long = Document(text)
    assert isinstance(long.words, document.Words)
    assert [tuple(w) for w in long.words] == expected
    assert long.word_index_at(30) == short.word_index_at(30)
    assert [(d.code, d.start, d.end, d.message) for d in lint_text(text)] == before


def test_time_limit_is_configurable_and_the_command_line_wins(tmp_path, monkeypatch):
    import json

    import linter.cli.clean as cli_clean
    from linter.clean import build_cleaner
    from linter.cli import main
    from linter.config import DEFAULT_TIME_LIMIT, load_config

    assert build_cleaner(load_config(None, [str(tmp_path)])).time_limit == DEFAULT_TIME_LIMIT
    (tmp_path / "copydesk.toml").write_text("time-limit = 0.25\n")
    assert build_cleaner(load_config(None, [str(tmp_path)])).time_limit == 0.25
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": PROSE}) + "\n")
    seen = []
    real = cli_clean.clean_file

    def spy(path, out, cleaner, **kwargs):
        seen.append(cleaner.time_limit)
        return real(path, out, cleaner, **kwargs)

    monkeypatch.setattr(cli_clean, "clean_file", spy)
    monkeypatch.chdir(tmp_path)
    assert main(["clean", "in.jsonl", "out.jsonl", "--no-progress", "--jobs", "1"]) == 0
    assert main(["clean", "in.jsonl", "out2.jsonl", "--no-progress", "--jobs", "1", "--time-limit", "3"]) == 0
    assert seen == [0.25, 3.0]
