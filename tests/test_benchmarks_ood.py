"""The out-of-domain verdict bookkeeping and the independent error models, on invented data."""

from __future__ import annotations

import json
import random

import pytest

from benchmarks.ood import VerdictError, finding_key, judge, load_verdicts, span_hash, to_judge
from benchmarks.slips import SLIP_KINDS, apply_febrl, damerau, keyboard_slip


def _row(doc_id, *findings):
    return {"id": doc_id, "findings": [{"code": c, "start": s, "end": e} for c, s, e in findings]}


def test_verdicts_are_keyed_by_doc_rule_offset_and_span_hash(tmp_path):
    texts = {"a/1": "The the cat sat.", "a/2": "An dog barked. A owl hooted."}
    rows = [_row("a/1", ("TP001", 4, 7)), _row("a/2", ("TP003", 0, 2), ("TP003", 15, 16))]
    path = tmp_path / "v.jsonl"
    lines = [
        {**dict(zip(("doc", "rule", "start", "hash"), finding_key("a/1", "TP001", 4, "the"))),
         "verdict": "real", "reason": "doubled"},
        {**dict(zip(("doc", "rule", "start", "hash"), finding_key("a/2", "TP003", 0, "An"))),
         "verdict": "false", "reason": "invented"},
        # the text under the offset changed: the verdict no longer applies
        {"doc": "a/2", "rule": "TP003", "start": 15, "hash": span_hash("X"), "verdict": "real", "reason": "x"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    verdicts = load_verdicts(path)
    j = judge(rows, texts, verdicts, ["TP001", "TP003", "TY005"])
    tp1 = j["rules"]["TP001"]
    assert (tp1["judged"], tp1["real"], tp1["unjudged"], tp1["precision"]) == (1, 1, 0, 1.0)
    tp3 = j["rules"]["TP003"]
    assert (tp3["judged"], tp3["false"], tp3["unjudged"], tp3["precision"]) == (1, 1, 1, 0.0)
    assert tp3["false_per100"] == pytest.approx(100.0)  # 2 findings in 2 articles, all false
    assert j["stale_verdicts"] == 1 and j["rules_with_findings_unjudged"] == []
    assert j["rules"]["TY005"]["findings"] == 0 and j["rules"]["TY005"]["precision"] is None
    nxt = to_judge(j["_found"], verdicts, 5)
    assert nxt["TP001"] == [] and len(nxt["TP003"]) == 1


def test_a_malformed_verdict_line_names_file_and_line(tmp_path):
    path = tmp_path / "v.jsonl"
    path.write_text('{"doc": "a", "rule": "TP001", "start": 1, "hash": "ab", "verdict": "maybe"}\n', encoding="utf-8")
    with pytest.raises(VerdictError, match=r"v.jsonl:1: verdict must be"):
        load_verdicts(path)
    path.write_text("not json\n", encoding="utf-8")
    with pytest.raises(VerdictError, match=r"v.jsonl:1: not a verdict line"):
        load_verdicts(path)


def test_the_shipped_verdicts_are_well_formed():
    from benchmarks.ood import VERDICTS

    verdicts = load_verdicts(VERDICTS)
    assert verdicts and all(v["reason"] for v in verdicts.values())


def test_keyboard_slips_are_single_edits_that_keep_the_first_letter():
    rng = random.Random(3)
    for name in ("Cakaj", "Ferdinand", "Sundance", "Mourinho"):
        for kind in SLIP_KINDS:
            new = keyboard_slip(name, kind, rng)
            assert new and new != name and new[0] == name[0]
            assert damerau(name, new) == 1, (kind, name, new)
    assert keyboard_slip("Brr", "vowel changed", rng) is None


def test_febrl_edits_transfer_to_another_name():
    assert apply_febrl("Cakaj", ("drop", 0.8, "e", "")) == "Caka"
    assert apply_febrl("Cakaj", ("change", 0.2, "a", "e")) == "Cekaj"
    assert apply_febrl("Cakaj", ("swap", 0.4, "ab", "ba")) == "Caakj"
    assert damerau("Cakaj", apply_febrl("Cakaj", ("insert", 0.5, "", "x"))) == 1
    assert damerau("recieve", "receive") == 1 and damerau("goverment", "government") == 1


def test_false_verdicts_are_summed_by_reason_class_for_current_findings_only():
    from benchmarks.ood import false_reasons

    texts = {"a/1": "An dog. An cat. An owl."}
    rows = [_row("a/1", ("TP003", 0, 2), ("TP003", 8, 10))]
    keys = [finding_key("a/1", "TP003", s, "An") for s in (0, 8, 16)]
    verdicts = {k: {"verdict": "false", "reason": "a name"} for k in keys}
    j = judge(rows, texts, verdicts, ["TP003"])
    # the verdict on offset 16 matches no finding: it is stale, not a false alarm
    assert false_reasons(j["_found"], verdicts) == {"TP003": {"a name": 2}}
    assert j["stale_verdicts"] == 1


def test_the_bbc_verdicts_are_well_formed():
    from benchmarks.ood import BBC_VERDICTS

    verdicts = load_verdicts(BBC_VERDICTS)
    assert all(v["reason"] for v in verdicts.values())
    assert all(k[0].split("/")[0] in {"business", "entertainment", "politics", "sport", "tech"} for k in verdicts)
