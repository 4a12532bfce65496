"""The command line end to end: exit codes, formats, fixes, errors, configuration."""

from __future__ import annotations

import gzip
import json
import os
import re
import stat
import subprocess
import sys

import pytest

import linter.engine
import linter.run.check
import linter.registry
from linter.cli import main
from linter.diagnostic import Applicability, Category, Fix, Severity
from linter.rule import Rule

JSONL_KEYS = {
    "path", "code", "name", "category", "severity", "message", "start", "end",
    "line", "column", "end_line", "end_column", "fix",
}


class _Doc:
    """Summary.

    What it does:
        Test rule.
    Why it matters:
        Tests.
    Example:
        x
    Use instead:
        y
    Fix safety:
        See the code.
    Options:
        none.
    """


class UnsafeColour(Rule):
    __doc__ = _Doc.__doc__
    code = "XU901"
    name = "test-colour"
    category = Category.STYLE

    def check(self, doc):
        for w in doc.words:
            if w.text == "colour":
                yield self.diagnostic(w.start, w.end, "'colour' in US copy",
                                      Fix.replace(w.start, w.end, "color", Applicability.UNSAFE, "Write 'color'"))


class Flip(Rule):
    __doc__ = _Doc.__doc__
    code = "XU902"
    name = "test-flip"
    category = Category.STYLE
    default_enabled = False

    def check(self, doc):
        i = doc.text.find("FL")
        if i != -1 and doc.text[i : i + 4] in ("FLIP", "FLOP"):
            new = "FLOP" if doc.text[i : i + 4] == "FLIP" else "FLIP"
            yield self.diagnostic(i, i + 4, "flip", Fix.replace(i, i + 4, new, Applicability.SAFE, "flip"))


class InfoNote(Rule):
    __doc__ = _Doc.__doc__
    code = "XU903"
    name = "test-note"
    category = Category.STYLE
    severity = Severity.INFO

    def check(self, doc):
        for w in doc.words:
            if w.text == "note":
                yield self.diagnostic(w.start, w.end, "a note")


class Broken(Rule):
    __doc__ = _Doc.__doc__
    code = "XU904"
    name = "test-broken"
    category = Category.STYLE
    default_enabled = False

    def check(self, doc):
        if "boom" in doc.text:
            raise ValueError("cannot parse 'boom'")
        return iter(())


@pytest.fixture(autouse=True)
def test_rules(monkeypatch):
    real = linter.registry.all_rules()
    patched = dict(real, XU901=UnsafeColour, XU902=Flip, XU903=InfoNote, XU904=Broken)
    monkeypatch.setattr(linter.registry, "all_rules", lambda: patched)
    monkeypatch.setattr(linter.engine, "all_rules", lambda: patched)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


SEL = ["--select", "TP001,XU901,XU903", "--no-progress"]
DIRTY = "The minister said the the talks would resume.\nIts colour was red.\n"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# -------------------------------------------------------------------- exit codes


def test_clean_file_exits_0(work, capsys):
    (work / "a.txt").write_text("A clean sentence.\n")
    code, out, err = run(capsys, "check", "a.txt", *SEL)
    assert code == 0 and out == "All checks passed (1 file checked).\n" and err == ""


def test_findings_exit_1_with_text_format(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    code, out, err = run(capsys, "check", "a.txt", *SEL)
    assert code == 1
    assert out.splitlines()[:4] == [
        "a.txt:1:23: TP001 [typo] 'the' is repeated: 'the the'",
        "1 | The minister said the the talks would resume.",
        "  |                       ^^^",
        "= safe fix: Remove the second 'the'",
    ]
    assert "a.txt:2:5: XU901 [style] 'colour' in US copy" in out
    assert out.endswith("Found 2 findings in 1 file (1 fixable with --fix, 1 more with --unsafe-fixes).\n")
    assert "\033[" not in out


def test_fail_on_and_exit_zero(work, capsys):
    (work / "a.txt").write_text("Just a note here.\n")
    assert run(capsys, "check", "a.txt", *SEL)[0] == 0  # info is below the default fail-on
    assert run(capsys, "check", "a.txt", *SEL, "--fail-on", "info")[0] == 1
    (work / "b.txt").write_text(DIRTY)
    assert run(capsys, "check", "b.txt", *SEL, "--fail-on", "error")[0] == 0
    assert run(capsys, "check", "b.txt", *SEL, "--exit-zero")[0] == 0


def test_config_fail_on_and_severity(work, capsys):
    (work / "a.txt").write_text("Just a note here.\n")
    (work / "copydesk.toml").write_text('fail-on = "info"\n')
    assert run(capsys, "check", "a.txt", *SEL)[0] == 1
    (work / "copydesk.toml").write_text('fail-on = "error"\n[severity]\nXU903 = "error"\n')
    code, out, _ = run(capsys, "check", "a.txt", *SEL, "--format", "jsonl")
    assert code == 1 and json.loads(out)["severity"] == "error"


# ----------------------------------------------------------------------- formats


def test_jsonl_fields_and_positions_agree(work, capsys):
    text = "Intro — “quoted” line.\r\nThe the end, and colour.\r\n\r\nLast note.\n"
    (work / "a.txt").write_bytes(text.encode())
    code, out, _ = run(capsys, "check", "a.txt", *SEL, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(rows) == 3
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for row in rows:
        assert set(row) == JSONL_KEYS
        assert row["path"] == "a.txt"
        line = max(i for i, s in enumerate(starts) if s <= row["start"]) + 1
        assert row["line"] == line and row["column"] == row["start"] - starts[line - 1] + 1
    assert text[rows[0]["start"] : rows[0]["end"]] == "the"
    assert rows[0]["fix"]["edits"] == [{"start": 27, "end": 31, "replacement": ""}]
    assert rows[2]["fix"] is None


def test_json_format(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    code, out, _ = run(capsys, "check", "a.txt", *SEL, "--format", "json")
    doc = json.loads(out)
    assert code == 1 and len(doc["diagnostics"]) == 2
    assert doc["summary"]["findings"] == 2 and doc["summary"]["fixable"] == 1
    assert set(doc["diagnostics"][0]) == JSONL_KEYS


def test_sarif_format(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    code, out, _ = run(capsys, "check", "a.txt", *SEL, "--format", "sarif")
    log = json.loads(out)
    run0 = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert {r["id"] for r in run0["tool"]["driver"]["rules"]} == {"TP001", "XU901"}
    res = run0["results"][0]
    assert res["ruleId"] == "TP001" and res["level"] == "warning"
    assert res["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 23, "endLine": 1, "endColumn": 26
    }


def test_github_format(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    code, out, _ = run(capsys, "check", "a.txt", *SEL, "--format", "github")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 2
    assert lines[0] == "::warning file=a.txt,line=1,col=23,endLine=1,endColumn=26,title=TP001::'the' is repeated: 'the the'"
    for line in lines:
        assert re.fullmatch(r"::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=\w+::.+", line)


def test_statistics(work, capsys):
    (work / "a.txt").write_text(DIRTY + "the the\n")
    code, out, _ = run(capsys, "check", "a.txt", *SEL, "--statistics")
    assert out.splitlines()[:2] == ["2  TP001  [*] doubled-word", "1  XU901      test-colour"]
    code, out, _ = run(capsys, "check", "a.txt", *SEL, "--statistics", "--format", "json")
    report = json.loads(out)
    assert report["rules"][0] == {"code": "TP001", "name": "doubled-word", "count": 2, "fixable": 2}
    assert report["names"] == [] and report["summary"]["documents"] == 1
    code, _, err = run(capsys, "check", "a.txt", *SEL, "--statistics", "--format", "sarif")
    assert code == 2 and "--statistics works with" in err


def test_output_file_and_quiet(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    code, out, err = run(capsys, "check", "a.txt", *SEL, "--output", "report.jsonl", "--format", "jsonl")
    assert code == 1 and out == "" and len((work / "report.jsonl").read_text().splitlines()) == 2
    code, out, err = run(capsys, "check", "a.txt", *SEL, "--quiet")
    assert "Found" not in out and "TP001" in out


# --------------------------------------------------------------------- fixing


def test_check_never_writes(work, capsys):
    p = work / "a.txt"
    p.write_text(DIRTY)
    before = (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
    for fmt in ("text", "json", "jsonl", "sarif", "github"):
        run(capsys, "check", "a.txt", *SEL, "--format", fmt, "--unsafe-fixes")
    run(capsys, "check", "a.txt", *SEL, "--diff")
    assert (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) == before


def test_fix_safe_then_unsafe(work, capsys):
    p = work / "a.txt"
    p.write_text(DIRTY)
    code, out, _ = run(capsys, "check", "a.txt", *SEL, "--fix")
    assert p.read_text() == "The minister said the talks would resume.\nIts colour was red.\n"
    assert code == 1 and "XU901" in out and "Fixed 1 finding in 1 file; 1 remaining." in out
    code, out, _ = run(capsys, "check", "a.txt", *SEL, "--fix", "--unsafe-fixes")
    assert p.read_text() == "The minister said the talks would resume.\nIts color was red.\n"
    assert code == 0 and "Fixed 1 finding in 1 file; 0 remaining." in out


def test_fix_keeps_bom_crlf_mode_and_invalid_bytes(work, capsys):
    p = work / "a.txt"
    p.write_bytes(b"\xef\xbb\xbfThe the caf\xe9.\r\nSecond line.\r\n")
    p.chmod(0o640)
    code, out, _ = run(capsys, "check", "a.txt", "--select", "TP001,EN100", "--fix")
    assert p.read_bytes() == b"\xef\xbb\xbfThe caf\xe9.\r\nSecond line.\r\n"
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert code == 1 and "EN100 [encoding] invalid UTF-8: byte 0xE9 at byte offset 10" in out


def test_fix_leaves_unchanged_files_alone(work, capsys):
    clean, dirty = work / "clean.txt", work / "dirty.txt"
    clean.write_text("Nothing to fix.\n")
    dirty.write_text("The the end.\n")
    before = (clean.stat().st_mtime_ns, clean.stat().st_ino)
    run(capsys, "check", ".", *SEL, "--fix")
    assert (clean.stat().st_mtime_ns, clean.stat().st_ino) == before
    assert dirty.read_text() == "The end.\n"


def test_diff(work, capsys):
    p = work / "a.txt"
    p.write_text(DIRTY)
    code, out, err = run(capsys, "check", "a.txt", *SEL, "--diff")
    assert code == 1
    assert out.splitlines()[:2] == ["--- a.txt", "+++ a.txt"]
    assert "-The minister said the the talks would resume." in out
    assert "+The minister said the talks would resume." in out
    assert "colour" not in [line[1:] for line in out.splitlines() if line.startswith("+")]
    assert "Would fix 1 finding in 1 file." in err
    code, out, _ = run(capsys, "check", "a.txt", *SEL, "--diff", "--unsafe-fixes")
    assert "+Its color was red." in out
    (work / "b.txt").write_text("Clean.\n")
    assert run(capsys, "check", "b.txt", *SEL, "--diff")[:2] == (0, "")


def test_fix_cap_is_reported(work, capsys):
    (work / "a.txt").write_text("FLIP\n")
    code, out, err = run(capsys, "check", "a.txt", "--select", "XU902", "--fix", "--no-progress")
    assert "fixes were still changing the text after the pass limit" in err


def test_markdown_directives_via_cli(work, capsys):
    (work / "a.md").write_text(
        "<!-- copydesk: ignore-next-line TP001 -->\nThe the one.\n\n```\nand and\n```\n"
        "<!-- copydesk: disable doubled-word -->\nNothing here.\n<!-- copydesk: enable -->\n"
    )
    code, out, _ = run(capsys, "check", "a.md", "--select", "TP001,ST001", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["code"], r["line"]) for r in rows] == [("ST001", 7)]


# ------------------------------------------------------------------ configuration


def test_per_file_ignores(work, capsys):
    (work / "wire").mkdir()
    (work / "wire" / "a.txt").write_text(DIRTY)
    (work / "b.txt").write_text(DIRTY)
    (work / "pyproject.toml").write_text('[tool.copydesk.per-file-ignores]\n"wire/*.txt" = ["TP001"]\n')
    code, out, _ = run(capsys, "check", ".", *SEL, "--format", "jsonl")
    got = sorted((json.loads(x)["path"], json.loads(x)["code"]) for x in out.splitlines())
    assert got == [("b.txt", "TP001"), ("b.txt", "XU901"), (os.path.join("wire", "a.txt"), "XU901")]


def test_config_select_and_cli_override(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    (work / "copydesk.toml").write_text('select = ["XU901"]\n')
    code, out, _ = run(capsys, "check", "a.txt", "--format", "jsonl")
    assert [json.loads(x)["code"] for x in out.splitlines()] == ["XU901"]
    code, out, _ = run(capsys, "check", "a.txt", "--format", "jsonl", "--select", "TP001")
    assert [json.loads(x)["code"] for x in out.splitlines()] == ["TP001"]
    code, out, _ = run(capsys, "check", "a.txt", "--format", "jsonl", "--extend-select", "doubled-word", "--ignore", "style")
    assert [json.loads(x)["code"] for x in out.splitlines()] == ["TP001"]


@pytest.mark.parametrize(
    "config,needle",
    [
        ("selct = ['TP001']", "copydesk.toml: selct: unknown key; did you mean 'select'?"),
        ("fail-on = 'loud'", "copydesk.toml: fail-on: expected"),
        ("[rules.TP001]\nmax = 3", "copydesk.toml: rules.TP001.max: unknown option"),
        ("select = [", "copydesk.toml: invalid TOML"),
    ],
)
def test_config_errors_exit_2_one_line(work, capsys, config, needle):
    (work / "a.txt").write_text(DIRTY)
    (work / "copydesk.toml").write_text(config + "\n")
    code, out, err = run(capsys, "check", "a.txt")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("copydesk: error: ") and needle in err


# -------------------------------------------------------------------- bad input


def test_unknown_rule_did_you_mean(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    code, out, err = run(capsys, "check", "a.txt", "--select", "TP01")
    assert code == 2
    assert err == "copydesk: error: rule selection: unknown rule 'TP01'; did you mean 'TP001'?\n"
    code, out, err = run(capsys, "rule", "doubled-wrd")
    assert code == 2 and "did you mean 'doubled-word'?" in err


@pytest.mark.parametrize(
    "setup,args,needle",
    [
        ({}, ["missing.txt"], "missing.txt: no such file or directory"),
        ({"d/x.rst": b"x"}, ["d"], "d: nothing to check here"),
        ({"bin.txt": b"ab\x00cd"}, ["bin.txt"], "bin.txt: skipped: binary file (NUL byte at offset 2)"),
        ({}, ["--jobs", "-3", "."], "--jobs must be"),
        ({}, ["--format", "xml"], "invalid choice: 'xml'"),
        ({}, ["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_bad_input_exit_2(work, capsys, setup, args, needle):
    for rel, data in setup.items():
        (work / rel).parent.mkdir(parents=True, exist_ok=True)
        (work / rel).write_bytes(data)
    code, out, err = run(capsys, "check", *args)
    assert code == 2
    assert needle in err and "Traceback" not in err
    assert all(line.startswith("copydesk: error: ") for line in err.splitlines())


def test_bad_file_does_not_hide_others(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    (work / "b.txt").write_bytes(b"\x00")
    code, out, err = run(capsys, "check", ".", *SEL)
    assert code == 2 and "TP001" in out and "b.txt: skipped: binary file" in err


def test_empty_and_large_files(work, capsys):
    (work / "empty.txt").write_text("")
    code, out, _ = run(capsys, "check", "empty.txt", *SEL)
    assert code == 0 and "All checks passed" in out
    (work / "big.txt").write_bytes(b"word " * 1000)
    (work / "copydesk.toml").write_text("max-file-size = 0.001\n")
    code, out, err = run(capsys, "check", "big.txt", *SEL)
    assert code == 2 and "big.txt: skipped: 0.0 MB is over the 0.001 MB limit" in err
    assert out == "No findings in 0 files checked; 1 could not be checked (see the errors above).\n"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(work, capsys):
    p = work / "a.txt"
    p.write_text("x")
    p.chmod(0)
    code, _, err = run(capsys, "check", "a.txt", *SEL)
    assert code == 2 and "a.txt: permission denied" in err


def test_invalid_utf8_is_reported_not_fatal(work, capsys):
    (work / "a.txt").write_bytes("Ünal’s café\n".encode("utf-8") + b"Stra\xdfe\n")
    code, out, err = run(capsys, "check", "a.txt", "--select", "EN100", "--format", "jsonl")
    (row,) = [json.loads(x) for x in out.splitlines()]
    assert code == 1 and row["code"] == "EN100" and row["severity"] == "error"
    assert "byte 0xDF at byte offset 20" in row["message"] and (row["line"], row["column"]) == (2, 5)


# ------------------------------------------------------------------------ records


def _jsonl(path, rows, opener=open):
    with opener(path, "wt", encoding="utf-8") as fh:
        for r in rows:
            fh.write((r if isinstance(r, str) else json.dumps(r)) + "\n")


def test_jsonl_records(work, capsys):
    _jsonl(work / "c.jsonl", [{"id": "x/1", "text": "Clean."}, {"id": "x/2", "text": "One.\nThe the two."}, {"text": "colour"}])
    code, out, _ = run(capsys, "check", "c.jsonl", *SEL, "--format", "jsonl")
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 1
    assert [(r["doc_id"], r["code"], r["start"], r["line"], r["column"]) for r in rows] == [
        ("x/2", "TP001", 9, 2, 5),
        ("3", "XU901", 0, 1, 1),
    ]
    code, out, _ = run(capsys, "check", "c.jsonl", *SEL)
    assert out.startswith("c.jsonl:x/2:2:5: TP001 [typo]")
    assert "in 2 documents" in out


def test_jsonl_gz_fields_and_bad_lines(work, capsys):
    _jsonl(work / "c.jsonl.gz", [{"key": "k1", "body": "The the."}, "oops", {"key": "k3"}], gzip.open)
    code, out, err = run(capsys, "check", "c.jsonl.gz", *SEL, "--text-field", "body", "--id-field", "key", "--format", "jsonl")
    assert [json.loads(x)["doc_id"] for x in out.splitlines()] == ["k1"]
    assert code == 2
    assert "c.jsonl.gz: line 2: not valid JSON" in err and "c.jsonl.gz: line 3: no 'body' field" in err


def test_fix_refuses_records(work, capsys):
    _jsonl(work / "c.jsonl", [{"text": "The the."}])
    code, _, err = run(capsys, "check", "c.jsonl", *SEL, "--fix")
    assert code == 2 and "do not rewrite record files" in err


@pytest.mark.parametrize("file_batch", [1, 5])
def test_jobs_1_and_2_identical(work, capsys, monkeypatch, file_batch):
    monkeypatch.setattr(linter.run.check, "MIN_POOL_BYTES", 0)
    monkeypatch.setattr(linter.run.check, "MIN_POOL_FILES", 1)
    monkeypatch.setattr(linter.run.check, "RECORD_BATCH", 3)
    monkeypatch.setattr(linter.run.check, "_file_batch_size", lambda files, jobs: file_batch)
    for i in range(12):
        (work / f"f{i:02d}.txt").write_text(f"File {i} the the.\n" * (i % 3 + 1) + "colour\n")
    _jsonl(work / "r.jsonl", [{"id": i, "text": f"Rec {i}. The the {'colour' if i % 2 else ''}."} for i in range(20)])
    outputs = []
    for jobs in ("1", "2"):
        for fmt in ("text", "jsonl"):
            code, out, err = run(capsys, "check", ".", "r.jsonl", *SEL, "--jobs", jobs, "--format", fmt)
            assert code == 1 and err == ""
            outputs.append(out)
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]
    assert len(outputs[1].splitlines()) == 12 * 2 + 12 + 30


def test_file_batch_size():
    from linter.run.check import FILE_BATCH, _file_batch_size

    assert _file_batch_size(10, 2) == 1
    assert _file_batch_size(2225, 2) == FILE_BATCH
    assert 1 < _file_batch_size(200, 2) < FILE_BATCH


# -------------------------------------------------------------------------- rules


def test_rules_and_rule(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert out.splitlines()[0].split()[:6] == ["CODE", "NAME", "CATEGORY", "SEVERITY", "FIX", "DEFAULT"]
    assert re.search(r"^TP001\s+doubled-word\s+typo\s+warning\s+safe/unsafe\s+on\s+A word repeated", out, re.M)
    code, out, _ = run(capsys, "rules", "--format", "json")
    rows = {r["code"]: r for r in json.loads(out)}
    assert rows["EN100"]["name"] == "invalid-utf8" and rows["EN100"]["fix"] == "none"
    code, out, _ = run(capsys, "rule", "TP001")
    assert code == 0 and out.startswith("TP001 doubled-word\n") and "What it does:" in out
    code, out, _ = run(capsys, "rule", "invalid-utf8")
    assert "EN100 invalid-utf8" in out


def test_quality_rules_run_by_default_on_records_only(work, capsys):
    note = "A short note of nine words for the team."
    (work / "note.txt").write_text(note + "\n")
    (work / "note.md").write_text(note + "\n")
    (work / "notes.jsonl").write_text(json.dumps({"id": "n1", "text": note}) + "\n")
    code, out, _ = run(capsys, "check", "note.txt", "note.md", "--no-progress")
    assert code == 0 and "QL001" not in out
    code, out, _ = run(capsys, "check", "notes.jsonl", "--no-progress")
    assert code == 1 and "notes.jsonl:n1:1:1: QL001" in out
    # Named on the command line or in the configuration, they run on files too.
    for args in (["--extend-select", "QL"], ["--select", "QL001"]):
        code, out, _ = run(capsys, "check", "note.txt", "--no-progress", *args)
        assert code == 1 and "note.txt:1:1: QL001" in out
    (work / "copydesk.toml").write_text('extend-select = ["quality"]\n')
    code, out, _ = run(capsys, "check", "note.txt", "--no-progress")
    assert code == 1 and "QL001" in out
    code, out, _ = run(capsys, "rules")
    assert re.search(r"^QL001\s+word-count\s+quality\s+warning\s+none\s+records\s", out, re.M)
    # The legend under the table says what "records" means and how to opt in.
    legend = out.split("\n\n", 1)[1]
    assert "records = corpus gates" in legend and "copydesk clean" in legend and "--extend-select" in legend
    code, out, _ = run(capsys, "rule", "QL001")
    assert "default: records" in out


def test_version_and_help(capsys):
    from linter import __version__

    assert run(capsys, "--version") == (0, f"copydesk {__version__}\n", "")
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0 and "--unsafe-fixes" in out
    code, out, err = run(capsys)
    assert code == 2 and "check" in err


# --------------------------------------------------------------------- subprocess


def _cli(*args, input=None, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "linter", *args], input=input, capture_output=True, cwd=cwd, timeout=120
    )


def test_stdin_and_stdin_fix(tmp_path):
    proc = _cli("check", "-", "--select", "TP001", "--format", "jsonl", input=b"The the end.\n", cwd=tmp_path)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["path"] == "-"
    proc = _cli("check", "-", "--stdin-filename", "story.md", "--select", "TP001", "--fix",
                input=b"\xef\xbb\xbf`the the` and and.\r\n", cwd=tmp_path)
    assert proc.stdout == b"\xef\xbb\xbf`the the` and.\r\n"
    assert b"Fixed 1 finding" in proc.stderr and proc.returncode == 0


def test_errors_never_show_a_traceback(tmp_path):
    (tmp_path / "copydesk.toml").write_text("nonsense = 1\n")
    proc = _cli("check", ".", cwd=tmp_path)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert proc.stderr.decode().count("\n") == 1


NAME_A = (
    "Council vote\n\nThe mayor met Anna Kowalczyk on Monday. Later Kowalczyk said the plan "
    "was ready, and Kowalczyk left the hall.\n"
)
NAME_B = "Budget talks\n\nThe council heard from Kowałczyk on Tuesday. Then Kowałczyk asked for more time.\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_statistics_names_across_documents(work, capsys, monkeypatch, jobs):
    monkeypatch.setattr(linter.run.check, "MIN_POOL_BYTES", 0)
    monkeypatch.setattr(linter.run.check, "MIN_POOL_FILES", 1)
    (work / "a.txt").write_text(NAME_A)
    (work / "b.txt").write_text(NAME_B)
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", *SEL, "--statistics", "--jobs", jobs)
    assert code == 0
    assert out == (
        "Names spelled differently across documents (1):\n"
        "  'Kowalczyk' (3x in 1 doc) vs 'Kowałczyk' (2x in 1 doc) [diacritics]\n"
        "All checks passed (2 files checked).\n"
    )
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", *SEL, "--statistics", "--format", "json", "--jobs", jobs)
    names = json.loads(out)["names"]
    assert [(g["canonical"], g["variants"]) for g in names] == [
        ("Kowalczyk", {"Kowalczyk": {"count": 3, "docs": 1}, "Kowałczyk": {"count": 2, "docs": 1}})
    ]


def test_statistics_names_same_with_jobs(work, capsys, monkeypatch):
    monkeypatch.setattr(linter.run.check, "MIN_POOL_BYTES", 0)
    monkeypatch.setattr(linter.run.check, "MIN_POOL_FILES", 1)
    for i in range(6):
        (work / f"n{i}.txt").write_text(NAME_A if i % 2 else NAME_B)
    outs = [run(capsys, "check", ".", *SEL, "--statistics", "--jobs", j)[1] for j in ("1", "2")]
    assert outs[0] == outs[1]
    assert "'Kowalczyk' (9x in 3 docs) vs 'Kowałczyk' (6x in 3 docs) [diacritics]" in outs[0]


def test_statistics_names_need_two_documents(work, capsys):
    (work / "a.txt").write_text(NAME_A + NAME_B)
    code, out, _ = run(capsys, "check", "a.txt", *SEL, "--statistics")
    assert "Names spelled" not in out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_rule_error_is_reported_and_exits_2(work, capsys, monkeypatch, jobs):
    monkeypatch.setattr(linter.run.check, "MIN_POOL_BYTES", 0)
    monkeypatch.setattr(linter.run.check, "MIN_POOL_FILES", 1)
    (work / "a.txt").write_text("It went boom.\n" + DIRTY)
    (work / "b.txt").write_text(DIRTY)
    code, out, err = run(capsys, "check", "a.txt", "b.txt", *SEL, "--extend-select", "XU904", "--jobs", jobs)
    assert code == 2
    assert err == (
        "copydesk: internal error in rule XU904 on a.txt: ValueError: cannot parse 'boom'; please report it\n"
    )
    assert out.count("TP001") == 2 and out.count("XU901") == 2  # the other findings are still reported


def test_rule_error_in_a_record_names_the_record(work, capsys):
    (work / "r.jsonl").write_text(
        json.dumps({"id": "x1", "text": DIRTY}) + "\n" + json.dumps({"id": "x2", "text": "boom"}) + "\n"
    )
    code, out, err = run(capsys, "check", "r.jsonl", *SEL, "--extend-select", "XU904", "--format", "jsonl")
    assert code == 2
    assert err.splitlines() == [
        "copydesk: internal error in rule XU904 on r.jsonl:x2: ValueError: cannot parse 'boom'; please report it"
    ]
    assert len(out.splitlines()) == 2
