"""``check --show-settings``: every setting as resolved, with where it came from."""

from __future__ import annotations

import argparse

from linter.cli.common import EXIT_OK


def show_settings(args: argparse.Namespace, cfg, codes: list[str]) -> int:
    """``--show-settings``: every setting as resolved, with where it came from."""
    import json

    from linter.config import describe_settings

    cli = {
        "select": args.select,
        "extend-select": args.extend_select,
        "ignore": args.ignore,
        "fail-on": args.fail_on,
    }
    rows = describe_settings(cfg, cli)
    # Settings of the command line alone: (value, default).
    command_line = {
        "output-format": (args.format, "text"),
        "unsafe-fixes": (args.unsafe_fixes, False),
        "force-exclude": (args.force_exclude, False),
        "jobs": (args.jobs or 0, 0),
    }
    for key, (value, default) in command_line.items():
        rows[key] = {"value": value, "source": "default" if value == default else "command line"}
    if args.format == "json":
        doc = {
            "configuration": str(cfg.path) if cfg.path else None,
            "settings": rows,
            "rules": codes,
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False, default=str))
        return EXIT_OK
    print(f"configuration file: {cfg.path or 'none (defaults)'}")
    width = max(len(k) for k in rows) + 1
    for key, row in rows.items():
        value = json.dumps(row["value"], ensure_ascii=False, default=str)
        print(f"{key.ljust(width)}= {value}  # {row['source']}")
    print(f"rules run ({len(codes)}): {', '.join(codes)}")
    return EXIT_OK
