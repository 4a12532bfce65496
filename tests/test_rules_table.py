"""The README's rules table is generated from the registry (``python -m linter.docs``)."""

from __future__ import annotations

from pathlib import Path

from linter.docs import END, START, replace_table, rules_table
from linter.registry import all_rules

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_rules_table_is_current():
    current = README.read_text(encoding="utf-8")
    assert replace_table(current, rules_table()) == current, (
        "README.md's rules table is stale: run `python -m linter.docs`"
    )


def test_table_lists_every_rule_once():
    table = rules_table()
    for code, cls in all_rules().items():
        assert table.count(f'| <a id="rule-{code.lower()}"></a>{code} | `{cls.name}` |') == 1


def test_replace_table_keeps_the_rest():
    readme = f"# Title\n\nBefore.\n\n{START}\nold table\n{END}\n\nAfter.\n"
    out = replace_table(readme, "| new |\n")
    assert out == f"# Title\n\nBefore.\n\n{START}\n| new |\n{END}\n\nAfter.\n"
    assert replace_table(out, "| new |\n") == out
