"""Record files: streaming readers, atomic writers, Parquet."""

from __future__ import annotations

import gzip
import json
import os

import pytest

from linter import corpus
from linter.corpus import CorpusError, RecordWriter, format_of, iter_parquet_records, iter_rows

RECORDS = [
    {"id": "a", "text": "First story.", "tags": ["x"], "n": 1},
    {"id": "b", "text": "Second story, with “quotes” and ünïcode.", "tags": [], "n": 2},
    {"text": "No id here.", "tags": ["y", "z"], "n": 3},
]


def write_jsonl(path, records, gz=False):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    if gz:
        data = gzip.compress(data)
    path.write_bytes(data)
    return str(path)


def test_format_of():
    assert format_of("a.jsonl") == "jsonl"
    assert format_of("a.JSONL.GZ") == "jsonl.gz"
    assert format_of("dir/a.parquet") == "parquet"
    with pytest.raises(CorpusError, match="unknown record format"):
        format_of("a.csv")


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_rows_stream_in_order(tmp_path, gz):
    path = write_jsonl(tmp_path / ("c.jsonl.gz" if gz else "c.jsonl"), RECORDS, gz)
    rows = list(iter_rows(path))
    assert [r.record for r in rows] == RECORDS
    assert [r.doc_id("id") for r in rows] == ["a", "b", "3"]
    assert rows[1].text("text") == (RECORDS[1]["text"], None)


def test_bad_lines_are_rows_with_errors(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(b'{"id": 1, "text": "ok"}\nnot json\n[1, 2]\n\n{"id": 2, "body": "x"}\n{"id": 3, "text": 5}\n')
    rows = list(iter_rows(str(p)))
    assert len(rows) == 5
    assert rows[1].error.startswith("line 2: not valid JSON")
    assert "expected a JSON object" in rows[2].error
    assert rows[3].index == 5
    assert "no 'text' field" in rows[3].text("text")[1]
    assert "not a string" in rows[4].text("text")[1]


def test_missing_file(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        list(iter_rows(str(tmp_path / "nope.jsonl")))


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_writer_roundtrip_and_raw_bytes(tmp_path, name):
    out = str(tmp_path / name)
    raw = b'{"id":"kept",  "text": "exact bytes"}\n'
    with RecordWriter(out) as w:
        for r in RECORDS:
            w.write(r)
        w.write({"id": "kept", "text": "exact bytes"}, raw)
    rows = list(iter_rows(out))
    assert [r.record for r in rows[:3]] == RECORDS
    assert rows[3].raw == raw
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".copydesk-tmp")]


def test_gzip_output_is_reproducible(tmp_path):
    outs = []
    for i in range(2):
        out = str(tmp_path / f"o{i}.jsonl.gz")
        with RecordWriter(out) as w:
            for r in RECORDS:
                w.write(r)
        outs.append(open(out, "rb").read())
    assert outs[0] == outs[1]


def test_lone_surrogates_are_escaped():
    line = corpus.dumps_record({"text": "bad \udce9 byte"})
    assert json.loads(line)["text"] == "bad \udce9 byte"


def test_interrupted_write_leaves_nothing(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    with pytest.raises(RuntimeError):
        with RecordWriter(str(out)) as w:
            w.write(RECORDS[0])
            raise RuntimeError("crash")
    assert out.read_text() == "previous\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_same_file(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text("")
    link = tmp_path / "b.jsonl"
    os.symlink(p, link)
    assert corpus.same_file(str(p), str(link))
    assert corpus.same_file(str(p), str(tmp_path / "." / "a.jsonl"))
    assert not corpus.same_file(str(p), str(tmp_path / "c.jsonl"))


# ------------------------------------------------------------------------ Parquet

def _pyarrow():
    return pytest.importorskip("pyarrow", reason="Parquet support is the optional extra copydesk[parquet]")


def write_parquet(path, records):
    pa = _pyarrow()
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(records), str(path))
    return str(path)


def test_parquet_rows_and_records(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "PARQUET_BATCH_ROWS", 2)
    path = write_parquet(tmp_path / "c.parquet", RECORDS)
    rows = list(iter_rows(path))
    assert [r.record["text"] for r in rows] == [r["text"] for r in RECORDS]
    assert list(iter_parquet_records(path, "text", "id")) == [
        ("a", RECORDS[0]["text"]),
        ("b", RECORDS[1]["text"]),
        ("3", RECORDS[2]["text"]),
    ]


def test_parquet_missing_text_column(tmp_path):
    path = write_parquet(tmp_path / "c.parquet", RECORDS)
    with pytest.raises(CorpusError, match="no 'body' column"):
        list(iter_parquet_records(path, "body", "id"))


def test_parquet_writer_keeps_schema(tmp_path):
    src = write_parquet(tmp_path / "in.parquet", RECORDS)
    out = str(tmp_path / "out.parquet")
    _pyarrow()
    with RecordWriter(out, corpus.parquet_schema(src), batch_rows=2) as w:
        for row in iter_rows(src):
            w.write(row.record)
    import pyarrow.parquet as pq

    assert pq.read_table(out).schema == pq.read_table(src).schema
    assert pq.read_table(out).to_pylist() == pq.read_table(src).to_pylist()


def test_missing_pyarrow_names_the_extra(monkeypatch, tmp_path):
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError("No module named 'pyarrow'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(ImportError, match=r"pip install 'copydesk\[parquet\]'"):
        list(iter_parquet_records(str(tmp_path / "c.parquet")))


def test_parquet_types_written_as_jsonl(tmp_path):
    import datetime
    import decimal

    line = corpus.dumps_record(
        {"when": datetime.datetime(2020, 1, 2, 3, 4, 5), "raw": b"\x00\x01", "price": decimal.Decimal("1.50")}
    )
    assert json.loads(line) == {"when": "2020-01-02T03:04:05", "raw": "AAE=", "price": "1.50"}
