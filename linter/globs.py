"""Glob matching for ``include``, ``exclude`` and ``per-file-ignores``: the one matcher.

Paths are compared in POSIX form. An ``exclude`` or ``per-file-ignores`` glob matches a
path given as is, relative to a walk, or relative to the configuration's directory;
a glob without ``/`` matches any part of it (``node_modules`` leaves out every such
directory), one with ``/`` any trailing run of parts. An ``include`` glob matches the
file's name or its path relative to the walk, never a directory above it.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Iterable

_GLOB_CHARS = frozenset("*?[")
_CASE_SENSITIVE = os.path.normcase("Aa") == "Aa"


def matches_any(
    path: str | os.PathLike,
    patterns: Iterable[str],
    root: Path | None = None,
    rel: str | None = None,
) -> bool:
    """Whether one of ``patterns`` matches ``path`` (see :func:`path_matches`): as
    given, or as ``rel`` (its path relative to a walk) when that is given, and relative
    to ``root`` when that is given; parts above those never match. Quicker than one
    :func:`path_matches` a pattern for the usual case: a plain name such as
    ``node_modules`` matches when it is one of the path's parts."""
    patterns = tuple(patterns)
    if root is None:
        return _matches_any(Path(path if rel is None else rel).as_posix(), patterns)
    candidates = [Path(path if rel is None else rel).as_posix()]
    try:
        candidates.append(Path(path).resolve().relative_to(root).as_posix())
    except (ValueError, OSError):
        pass
    return any(_matches_any(c, patterns) for c in candidates)


def _matches_any(cand: str, patterns: tuple[str, ...]) -> bool:
    parts: set[str] | None = None
    for pattern in patterns:
        plain = pattern.rstrip("/")
        if _CASE_SENSITIVE and "/" not in plain and not _GLOB_CHARS.intersection(plain):
            if parts is None:
                parts = set(cand.split("/"))
            if plain in parts:
                return True
        elif path_matches(cand, pattern):
            return True
    return False


def path_matches(path: str | os.PathLike, pattern: str, root: Path | None = None) -> bool:
    """Whether ``path`` matches a glob: against its path relative to ``root``
    (or as given), any trailing part of it, or its file name."""
    p = Path(path)
    candidates = [p.as_posix()]
    if root is not None:
        try:
            candidates.append(p.resolve().relative_to(root).as_posix())
        except (ValueError, OSError):
            pass
    pattern = pattern.rstrip("/")
    if pattern.startswith("**/"):
        return path_matches(path, pattern[3:], root) or any(
            fnmatch.fnmatch(c, pattern) for c in candidates
        )
    for cand in candidates:
        if fnmatch.fnmatch(cand, pattern):
            return True
        parts = cand.split("/")
        if "/" not in pattern:
            if any(fnmatch.fnmatch(part, pattern) for part in parts):
                return True
        else:
            for i in range(1, len(parts)):
                if fnmatch.fnmatch("/".join(parts[i:]), pattern.lstrip("/")):
                    return True
    return False


def included(name: str, rel: str, patterns: Iterable[str]) -> bool:
    """Whether an ``include`` glob matches a file met in a walk: its ``name`` or its
    POSIX path ``rel`` relative to the walk."""
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns)
