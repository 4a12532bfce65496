"""Sources: the only reader. Paths, directories, stdin and record files -> text.

* Files are decoded as UTF-8; a BOM is stripped and remembered (the writer puts it
  back); line endings are kept exactly as read. Bytes that are not valid UTF-8 are
  decoded with ``surrogateescape`` (each becomes a lone surrogate U+DC80..U+DCFF),
  so nothing is lost: rule EN100 reports them, and writing the text back with
  ``surrogateescape`` restores the original bytes.
* Directories are walked recursively for the ``include`` globs (``*.txt`` and ``*.md``
  by default), skipping hidden directories, the ``exclude`` globs and what
  ``.gitignore`` files in the tree (and above it, up to the repository root) and the
  repository's ``.git/info/exclude`` ignore (git's rules, through ``pathspec``).
* ``.jsonl`` / ``.jsonl.gz`` files (and ``.parquet`` through ``linter.corpus``) are
  read as records, one document per record, streamed.
"""

from __future__ import annotations

import codecs
import fnmatch
import gzip
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pathspec

from linter.config import Config, matches_any
from linter.files import NotRegularFile, open_regular

BOM = codecs.BOM_UTF8
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".parquet")


class SourceError(Exception):
    """A path that cannot be checked; the message names it and says why."""


@dataclass(frozen=True)
class Target:
    """One thing to check: a text/Markdown file, a record file, or stdin."""

    path: str  # as displayed (and as given for stdin: its --stdin-filename or "-")
    kind: str  # text | markdown | jsonl | parquet | stdin
    fs_path: str | None = None  # the file on disk; None for stdin

    @property
    def is_records(self) -> bool:
        return self.kind in ("jsonl", "parquet")


@dataclass
class TextSource:
    text: str
    bom: bool = False


@dataclass
class Record:
    """One record of a record file: its id and text, or why it cannot be read."""

    doc_id: str
    text: str | None
    error: str | None = None


# ------------------------------------------------------------------------ decoding


def decode(data: bytes) -> TextSource:
    """Decode bytes as UTF-8, stripping (and remembering) a BOM; never fails."""
    bom = data.startswith(BOM)
    if bom:
        data = data[len(BOM) :]
    return TextSource(data.decode("utf-8", errors="surrogateescape"), bom)


def kind_for(path: str) -> str:
    low = path.lower()
    if low.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if low.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        return "jsonl"
    if low.endswith(".parquet"):
        return "parquet"
    return "text"


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def read_text_file(fs_path: str, max_bytes: int | None = None, display: str | None = None) -> TextSource:
    """Read one text file, or raise SourceError with a message naming it."""
    path = display or fs_path

    def too_big(size: float) -> SourceError:
        return _too_big(path, size, max_bytes)

    try:
        with open_regular(fs_path) as fh:
            size = os.fstat(fh.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise too_big(size)
            # Read no more than the limit allows, should the file grow meanwhile.
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:
            raise too_big(len(data))
    except NotRegularFile as exc:
        # A FIFO would block the run forever, a device (/dev/zero) never ends.
        raise SourceError(f"{path}: skipped: {exc}; name a file") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file or directory") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied; cannot read it") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {_reason(exc)}") from None
    return decode_checked(data, path)


def _too_big(path: str, size: float | None, max_bytes: int) -> SourceError:
    """``size`` None: a stream, read only up to the limit."""
    what = "more than the" if size is None else f"{size / 1e6:.1f} MB is over the"
    return SourceError(
        f"{path}: skipped: {what} {max_bytes / 1e6:g} MB limit "
        "(raise max-file-size in the configuration, or split the file)"
    )


def read_stream(stream, max_bytes: int | None, path: str) -> TextSource:
    """Read a stream (stdin) to its end, but no more than ``max_bytes`` (the limit
    files have: ``/dev/zero`` piped in ends with this error instead of filling memory)."""
    try:
        data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {_reason(exc)}") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise _too_big(path, None, max_bytes)
    return decode_checked(data, path)


def decode_checked(data: bytes, path: str) -> TextSource:
    nul = data.find(b"\0")
    if nul != -1:
        hint = ""
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            hint = "; it looks like UTF-16: convert it to UTF-8"
        raise SourceError(f"{path}: skipped: binary file (NUL byte at offset {nul}){hint}")
    return decode(data)


# ----------------------------------------------------------------------- gitignore


class GitIgnore:
    """The patterns of one ``.gitignore`` file (or of ``.git/info/exclude``), matched
    by :mod:`pathspec` with git's own rules, relative to the directory ``base``."""

    def __init__(self, base: Path, lines: Iterable[str]) -> None:
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
    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except ValueError:
        return False
    return True


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


def _ignored(path: Path, is_dir: bool, ignores: list[GitIgnore]) -> bool:
    verdict = False
    for gi in ignores:  # outermost first; deeper files override
        v = gi.match(path, is_dir)
        if v is not None:
            verdict = v
    return verdict


# --------------------------------------------------------------------- collecting


def _matches_any(path: str, patterns: Iterable[str], root: Path, rel: str | None = None) -> bool:
    """Whether a glob matches ``path`` relative to the walk (``rel``) or to the
    configuration's directory; parts above those never match."""
    candidates = [rel if rel is not None else path]
    try:
        candidates.append(Path(path).resolve().relative_to(root).as_posix())
    except (ValueError, OSError):
        pass
    return any(matches_any(c, patterns) for c in candidates)


def excluded_by_config(path: str, cfg: Config) -> bool:
    """Whether the configuration's ``exclude`` globs leave out the file ``path`` when it
    is named explicitly (``--force-exclude``; the language server's open documents)."""
    return _matches_any(path, cfg.exclude, cfg.root)


def _included(name: str, rel: str, cfg: Config) -> bool:
    for pattern in cfg.include:
        if fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(rel, pattern):
            return True
    return False


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
    ignores: list[GitIgnore] = []
    if cfg.respect_gitignore:
        root = _repo_root(top_path)
        if root is not None:
            # Lowest precedence first: info/exclude, then each .gitignore from the root down.
            exclude = _info_exclude(root)
            if exclude:
                ignores.append(exclude)
        if root is not None and root != top_path:
            chain = []
            for directory in top_path.parents:
                chain.append(directory)
                if directory == root:
                    break
            for directory in reversed(chain):
                gi = GitIgnore.load(directory)
                if gi:
                    ignores.append(gi)

    def onerror(exc: OSError) -> None:
        errors.append(f"{exc.filename}: cannot read directory: {_reason(exc)}")

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
            if d.startswith(".") or _matches_any(os.path.join(dirpath, d), cfg.exclude, cfg.root, rel):
                continue
            if local and _ignored(here / d, True, local):
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
            if not _included(f, Path(rel).as_posix(), cfg):
                continue
            if _matches_any(full, cfg.exclude, cfg.root, rel):
                continue
            if local and _ignored(here / f, False, local):
                continue
            add(os.path.normpath(full), full)


# ------------------------------------------------------------------------ records


def iter_records(
    target: Target, text_field: str = "text", id_field: str = "id", on_bytes=None
) -> Iterator[Record]:
    """Stream the records of a record file as (id, text); bad records carry an error.

    ``on_bytes(n)`` is called with the number of bytes of the file read so far
    (compressed bytes for ``.gz``), for progress reporting. Each line is parsed as
    :mod:`linter.corpus` parses it for ``clean`` (one reading of a record for both
    commands); here only the id and the text are kept."""
    if target.kind == "parquet":
        yield from _iter_parquet(target, text_field, id_field)
        return
    from linter.corpus import row_from_line

    path = target.fs_path or target.path
    try:
        raw_file = open_regular(path)
    except NotRegularFile as exc:
        raise SourceError(f"{path}: skipped: {exc}; name a record file") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file or directory") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied; cannot read it") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {_reason(exc)}") from None
    fh = gzip.GzipFile(fileobj=raw_file, mode="rb") if path.lower().endswith(".gz") else raw_file
    with raw_file, fh:
        lineno = 0
        try:
            for raw in fh:
                lineno += 1
                if on_bytes is not None and lineno % 64 == 0:
                    on_bytes(raw_file.tell())
                if not raw.strip():
                    continue
                row = row_from_line(raw, lineno)
                text, why = row.text(text_field)
                if text is None:
                    yield Record(row.doc_id(id_field), None, why if row.record is None else f"line {lineno}: {why}")
                else:
                    yield Record(row.doc_id(id_field), text)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise SourceError(f"{path}: line {lineno + 1}: cannot read: {exc}") from None


def _iter_parquet(target: Target, text_field: str, id_field: str) -> Iterator[Record]:
    try:
        from linter.corpus import CorpusError, iter_parquet_records
    except ImportError:
        raise SourceError(
            f"{target.path}: Parquet input needs the corpus module (linter.corpus), "
            "which this installation lacks; convert the file to JSONL"
        ) from None
    try:
        for doc_id, text in iter_parquet_records(target.fs_path or target.path, text_field, id_field):
            yield Record(str(doc_id), text)
    except ImportError as exc:  # pyarrow missing; the message names the install command
        hint = "pip install 'copydesk[parquet]'"
        message = str(exc) if hint in str(exc) else f"{exc}; {hint}"
        raise SourceError(f"{target.path}: cannot read Parquet: {message}") from None
    except CorpusError as exc:  # the message starts with the path
        raise SourceError(str(exc)) from None
