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


# ----------------------------------------------------------------- ruff's names


def test_output_format_and_its_aliases(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    outputs = []
    for flag, fmt in (("--output-format", "jsonl"), ("--format", "jsonl"), ("--output-format", "json-lines")):
        code, out, err = run(capsys, "check", "a.txt", flag, fmt, *SEL)
        assert code == 1 and err == ""
        outputs.append(out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert json.loads(outputs[0].splitlines()[0])["code"] == "TP001"


def test_check_help_keeps_its_groups(capsys):
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0
    groups = [line.rstrip(":") for line in out.splitlines() if line and not line.startswith(" ") and line.endswith(":")]
    assert groups[-5:] == ["output", "rule selection", "fixes", "run", "record files (.jsonl, .jsonl.gz, .parquet)"]
    for option in ("--output-format", "--show-fixes", "--fix-only", "--exit-non-zero-on-fix", "--show-settings",
                   "--show-files", "--force-exclude"):
        assert option in out


def test_fix_only_fixes_and_does_not_report_what_is_left(work, capsys):
    (work / "a.txt").write_text(DIRTY + "The talks were , he said, over.\n")
    code, out, err = run(capsys, "check", "a.txt", "--fix-only", "--select", "TP001,TY006,TY004", "--no-progress")
    assert code == 0 and out == ""
    assert err == "Fixed 2 findings in 1 file.\n"
    assert (work / "a.txt").read_text() == "The minister said the talks would resume.\nThe talks were, he said, over.\n"
    code, out, err = run(capsys, "check", "a.txt", "--fix-only", *SEL)
    assert code == 0 and err == "No fixes applied.\n"


def test_exit_non_zero_on_fix(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    code, out, _ = run(capsys, "check", "a.txt", "--fix", *SEL)
    assert code == 0 and "Fixed 1 finding" in out  # nothing left: exit 0 ...
    (work / "a.txt").write_text(DIRTY)
    code, out, _ = run(capsys, "check", "a.txt", "--fix", "--exit-non-zero-on-fix", *SEL)
    assert code == 1  # ... unless a fix made is itself a failure
    code, out, _ = run(capsys, "check", "a.txt", "--fix", "--exit-non-zero-on-fix", *SEL)
    assert code == 0  # nothing more to fix


def test_show_fixes_lists_the_fixes_per_file_and_rule(work, capsys):
    (work / "a.txt").write_text(DIRTY + "The the vote was close.\n")
    (work / "b.txt").write_text(DIRTY)
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "--fix", "--show-fixes", *SEL)
    assert code == 0
    assert out.endswith("Fixed 3 findings:\n- a.txt:\n    2 \u00d7 TP001 (doubled-word)\n- b.txt:\n    1 \u00d7 TP001 (doubled-word)\n")


def test_show_files_lists_and_checks_nothing(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    (work / "sub").mkdir()
    (work / "sub" / "b.md").write_text(DIRTY)
    (work / "c.rst").write_text(DIRTY)
    code, out, err = run(capsys, "check", "--show-files", ".", "c.rst")
    assert code == 0 and err == ""
    assert out.splitlines() == ["a.txt", "sub/b.md", "c.rst"]


def test_show_settings_says_where_each_value_came_from(work, capsys):
    (work / "pyproject.toml").write_text(
        '[tool.copydesk]\nignore = ["QL"]\nfail-on = "error"\nextend-exclude = ["archive/"]\n'
        "[tool.copydesk.rules.BP003]\nmin-words = 5\n"
    )
    code, out, err = run(capsys, "check", "--show-settings", "--extend-select", "TP006", "--ignore", "TP005")
    assert code == 0 and err == ""
    cfg = str(work / "pyproject.toml")
    rows = {line.split("=", 1)[0].strip(): line for line in out.splitlines() if "=" in line}
    assert rows["select"].endswith('= "the rules on by default"  # default')
    assert rows["ignore"].endswith(f'= ["QL", "TP005"]  # command line + {cfg}')
    assert rows["extend-select"].endswith('= ["TP006"]  # command line')
    assert "QL001" not in out.splitlines()[-1] and "TP006" in out.splitlines()[-1]
    code, out, err = run(capsys, "check", "--show-settings", "--select", "TP", "--ignore", "TP006")
    rows = {line.split("=", 1)[0].strip(): line for line in out.splitlines() if "=" in line}
    assert rows["select"].endswith('= ["TP"]  # command line')
    assert rows["ignore"].endswith(f'= ["TP006"]  # command line (over {cfg})')
    assert rows["fail-on"].endswith(f'= "error"  # {cfg}')
    assert rows["exclude"].endswith(f"# {cfg}") and '"archive/"' in rows["exclude"]
    assert rows["rules"].endswith(f'= {{"BP003": {{"min_words": 5}}}}  # {cfg}')
    assert rows["include"].endswith("# default") and rows["respect-gitignore"].endswith("= true  # default")
    assert out.splitlines()[-1] == "rules run (5): TP001, TP002, TP003, TP004, TP005"
    code, out, _ = run(capsys, "check", "--show-settings", "--output-format", "json")
    doc = json.loads(out)
    assert doc["configuration"] == cfg and doc["settings"]["fail-on"] == {"value": "error", "source": cfg}
    assert not any(c.startswith("QL") for c in doc["rules"])


def test_unfixable_rules_are_shown_as_suggestions_and_never_written(work, capsys):
    (work / "pyproject.toml").write_text('[tool.copydesk]\nunfixable = ["doubled-word"]\n')
    (work / "a.txt").write_text(DIRTY + "The talks were , he said, over.\n")
    code, out, _ = run(capsys, "check", "a.txt", "--select", "TP001,TY006", "--no-progress")
    assert "= suggestion: Remove the second 'the'" in out
    assert "(1 fixable with --fix)" in out  # TY006 only
    code, out, _ = run(capsys, "check", "a.txt", "--fix", "--select", "TP001,TY006", "--no-progress")
    assert (work / "a.txt").read_text() == DIRTY + "The talks were, he said, over.\n"
    (work / "pyproject.toml").write_text('[tool.copydesk]\nfixable = ["TY"]\n')
    (work / "a.txt").write_text(DIRTY)
    code, out, _ = run(capsys, "check", "a.txt", "--fix", "--select", "TP001", "--no-progress")
    assert code == 1 and (work / "a.txt").read_text() == DIRTY


def test_fixable_names_unknown_rules_in_the_error(work, capsys):
    (work / "pyproject.toml").write_text('[tool.copydesk]\nunfixable = ["TP999"]\n')
    (work / "a.txt").write_text(DIRTY)
    code, out, err = run(capsys, "check", "a.txt", *SEL)
    assert code == 2 and "unfixable" in err and "TP999" in err


# ------------------------------------------------------------- CI output formats


def test_concise_is_one_line_per_finding(work, capsys):
    (work / "a.txt").write_text(DIRTY + "The talks were , he said, over.\n")
    code, out, _ = run(capsys, "check", "a.txt", "--output-format", "concise", "--select", "TP001,TY006", "--no-progress")
    assert code == 1
    assert out.splitlines() == [
        "a.txt:1:23: TP001 [*] 'the' is repeated: 'the the'",
        "a.txt:2:15: TY006 [*] " + out.splitlines()[1].split("[*] ", 1)[1],
        "Found 2 findings in 1 file (2 fixable with --fix).",
    ]


def test_gitlab_code_quality(work, capsys):
    (work / "a.txt").write_text(DIRTY + "The the vote.\n")
    code, out, _ = run(capsys, "check", "a.txt", "--output-format", "gitlab", *SEL)
    issues = json.loads(out)
    assert code == 1 and len(issues) == 2
    first = issues[0]
    assert first["check_name"] == "TP001" and first["severity"] == "minor"
    assert first["location"] == {"path": "a.txt", "lines": {"begin": 1, "end": 1}}
    assert len({i["fingerprint"] for i in issues}) == 2
    # The fingerprint does not depend on the line: text added above keeps it.
    (work / "a.txt").write_text("A new first line.\n\n" + DIRTY + "The the vote.\n")
    code, out, _ = run(capsys, "check", "a.txt", "--output-format", "gitlab", *SEL)
    moved = json.loads(out)
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in issues]
    assert moved[0]["location"]["lines"]["begin"] == 3
    code, out, _ = run(capsys, "check", "a.txt", "--output-format", "gitlab", "--select", "TY005", "--no-progress")
    assert code == 0 and json.loads(out) == []


def test_junit_xml(work, capsys):
    import xml.etree.ElementTree as ET

    (work / "a.txt").write_text(DIRTY)
    (work / "b.txt").write_text(CLEAN)
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "--output-format", "junit", *SEL)
    assert code == 1
    root = ET.fromstring(out)
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"a.txt", "b.txt"}
    assert suites["a.txt"].get("failures") == "1" and suites["b.txt"].get("failures") == "0"
    failure = suites["a.txt"].find("testcase/failure")
    assert failure.get("type") == "TP001" and failure.text.startswith("a.txt:1:23: TP001")
    assert suites["b.txt"].find("testcase").find("failure") is None


# ------------------------------------------------------------ rules / rule CODE


def test_rules_show_how_far_each_fix_can_be_trusted_and_the_default(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    rows = {line.split()[0]: line.split() for line in out.split("\n\n")[0].splitlines()[1:]}
    # BP001, TP002, TP004 offer only unsafe fixes: never "always" or "yes".
    for rule in ("BP001", "TP002", "TP004"):
        assert rows[rule][4] == "unsafe", rows[rule]
    assert rows["TY008"][4] == "safe"
    assert rows["EN002"][4] == "none"
    assert rows["TP006"][4:7] == ["display", "(sometimes)", "off"]
    assert rows["BP001"][5] == "on"
    assert "always" not in out


def test_rule_code_shows_the_fix_kind_and_default(capsys):
    code, out, _ = run(capsys, "rule", "TP002")
    assert code == 0
    assert "fix: unsafe  default: on" in out.splitlines()[1]
    code, out, _ = run(capsys, "rules", "--format", "json")
    meta = {r["code"]: r for r in json.loads(out)}
    assert meta["EN006"]["fix_applicability"] == ["safe", "unsafe"]
    assert meta["TP003"]["fix"] == "safe/unsafe/display"


def test_a_rule_with_fixes_must_declare_their_applicability():
    from linter.diagnostic import Category, FixAvailability
    from linter.rule import Rule

    with pytest.raises(TypeError, match="fix_applicability"):
        type("Undeclared", (Rule,), {"code": "ZZ901", "name": "z", "category": Category.STYLE,
                                     "fix_availability": FixAvailability.ALWAYS})


# ------------------------------------------------------------ baseline


def test_baseline_silences_recorded_findings_across_line_shifts_and_reports_new_ones(work, capsys):
    article = work / "a.txt"
    article.write_text("Intro.\n" + DIRTY)
    code, _, err = run(capsys, "check", *SEL, "--write-baseline", "base.json", "a.txt")
    assert code == 0 and "recorded 1 finding in base.json" in err
    recorded = json.loads((work / "base.json").read_text())
    assert recorded["version"] == 1 and [f["code"] for f in recorded["findings"]] == ["TP001"]
    assert run(capsys, "check", *SEL, "a.txt")[0] == 1  # without the baseline it still fails
    # lines added above the recorded finding: still silent
    article.write_text("A new first line.\nAnd a second.\n\nIntro.\n" + DIRTY)
    code, out, _ = run(capsys, "check", *SEL, "--baseline", "base.json", "--output-format", "concise", "a.txt")
    assert code == 0 and "TP001" not in out
    # a new defect is reported, and only it
    article.write_text("A new first line.\nThe report was was late.\n\nIntro.\n" + DIRTY)
    code, out, _ = run(capsys, "check", *SEL, "--baseline", "base.json", "--output-format", "concise", "a.txt")
    assert code == 1
    assert out.count("TP001") == 1 and "a.txt:2:" in out


def test_baseline_counts_identical_findings(work, capsys):
    (work / "a.txt").write_text("He said the the word.\n")
    run(capsys, "check", *SEL, "--write-baseline", "base.json", "a.txt")
    (work / "a.txt").write_text("He said the the word.\nHe said the the word.\n")
    code, out, _ = run(capsys, "check", *SEL, "--baseline", "base.json", "--output-format", "concise", "a.txt")
    assert code == 1 and out.count("TP001") == 1


def test_a_bad_baseline_file_is_a_one_line_error(work, capsys):
    (work / "a.txt").write_text(DIRTY)
    code, _, err = run(capsys, "check", *SEL, "--baseline", "nope.json", "a.txt")
    assert code == 2 and "nope.json" in err and "--write-baseline" in err and "Traceback" not in err
    (work / "bad.json").write_text("[1, 2]")
    code, _, err = run(capsys, "check", *SEL, "--baseline", "bad.json", "a.txt")
    assert code == 2 and "bad.json: not a copydesk baseline" in err and len(err.strip().splitlines()) == 1
