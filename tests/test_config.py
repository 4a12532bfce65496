"""Configuration files: discovery, validation with errors naming file and key, and
how the settings reach the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

import linter.engine
import linter.registry
from linter.config import Config, ConfigError, build_linter, find_config_file, load_config, selected_codes
from linter.diagnostic import Category, Severity
from linter.rule import Option, Rule


class OptionRule(Rule):
    """A test rule with options.

    What it does:
        Reports documents with fewer than min_mentions words.
    Why it matters:
        Tests.
    Example:
        x
    Use instead:
        y
    Fix safety:
        No fix.
    Options:
        min_mentions, label.
    """

    code = "XC901"
    name = "option-rule"
    category = Category.STYLE
    default_enabled = False
    options = {
        "min_mentions": Option(2, "how many"),
        "label": Option("x", "a label"),
        "ratio": Option(0.5, "a ratio"),
    }

    def check(self, doc):
        if len(doc.words) < self.opts["min_mentions"]:
            yield self.diagnostic(0, 0, f"{self.opts['label']}: {len(doc.words)} words")


@pytest.fixture
def extra_rules(monkeypatch):
    real = linter.registry.all_rules()
    patched = dict(real, XC901=OptionRule)
    monkeypatch.setattr(linter.registry, "all_rules", lambda: patched)
    monkeypatch.setattr(linter.engine, "all_rules", lambda: patched)
    return patched


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_config_gives_defaults(tmp_path):
    cfg = load_config(None, [str(tmp_path)])
    assert cfg.path is None and cfg.select is None and cfg.fail_on == Severity.WARNING
    assert cfg.include == ["*.txt", "*.md"]


def test_found_upward_and_copydesk_toml_wins(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.copydesk]\nfail-on = 'error'\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config_file(sub) == (tmp_path / "pyproject.toml").resolve()
    cfg = load_config(None, [str(sub)])
    assert cfg.fail_on == Severity.ERROR
    write(tmp_path / "a" / "copydesk.toml", "fail-on = 'info'\n")
    assert load_config(None, [str(sub / "x.txt")]).fail_on == Severity.INFO


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "copydesk.toml", "fail-on = 'error'\n")
    write(tmp_path / "inner" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert load_config(None, [str(tmp_path / "inner")]).fail_on == Severity.ERROR


def test_explicit_config(tmp_path):
    p = write(tmp_path / "custom.toml", "select = ['TP001']\n")
    assert load_config(p).select == ["TP001"]
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "missing.toml")
    p = write(tmp_path / "pyproject.toml", "[project]\nname='x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool.copydesk\] table"):
        load_config(p)


def test_full_config(tmp_path, extra_rules):
    write(tmp_path / "words.txt", "# accepted\nCakaj\n\nÇavuşoğlu\n")
    write(tmp_path / "names.txt", "Gent Cakaj: Caka, Cakai\nMevlut Cavusoglu\n")
    write(
        tmp_path / "pyproject.toml",
        """
[tool.copydesk]
select = ["TP", "EN100"]
extend-select = ["option-rule"]
ignore = ["EN100"]
fail-on = "error"
include = ["*.txt"]
extend-exclude = ["drafts"]
vocabulary = ["Ozturk"]
vocabulary-file = "words.txt"
names-file = "names.txt"
names = { "Talha Ozturk" = ["Talha Öztürk"] }
language = ["en", "TR"]
max-file-size = 2

[tool.copydesk.per-file-ignores]
"wire/*.txt" = ["TP001"]

[tool.copydesk.severity]
TP001 = "error"

[tool.copydesk.rules.XC901]
min-mentions = 3
label = "short"
ratio = 1
""",
    )
    cfg = load_config(None, [str(tmp_path)])
    assert cfg.select == ["TP", "EN100"] and cfg.extend_select == ["option-rule"] and cfg.ignore == ["EN100"]
    assert cfg.fail_on == Severity.ERROR
    assert cfg.include == ["*.txt"] and "drafts" in cfg.exclude and ".venv" in cfg.exclude
    assert cfg.vocabulary == ["Ozturk", "Cakaj", "Çavuşoğlu"]
    assert cfg.names == {"Talha Ozturk": ["Talha Öztürk"], "Gent Cakaj": ["Caka", "Cakai"], "Mevlut Cavusoglu": []}
    assert cfg.languages == ("en", "tr")
    assert cfg.max_file_size_mb == 2.0
    assert cfg.severity == {"TP001": Severity.ERROR}
    assert cfg.rules == {"XC901": {"min_mentions": 3, "label": "short", "ratio": 1.0}}
    codes = selected_codes(cfg)
    assert "XC901" in codes and "TP001" in codes and "EN100" not in codes
    assert cfg.ignores_for(str(tmp_path / "wire" / "a.txt")) == ["TP001"]
    assert cfg.ignores_for(str(tmp_path / "other" / "a.txt")) == []
    settings = cfg.settings()
    assert "Cakaj" in settings.vocabulary and settings.languages == ("en", "tr")

    linter = build_linter(cfg, ["TP001", "XC901"])
    rules = {r.code: r for r in linter.rules}
    assert rules["TP001"].effective_severity == Severity.ERROR
    assert rules["XC901"].opts["min_mentions"] == 3
    from linter import Document

    (d,) = [d for d in linter.lint(Document("Two words")).diagnostics if d.code == "XC901"]
    assert d.message == "short: 2 words"


def test_cli_layer_overrides_config(tmp_path):
    cfg = Config(select=["TP001"], ignore=["EN100"])
    assert selected_codes(cfg) == ["TP001"]
    assert selected_codes(cfg, select=["EN100"]) == ["EN100"]  # a CLI select starts afresh
    assert selected_codes(cfg, extend_select=["EN100"]) == ["EN100", "TP001"]
    assert selected_codes(cfg, ignore=["TP001"]) == []


@pytest.mark.parametrize(
    "body,key,what",
    [
        ("selct = ['TP001']", "selct", "unknown key; did you mean 'select'?"),
        ("colour = 1", "colour", "unknown key; known keys:"),
        ("select = 'TP01'", "select", "unknown rule 'TP01'; did you mean 'TP001'?"),
        ("select = [1]", "select", "expected a list of strings"),
        ("fail-on = 'fatal'", "fail-on", 'expected "info", "warning" or "error"'),
        ("severity = { TP001 = 'loud' }", "severity.TP001", 'expected "info"'),
        ("severity = { XX999 = 'error' }", "severity.XX999", "unknown rule 'XX999'"),
        ("[per-file-ignores]\n'a.txt' = 3", "per-file-ignores.'a.txt'", "expected a list of rule selectors"),
        ("[per-file-ignores]\n'a.txt' = ['NOPE1']", "per-file-ignores.'a.txt'", "unknown rule"),
        ("[rules.TP001]\nfoo = 1", "rules.TP001.foo", "unknown option for TP001 (known: none)"),
        ("[rules.TP]\nfoo = 1", "rules.TP", "options apply to one rule"),
        ("[rules.XX001]\nfoo = 1", "rules.XX001", "unknown rule"),
        ("vocabulary = 'abc'", "vocabulary", None),
        ("vocabulary-file = 'missing.txt'", "vocabulary-file", "missing.txt not found"),
        ("names = ['a']", "names", "expected a table"),
        ("names = { A = [1] }", "names", "A: expected a list of variant spellings"),
        ("language = 'english'", "language", "'english' is not an ISO 639-1 language code"),
        ("language = ['en', 'xyz']", "language", "'xyz' is not an ISO 639-1 language code"),
        ("language = 'xx'", "language", "'xx' is not an ISO 639-1 language code"),
        ("language = 'en-GB'", "language", "'en-GB' is not an ISO 639-1 language code"),
        ("language = ['en', 1]", "language", "expected a language code"),
        ("language = []", "language", "expected a language code"),
        ("max-file-size = -1", "max-file-size", "positive number"),
        ("time-limit = -5", "time-limit", "number of seconds"),
        ("time-limit = 'soon'", "time-limit", "number of seconds"),
        ("time-limit = true", "time-limit", "number of seconds"),
        ("respect-gitignore = 'yes'", "respect-gitignore", "expected true or false"),
    ],
)
def test_config_errors_name_file_and_key(tmp_path, body, key, what):
    p = write(tmp_path / "copydesk.toml", body + "\n")
    if what is None:  # accepted: a comma-separated string is a list
        load_config(p)
        return
    with pytest.raises(ConfigError) as err:
        load_config(p)
    message = str(err.value)
    assert message.startswith(f"{p}: {key}: "), message
    assert what in message
    assert "\n" not in message


def test_rule_option_type_error(tmp_path, extra_rules):
    p = write(tmp_path / "pyproject.toml", "[tool.copydesk.rules.option-rule]\nmin-mentions = 'three'\n")
    with pytest.raises(ConfigError) as err:
        load_config(p)
    assert str(err.value) == f"{p}: tool.copydesk.rules.option-rule.min-mentions: expected int, got str 'three'"


def test_invalid_toml(tmp_path):
    p = write(tmp_path / "copydesk.toml", "select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(p)


def test_names_file_toml(tmp_path):
    write(tmp_path / "names.toml", '"Gent Cakaj" = ["Caka"]\n')
    p = write(tmp_path / "copydesk.toml", "names-file = 'names.toml'\n")
    assert load_config(p).names == {"Gent Cakaj": ["Caka"]}


def test_per_file_ignores_patterns(tmp_path):
    cfg = Config(root=tmp_path, per_file_ignores={"*.md": ["TP001"], "wire/": ["EN100"], "seeds/dirty/*.txt": ["ST"]})
    assert cfg.ignores_for(str(tmp_path / "x" / "a.md")) == ["TP001"]
    assert cfg.ignores_for(str(tmp_path / "wire" / "a.txt")) == ["EN100"]
    assert cfg.ignores_for(str(tmp_path / "seeds" / "dirty" / "a.txt")) == ["ST"]
    assert cfg.ignores_for("seeds/dirty/b.txt") == ["ST"]
    assert cfg.ignores_for(None) == []
    deep = Config(root=tmp_path, per_file_ignores={"**/drafts/*.md": ["TP"]})
    assert deep.ignores_for(str(tmp_path / "drafts" / "a.md")) == ["TP"]
    assert deep.ignores_for(str(tmp_path / "x" / "drafts" / "a.md")) == ["TP"]
    assert deep.ignores_for(str(tmp_path / "x" / "a.md")) == []


@pytest.mark.parametrize(
    "value, expected",
    [
        ("'eng'", ("en",)),
        ("['ENG', 'tur']", ("en", "tr")),
        ("['ger', 'deu', 'de']", ("de",)),
        ("['fre', 'spa', 'ita', 'por', 'dut', 'nld']", ("fr", "es", "it", "pt", "nl")),
        ("['alb', 'sqi', 'srp', 'hrv', 'bos', 'mac', 'mkd']", ("sq", "sr", "hr", "bs", "mk")),
        ("['rus', 'bul', 'aze', 'ara']", ("ru", "bg", "az", "ar")),
        ("['en', 'Sq']", ("en", "sq")),
    ],
)
def test_language_codes_become_two_letters(tmp_path, value, expected):
    p = write(tmp_path / "copydesk.toml", f"language = {value}\n")
    assert load_config(p).languages == expected
