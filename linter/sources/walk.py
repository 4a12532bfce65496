"""The command line's paths to :class:`Target` s, in a stable order: directories are
walked recursively for the ``include`` globs (``*.txt`` and ``*.md`` by default),
skipping hidden directories, the ``exclude`` globs, what git ignores
(:mod:`linter.sources.gitignore`), files that are not regular and links that leave
the tree; files named explicitly are taken whatever their extension."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable

from linter.config.model import Config
from linter.errors import reason
from linter.globs import included, matches_any
from linter.sources.gitignore import GitIgnore, ignored, ignores_above
from linter.sources.target import MARKDOWN_SUFFIXES, Target, kind_for


def excluded_by_config(path: str, cfg: Config) -> bool:
    """Whether the configuration's ``exclude`` globs leave out the file ``path`` when it
    is named explicitly (``--force-exclude``; the language server's open documents)."""
    return matches_any(path, cfg.exclude, cfg.root)


def collect(
    paths: Iterable[str],
    cfg: Config,
    stdin_filename: str | None = None,
    *,
    force_exclude: bool = False,
    excluded: list[str] | None = None,
) -> tuple[list[Target], list[str]]:
    """Expand the command-line paths into targets, in a stable order.

    Returns the targets and the errors (one message each) for paths that cannot be
    checked. Files named explicitly are checked whatever their extension and whatever
    the ``exclude`` globs say, as in ruff, unless ``force_exclude``: then the
    exclusions apply to them too, and each file left out is appended to ``excluded``
    (so that the caller can say so: a pre-commit hook passes excluded files by name).
    """
    targets: list[Target] = []
    errors: list[str] = []
    seen: set[str] = set()

    def add(display: str, fs: str) -> None:
        key = os.path.realpath(fs)
        if key in seen:
            return
        seen.add(key)
        targets.append(Target(display, kind_for(fs), fs))

    for arg in paths:
        if arg == "-":
            name = stdin_filename or "-"
            kind = "markdown" if name.lower().endswith(MARKDOWN_SUFFIXES) else "stdin"
            targets.append(Target(name, kind, None))
            continue
        if not os.path.lexists(arg):
            errors.append(f"{arg}: no such file or directory")
            continue
        if os.path.isdir(arg):
            before = len(targets)
            found: list[tuple[str, str]] = []
            _walk(arg, cfg, lambda display, fs: found.append((display, fs)), errors)
            for display, fs in sorted(found, key=lambda pair: Path(pair[0]).parts):
                add(display, fs)
            if len(targets) == before:
                globs = ", ".join(cfg.include)
                errors.append(f"{arg}: nothing to check here (no files matching {globs}); "
                              "name files explicitly or set include in the configuration")
            continue
        if not os.path.exists(arg):
            errors.append(f"{arg}: broken symbolic link")
            continue
        if force_exclude and excluded_by_config(arg, cfg):
            if excluded is not None:
                excluded.append(os.path.normpath(arg))
            continue
        add(os.path.normpath(arg), arg)
    return targets, errors


def _regular_inside(full: str, top: Path) -> bool:
    """Whether a file met in a walk is checked: a regular file (a named pipe or a
    device would stall the run), and not a symbolic link to a place outside the tree
    walked (``--fix`` would write there)."""
    try:
        info = os.stat(full)
    except OSError:
        return True  # reading it reports the error (a broken link, say)
    if not stat.S_ISREG(info.st_mode):
        return False
    if os.path.islink(full):
        target = Path(os.path.realpath(full))
        return target == top or top in target.parents
    return True


def _walk(top: str, cfg: Config, add, errors: list[str]) -> None:
    top_path = Path(top).resolve()
    ignores: list[GitIgnore] = ignores_above(top_path) if cfg.respect_gitignore else []

    def onerror(exc: OSError) -> None:
        errors.append(f"{exc.filename}: cannot read directory: {reason(exc)}")

    stack_ignores: dict[str, list[GitIgnore]] = {}
    for dirpath, dirnames, filenames in os.walk(top, onerror=onerror, followlinks=False):
        here = Path(dirpath).resolve()
        parent_ignores = stack_ignores.get(os.path.dirname(dirpath), ignores) if dirpath != top else ignores
        local = list(parent_ignores)
        if cfg.respect_gitignore:
            gi = GitIgnore.load(here)
            if gi:
                local.append(gi)
        stack_ignores[dirpath] = local
        kept = []
        for d in sorted(dirnames):
            rel = os.path.relpath(os.path.join(dirpath, d), top)
            if d.startswith(".") or matches_any(os.path.join(dirpath, d), cfg.exclude, cfg.root, rel):
                continue
            if local and ignored(here / d, True, local):
                continue
            kept.append(d)
        dirnames[:] = kept
        for f in sorted(filenames):
            if f.startswith("."):
                continue
            full = os.path.join(dirpath, f)
            if not _regular_inside(full, top_path):
                continue
            rel = os.path.relpath(full, top)
            if not included(f, Path(rel).as_posix(), cfg.include):
                continue
            if matches_any(full, cfg.exclude, cfg.root, rel):
                continue
            if local and ignored(here / f, False, local):
                continue
            add(os.path.normpath(full), full)
