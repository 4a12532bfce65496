"""The files a configuration names for words: ``vocabulary-file`` (one word or phrase a
line) and ``names-file`` (TOML ``canonical = [variants]`` or text lines). Paths are
relative to the directory of the configuration file; ``#`` starts a comment line.

Each reader takes ``err(what) -> ConfigError``, which prefixes the file and the key.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from linter.errors import reason


def resolve_file(value: Any, root: Path, err) -> Path:
    """The path a key names, relative to ``root`` unless absolute."""
    if not isinstance(value, str) or not value:
        raise err(f"expected a file path, got {value!r}")
    path = Path(value)
    return path if path.is_absolute() else root / path


def _read_text(path: Path, err, encoding: str) -> str:
    try:
        return path.read_text(encoding=encoding)
    except FileNotFoundError:
        raise err(f"{path} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise err(f"cannot read {path}: {reason(exc)}") from None


def _read_lines(path: Path, err) -> list[str]:
    raw = _read_text(path, err, "utf-8-sig")
    return [
        line.strip() for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]


def read_word_file(value: Any, root: Path, err) -> list[str]:
    """The words of a ``vocabulary-file``."""
    return _read_lines(resolve_file(value, root, err), err)


def names_table(value: Any, err) -> dict[str, list[str]]:
    """A ``names`` table (``canonical = ["variant", ...]``), validated."""
    if not isinstance(value, dict):
        raise err(f'expected a table of canonical name = ["variant", ...], got {value!r}')
    out: dict[str, list[str]] = {}
    for canonical, variants in value.items():
        if isinstance(variants, str):
            variants = [variants]
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise err(f"{canonical}: expected a list of variant spellings, got {variants!r}")
        out[canonical] = list(variants)
    return out


def read_names_file(value: Any, root: Path, err) -> dict[str, list[str]]:
    """A names file: TOML (``canonical = [variants]``) or text lines
    ``Canonical Name`` / ``Canonical Name: variant, variant``."""
    path = resolve_file(value, root, err)
    if path.suffix == ".toml":
        raw = _read_text(path, err, "utf-8")
        try:
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            raise err(f"cannot read {path}: {exc}") from None
        return names_table(data, err)
    out: dict[str, list[str]] = {}
    for line in _read_lines(path, err):
        canonical, _, rest = line.partition(":")
        out[canonical.strip()] = [v.strip() for v in rest.split(",") if v.strip()]
    return out
