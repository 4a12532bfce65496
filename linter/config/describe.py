"""``--show-settings``: every setting as resolved, and where it came from."""

from __future__ import annotations

from typing import Any

from linter.config.model import Config


def describe_settings(cfg: Config, command_line: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """Every setting as resolved, ``{key: {"value", "source"}}``; the source is
    ``default``, the configuration file, or ``command line`` for the keys given in
    ``command_line`` (their values: ``select`` and ``fail-on`` replace the file's,
    ``extend-select`` and ``ignore`` add to them)."""
    command_line = {k: v for k, v in (command_line or {}).items() if v}
    values: dict[str, tuple[Any, tuple[str, ...]]] = {
        "select": (cfg.select if cfg.select is not None else "the rules on by default", ("select",)),
        "extend-select": (cfg.extend_select, ("extend-select",)),
        "ignore": (cfg.ignore, ("ignore",)),
        "fixable": (cfg.fixable if cfg.fixable is not None else ["ALL"], ("fixable",)),
        "unfixable": (cfg.unfixable, ("unfixable",)),
        "per-file-ignores": (cfg.per_file_ignores, ("per-file-ignores",)),
        "fail-on": (str(cfg.fail_on), ("fail-on",)),
        "include": (cfg.include, ("include", "extend-include")),
        "exclude": (cfg.exclude, ("exclude", "extend-exclude")),
        "respect-gitignore": (cfg.respect_gitignore, ("respect-gitignore",)),
        "max-file-size": (cfg.max_file_size_mb, ("max-file-size",)),
        "time-limit": (cfg.time_limit, ("time-limit",)),
        "severity": ({c: str(s) for c, s in sorted(cfg.severity.items())}, ("severity",)),
        "rules": (cfg.rules, ("rules",)),
        "vocabulary": (f"{len(cfg.vocabulary)} words", ("vocabulary", "vocabulary-file")),
        "names": (f"{len(cfg.names)} names", ("names", "names-file")),
        "language": (list(cfg.languages), ("language",)),
        "quality": (cfg.quality, ("quality",)),
    }
    for rule_set in cfg.rule_sets:  # rules declared as data (house styles)
        values[rule_set.key] = (rule_set.describe(), (rule_set.key,))
    out: dict[str, dict[str, Any]] = {}
    for key, (value, file_keys) in values.items():
        if key in command_line:
            given = command_line[key]
            in_file = next((cfg.origins[k] for k in file_keys if k in cfg.origins), None)
            if key in ("extend-select", "ignore") and "select" not in command_line:
                # Without a select of its own, the command line adds to the file's.
                value = list(value) + list(given)
                source = "command line" + (f" + {in_file}" if in_file else "")
            else:
                value = given
                source = "command line" + (f" (over {in_file})" if in_file else "")
        elif key in ("extend-select", "ignore") and "select" in command_line:
            # A select on the command line starts afresh: the file's lists do not apply.
            value, source = [], "command line (--select)"
        else:
            source = next((cfg.origins[k] for k in file_keys if k in cfg.origins), "default")
        out[key] = {"value": value, "source": source}
    return out

