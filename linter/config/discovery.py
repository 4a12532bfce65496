"""Finding and reading the configuration file: the nearest ``copydesk.toml`` or
``pyproject.toml`` with a ``[tool.copydesk]`` table at or above the checked paths
(``copydesk.toml`` wins in the same directory), or the file ``--config`` names."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from linter.config.model import Config, ConfigError
from linter.config.schema import parse_config
from linter.errors import reason

CONFIG_NAMES = ("copydesk.toml", "pyproject.toml")


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a file or directory)."""
    here = start if start.is_dir() else start.parent
    try:
        here = here.resolve()
    except OSError:
        return None
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not _has_copydesk_table(candidate):
                continue
            return candidate
    return None


def _has_copydesk_table(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.copydesk] table. One that is not valid
    TOML is an error (naming the file), never silently skipped."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError:
        return False
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read configuration file: {reason(exc)}") from None
    data = _parse_toml(raw, path)
    return isinstance(data.get("tool"), dict) and "copydesk" in data["tool"]


def _parse_toml(raw: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load_config(path: Path | None = None, start_paths: Iterable[str] = ()) -> Config:
    """Load the configuration from ``path`` or the nearest file above ``start_paths``."""
    if path is None:
        for p in list(start_paths) or ["."]:
            if p == "-":
                p = "."
            found = find_config_file(Path(p))
            if found is not None:
                path = found
                break
        if path is None:
            return _in_force(Config())
        explicit = False
    else:
        explicit = True
    path = Path(path)
    if not path.exists():
        raise ConfigError(f"{path}: configuration file not found")
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration file: {reason(exc)}") from None
    data = _parse_toml(raw, path)
    prefix = ""
    if path.name == "pyproject.toml" or (explicit and "tool" in data and path.name != "copydesk.toml"):
        table = data.get("tool", {}).get("copydesk") if isinstance(data.get("tool"), dict) else None
        if table is None:
            if explicit:
                raise ConfigError(f"{path}: no [tool.copydesk] table in this file")
            return _in_force(Config())
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.copydesk: expected a table ([tool.copydesk]), got {table!r}")
        data = table
        prefix = "tool.copydesk."
    return parse_config(data, path, prefix)


def _in_force(cfg: Config) -> Config:
    cfg.install_rules()
    return cfg
