"""Reading: decoding, BOM, CRLF, bad input, directory walking, .gitignore, records;
and the atomic writer."""

from __future__ import annotations

import gzip
import json
import os
import stat
import sys

import pytest

from linter.config import Config
from linter.sources import (
    GitIgnore,
    SourceError,
    Target,
    collect,
    decode,
    iter_records,
    kind_for,
    read_text_file,
)
from linter.writer import WriteError, encode, write_text_atomic


def test_decode_strips_and_remembers_bom():
    src = decode(b"\xef\xbb\xbfHello\r\nworld")
    assert src.bom and src.text == "Hello\r\nworld"
    assert encode(src.text, src.bom) == b"\xef\xbb\xbfHello\r\nworld"


@pytest.mark.parametrize("raw", [b"caf\xe9", b"\xff\xfe\x00", b"ok \xc3\x28 \xe2\x82", b"\x80" * 5 + b"\xc3\xa9"])
def test_invalid_utf8_round_trips(raw):
    src = decode(raw)
    assert encode(src.text, src.bom) == raw


def test_read_text_file_keeps_crlf(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"one\r\ntwo\r\n")
    assert read_text_file(str(p)).text == "one\r\ntwo\r\n"


def test_read_errors_name_the_file(tmp_path):
    with pytest.raises(SourceError, match="missing.txt: no such file"):
        read_text_file(str(tmp_path / "missing.txt"))
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"abc\x00def")
    with pytest.raises(SourceError, match=r"b.txt: skipped: binary file \(NUL byte at offset 3\)"):
        read_text_file(str(binary))
    utf16 = tmp_path / "u.txt"
    utf16.write_bytes("hello".encode("utf-16"))
    with pytest.raises(SourceError, match="UTF-16"):
        read_text_file(str(utf16))
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 3000)
    with pytest.raises(SourceError, match="over the 0.002 MB limit"):
        read_text_file(str(big), max_bytes=2000)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("x")
    p.chmod(0)
    with pytest.raises(SourceError, match="permission denied"):
        read_text_file(str(p))


def test_kind_for():
    assert kind_for("a.md") == "markdown"
    assert kind_for("a.MD") == "markdown"
    assert kind_for("a.txt") == "text"
    assert kind_for("a.jsonl") == "jsonl"
    assert kind_for("a.jsonl.gz") == "jsonl"
    assert kind_for("a.parquet") == "parquet"


def _tree(root, files):
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(content)


def _paths(targets):
    return [t.path.replace(os.sep, "/") for t in targets]


def test_collect_walks_sorted_and_skips(tmp_path, monkeypatch):
    _tree(
        tmp_path,
        {
            "b.txt": "b",
            "a.md": "a",
            "notes.rst": "skip",
            "sub/c.txt": "c",
            ".hidden/d.txt": "d",
            ".venv/lib/e.txt": "e",
            "node_modules/f.txt": "f",
            ".dot.txt": "g",
            "data.jsonl": "{}",
        },
    )
    monkeypatch.chdir(tmp_path)
    targets, errors = collect(["."], Config(root=tmp_path))
    assert errors == []
    assert _paths(targets) == ["a.md", "b.txt", "sub/c.txt"]
    assert [t.kind for t in targets] == ["markdown", "text", "text"]


def test_collect_explicit_files_any_extension_and_dedupe(tmp_path, monkeypatch):
    _tree(tmp_path, {"notes.rst": "x", "a.txt": "a", "data.jsonl": "{}"})
    monkeypatch.chdir(tmp_path)
    targets, errors = collect(["notes.rst", "a.txt", "./a.txt", "data.jsonl"], Config(root=tmp_path))
    assert _paths(targets) == ["notes.rst", "a.txt", "data.jsonl"]
    assert targets[2].is_records


def test_collect_errors(tmp_path, monkeypatch):
    _tree(tmp_path, {"empty/readme.rst": "x"})
    monkeypatch.chdir(tmp_path)
    targets, errors = collect(["missing.txt", "empty"], Config(root=tmp_path))
    assert targets == []
    assert errors[0] == "missing.txt: no such file or directory"
    assert errors[1].startswith("empty: nothing to check here")


def test_collect_include_exclude(tmp_path, monkeypatch):
    _tree(tmp_path, {"a.txt": "a", "b.text": "b", "drafts/c.txt": "c", "keep/d.txt": "d"})
    monkeypatch.chdir(tmp_path)
    cfg = Config(root=tmp_path, include=["*.txt", "*.text"], exclude=["drafts"])
    targets, _ = collect(["."], cfg)
    assert _paths(targets) == ["a.txt", "b.text", "keep/d.txt"]
    # A file named explicitly is checked whatever the exclusions say (as in ruff) ...
    targets, _ = collect(["drafts/c.txt"], cfg)
    assert _paths(targets) == ["drafts/c.txt"]
    # ... unless --force-exclude, and then the caller learns what was left out.
    excluded: list[str] = []
    targets, errors = collect(["drafts/c.txt", "a.txt"], cfg, force_exclude=True, excluded=excluded)
    assert _paths(targets) == ["a.txt"] and errors == [] and excluded == ["drafts/c.txt"]


def test_exclude_does_not_match_above_the_walk(tmp_path, monkeypatch):
    _tree(tmp_path, {"build/project/a.txt": "a"})
    monkeypatch.chdir(tmp_path / "build" / "project")
    targets, errors = collect([str(tmp_path / "build" / "project")], Config(root=tmp_path / "build" / "project"))
    assert len(targets) == 1 and not errors


def test_collect_honours_gitignore(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    _tree(
        tmp_path,
        {
            ".gitignore": "# comment\n*.log.txt\n/out/\nsecret*.md\n!secret-ok.md\n",
            "a.txt": "a",
            "run.log.txt": "x",
            "out/b.txt": "x",
            "docs/out/c.txt": "kept: /out/ is anchored",
            "docs/secret-1.md": "x",
            "docs/secret-ok.md": "kept",
            "docs/.gitignore": "local.txt\n",
            "docs/local.txt": "x",
            "local.txt": "kept: the docs rule is local",
        },
    )
    monkeypatch.chdir(tmp_path)
    targets, _ = collect(["."], Config(root=tmp_path))
    assert _paths(targets) == ["a.txt", "docs/out/c.txt", "docs/secret-ok.md", "local.txt"]
    # a .gitignore above the walked directory applies too
    targets, _ = collect(["docs"], Config(root=tmp_path))
    assert _paths(targets) == ["docs/out/c.txt", "docs/secret-ok.md"]
    targets, _ = collect(["."], Config(root=tmp_path, respect_gitignore=False))
    assert "run.log.txt" in _paths(targets)


def test_gitignore_patterns(tmp_path):
    gi = GitIgnore(tmp_path, ["**/tmp/**", "doc/*.txt", "a?.md", "[xy].txt", "dir/"])
    assert gi.match(tmp_path / "x/tmp/y.txt", False)
    assert gi.match(tmp_path / "doc/a.txt", False)
    assert not gi.match(tmp_path / "doc/sub/a.txt", False)
    assert gi.match(tmp_path / "sub/ab.md", False)
    assert gi.match(tmp_path / "y.txt", False)
    assert gi.match(tmp_path / "dir", True)
    assert not gi.match(tmp_path / "dir", False)


def test_gitignore_escaped_space(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    _tree(
        tmp_path,
        {
            ".gitignore": "draft\\ copy.txt\ntrailing\\ \n",
            "draft copy.txt": "x",
            "draft.txt": "kept",
            "trailing ": "x",
        },
    )
    monkeypatch.chdir(tmp_path)
    targets, _ = collect(["."], Config(root=tmp_path, include=["*.txt", "trailing*"]))
    assert _paths(targets) == ["draft.txt"]


def test_git_info_exclude(tmp_path, monkeypatch):
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("# local only\nscratch-*.md\n/notes/\n")
    _tree(
        tmp_path,
        {
            "scratch-1.md": "x",
            "story.md": "kept",
            "notes/n.txt": "x",
            "sub/notes/kept.txt": "kept: /notes/ is anchored to the repository",
            "sub/scratch-2.md": "x",
        },
    )
    monkeypatch.chdir(tmp_path)
    targets, _ = collect(["."], Config(root=tmp_path))
    assert _paths(targets) == ["story.md", "sub/notes/kept.txt"]
    # walking a subdirectory still reads the repository's info/exclude
    targets, _ = collect(["sub"], Config(root=tmp_path))
    assert _paths(targets) == ["sub/notes/kept.txt"]
    # a .gitignore overrides info/exclude
    (tmp_path / ".gitignore").write_text("!scratch-1.md\n")
    targets, _ = collect(["."], Config(root=tmp_path))
    assert _paths(targets) == ["scratch-1.md", "story.md", "sub/notes/kept.txt"]
    targets, _ = collect(["."], Config(root=tmp_path, respect_gitignore=False))
    assert "scratch-1.md" in _paths(targets) and "notes/n.txt" in _paths(targets)


def test_gitignore_negation_reincludes(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    _tree(
        tmp_path,
        {
            ".gitignore": "*.md\n!keep-*.md\nkeep-no.md\n",
            "a.md": "x",
            "keep-yes.md": "kept",
            "keep-no.md": "x: the last matching line wins",
            "plain.txt": "kept",
        },
    )
    monkeypatch.chdir(tmp_path)
    targets, _ = collect(["."], Config(root=tmp_path))
    assert _paths(targets) == ["keep-yes.md", "plain.txt"]


def test_nested_gitignore_relative_to_its_directory(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    _tree(
        tmp_path,
        {
            ".gitignore": "*.tmp.txt\n",
            "top/level.txt": "kept: /level.txt below is anchored to section/",
            "section/.gitignore": "/level.txt\ndrafts/\n!wanted.tmp.txt\n",
            "section/level.txt": "x",
            "section/inner/level.txt": "kept: anchored patterns do not reach deeper",
            "section/drafts/d.txt": "x",
            "section/wanted.tmp.txt": "kept: re-included by the nested file",
            "section/other.tmp.txt": "x",
            "drafts/kept.txt": "kept: drafts/ is section's",
        },
    )
    monkeypatch.chdir(tmp_path)
    targets, _ = collect(["."], Config(root=tmp_path))
    assert _paths(targets) == [
        "drafts/kept.txt",
        "section/inner/level.txt",
        "section/wanted.tmp.txt",
        "top/level.txt",
    ]
    targets, _ = collect(["section"], Config(root=tmp_path))
    assert _paths(targets) == ["section/inner/level.txt", "section/wanted.tmp.txt"]


def test_gitignore_escaped_and_directory_patterns():
    from pathlib import Path

    base = Path("/repo")
    gi = GitIgnore(base, ["sp\\ ace.txt", "build/", "\\#hash.txt", "\\!bang.txt", "# comment", ""])
    assert gi.match(base / "sp ace.txt", False)
    assert not gi.match(base / "sp.txt", False)
    assert gi.match(base / "build", True)
    assert not gi.match(base / "build", False)
    assert gi.match(base / "#hash.txt", False)
    assert gi.match(base / "!bang.txt", False)
    assert gi.match(Path("/elsewhere/sp ace.txt"), False) is None
    assert GitIgnore(base, ["# only a comment", ""]).rules == []


def test_stdin_target():
    targets, _ = collect(["-"], Config(), stdin_filename="story.md")
    assert targets == [Target("story.md", "markdown", None)]


def _write_jsonl(path, rows, opener=open):
    with opener(path, "wt", encoding="utf-8") as fh:
        for row in rows:
            fh.write((row if isinstance(row, str) else json.dumps(row)) + "\n")


@pytest.mark.parametrize("name,opener", [("r.jsonl", open), ("r.jsonl.gz", gzip.open)])
def test_iter_records(tmp_path, name, opener):
    p = tmp_path / name
    _write_jsonl(
        p,
        [
            {"id": "a/1", "text": "First."},
            {"body": "no id: line number", "text": "Second."},
            "",
            "not json",
            {"id": 7, "title": "no text"},
            {"id": 8, "text": 5},
            [1, 2],
        ],
        opener,
    )
    recs = list(iter_records(Target(str(p), "jsonl", str(p))))
    assert [(r.doc_id, r.text) for r in recs[:2]] == [("a/1", "First."), ("2", "Second.")]
    assert "line 4: not valid JSON" in recs[2].error
    assert "line 5: no 'text' field (fields: id, title)" in recs[3].error
    assert "is int, not a string" in recs[4].error
    assert "expected a JSON object" in recs[5].error


@pytest.mark.parametrize("gz", [False, True])
def test_record_progress_counts_the_bytes_read(tmp_path, gz):
    p = tmp_path / ("r.jsonl.gz" if gz else "r.jsonl")
    _write_jsonl(p, [{"id": i, "text": f"Record number {i}."} for i in range(200)], gzip.open if gz else open)
    seen = []
    recs = list(iter_records(Target(str(p), "jsonl", str(p)), on_bytes=seen.append))
    assert len(recs) == 200
    assert len(seen) == 200 // 64 and seen == sorted(seen)
    assert 0 < seen[-1] <= p.stat().st_size


@pytest.mark.parametrize("make", ["missing", "directory"])
def test_a_record_file_and_a_text_file_that_cannot_be_opened_are_refused_alike(tmp_path, make):
    for name in ("notes.txt", "rows.jsonl"):
        path = tmp_path / name
        if make == "directory":
            path.mkdir()
        reason = {"missing": "no such file or directory", "directory": "is a directory"}[make]
        with pytest.raises(SourceError) as err:
            if name.endswith(".txt"):
                read_text_file(str(path))
            else:
                list(iter_records(Target(str(path), "jsonl", str(path))))
        assert str(err.value) == f"{path}: {reason}"


def test_os_error_reasons_read_the_same_everywhere():
    from linter.errors import read_error, reason

    assert reason(PermissionError(13, "Permission denied")) == "permission denied"
    assert reason(OSError("Disk Gone")) == "disk gone"
    assert reason(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")).startswith("'utf-8' codec")
    assert read_error("a.txt", PermissionError(13, "Permission denied")) == "a.txt: permission denied; cannot read it"
    assert read_error("a.txt", OSError(5, "Input/output error")) == "a.txt: cannot read: input/output error"


def test_iter_records_custom_fields(tmp_path):
    p = tmp_path / "r.jsonl"
    _write_jsonl(p, [{"key": "k1", "body": "Text."}])
    (rec,) = iter_records(Target(str(p), "jsonl", str(p)), text_field="body", id_field="key")
    assert (rec.doc_id, rec.text) == ("k1", "Text.")


def test_parquet_without_corpus_module(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "linter.corpus", None)
    t = Target("x.parquet", "parquet", "x.parquet")
    with pytest.raises(SourceError, match="x.parquet: Parquet input needs the corpus module"):
        list(iter_records(t))


def test_parquet_dispatches_to_corpus(monkeypatch):
    import types

    fake = types.ModuleType("linter.corpus")
    seen = {}

    def iter_parquet_records(path, text_field, id_field):
        seen["args"] = (path, text_field, id_field)
        yield ("r1", "Hello.")

    fake.iter_parquet_records = iter_parquet_records
    fake.CorpusError = type("CorpusError", (Exception,), {})
    monkeypatch.setitem(sys.modules, "linter.corpus", fake)
    recs = list(iter_records(Target("x.parquet", "parquet", "x.parquet"), "body", "key"))
    assert seen["args"] == ("x.parquet", "body", "key")
    assert [(r.doc_id, r.text) for r in recs] == [("r1", "Hello.")]


def test_parquet_without_pyarrow_names_the_install_command_once(monkeypatch):
    import linter.corpus

    def no_pyarrow(path, text_field, id_field):
        raise ImportError(f"Parquet support needs pyarrow: {linter.corpus.PARQUET_HINT}")
        yield

    monkeypatch.setattr(linter.corpus, "iter_parquet_records", no_pyarrow)
    with pytest.raises(SourceError) as err:
        list(iter_records(Target("x.parquet", "parquet", "x.parquet")))
    message = str(err.value)
    assert message == "x.parquet: cannot read Parquet: Parquet support needs pyarrow: pip install 'copydesk[parquet]'"
    assert message.count("pip install") == 1


def test_parquet_errors_become_source_errors(tmp_path):
    pytest.importorskip("pyarrow")
    missing = str(tmp_path / "missing.parquet")
    with pytest.raises(SourceError, match="missing.parquet: no such file or directory"):
        list(iter_records(Target(missing, "parquet", missing)))


def test_records_read_as_the_corpus_reads_rows(tmp_path):
    from linter.corpus import iter_rows

    p = tmp_path / "r.jsonl"
    _write_jsonl(p, [{"id": "a", "text": "One."}, {"text": "Two."}, "not json", {"id": 3, "title": "x"}, [1]])
    recs = list(iter_records(Target(str(p), "jsonl", str(p))))
    rows = list(iter_rows(str(p)))
    assert [r.doc_id for r in recs] == [row.doc_id("id") for row in rows]
    assert [r.text for r in recs] == [row.text("text")[0] for row in rows]
    assert [r.error is None for r in recs] == [row.text("text")[1] is None for row in rows]


# ------------------------------------------------------------------------- writer


def test_atomic_write_keeps_mode_bom_and_bytes(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"old")
    p.chmod(0o640)
    text = decode(b"caf\xe9\r\nline").text
    write_text_atomic(str(p), text, bom=True)
    assert p.read_bytes() == b"\xef\xbb\xbfcaf\xe9\r\nline"
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert [f.name for f in tmp_path.iterdir()] == ["a.txt"]  # no temp file left


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_atomic_write_through_symlink(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_text_atomic(str(link), "new")
    assert link.is_symlink() and target.read_text() == "new"


def test_atomic_write_error_names_file(tmp_path):
    with pytest.raises(WriteError, match="nodir"):
        write_text_atomic(str(tmp_path / "nodir" / "a.txt"), "x")


@pytest.mark.parametrize(
    "path",
    ["a/node_modules/x.txt", "node_modules", "src/build.txt", "pkg.egg-info/a.md", "docs/a/b.md",
     "./x/dist/y.txt", "deep/.git/c.txt", "notes/draft.md", "Build/a.txt"],
)
def test_matches_any_agrees_with_path_matches(path):
    from linter.config import DEFAULT_EXCLUDE
    from linter.globs import matches_any, path_matches

    for patterns in (DEFAULT_EXCLUDE, ("docs/a",), ("**/draft.md", "b*"), ("notes/",), ()):
        assert matches_any(path, patterns) == any(path_matches(path, p) for p in patterns), (path, patterns)


def test_globs_match_below_the_walk_or_the_configuration_never_above(tmp_path):
    from linter.globs import included, matches_any

    assert included("a.md", "notes/a.md", ["*.md"])
    assert not included("a.txt", "x.md/a.txt", ["*.md"])  # an include glob names files
    outside = tmp_path / "build" / "proj" / "a.txt"  # "build" is above both
    assert not matches_any(str(outside), ["build"], root=tmp_path / "build" / "proj", rel="a.txt")
    inside = tmp_path / "proj" / "build" / "a.txt"
    assert matches_any(str(inside), ["build"], root=tmp_path / "proj", rel="a.txt")
    assert matches_any(str(inside), ["build/*.txt"], root=tmp_path / "proj", rel="a.txt")
