"""Peer test suites: ftfy's mojibake cases and LanguageTool's article examples."""

from __future__ import annotations

import json
import time

from linter.diagnostic import Applicability
from linter.document import Document
from linter.engine import Linter
from linter.registry import all_rules, select_codes

from benchmarks.corpus import FTFY_DIR, LT, need

FTFY_FILES = ("in-the-wild", "synthetic", "language-names", "known-failures", "negative")


def _lint(linter: Linter, text: str):
    return linter.lint(Document(text)).diagnostics


def ftfy_suite(corpus, codes) -> dict:
    folder = need(corpus, FTFY_DIR)
    linter = Linter(codes)
    registry = all_rules()
    enc_codes = [c for c in codes if str(registry[c].category) == "encoding"]
    enc_linter = Linter(enc_codes) if enc_codes else None
    files = {}
    for name in FTFY_FILES:
        cases = json.loads(need(corpus, f"{FTFY_DIR}/{name}.json").read_text(encoding="utf-8"))
        repaired = flagged = restored = 0
        neg_enc = neg_any = neg_strict = neg_strict_cases = 0
        neg_examples = []
        missed = []
        for case in cases:
            diags = _lint(linter, case["original"])
            enc = [d for d in diags if str(d.category) == "encoding"]
            if name == "negative":
                # A few "negative" cases still have something ftfy's encoding fixer
                # changes (a C1 control, say): a finding there is not a false alarm.
                untouched = case.get("fixed-encoding", case["fixed"]) == case["original"]
                neg_enc += len(enc)
                neg_any += len(diags)
                if untouched:
                    neg_strict += len(enc)
                    neg_strict_cases += 1
                if enc and len(neg_examples) < 5:
                    what = "" if untouched else " (ftfy's encoding fix changes this case too)"
                    neg_examples.append(f"{case['label']}: {enc[0].code} {enc[0].message}{what}")
                continue
            if case["original"] == case["fixed"] or case.get("expect") != "pass":
                continue
            repaired += 1
            if enc:
                flagged += 1
                target = case.get("fixed-encoding", case["fixed"])
                if enc_linter is not None:
                    out = enc_linter.fix(Document(case["original"]), Applicability.UNSAFE).text
                    restored += out == target
            elif len(missed) < 5:
                missed.append(f"{case['label']}: {case['original'][:70]!r}")
        files[name] = {
            "cases": len(cases),
            "repaired_by_ftfy": repaired,
            "flagged": flagged,
            "fix_matches_ftfy": restored,
            "negative_encoding_findings": neg_enc,
            "negative_any_findings": neg_any,
            "negative_untouched_cases": neg_strict_cases,
            "negative_untouched_encoding_findings": neg_strict,
            "negative_examples": neg_examples,
            "missed_examples": missed,
        }
    pos = [f for n, f in files.items() if n != "negative"]
    total = sum(f["repaired_by_ftfy"] for f in pos)
    flagged = sum(f["flagged"] for f in pos)
    return {
        "files": files,
        "repaired_by_ftfy": total,
        "flagged": flagged,
        "recall": flagged / total if total else None,
        "fix_matches_ftfy": sum(f["fix_matches_ftfy"] for f in pos),
        "negative_cases": files["negative"]["cases"],
        "negative_encoding_findings": files["negative"]["negative_encoding_findings"],
        "negative_any_findings": files["negative"]["negative_any_findings"],
        "negative_untouched_cases": files["negative"]["negative_untouched_cases"],
        "negative_untouched_encoding_findings": files["negative"]["negative_untouched_encoding_findings"],
    }


def _overlaps(d, s, e) -> bool:
    if d.start == d.end:
        return s <= d.start <= e
    return d.start < e and s < d.end


def languagetool_suite(corpus, codes) -> dict:
    path = need(corpus, LT)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    linter = Linter(codes)
    out = {}
    for subset, pick in (("a_an_edit", lambda r: r["a_an_edit"]), ("is_determiner", lambda r: r["is_determiner"])):
        chosen = [r for r in rows if pick(r)]
        flagged = at_marker = 0
        correct = set()
        missed_examples = []
        for r in chosen:
            diags = [d for d in _lint(linter, r["incorrect"]) if str(d.category) == "typo"]
            if diags:
                flagged += 1
                s = r.get("marker_start")
                e = r.get("marker_end")
                if s is not None and e is not None and any(_overlaps(d, s, e) for d in diags):
                    at_marker += 1
            elif len(missed_examples) < 5:
                missed_examples.append(f"{r['rule_id']}: {r['incorrect'][:80]}")
            correct.update(r.get("correct_examples") or [])
        false_alarms = []
        silent = 0
        for sent in sorted(correct):
            diags = [d for d in _lint(linter, sent) if str(d.category) == "typo"]
            if diags:
                if len(false_alarms) < 5:
                    false_alarms.append(f"{diags[0].code}: {sent[:80]} -- {diags[0].message}")
            else:
                silent += 1
        out[subset] = {
            "incorrect": len(chosen),
            "flagged": flagged,
            "flagged_at_marker": at_marker,
            "correct": len(correct),
            "correct_silent": silent,
            "missed_examples": missed_examples,
            "false_alarm_examples": false_alarms,
        }
    return out


def run_peers(args) -> dict:
    from benchmarks.run import _pct, _save

    codes = select_codes(list(args.rule)) if args.rule else select_codes()
    t0 = time.perf_counter()
    ft = ftfy_suite(args.corpus, codes)
    lt = languagetool_suite(args.corpus, codes)
    res = {"ftfy": ft, "languagetool": lt, "seconds": time.perf_counter() - t0,
           "date": time.strftime("%Y-%m-%d", time.gmtime())}
    p = print
    p(f"\n== Peer suites ({res['seconds']:.1f}s)")
    p(f"   ftfy: {ft['flagged']}/{ft['repaired_by_ftfy']} cases ftfy repairs get an encoding finding "
      f"({_pct(ft['recall'])}); fixes give ftfy's repair in {ft['fix_matches_ftfy']} of them")
    for name, f in ft["files"].items():
        if name == "negative":
            continue
        p(f"     {name:<15} {f['flagged']:>3}/{f['repaired_by_ftfy']:<3} flagged, fix = ftfy's in {f['fix_matches_ftfy']}")
        for m in f["missed_examples"][:3]:
            p(f"       missed {m}")
    p(f"   ftfy negative.json: {ft['negative_encoding_findings']} encoding findings on "
      f"{ft['negative_cases']} cases; {ft['negative_untouched_encoding_findings']} on the "
      f"{ft['negative_untouched_cases']} that ftfy's encoding fixer leaves unchanged (should be 0); "
      f"{ft['negative_any_findings']} findings of any category")
    for ex in ft["files"]["negative"]["negative_examples"]:
        p(f"       {ex}")
    for subset, f in lt.items():
        p(f"   LanguageTool {subset}: {f['flagged']}/{f['incorrect']} incorrect sentences get a typo finding "
          f"({f['flagged_at_marker']} at the marked words); {f['correct_silent']}/{f['correct']} correct "
          f"examples get none")
        for m in f["missed_examples"][:3]:
            p(f"       missed {m}")
        for m in f["false_alarm_examples"][:3]:
            p(f"       false alarm {m}")
    if not args.rule:
        _save(args.out, "peers", res)
    return res
