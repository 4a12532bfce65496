"""Rule options: one spelling internally, both spellings accepted, docs and code agree,
and every option of every rule can be set through a real configuration file."""

from __future__ import annotations

import re

import pytest

from linter.config import ConfigError, build_linter, load_config
from linter.document import Document
from linter.registry import all_rules
from linter.rule import Option, Rule, option_display, option_key

SAMPLE = (
    "The minister said on Monday that the talks would resume in March.\n\n"
    "Share this article\n"
)


def _every_option():
    for code, cls in sorted(all_rules().items()):
        for key, option in cls.options.items():
            yield code, key, option


def _other_value(option: Option):
    default = option.default
    if isinstance(default, bool):
        return not default
    if isinstance(default, int):
        return default + 1
    if isinstance(default, float):
        return round(default / 2, 4) or 0.5
    if isinstance(default, list):
        return ["x"]
    if isinstance(default, str):
        return default + "x"
    raise AssertionError(f"no test value for {default!r}")


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return repr(value)


def test_declared_option_names_are_normalised():
    for code, key, _ in _every_option():
        assert key == option_key(key), f"{code}: option {key!r} is not stored in its normal form"


@pytest.mark.parametrize("spelling", ["dash", "underscore"])
@pytest.mark.parametrize("code,key,option", list(_every_option()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_option_is_set_through_a_config_file(tmp_path, code, key, option, spelling):
    name = option_display(key) if spelling == "dash" else key
    value = _other_value(option)
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.copydesk]\nselect = [\"{code}\"]\n\n[tool.copydesk.rules.{code}]\n{name} = {_toml(value)}\n",
        encoding="utf-8",
    )
    cfg = load_config(None, [str(tmp_path)])
    assert cfg.rules[code][key] == value
    linter = build_linter(cfg, [code])
    (rule,) = linter.rules
    assert rule.opts[key] == value
    assert rule.opts[option_display(key)] == value  # the rule may read either spelling
    # The rule's own code reads the option without error.
    assert linter.lint(Document(SAMPLE, "sample.txt")).errors == []


def test_unknown_option_names_the_known_ones_in_dash_form(tmp_path):
    (tmp_path / "copydesk.toml").write_text("[rules.NM001]\nmin-mentions = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(None, [str(tmp_path)])
    message = str(exc.value)
    assert "rules.NM001.min-mentions" in message
    assert "min-dominant" in message and "min_dominant" not in message


def test_docs_name_exactly_the_declared_options():
    for code, cls in sorted(all_rules().items()):
        section = cls.doc_sections().get("Options", "")
        # An entry is "name: what" or "name (type, default): what" at the start of a line.
        documented = set(re.findall(r"(?m)^\s*`?([a-z][a-z0-9_-]*)`?(?: \([^()]*\))?:\s", section))
        declared = {option_display(k) for k in cls.options}
        assert {option_display(d) for d in documented} == declared, f"{code}: Options section vs declaration"
        assert all("_" not in d for d in documented), f"{code}: write options with dashes in the docs"


def test_a_rule_may_declare_either_spelling():
    class Dashed(Rule):
        code = "ZZ998"
        name = "dashed"
        options = {"min-words": Option(3, "words"), "edge_lines": Option(2, "lines")}

    assert set(Dashed.options) == {"min_words", "edge_lines"}
    rule = Dashed({"min-words": 5, "edge-lines": 4})
    assert rule.opts["min_words"] == 5 and rule.opts["min-words"] == 5
    assert rule.opts["edge-lines"] == 4
    with pytest.raises(ValueError, match="unknown option 'max-words'"):
        Dashed({"max_words": 1})


def test_declaring_one_option_twice_is_refused():
    with pytest.raises(TypeError, match="declared twice"):

        class Twice(Rule):
            code = "ZZ997"
            name = "twice"
            options = {"min-words": Option(3, "a"), "min_words": Option(4, "b")}


def test_readme_configuration_example_loads(tmp_path):
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1]
    block = re.search(r"```toml\n(.*?)```", section, re.S).group(1)
    (tmp_path / "house-words.txt").write_text("Cakaj\n", encoding="utf-8")
    (tmp_path / "names.txt").write_text("Gent Cakaj: Gent Caka\n", encoding="utf-8")
    (tmp_path / "styles").mkdir()
    example_style = Path(__file__).resolve().parent.parent / "examples" / "styles" / "house.toml"
    (tmp_path / "styles" / "house.toml").write_text(example_style.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    try:
        cfg = load_config(tmp_path / "pyproject.toml")
    finally:
        from linter.registry import use_configured_rules

        use_configured_rules(())
    assert cfg.rules  # the example sets a rule option, and it is accepted
    assert cfg.rule_sets  # and lists a house style
