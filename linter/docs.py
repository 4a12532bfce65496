"""Rule documentation: one rule's page (``copydesk rule CODE``, the editor's hover)
and the README's rules table, both generated from the registry.

``python -m linter.docs`` rewrites README.md between ``<!-- rules-table:start -->``
and ``<!-- rules-table:end -->``; ``python -m linter.docs --check`` exits 1 when the
table there is stale (as the test suite does).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

START = "<!-- rules-table:start -->"
END = "<!-- rules-table:end -->"
README = Path(__file__).resolve().parent.parent / "README.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def rule_anchor(code: str) -> str:
    """The id of a rule's row in the README's rules table (SARIF's ``helpUri`` fragment)."""
    return f"rule-{code.lower()}"


def _default_cell(cls) -> str:
    if not cls.default_enabled:
        return "no"
    return "yes" if cls.default_on_files else "records, clean"


def rules_table() -> str:
    """The Markdown table of every rule copydesk or its plugins ship (house styles
    are a project's own: `copydesk rules` lists them)."""
    from linter.registry import builtin_rules

    lines = [
        "| Code | Name | Category | Severity | Fix | On by default | Summary |",
        "|---|---|---|---|---|---|---|",
    ]
    for code, cls in builtin_rules().items():
        fix = cls.metadata()["fix"].replace("none", "")
        lines.append(
            f"| <a id=\"{rule_anchor(code)}\"></a>{code} | `{cls.name}` | {cls.category} | {cls.severity} | {fix} | "
            f"{_default_cell(cls)} | {_cell(cls.summary())} |"
        )
    return "\n".join(lines) + "\n"


def default_label(meta: dict) -> str:
    """'on', 'off', or 'records' for a rule on by default for record files and
    ``clean`` only (opt-in for text and Markdown files)."""
    if not meta["default"]:
        return "off"
    return "on" if meta["default_scope"] == "all" else "records"


def rule_page(code: str) -> str:
    """The documentation of one rule as ``copydesk rule CODE`` prints it: code, name,
    metadata, options, then its docstring."""
    from linter.registry import all_rules
    from linter.rule import option_display

    cls = all_rules()[code]
    meta = cls.metadata()
    head = (
        f"{code} {cls.name}\n"
        f"category: {meta['category']}  severity: {meta['severity']}  fix: {meta['fix']}  "
        f"default: {default_label(meta)}"
    )
    if cls.source:
        head += f"\nsource: {cls.source}"
    if cls.options:
        opts = "\n".join(f"  {option_display(k)} = {o.default!r}: {o.help}" for k, o in cls.options.items())
        head += f"\noptions ([tool.copydesk.rules.{code}]):\n{opts}"
    return f"{head}\n\n{cls.documentation()}\n"


def replace_table(readme: str, table: str) -> str:
    start = readme.find(START)
    end = readme.find(END)
    if start == -1 or end == -1 or end < start:
        raise ValueError(f"README has no {START} ... {END} markers")
    return readme[: start + len(START)] + "\n" + table + readme[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m linter.docs", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the README table is stale")
    parser.add_argument("--readme", type=Path, default=README)
    args = parser.parse_args(argv)
    current = args.readme.read_text(encoding="utf-8")
    updated = replace_table(current, rules_table())
    if args.check:
        if updated != current:
            print(f"{args.readme}: the rules table is stale; run `python -m linter.docs`", file=sys.stderr)
            return 1
        return 0
    if updated != current:
        args.readme.write_text(updated, encoding="utf-8")
        print(f"updated the rules table in {args.readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
