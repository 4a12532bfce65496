"""``copydesk rules`` (the rules, as a table or JSON), ``copydesk rule CODE`` (a rule's
documentation) and ``copydesk server`` (the language server)."""

from __future__ import annotations

import argparse

from linter.cli.common import EXIT_OK, UsageError, warn


def _load_rules_config(args: argparse.Namespace) -> None:
    """Load the configuration (``--config`` or the one found from here) so that its
    house-style rules are listed. A broken one is a warning here: the built-in rules
    are still listed (``check`` refuses it)."""
    from pathlib import Path

    from linter.config import ConfigError, load_config
    from linter.registry import use_configured_rules

    try:
        load_config(Path(args.config) if args.config else None, ["."])
    except ConfigError as exc:
        use_configured_rules(())
        warn(f"{exc}; listing the built-in rules only")


def _rule_rows():
    from linter.registry import all_rules

    return [cls.metadata() for cls in all_rules().values()]


def cmd_rules(args: argparse.Namespace) -> int:
    from linter.docs import default_label

    _load_rules_config(args)
    rows = _rule_rows()
    if args.format == "json":
        import json

        print(json.dumps(rows, indent=2, ensure_ascii=False, default=str))
        return EXIT_OK
    sources = any(r["source"] for r in rows)
    headers = ("code", "name", "category", "severity", "fix", "default") + (("source",) if sources else ()) + ("summary",)
    table = [
        (r["code"], r["name"], r["category"], r["severity"], r["fix"], default_label(r))
        + ((r["source"] or "built-in",) if sources else ())
        + (r["summary"],)
        for r in rows
    ]
    widths = [max(len(h), *(len(row[i]) for row in table)) if table else len(h) for i, h in enumerate(headers[:-1])]
    lines = ["  ".join(h.upper().ljust(w) for h, w in zip(headers[:-1], widths)) + "  SUMMARY"]
    for row in table:
        lines.append("  ".join(v.ljust(w) for v, w in zip(row[:-1], widths)) + "  " + row[-1])
    labels = {row[5] for row in table}
    if labels - {"on"}:
        lines += ["", "DEFAULT: on = run on every file and record."]
        if "records" in labels:
            lines.append(
                "  records = corpus gates, run on record files (.jsonl, .jsonl.gz, .parquet) and by"
                " `copydesk clean`; opt-in for text and Markdown files (--extend-select CODE)."
            )
        if "off" in labels:
            lines.append("  off = opt-in everywhere (--extend-select CODE).")
    print("\n".join(lines))
    return EXIT_OK


def cmd_server(args: argparse.Namespace) -> int:
    from linter.server import main as serve

    return serve()


def cmd_rule(args: argparse.Namespace) -> int:
    from linter.docs import rule_page
    from linter.registry import SelectionError, all_rules, resolve

    _load_rules_config(args)
    try:
        codes = sorted(resolve(args.rule, all_rules()))
    except SelectionError as exc:
        raise UsageError(str(exc)) from None
    print("\n".join(rule_page(code) for code in codes), end="")
    return EXIT_OK
