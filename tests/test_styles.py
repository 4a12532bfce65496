"""House styles: rules declared in TOML style files, end to end."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import linter.registry
from linter.cli import main
from linter.config import ConfigError, load_config
from linter.diagnostic import Applicability
from linter.document import Document
from linter.rules.style import _house, _patterns

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "styles" / "house.toml"


@pytest.fixture(autouse=True)
def _no_style_left_behind():
    yield
    linter.registry.use_configured_rules(())


def style(tmp_path: Path, rules: str, prefix: str = "HS", name: str = "house.toml") -> Path:
    path = tmp_path / "styles" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(f'prefix = "{prefix}"\n\n' + textwrap.dedent(rules), encoding="utf-8")
    config = tmp_path / "copydesk.toml"
    if not config.exists():
        config.write_text(f'styles = ["styles/{name}"]\n', encoding="utf-8")
    return path


def lint(tmp_path: Path, text: str, kind: str = "text", codes=None):
    cfg = load_config(tmp_path / "copydesk.toml")
    from linter.config import build_linter

    codes = codes or [c for c in linter.registry.all_rules() if c.startswith("HS")]
    return build_linter(cfg, codes).lint(Document(text, kind=kind)).diagnostics


def fixed(tmp_path: Path, text: str, level=Applicability.SAFE) -> str:
    from linter.config import build_linter

    cfg = load_config(tmp_path / "copydesk.toml")
    codes = [c for c in linter.registry.all_rules() if c.startswith("HS")]
    return build_linter(cfg, codes).fix(Document(text), level).text


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------- the kinds

SUBSTITUTION = """
[rules.HS001]
name = "per-cent"
kind = "substitution"
ignore-case = true
fix = "safe"
swap = { percent = "per cent", Kiev = "Kyiv" }
"""


def test_substitution_whole_words_case_preserved_and_safe_fix(tmp_path):
    style(tmp_path, SUBSTITUTION)
    text = "Up 5 percent in Kiev. PERCENT. Percentages and Kievan art stay. A KIEV-based firm.\n"
    found = lint(tmp_path, text)
    assert [text[d.start : d.end] for d in found] == ["percent", "Kiev", "PERCENT", "KIEV"]
    assert found[0].message == "write 'per cent', not 'percent'"
    assert all(d.fix.applicability == Applicability.SAFE for d in found)
    assert fixed(tmp_path, text) == "Up 5 per cent in Kyiv. PER CENT. Percentages and Kievan art stay. A KYIV-based firm.\n"


def test_substitution_respects_case_unless_told_and_unsafe_fix_needs_unsafe(tmp_path):
    style(tmp_path, """
        [rules.HS001]
        name = "kyiv"
        kind = "substitution"
        message = "the house spelling is {replacement}"
        swap = { Kiev = "Kyiv" }
    """)
    text = "Kiev and kiev.\n"
    found = lint(tmp_path, text)
    assert [(d.start, d.message) for d in found] == [(0, "the house spelling is Kyiv")]
    assert found[0].fix.applicability == Applicability.UNSAFE  # the default
    assert fixed(tmp_path, text) == text
    assert fixed(tmp_path, text, Applicability.UNSAFE) == "Kyiv and kiev.\n"


def test_substitution_phrase_across_a_line_break_but_not_a_paragraph(tmp_path):
    style(tmp_path, """
        [rules.HS001]
        name = "in-order-to"
        kind = "substitution"
        swap = { "in order to" = "to" }
    """)
    text = "We met in order\nto talk.\n\nIt was in\n\norder to be.\n"
    found = lint(tmp_path, text)
    assert [text[d.start : d.end] for d in found] == ["in order\nto"]


def test_substitution_with_patterns_and_groups(tmp_path):
    style(tmp_path, """
        [rules.HS001]
        name = "number-per-cent"
        kind = "substitution"
        regex = true
        fix = "safe"
        swap = { '(\\d+)%' = '\\1 per cent' }
    """)
    text = "It rose 12% and 3%.\n"
    assert fixed(tmp_path, text) == "It rose 12 per cent and 3 per cent.\n"


def test_existence(tmp_path):
    style(tmp_path, """
        [rules.HS002]
        name = "very-unique"
        kind = "existence"
        message = "'{match}': unique is absolute"
        ignore-case = true
        tokens = ["very unique", "most unique"]
    """)
    text = "A Very unique view. A unique one. The most\nunique.\n"
    found = lint(tmp_path, text)
    assert [d.message for d in found] == ["'Very unique': unique is absolute", "'most\nunique': unique is absolute"]
    assert all(d.fix is None for d in found)


def test_capitalisation(tmp_path):
    style(tmp_path, """
        [rules.HS003]
        name = "brands"
        kind = "capitalisation"
        fix = "safe"
        terms = ["YouTube", "St Petersburg"]
    """)
    text = "On Youtube and youtube, not YouTube. In st petersburg. YOUTUBE STARS.\n"
    found = lint(tmp_path, text)
    assert [text[d.start : d.end] for d in found] == ["Youtube", "youtube", "st petersburg"]
    assert fixed(tmp_path, text) == "On YouTube and YouTube, not YouTube. In St Petersburg. YOUTUBE STARS.\n"


def test_consistency_flags_the_minority(tmp_path):
    style(tmp_path, """
        [rules.HS004]
        name = "email"
        kind = "consistency"
        ignore-case = true
        either = [["e-mail", "email"]]
    """)
    text = "Send an email.\nE-mail us. Our e-mail is open.\n"
    found = lint(tmp_path, text)
    assert len(found) == 1 and text[found[0].start : found[0].end] == "email"
    assert found[0].message == "'email' (1x) differs from 'e-mail' (2x, first on line 2): one spelling per article"
    assert fixed(tmp_path, text, Applicability.UNSAFE) == "Send an e-mail.\nE-mail us. Our e-mail is open.\n"
    # One spelling throughout is fine; a tie keeps the spelling used first.
    assert lint(tmp_path, "An email. Another email.\n") == []
    tie = "An email. An e-mail.\n"
    assert [tie[d.start : d.end] for d in lint(tmp_path, tie)] == ["e-mail"]


def test_repetition(tmp_path):
    style(tmp_path, """
        [rules.HS005]
        name = "very-very"
        kind = "repetition"
        fix = "safe"
        ignore-case = true
        tokens = ["very"]
    """)
    text = "It was very very good. Very\nvery. Very, very. very\n\nvery.\n"
    found = lint(tmp_path, text)
    assert [(d.line, d.message) for d in found] == [(1, "'very' repeated"), (2, "'very' repeated")]
    assert fixed(tmp_path, text) == "It was very good. Very. Very, very. very\n\nvery.\n"


def test_occurrence(tmp_path):
    style(tmp_path, """
        [rules.HS006]
        name = "exclamations"
        kind = "occurrence"
        max = 2
        tokens = ["!"]
    """)
    assert lint(tmp_path, "Wow! Yes!\n") == []
    text = "Wow! Yes! No! Go!\n"
    (d,) = lint(tmp_path, text)
    assert d.start == text.index("No!") + 2
    assert d.message == "'!' 4 times in this document; the house style allows at most 2"


# ------------------------------------------------------------ where it matches


def test_markdown_code_urls_and_addresses_are_not_matched(tmp_path):
    style(tmp_path, SUBSTITUTION)
    md = "Prices rose 5 percent.\n\n`percent` in code, [a link](http://x.org/percent).\n\n```\npercent\n```\n"
    found = lint(tmp_path, md, kind="markdown")
    assert [d.line for d in found] == [1]
    assert lint(tmp_path, "See www.kiev.ua or write to kiev@example.com or http://kiev.example.\n") == []


def test_many_entries_make_one_pattern_that_finds_each(tmp_path):
    entries = {f"wrongword{i:03d}": f"rightword{i:03d}" for i in range(500)}
    swap = ", ".join(f'{k} = "{v}"' for k, v in entries.items())
    style(tmp_path, f'[rules.HS001]\nname = "many"\nkind = "substitution"\nswap = {{ {swap} }}\n')
    text = " ".join(entries) + " wrongword9999 wrongword00.\n"
    found = lint(tmp_path, text)
    assert [text[d.start : d.end] for d in found] == list(entries)
    (spec,) = load_config(tmp_path / "copydesk.toml").rule_sets[0].specs
    assert isinstance(_house._matcher(spec).pattern.pattern, str)  # one compiled pattern


# ------------------------------------------------------------- refusing bad data


@pytest.mark.parametrize(
    "body, expected",
    [
        ('[rules.HS001]\nname = "x"\nkind = "subst"\nswap = {a = "b"}\n', "rule HS001 (x): key 'kind': expected one of substitution"),
        ('[rules.HS001]\nname = "x"\nkind = "existence"\ntokens = ["a"]\nmaxx = 2\n', "rule HS001 (x): key 'maxx': unknown key"),
        ('[rules.HS001]\nname = "x"\nkind = "existence"\ntokens = []\n', "rule HS001 (x): key 'tokens': expected a non-empty list"),
        ('[rules.HS001]\nname = "x"\nkind = "occurrence"\ntokens = ["!"]\n', "rule HS001 (x): key 'max': expected the number"),
        ('[rules.HS001]\nname = "x"\nkind = "existence"\ntokens = ["a"]\nmessage = "{nope}"\n', "rule HS001 (x): key 'message': unknown field {nope}"),
        ('[rules.HS001]\nname = "x"\nkind = "existence"\nregex = true\ntokens = ["a(b"]\n', "rule HS001 (x): key 'tokens': pattern 'a(b' does not compile"),
        ('[rules.HS001]\nname = "x"\nkind = "existence"\nregex = true\ntokens = ["(a+)+b"]\n', "rule HS001 (x): key 'tokens': pattern '(a+)+b' is refused: a repeated group holds a repetition"),
        ('[rules.HS001]\nname = "x"\nkind = "existence"\nregex = true\ntokens = ["(a|aa)+"]\n', "key 'tokens': pattern '(a|aa)+' is refused"),
        ('[rules.HS001]\nname = "x"\nkind = "existence"\nregex = true\ntokens = ["(\\\\w+\\\\s?)*$"]\n', "is refused: a repeated group holds a repetition"),
        ('[rules.HS001]\nname = "x"\nkind = "existence"\nregex = true\ntokens = ["(a)\\\\1"]\n', "is refused: a backreference"),
        ('[rules.HS001]\nname = "x"\nkind = "existence"\nregex = true\ntokens = ["a*"]\n', "matches empty text"),
        ('[rules.HS001]\nname = "Bad Name"\nkind = "existence"\ntokens = ["a"]\n', "rule HS001 (Bad Name): key 'name'"),
        ('[rules.HS001]\nname = "x"\nkind = "existence"\nseverity = "loud"\ntokens = ["a"]\n', "key 'severity'"),
        ('[rules.XX001]\nname = "x"\nkind = "existence"\ntokens = ["a"]\n', "rule XX001: the code must be the file's prefix HS"),
        ('[rules.HS001]\nname = "doubled-word"\nkind = "existence"\ntokens = ["a"]\n', "the name 'doubled-word' is already used by TP001"),
        ('[rules.HS001\n', "invalid TOML"),
    ],
)
def test_bad_style_file_is_a_one_line_exit_2_naming_file_rule_and_key(tmp_path, capsys, monkeypatch, body, expected):
    path = tmp_path / "styles" / "house.toml"
    path.parent.mkdir()
    path.write_text('prefix = "HS"\n' + body, encoding="utf-8")
    (tmp_path / "copydesk.toml").write_text('styles = ["styles/house.toml"]\n')
    (tmp_path / "a.txt").write_text("Text.\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "a.txt", "--no-progress")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("copydesk: error: ")
    assert "styles/house.toml" in err and expected in err, err


def test_bad_prefix_missing_file_and_builtin_prefix(tmp_path):
    (tmp_path / "copydesk.toml").write_text('styles = ["styles/none.toml"]\n')
    with pytest.raises(ConfigError, match=r"copydesk.toml: styles: .*styles/none.toml: style file not found"):
        load_config(tmp_path / "copydesk.toml")
    style(tmp_path, '[rules.TP901]\nname = "x"\nkind = "existence"\ntokens = ["a"]\n', prefix="TP", name="tp.toml")
    (tmp_path / "copydesk.toml").write_text('styles = ["styles/tp.toml"]\n')
    with pytest.raises(ConfigError, match="rule TP901: the prefix TP belongs to the built-in rules"):
        load_config(tmp_path / "copydesk.toml")
    (tmp_path / "styles" / "p.toml").write_text('prefix = "hs"\n[rules.HS001]\n')
    (tmp_path / "copydesk.toml").write_text('styles = ["styles/p.toml"]\n')
    with pytest.raises(ConfigError, match="p.toml: key 'prefix': expected two capital letters"):
        load_config(tmp_path / "copydesk.toml")
    assert not any(c.startswith("HS") for c in linter.registry.all_rules())


def test_a_slow_pattern_is_stopped_and_reported(tmp_path, capsys, monkeypatch):
    style(tmp_path, """
        [rules.HS001]
        name = "slow"
        kind = "existence"
        regex = true
        tokens = ['a*a*a*a*a*a*c']
    """)
    monkeypatch.setattr(_patterns, "TIME_LIMIT", 0.05)
    (tmp_path / "a.txt").write_text("a" * 3000 + "b c\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "a.txt", "--select", "HS001", "--no-progress")
    assert code == 2
    assert "a.txt: styles/house.toml: rule HS001 (slow): key 'tokens': matching took longer than 0.05 s" in err
    assert "internal error" not in err and "Traceback" not in err


# ------------------------------------------------- ordinary findings, end to end


def test_selection_severity_and_suppression_in_markdown(tmp_path, capsys, monkeypatch):
    style(tmp_path, SUBSTITUTION)
    (tmp_path / "copydesk.toml").write_text(
        'styles = ["styles/house.toml"]\nselect = ["HS"]\n[severity]\nper-cent = "error"\n'
    )
    (tmp_path / "a.md").write_text(
        "Up 5 percent.\n\n<!-- copydesk: ignore-next-line HS001 -->\nUp 6 percent.\n\n"
        "<!-- copydesk: disable style -->\nIn Kiev.\n<!-- copydesk: enable -->\n"
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "a.md", "--format", "jsonl", "--no-progress")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and [(r["code"], r["line"], r["severity"]) for r in rows] == [("HS001", 1, "error")]


def test_fix_writes_safe_fixes_only_unless_asked(tmp_path, capsys, monkeypatch):
    style(tmp_path, SUBSTITUTION + """
        [rules.HS002]
        name = "brands"
        kind = "capitalisation"
        terms = ["YouTube"]
    """)
    (tmp_path / "a.txt").write_text("Up 5 percent on Youtube.\r\n", newline="")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "a.txt", "--select", "HS", "--fix", "--no-progress")
    assert (tmp_path / "a.txt").read_bytes() == b"Up 5 per cent on Youtube.\r\n"
    assert code == 1 and "HS002" in out
    code, out, err = run(capsys, "check", "a.txt", "--select", "HS", "--fix", "--unsafe-fixes", "--no-progress")
    assert (tmp_path / "a.txt").read_bytes() == b"Up 5 per cent on YouTube.\r\n" and code == 0


def test_baseline_keeps_old_style_findings_quiet(tmp_path, capsys, monkeypatch):
    style(tmp_path, SUBSTITUTION)
    (tmp_path / "a.txt").write_text("Up 5 percent.\n")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check", "a.txt", "--write-baseline", "base.json", "--no-progress")[0] == 0
    assert "HS001" in (tmp_path / "base.json").read_text()
    (tmp_path / "a.txt").write_text("A new line first.\nUp 5 percent.\nNow in Kiev.\n")
    code, out, err = run(capsys, "check", "a.txt", "--baseline", "base.json", "--format", "jsonl", "--no-progress")
    assert code == 1 and [json.loads(line)["line"] for line in out.splitlines()] == [3]


def test_sarif_describes_a_style_rule_with_its_source(tmp_path, capsys, monkeypatch):
    style(tmp_path, SUBSTITUTION)
    (tmp_path / "a.txt").write_text("Up 5 percent.\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "a.txt", "--select", "HS", "--format", "sarif", "--no-progress")
    run_ = json.loads(out)["runs"][0]
    (rule,) = run_["tool"]["driver"]["rules"]
    assert rule["id"] == "HS001" and rule["name"] == "per-cent" and "helpUri" not in rule
    assert rule["properties"]["source"] == "styles/house.toml"
    assert run_["results"][0]["ruleId"] == "HS001"


def test_rules_and_rule_list_style_rules_with_their_source(tmp_path, capsys, monkeypatch):
    style(tmp_path, SUBSTITUTION)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "rules")
    row = next(line for line in out.splitlines() if line.startswith("HS001"))
    assert code == 0 and "styles/house.toml" in row and "per-cent" in row
    assert "built-in" in next(line for line in out.splitlines() if line.startswith("TP001"))
    code, out, err = run(capsys, "rule", "HS001")
    assert code == 0 and "source: styles/house.toml" in out and "What it does:" in out
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, err = run(capsys, "rules", "--format", "json", "--config", str(tmp_path / "copydesk.toml"))
    sources = {r["code"]: r["source"] for r in json.loads(out)}
    assert sources["HS001"].endswith("styles/house.toml") and sources["TP001"] is None


def test_rules_with_a_broken_style_file_warns_and_lists_the_built_ins(tmp_path):
    style(tmp_path, '[rules.HS001]\nname = "x"\nkind = "nonsense"\n')
    proc = subprocess.run([sys.executable, "-m", "linter", "rules"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert "rule HS001 (x): key 'kind'" in proc.stderr and "listing the built-in rules only" in proc.stderr
    assert "TP001" in proc.stdout and "HS001" not in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "linter", "rule", "HS001"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "unknown rule 'HS001'" in proc.stderr


def test_rules_survive_pickling_into_a_fresh_process_state(tmp_path):
    style(tmp_path, SUBSTITUTION)
    from linter.config import build_linter
    from linter.run.check import Plan

    cfg = load_config(tmp_path / "copydesk.toml")
    plan_bytes = pickle.dumps(Plan(config=cfg, codes=["HS001"]))
    linter_bytes = pickle.dumps(build_linter(cfg, ["HS001"]))
    for data in (plan_bytes, linter_bytes):
        linter.registry.use_configured_rules(())  # as a spawned worker starts
        obj = pickle.loads(data)
        lint = obj.linter_for(None) if isinstance(obj, Plan) else obj
        assert [d.code for d in lint.lint(Document("Up 5 percent.\n")).diagnostics] == ["HS001"]


def test_jobs_2_gives_the_same_findings(tmp_path, capsys, monkeypatch):
    style(tmp_path, SUBSTITUTION)
    for i in range(8):
        (tmp_path / f"a{i}.txt").write_text("Up 5 percent in Kiev.\n" * 4000)
    monkeypatch.chdir(tmp_path)
    outs = [run(capsys, "check", ".", "--select", "HS", "--jobs", j, "--format", "jsonl", "--no-progress")[1] for j in ("1", "2")]
    assert outs[0] == outs[1] and outs[0].count("HS001") == 8 * 8000


def test_a_config_without_styles_drops_the_previous_ones(tmp_path):
    style(tmp_path, SUBSTITUTION)
    load_config(tmp_path / "copydesk.toml")
    assert "HS001" in linter.registry.all_rules()
    other = tmp_path / "other"
    other.mkdir()
    (other / "copydesk.toml").write_text('select = ["TP"]\n')
    load_config(other / "copydesk.toml")
    assert "HS001" not in linter.registry.all_rules()


# --------------------------------------------------------- shipped as a package


def _fake_package(site: Path) -> None:
    pkg = site / "newsroom_style"
    pkg.mkdir(parents=True)
    (pkg / "newsroom.toml").write_text(
        'prefix = "NR"\n[rules.NR001]\nname = "newsroom-kyiv"\nkind = "substitution"\nfix = "safe"\nswap = { Kiev = "Kyiv" }\n'
    )
    (pkg / "__init__.py").write_text("from pathlib import Path\nSTYLE = Path(__file__).with_name('newsroom.toml')\n")
    info = site / "newsroom_style-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsroom-style\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[copydesk.styles]\nnewsroom = newsroom_style:STYLE\n")


def test_a_style_from_an_installed_package(tmp_path, monkeypatch):
    site = tmp_path / "site"
    _fake_package(site)
    monkeypatch.syspath_prepend(str(site))
    (tmp_path / "copydesk.toml").write_text('styles = ["package:newsroom"]\n')
    (tmp_path / "a.txt").write_text("In Kiev.\n")
    from linter.config import build_linter

    cfg = load_config(tmp_path / "copydesk.toml")
    assert build_linter(cfg, ["NR001"]).fix(Document("In Kiev.\n")).text == "In Kyiv.\n"
    (tmp_path / "copydesk.toml").write_text('styles = ["package:missing"]\n')
    with pytest.raises(ConfigError, match=r"package:missing: no installed package provides the style 'missing' .*installed: newsroom"):
        load_config(tmp_path / "copydesk.toml")


def test_a_style_from_an_installed_package_on_the_command_line(tmp_path):
    site = tmp_path / "site"
    _fake_package(site)
    (tmp_path / "copydesk.toml").write_text('styles = ["package:newsroom"]\n')
    (tmp_path / "a.txt").write_text("In Kiev.\n")
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "linter", "check", "a.txt", "--select", "NR", "--no-progress"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120,
    )
    assert proc.returncode == 1 and "NR001" in proc.stdout and "newsroom.toml" not in proc.stderr


# ------------------------------------------------------------- the example style


def test_the_example_style_loads_and_each_rule_fires(tmp_path):
    (tmp_path / "copydesk.toml").write_text(f'styles = ["{EXAMPLE.as_posix()}"]\n')
    cfg = load_config(tmp_path / "copydesk.toml")
    codes = [c for c in linter.registry.all_rules() if c.startswith("HS")]
    assert len(codes) == 8
    text = (
        "Prices rose 5 percent in Kiev, said Mr. Smith. It was very unique! Really! Wow!\n"
        "He watched Youtube. She sent an email, then an e-mail, then an e-mail. It was very very good.\n"
    )
    from linter.config import build_linter

    found = {d.code for d in build_linter(cfg, codes).lint(Document(text)).diagnostics}
    assert found == set(codes)


def test_the_example_style_is_quiet_on_the_clean_seeds(tmp_path):
    (tmp_path / "copydesk.toml").write_text(f'styles = ["{EXAMPLE.as_posix()}"]\n')
    from linter.config import build_linter

    cfg = load_config(tmp_path / "copydesk.toml")
    codes = [c for c in linter.registry.all_rules() if c.startswith("HS")]
    built = build_linter(cfg, codes)
    for path in sorted((ROOT / "seeds" / "clean").iterdir()):
        kind = "markdown" if path.suffix == ".md" else "text"
        assert built.lint(Document(path.read_text(encoding="utf-8"), kind=kind)).diagnostics == [], path


# ----------------------------------------------------------------- the pieces


@pytest.mark.parametrize(
    "matched, replacement, expected",
    [("percent", "per cent", "per cent"), ("Percent", "per cent", "Per cent"), ("PERCENT", "per cent", "PER CENT"),
     ("kiev", "Kyiv", "Kyiv"), ("Mr.", "Mr", "Mr")],
)
def test_transfer_case(matched, replacement, expected):
    assert _house.transfer_case(matched, replacement) == expected


@pytest.mark.parametrize("pattern", [r"colou?r", r"(?:cat|dog)s?", r"\d+(?:\.\d+)?%", r"(?>a+)+", r"[a-z]++(?:-[a-z]+)*+", r"!{2,}"])
def test_patterns_without_backtracking_risk_pass(pattern):
    assert _patterns.backtracking_risk(pattern) is None


def test_ignoring_case_where_lower_case_changes_the_length(tmp_path):
    style(tmp_path, SUBSTITUTION)
    text = "İstanbul rose 5 Percent.\n"  # "İ".lower() is two characters
    (d,) = lint(tmp_path, text)
    assert text[d.start : d.end] == "Percent" and d.fix.edits[0].replacement == "Per cent"


def test_a_plan_runs_its_own_configurations_rules_after_another_was_loaded(tmp_path):
    from linter.run.check import Plan

    style(tmp_path, SUBSTITUTION)
    plan = Plan(config=load_config(tmp_path / "copydesk.toml"), codes=["HS001"])
    other = tmp_path / "other"
    other.mkdir()
    (other / "copydesk.toml").write_text('select = ["TP"]\n')
    load_config(other / "copydesk.toml")  # a second project, in the same process
    found = plan.linter_for("a.txt").lint(Document("Up 5 percent.\n")).diagnostics
    assert [d.code for d in found] == ["HS001"]
