"""copydesk clean: fixes, quality gate, rejects, atomic output, --jobs, the CLI."""

from __future__ import annotations

import argparse
import json
import os

import pytest

from linter import Linter
from linter.clean import Cleaner, build_cleaner
from linter.cli.clean import add_parser
from linter.run.clean import clean_file
from linter.corpus import CorpusError, iter_rows
from linter.rules.support.quality import Gate

GOOD = (
    "Bridge to close for repairs\n\n"
    "The Old Mill bridge will close for six weeks from Monday while engineers replace its "
    "deck, the county council said. Buses will use the ring road instead, adding about ten "
    "minutes to journeys."
)
DOUBLED = GOOD.replace("replace its", "replace its its")
MENU = "\n".join(["Home", "World", "Business", "Sport", "Weather", "Contact us", "Privacy"] * 3)


def corpus_records(n=40):
    out = []
    for i in range(n):
        text = [GOOD, DOUBLED, MENU][i % 3]
        out.append({"id": f"doc-{i}", "text": text, "meta": {"i": i, "tags": ["a", "b"]}, "score": i / 7})
    return out


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return str(path)


def cleaner(**kw):
    return Cleaner(Linter(["TP001"]), Gate(), **kw)


def read_jsonl(path):
    return [r.record for r in iter_rows(str(path))]


def test_clean_fixes_drops_and_keeps_fields(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", corpus_records(9))
    out, rej = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    summary = clean_file(src, str(out), cleaner(), rejects=str(rej), jobs=1)
    kept = read_jsonl(out)
    assert [r["id"] for r in kept] == [f"doc-{i}" for i in range(9) if i % 3 != 2]
    assert all(r["text"] == GOOD for r in kept)
    assert kept[1]["meta"] == {"i": 1, "tags": ["a", "b"]} and kept[1]["score"] == 1 / 7
    rejects = read_jsonl(rej)
    assert [r["id"] for r in rejects] == ["doc-2", "doc-5", "doc-8"]
    first = rejects[0]
    assert "max_unpunctuated_line_share" in first["reasons"]
    assert first["scores"]["word_count"] == len(MENU.split())
    assert first["record"]["text"] == MENU and first["record"]["meta"]["i"] == 2
    assert any(d.startswith("unpunctuated_line_share 1.0 > ") for d in first["details"])
    assert summary.read == 9 and summary.written == 6 and summary.dropped == 3
    assert summary.changed == 3
    assert summary.findings_by_rule == {"TP001": 3}
    assert summary.dropped_by_reason["min_words"] == 3


def test_unchanged_records_keep_their_bytes(tmp_path):
    src = tmp_path / "in.jsonl"
    line = '{"text":  "%s", "id": 7}\n' % GOOD.replace("\n", "\\n")
    src.write_text(line, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    clean_file(str(src), str(out), cleaner(), jobs=1)
    assert out.read_text(encoding="utf-8") == line


def test_jobs_2_output_identical_to_jobs_1(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", corpus_records(150))
    outs = []
    for jobs in (1, 2):
        out, rej = tmp_path / f"out{jobs}.jsonl", tmp_path / f"rej{jobs}.jsonl"
        clean_file(src, str(out), cleaner(), rejects=str(rej), jobs=jobs)
        outs.append((out.read_bytes(), rej.read_bytes()))
    assert outs[0] == outs[1]


def test_unsafe_fixes_only_when_asked(tmp_path):
    text = GOOD.replace("engineers", "am engineers", 1)
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": text}])
    from linter.registry import all_rules

    if "TP002" not in all_rules():
        pytest.skip("no rule with an unsafe fix in this checkout")
    for unsafe in (False, True):
        out = tmp_path / f"out{unsafe}.jsonl"
        clean_file(src, str(out), Cleaner(Linter(["TP002"]), Gate(), unsafe=unsafe), jobs=1)
        written = read_jsonl(out)[0]["text"]
        if unsafe:
            assert written != text
        else:
            assert written == text


def test_never_overwrites_the_input(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", corpus_records(3))
    before = open(src, "rb").read()
    with pytest.raises(CorpusError, match="OUT is the input file"):
        clean_file(src, str(tmp_path / "." / "in.jsonl"), cleaner())
    with pytest.raises(CorpusError, match="--rejects is the input file"):
        clean_file(src, str(tmp_path / "out.jsonl"), cleaner(), rejects=src)
    assert open(src, "rb").read() == before


def test_failed_run_leaves_no_output(tmp_path, monkeypatch):
    src = write_jsonl(tmp_path / "in.jsonl", corpus_records(100))
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    c = cleaner()
    calls = {"n": 0}
    real = c.clean

    def crash(*args):
        calls["n"] += 1
        if calls["n"] == 50:
            raise RuntimeError("disk on fire")
        return real(*args)

    monkeypatch.setattr(c, "clean", crash)
    with pytest.raises(RuntimeError):
        clean_file(src, str(out), c, rejects=str(rej), jobs=1)
    assert sorted(os.listdir(tmp_path)) == ["in.jsonl"]
    clean_file(src, str(out), cleaner(), rejects=str(rej), jobs=1)
    assert len(read_jsonl(out)) + len(read_jsonl(rej)) == 100


def test_unreadable_records_go_to_rejects(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "%s"}\nnot json\n{"id": 3, "body": "x"}\n' % GOOD.replace("\n", "\\n"))
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    summary = clean_file(str(src), str(out), cleaner(), rejects=str(rej), jobs=1)
    assert summary.dropped_by_reason == {"unreadable_record": 2}
    rejects = read_jsonl(rej)
    assert rejects[0]["raw"] == "not json" and rejects[0]["line"] == 2
    assert "no 'text' field" in rejects[1]["details"][0]


def test_gzip_in_gzip_out(tmp_path):
    import gzip

    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in corpus_records(6))))
    out = tmp_path / "out.jsonl.gz"
    clean_file(str(src), str(out), cleaner(), jobs=1)
    assert len(read_jsonl(out)) == 4


def test_parquet_in_parquet_out(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="Parquet support is the optional extra copydesk[parquet]")
    import pyarrow.parquet as pq

    src = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(corpus_records(6)), str(src))
    out, rej = tmp_path / "out.parquet", tmp_path / "rej.jsonl"
    clean_file(str(src), str(out), cleaner(), rejects=str(rej), jobs=2)
    table = pq.read_table(str(out))
    assert table.schema == pq.read_table(str(src)).schema
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == ["doc-0", "doc-1", "doc-3", "doc-4"]
    assert rows[1]["text"] == GOOD and rows[1]["meta"] == {"i": 1, "tags": ["a", "b"]}
    assert len(read_jsonl(rej)) == 2


def test_config_quality_section_sets_gate_and_rule_options(tmp_path):
    from linter.config import ConfigError, load_config

    cfg_path = tmp_path / "copydesk.toml"
    cfg_path.write_text('[quality]\nmin-words = 5\nignore = ["max_unpunctuated_line_share"]\n')
    cfg = load_config(cfg_path)
    c = build_cleaner(cfg, select=["QL001"])
    assert c.gate.thresholds.min_words == 5
    assert "max_unpunctuated_line_share" not in c.gate.active
    assert c.linter.rules[0].opts["min_words"] == 5
    cfg_path.write_text("[quality]\nmin_wrds = 5\n")
    with pytest.raises(ConfigError, match="quality.*min_wrds"):
        load_config(cfg_path)


def cli(argv):
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.func(args)


def test_cli_clean_summary_json(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", corpus_records(6))
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    code = cli(["clean", src, str(out), "--rejects", str(rej), "--select", "TP001", "--jobs", "1",
                "--format-summary", "json"])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["read"] == 6 and summary["written"] == 4 and summary["changed"] == 2
    assert summary["findings_by_rule"] == {"TP001": 2}


def test_cli_errors_are_one_line(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", corpus_records(2))
    assert cli(["clean", src, src]) == 2
    err = capsys.readouterr().err
    assert err.startswith("copydesk clean: error: ") and "input file" in err
    assert cli(["clean", str(tmp_path / "missing.jsonl"), str(tmp_path / "o.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert cli(["clean", src, str(tmp_path / "o.csv")]) == 2
    assert "unknown record format" in capsys.readouterr().err


def test_library_api():
    from linter import clean_text, make_cleaner, quality_scores

    result = clean_text(DOUBLED, select=["TP001"])
    assert result.text == GOOD and result.keep and result.changed
    assert result.findings == {"TP001": 1}
    dropped = clean_text("Too short.", select=["TP001"])
    assert not dropped.keep and dropped.reasons == ["min_words"]
    lenient = make_cleaner(select=["TP001"], quality={"min-words": 1})
    assert lenient.clean("x", "Too short.").keep
    assert quality_scores(GOOD)["word_count"] == len(GOOD.split())
