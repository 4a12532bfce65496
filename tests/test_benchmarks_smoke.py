"""Smoke tests of the benchmark code: the injector on a built-in text, and the
evaluator on the project's own seeds/ (or a tiny corpus written here). The shared
corpus is not needed."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import ftfy
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import run as bench_run  # noqa: E402
from benchmarks.corpus import Article, folder_articles  # noqa: E402
from benchmarks.evaluate import injection, make_injections, precision, resolve_codes  # noqa: E402
from benchmarks.inject import CLASS_CATEGORY, CLASSES, inject  # noqa: E402
from benchmarks.trailers import TEMPLATES, make_trailer  # noqa: E402

TINY = (
    "Harbour council approves new ferry timetable\n\n"
    "The harbour council has approved a new ferry timetable after an inquiry into "
    "late sailings, its chairman Tomás Ferreira said on Monday.\n\n"
    "Mr Ferreira said the change was an improvement. \"We listened to passengers and "
    "we acted,\" he said. The new timetable starts in April and costs £2m a year.\n\n"
    "Critics said the plan was a compromise. Ferreira rejected that view. The council "
    "will review the timetable in a year, and Tomás Ferreira will report to it.\n\n"
    "Ferreira added that an extra sailing could follow. the ferry company welcomed it."
)

FOREIGN = {
    "de": ["Der Rat hat den neuen Fahrplan gestern ohne Gegenstimmen beschlossen."],
    "fr": ["Le conseil a approuvé le nouvel horaire des bateaux hier soir."],
}


def _check_consistent(inj):
    assert inj.text != inj.original
    assert inj.text[: inj.start] + inj.original_piece + inj.text[inj.end :] == inj.original
    # exactly one contiguous change: everything outside the span is untouched
    assert inj.text[: inj.start] == inj.original[: inj.start]
    tail = len(inj.text) - inj.end
    assert inj.text[inj.end :] == inj.original[len(inj.original) - tail :]


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_each_class_injects_exactly_one_defect(cls, seed):
    inj = inject(cls, TINY, seed, "tiny", {"foreign_lines": FOREIGN})
    assert inj is not None, f"{cls} found no place in the built-in text"
    assert inj.cls == cls and inj.category == CLASS_CATEGORY[cls]
    _check_consistent(inj)


def test_injection_is_deterministic():
    for cls in CLASSES:
        a = inject(cls, TINY, 7, "tiny", {"foreign_lines": FOREIGN})
        b = inject(cls, TINY, 7, "tiny", {"foreign_lines": FOREIGN})
        assert a == b


def test_class_specific_shapes():
    ctx = {"foreign_lines": FOREIGN}
    am = inject("am_an", TINY, 0, "t", ctx)
    assert am.text[am.start - 1 : am.end + 1] == "am " and am.original_piece == "n"
    dw = inject("doubled_word", TINY, 0, "t", ctx)
    word = dw.text[dw.start : dw.end].strip()
    assert dw.original_piece == "" and dw.text[dw.start - len(word) : dw.start] == word
    inv = inject("invisible_char", TINY, 0, "t", ctx)
    assert inv.end - inv.start == 1 and inv.original_piece == ""
    moj = inject("mojibake", TINY, 0, "t", ctx)
    assert moj.text[moj.start : moj.end] != moj.original_piece
    assert ftfy.fix_encoding(moj.text) == moj.original  # realistic: ftfy can undo it
    fl = inject("foreign_line", TINY, 0, "t", ctx)
    assert fl.start == len(TINY) and fl.original_piece == ""
    q = inject("quote_mismatch", TINY, 0, "t", ctx)
    assert q.text[q.start : q.end] in "“”" and q.original_piece == '"'


@pytest.mark.parametrize("seed", range(12))
def test_mojibake_is_repairable(seed):
    inj = inject("mojibake", TINY, seed, "tiny", {})
    assert ftfy.fix_encoding(inj.text) == inj.original


def test_trailers_are_varied():
    rng = random.Random(0)
    made = {make_trailer(rng) for _ in range(200)}
    assert len(TEMPLATES) >= 30 and len(made) >= 100


def _seed_corpus(tmp_path: Path) -> list[Article]:
    seeds = ROOT / "seeds"
    articles = [a for a in folder_articles(seeds) if a.kind == "text"] if seeds.is_dir() else []
    if not articles:
        articles = [Article(f"tiny{i}", TINY.replace("Ferreira", name)) for i, name in
                    enumerate(["Ferreira", "Okonjo", "Lindqvist"])]
    return articles


def test_evaluator_runs_on_seed_articles(tmp_path):
    articles = _seed_corpus(tmp_path)
    codes = resolve_codes(None)
    res = precision(articles, codes, jobs=1)
    assert res["articles"] == len(articles)
    assert {r["code"] for r in res["rules"]} == set(codes)
    assert not res["errors"], f"rules crashed on the seed articles: {res['errors']}"
    injections = make_injections(articles, CLASSES, 2, 1, {"foreign_lines": FOREIGN})
    assert injections
    for _, inj in injections:
        _check_consistent(inj)
    out = injection(injections, codes, jobs=1)
    assert out["injected"] == len(injections)
    for c in out["classes"].values():
        assert c["detected"] <= c["n"] and c["fix_restored"] <= c["detected"]


@pytest.mark.parametrize("part", ["precision", "inject", "peers", "speed"])
def test_missing_corpus_exits_2(tmp_path, capsys, part):
    code = bench_run.main([part, "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "missing evaluation data" in capsys.readouterr().err


def test_readme_table_is_written_between_the_markers(tmp_path):
    from benchmarks import readme
    from benchmarks.run import _save

    articles = _seed_corpus(tmp_path)
    codes = resolve_codes(None)
    out = tmp_path / "out"
    prec = precision(articles, codes, jobs=1)
    prec.update(date="2000-01-01", quick=True)
    _save(out, "precision", prec)
    inj = injection(make_injections(articles, CLASSES, 1, 1, {"foreign_lines": FOREIGN}), codes, jobs=1)
    inj.update(date="2000-01-01", seed=1, quick=True)
    _save(out, "inject", inj)
    page = tmp_path / "README.md"
    page.write_text(f"# x\n\nbefore\n\n{readme.START}\nold\n{readme.END}\n\nafter\n", encoding="utf-8")
    readme.write_readme(out, page)
    text = page.read_text(encoding="utf-8")
    assert "old" not in text and "before" in text and "after" in text
    body = text[text.index(readme.START) : text.index(readme.END)]
    assert "| category | info | warning | error | total |" in body
    assert "| defect | category | articles | recall | fix accuracy |" in body
    assert "2000-01-01" in body


def _tiny_shared_corpus(root: Path) -> Path:
    """A stand-in for ../shared/corpus, built from this file's own sentences."""
    import json

    (root / "bbc_news").mkdir(parents=True)
    with open(root / "bbc_news" / "bbc_news.jsonl", "w", encoding="utf-8") as f:
        for i, name in enumerate(["Ferreira", "Okonjo", "Lindqvist", "Moreau"]):
            title, body = TINY.replace("Ferreira", name).split("\n\n", 1)
            f.write(json.dumps({"id": f"tiny/{i}", "title": title, "text": body}) + "\n")
    (root / "langid").mkdir()
    with open(root / "langid" / "langid_focus.jsonl", "w", encoding="utf-8") as f:
        for lang, lines in FOREIGN.items():
            for line in lines:
                f.write(json.dumps({"lang": lang, "kind": "sentence", "text": line}) + "\n")
    (root / "ftfy_tests").mkdir()
    cases = {
        "in-the-wild": [{"label": "a", "original": "costs Â£2m", "fixed": "costs £2m", "expect": "pass"}],
        "synthetic": [], "language-names": [], "known-failures": [],
        "negative": [{"label": "n", "original": "Straße café", "fixed": "Straße café", "expect": "pass"}],
    }
    for name, rows in cases.items():
        (root / "ftfy_tests" / f"{name}.json").write_text(json.dumps(rows), encoding="utf-8")
    (root / "languagetool_en").mkdir()
    row = {"rule_id": "X", "incorrect": "She ate an apple and a orange.", "marker_start": 22,
           "marker_end": 23, "correct_examples": ["She ate an apple and an orange."],
           "a_an_edit": True, "is_determiner": True}
    (root / "languagetool_en" / "lt_en_examples_upstream.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    return root


def test_command_end_to_end_on_a_tiny_corpus(tmp_path, capsys):
    corpus = _tiny_shared_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    page = tmp_path / "README.md"
    from benchmarks import readme

    page.write_text(f"{readme.START}\n{readme.END}\n", encoding="utf-8")
    for part in ("precision", "inject", "peers"):
        code = bench_run.main([part, "--corpus", str(corpus), "--out", str(out), "--jobs", "1", "--samples", "2"])
        assert code == 0, capsys.readouterr().err
    assert bench_run.main(["readme", "--out", str(out), "--readme", str(page)]) == 0
    text = capsys.readouterr().out
    assert "Precision on clean articles: 4 articles" in text
    assert "Recall and fix accuracy by injection" in text and "Peer suites" in text
    assert "**Peer test suites.**" in page.read_text(encoding="utf-8")


def test_timing_helper_reports_wall_and_cpu_time_and_exit_code():
    from benchmarks.speed import load_budgets, measure

    busy = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.2: pass"
    res = measure({
        "ok": [sys.executable, "-c", "pass"],
        "busy": [sys.executable, "-c", busy],
        "bad": [sys.executable, "-c", "raise SystemExit(3)"],
    }, 2)
    assert res["ok"]["median"] > 0 and len(res["ok"]["walls"]) == 2 and res["ok"]["error"] is None
    # CPU time is the child's own: a process that spins for 0.2 s of CPU reports at least that
    assert res["busy"]["cpu_median"] >= 0.2 and res["busy"]["cpu_median"] > res["ok"]["cpu_median"]
    assert res["bad"]["error"].startswith("exit 3")
    budgets = load_budgets()
    assert {"corpus", "latency", "jobs", "categories", "clean"} <= set(budgets)
    assert budgets["corpus"]["max_cpu_vs_proselint"] <= 0.20 and budgets["latency"]["seed_max_vs_proselint"] <= 1.0


def test_pathological_benchmark_runs_and_judges_growth():
    from benchmarks import pathological

    results = pathological.measure([400, 1600], codes=["TP001", "TY007"], families=["dots", "one-capitalised"])
    assert set(results) == {(f, c) for f in ("dots", "one-capitalised") for c in ("TP001", "TY007")}
    assert all(set(t) == {400, 1600} for t in results.values())
    # the judge flags a time that grows faster than the budget, and only then
    fake = {("dots", "XX001"): {1000: 0.1, 16000: 10.0}, ("dots", "XX002"): {1000: 0.1, 16000: 1.5}}
    over = pathological.judge(fake, [1000, 16000], max_growth=1.25, floor=0.05)
    assert len(over) == 1 and "XX001" in over[0]


def test_pathological_judge_starts_from_a_time_long_enough_to_measure():
    from benchmarks import pathological

    sizes = [4000, 64000, 1000000]
    fake = {
        # quadratic from 64k on: flagged even though its 4k time is too small to judge
        ("dots", "XX003"): {4000: 0.01, 64000: 0.06, 1000000: 15.0},
        # linear: the 1 MB time is about 16x the 64k one
        ("dots", "XX004"): {4000: 0.001, 64000: 0.06, 1000000: 1.0},
    }
    over = pathological.judge_all(fake, sizes, max_growth=1.25, floor=0.05)
    assert len(over) == 1 and "XX003" in over[0] and "at 64000" in over[0]


def test_pathological_memory_probe_runs_a_real_check():
    from benchmarks import pathological

    rss, code = pathological.peak_memory_mb(3000)
    assert code in (0, 1)  # findings or none: the check ran to its end
    assert rss is None or rss > 5


def test_pathological_confirm_re_measures_only_what_was_judged_over_budget():
    from benchmarks import pathological

    sizes = [400, 6400]
    results = {
        ("dots", "TY007"): {400: 0.06, 6400: 60.0},  # judged over budget: measured again
        ("dots", "TP001"): {400: 0.06, 6400: 0.5},  # within budget: left as it was
    }
    pathological.confirm(results, sizes, max_growth=1.25, floor=0.05, runs=1)
    assert results[("dots", "TP001")] == {400: 0.06, 6400: 0.5}
    assert set(results[("dots", "TY007")]) == set(sizes) and results[("dots", "TY007")][6400] < 60.0
