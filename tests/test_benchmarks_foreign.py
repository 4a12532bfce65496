"""The foreign-lines benchmark (benchmarks/langid_lines.py) on a tiny corpus written here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import run as bench_run  # noqa: E402
from benchmarks.langid_lines import is_prose, splice  # noqa: E402

ARTICLE = """Council approves the bridge plan

The council approved the new budget on Tuesday after a long debate about the cost of the bridge.

Opponents said they would appeal against the decision if the plan went ahead next spring.

The mayor said work would start in the summer and last for two years."""

FOREIGN = {
    "tr": ["Belediye meclisi köprü planını salı günü uzun bir tartışmanın ardından onayladı."],
    "de": ["Der Stadtrat hat den Plan für die neue Brücke am Dienstag nach langer Debatte gebilligt."],
    "cs": ["Městská rada ve čtvrtek schválila plán na stavbu nového mostu přes řeku."],
}


def _corpus(root: Path, scraped: bool = True) -> Path:
    (root / "bbc_news").mkdir(parents=True)
    with open(root / "bbc_news" / "bbc_news.jsonl", "w", encoding="utf-8") as f:
        for i in range(4):
            title, body = ARTICLE.split("\n\n", 1)
            f.write(json.dumps({"id": f"tiny/{i}", "title": title, "text": body}) + "\n")
    (root / "langid").mkdir()
    with open(root / "langid" / "langid_focus.jsonl", "w", encoding="utf-8") as f:
        for lang in ("tr", "de"):
            for line in FOREIGN[lang]:
                f.write(json.dumps({"lang": lang, "kind": "sentence", "text": line}) + "\n")
    if scraped:
        (root / "raw_scraped_news").mkdir()
        for name in ("gn1_google_news.jsonl", "dragnet_news_blogs.jsonl"):
            row = {"id": "p1", "naive_text": ARTICLE + "\nShare this", "gold_text": ARTICLE}
            (root / "raw_scraped_news" / name).write_text(json.dumps(row) + "\n", encoding="utf-8")
    return root


def test_splice_puts_the_piece_where_asked():
    piece = FOREIGN["de"][0]
    for position in ("start", "middle", "end"):
        for as_paragraph in (True, False):
            text, start, end = splice(ARTICLE, piece, position, as_paragraph)
            assert text[start:end] == piece
            assert text.replace(piece, "").replace("\n", "") == ARTICLE.replace("\n", "")
    text, start, _ = splice(ARTICLE, piece, "start", True)
    assert text.startswith("Council approves the bridge plan\n\n" + piece + "\n\n")
    text, start, _ = splice(ARTICLE, piece, "middle", False)
    assert text[start - 1] == "\n" and text[start - 2] != "\n"


def test_prose_filter_keeps_sentences_and_drops_name_lists():
    assert is_prose("de", FOREIGN["de"][0])
    assert not is_prose("de", "Angela Merkel, Olaf Scholz, Berlin")
    assert not is_prose("de", "Zu kurz hier")
    assert is_prose("ja", "市議会は火曜日に新しい予算を承認した。")


def test_foreign_part_end_to_end(tmp_path, capsys):
    corpus = _corpus(tmp_path / "corpus")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "cs.txt").write_text("\n".join(FOREIGN["cs"] * 3) + "\n", encoding="utf-8")
    code = bench_run.main(["foreign", "--corpus", str(corpus), "--lingua-testdata", str(extra),
                           "--split", "all", "--out", str(tmp_path / "out")])
    assert code == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "Foreign lines and paragraphs spliced into" in out
    assert "tr:100/100" in out and "de:100/100" in out and "cs:100/100" in out
    assert "clean bbc: 0 LG001/LG002 findings on 4 articles" in out


def test_foreign_part_names_a_missing_file(tmp_path, capsys):
    corpus = _corpus(tmp_path / "corpus", scraped=False)
    assert bench_run.main(["foreign", "--corpus", str(corpus), "--split", "all", "--out", str(tmp_path / "o")]) == 2
    assert "raw_scraped_news" in capsys.readouterr().err
