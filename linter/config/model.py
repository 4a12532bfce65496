"""The validated configuration, :class:`Config`, with the defaults of an empty one,
and :class:`ConfigError`, the refusal that names the file and the key."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from linter.diagnostic import Severity
from linter.globs import path_matches

DEFAULT_INCLUDE = ("*.txt", "*.md")
# Directories never walked into (hidden directories are skipped as well).
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    "build",
    "dist",
    "site-packages",
    "*.egg-info",
    ".eggs",
)
DEFAULT_MAX_FILE_SIZE_MB = 10.0
# Seconds one record of a corpus may take in `copydesk clean` before it is dropped as
# "timeout" (``time-limit``, --time-limit; 0 for none).
DEFAULT_TIME_LIMIT = 60.0


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass
class Config:
    """The validated configuration. Every field has the default of an empty config."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    respect_gitignore: bool = True
    max_file_size_mb: float = DEFAULT_MAX_FILE_SIZE_MB
    time_limit: float = DEFAULT_TIME_LIMIT
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    vocabulary: list[str] = field(default_factory=list)
    names: dict[str, list[str]] = field(default_factory=dict)
    languages: tuple[str, ...] = ("en",)
    # [tool.copydesk.quality]: thresholds of the quality gate (linter.rules.support.quality.Gate).
    quality: dict[str, Any] = field(default_factory=dict)
    # Rules whose fixes may be applied (None: all); ``unfixable`` ones are shown as
    # suggestions and never written.
    fixable: list[str] | None = None
    unfixable: list[str] = field(default_factory=list)
    # The keys this configuration's file set (as written there): where each setting
    # came from, for --show-settings.
    origins: dict[str, str] = field(default_factory=dict)
    # Rules the configuration declares as data (``styles``: house styles), as the
    # rule modules that claim those keys load them (linter.registry.configured_rule_keys).
    rule_sets: list[Any] = field(default_factory=list)
    # The files this configuration was read from: itself, its vocabulary-file,
    # names-file and style files (the language server reloads it when one changes).
    files: list[Path] = field(default_factory=list)

    def __setstate__(self, state: dict[str, Any]) -> None:
        # In a worker process the configuration's own rules must be known again.
        self.__dict__.update(state)
        self.install_rules()

    def install_rules(self) -> None:
        """Make this configuration's own rules (house styles) the ones in force: a
        process that serves several configurations (the language server) calls it
        before building a linter for one."""
        from linter.registry import use_configured_rules

        use_configured_rules(self.rule_sets)

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "configuration"

    def settings(self):
        from linter.rule import Settings

        return Settings(
            vocabulary=frozenset(self.vocabulary),
            names={k: list(v) for k, v in self.names.items()},
            languages=tuple(self.languages),
        )

    def unfixable_codes(self, codes: Iterable[str]) -> frozenset[str]:
        """Of ``codes``, those whose fixes ``fixable``/``unfixable`` do not allow."""
        from linter.registry import select_codes

        allowed = set(select_codes(self.fixable if self.fixable is not None else ["ALL"], (), self.unfixable))
        return frozenset(c for c in codes if c not in allowed)

    def ignores_for(self, path: str | os.PathLike | None) -> list[str]:
        """Selectors ignored for ``path`` by ``per-file-ignores``."""
        if path is None or not self.per_file_ignores:
            return []
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if path_matches(path, pattern, self.root):
                out.extend(selectors)
        return out
