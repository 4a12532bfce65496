"""Configuration: ``[tool.copydesk]`` in ``pyproject.toml`` or top-level keys in
``copydesk.toml``, validated with errors that name the file and the key.

The configuration is found upward from the checked paths (``copydesk.toml`` wins over
``pyproject.toml`` in the same directory; a ``pyproject.toml`` without a
``[tool.copydesk]`` table is skipped), or given with ``--config``. Relative paths in it
(``vocabulary-file``, ``names-file``, ``styles``, ``per-file-ignores`` and
``include``/``exclude`` globs) are relative to the directory of the file that holds them.
Keys claimed by rule modules (``styles``: house styles) are loaded by those modules
and their rules installed in the registry before any selector is resolved.

One job a module: ``model`` (Config and its defaults), ``discovery`` (finding and
reading the file), ``schema`` (validating its table), ``wordlists`` (the vocabulary
and names files it names), ``build`` (the rules to run and the Linter), ``describe``
(``--show-settings``). Glob matching is :mod:`linter.globs`. This package's names
are the ones to import.
"""

from __future__ import annotations

from linter.config.build import build_linter, records_only_codes, selected_codes
from linter.config.describe import describe_settings
from linter.config.discovery import CONFIG_NAMES, find_config_file, load_config
from linter.config.model import (
    DEFAULT_EXCLUDE,
    DEFAULT_INCLUDE,
    DEFAULT_MAX_FILE_SIZE_MB,
    DEFAULT_TIME_LIMIT,
    Config,
    ConfigError,
)
from linter.config.schema import language_code, parse_config

__all__ = [
    "CONFIG_NAMES",
    "DEFAULT_EXCLUDE",
    "DEFAULT_INCLUDE",
    "DEFAULT_MAX_FILE_SIZE_MB",
    "DEFAULT_TIME_LIMIT",
    "Config",
    "ConfigError",
    "build_linter",
    "describe_settings",
    "find_config_file",
    "language_code",
    "load_config",
    "parse_config",
    "records_only_codes",
    "selected_codes",
]
