"""What git ignores: ``.gitignore`` files and the repository's ``.git/info/exclude``,
matched by :mod:`pathspec` with git's own rules (escaped spaces, ``!`` re-includes,
``**``). Deeper files override shallower ones. :mod:`pathspec` is imported when a
file of patterns is read, not before: a check of files outside any repository never
needs it."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable


class GitIgnore:
    """The patterns of one ``.gitignore`` file (or of ``.git/info/exclude``), matched
    by :mod:`pathspec` with git's own rules, relative to the directory ``base``."""

    def __init__(self, base: Path, lines: Iterable[str]) -> None:
        import pathspec

        self.base = base
        lines = [line.rstrip("\r\n") for line in lines]
        try:
            self.spec = pathspec.GitIgnoreSpec.from_lines(lines)
        except ValueError:  # a malformed line: git skips it, so do the same
            self.spec = pathspec.GitIgnoreSpec.from_lines(line for line in lines if _valid_pattern(line))
        # Comments and blank lines give patterns that match nothing.
        self.rules = [p for p in self.spec.patterns if p.include is not None]

    @classmethod
    def load(cls, directory: Path, name: str = ".gitignore") -> "GitIgnore | None":
        """The patterns of ``directory/name``, or None when it is absent or empty."""
        return cls.load_file(directory / name, directory)

    @classmethod
    def load_file(cls, path: Path, base: Path) -> "GitIgnore | None":
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        ignore = cls(base, text.splitlines())
        return ignore if ignore.rules else None

    def match(self, path: Path, is_dir: bool) -> bool | None:
        """True (ignored), False (re-included by ``!``) or None (no opinion)."""
        try:
            rel = path.relative_to(self.base).as_posix()
        except ValueError:
            return None
        if rel == ".":
            return None
        return self.spec.check_file(rel + "/" if is_dir else rel).include


def _valid_pattern(line: str) -> bool:
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except ValueError:
        return False
    return True


def ignores_above(top: Path) -> list[GitIgnore]:
    """What applies to a walk of the resolved directory ``top`` from above it, lowest
    precedence first: the repository's ``info/exclude``, then each ``.gitignore``
    from the repository's root down to ``top``'s parent. Empty outside a repository."""
    root = _repo_root(top)
    if root is None:
        return []
    ignores: list[GitIgnore] = []
    exclude = _info_exclude(root)
    if exclude:
        ignores.append(exclude)
    if root != top:
        chain = []
        for directory in top.parents:
            chain.append(directory)
            if directory == root:
                break
        for directory in reversed(chain):
            gi = GitIgnore.load(directory)
            if gi:
                ignores.append(gi)
    return ignores


def _repo_root(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return None


def _info_exclude(root: Path) -> GitIgnore | None:
    """The repository's ``.git/info/exclude``, whose patterns are relative to ``root``.
    In a linked worktree or a submodule ``.git`` is a file naming the git directory;
    a worktree shares ``info/exclude`` with the main one (its ``commondir``)."""
    git = root / ".git"
    gitdir = git
    if git.is_file():
        try:
            first = git.read_text(encoding="utf-8", errors="replace").splitlines()[0]
        except (OSError, IndexError):
            return None
        if not first.startswith("gitdir:"):
            return None
        gitdir = (root / first[len("gitdir:") :].strip()).resolve()
        try:
            common = (gitdir / "commondir").read_text(encoding="utf-8").strip()
        except OSError:
            common = ""
        if common:
            gitdir = (gitdir / common).resolve()
    return GitIgnore.load_file(gitdir / "info" / "exclude", root)


def ignored(path: Path, is_dir: bool, ignores: list[GitIgnore]) -> bool:
    """Whether ``ignores`` (outermost first) leave ``path`` out: the last opinion wins."""
    verdict = False
    for gi in ignores:  # outermost first; deeper files override
        v = gi.match(path, is_dir)
        if v is not None:
            verdict = v
    return verdict
