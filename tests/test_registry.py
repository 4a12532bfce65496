"""Rule discovery, packaging of rules/ and selection by code, prefix, name, category."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from linter.diagnostic import Category
from linter.registry import SelectionError, all_rules, resolve, select_codes
from linter.rule import CODE_RE, DOC_SECTIONS

ROOT = Path(__file__).resolve().parent.parent


def test_pyproject_packages_every_rules_folder():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = set(data["tool"]["setuptools"]["packages"])
    assert data["tool"]["setuptools"]["package-dir"]["linter.rules"] == "rules"
    folders = {
        p.parent.relative_to(ROOT / "rules").as_posix()
        for p in (ROOT / "rules").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    for folder in folders:
        name = "linter.rules" if folder == "." else "linter.rules." + folder.replace("/", ".")
        assert name in packages, f"rules/{folder} is not listed in pyproject's packages ({name})"
        assert (ROOT / "rules" / folder / "__init__.py").exists(), f"rules/{folder} needs an __init__.py"
    for init in (ROOT / "linter").rglob("__init__.py"):
        name = ".".join(("linter", *init.parent.relative_to(ROOT / "linter").parts))
        assert name in packages, f"{init.parent.relative_to(ROOT)} is not listed in pyproject's packages ({name})"


def test_every_rule_is_well_formed():
    names = set()
    for code, cls in all_rules().items():
        assert CODE_RE.match(code) and cls.code == code
        assert cls.name == cls.name.lower() and " " not in cls.name and cls.name not in names
        names.add(cls.name)
        assert isinstance(cls.category, Category)
        sections = cls.doc_sections()
        assert cls.summary(), f"{code} has no summary line"
        missing = [s for s in DOC_SECTIONS if s not in sections]
        assert not missing, f"{code} docstring lacks sections {missing}"


def test_rule_module_named_by_code():
    for code, cls in all_rules().items():
        if cls.__module__.startswith("linter.rules."):
            assert cls.__module__.rsplit(".", 1)[1] == code


@pytest.mark.parametrize(
    "selector,expected",
    [
        ("TP001", {"TP001"}),
        ("tp001", {"TP001"}),
        ("doubled-word", {"TP001"}),
        ("unused-directive", {"ST001"}),
        ("EN100", {"EN100"}),
        ("invalid-utf8", {"EN100"}),
    ],
)
def test_resolve_exact(selector, expected):
    assert resolve(selector) == expected


def test_resolve_prefix_and_category_and_all():
    registry = all_rules()
    assert "TP001" in resolve("TP") and all(c.startswith("TP") for c in resolve("TP"))
    assert "TP001" in resolve("TP0")
    assert resolve("typo") == {c for c, cls in registry.items() if cls.category == Category.TYPO}
    assert "ST001" in resolve("style")
    assert resolve("ALL") == set(registry)
    assert resolve("all") == set(registry)


@pytest.mark.parametrize("selector,hint", [("TP01", "TP001"), ("doubled-wrd", "doubled-word"), ("typos", "typo")])
def test_unknown_selector_did_you_mean(selector, hint):
    with pytest.raises(SelectionError) as err:
        resolve(selector)
    assert f"did you mean {hint!r}" in str(err.value)


def test_unknown_selector_without_close_match():
    with pytest.raises(SelectionError, match="copydesk rules"):
        resolve("zzzzzzzz")


def test_select_codes_layers():
    registry = all_rules()
    default = select_codes()
    assert default == sorted(c for c, cls in registry.items() if cls.default_enabled)
    assert select_codes(["TP001"]) == ["TP001"]
    assert select_codes(["TP001"], extend_select=["EN100"]) == ["EN100", "TP001"]
    assert "TP001" not in select_codes(ignore=["doubled-word"])
    assert select_codes(["ALL"], ignore=["ALL"]) == []


def test_categories_are_open_to_plugins():
    import pickle

    from linter.diagnostic import BUILTIN_CATEGORIES, FixAvailability, Severity
    from linter.registry import all_rules, select_codes
    from linter.rule import Rule

    class ChecksFacts(Rule):
        """A claim without a source."""

        code = "ZZ902"
        name = "unsourced-claim"
        category = "Fact-Check"  # a family of the plugin's own, given by name
        severity = Severity.INFO
        fix_availability = FixAvailability.NONE

        def check(self, doc):
            return ()

    assert ChecksFacts.category == "fact-check" and isinstance(ChecksFacts.category, Category)
    assert Category("fact-check") is ChecksFacts.category
    assert pickle.loads(pickle.dumps(ChecksFacts.category)) is ChecksFacts.category
    assert "fact-check" in [str(c) for c in Category]
    assert [str(c) for c in BUILTIN_CATEGORIES] == [
        "encoding", "typography", "typo", "names", "language", "boilerplate", "quality", "style"
    ]
    registry = {**all_rules(), "ZZ902": ChecksFacts}
    assert select_codes(["fact-check"], registry=registry) == ["ZZ902"]
    assert "ZZ902" not in select_codes(["ALL"], ignore=["fact-check"], registry=registry)
    with pytest.raises(ValueError):
        Category("two words")
