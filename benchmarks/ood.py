"""Out-of-domain precision: the default rules on news and blogs the rules were never
tuned on, judged by hand.

    python -m benchmarks.run ood [--split dev|held-out] [--judge N]

The articles are the ``gold_text`` of the two scraped corpora
(``raw_scraped_news/*.jsonl``: news and blogs from many outlets, 2008 and 2012), each
document as extracted, with nothing added. The report gives findings per 100 articles
by rule and, from the hand verdicts in ``benchmarks/verdicts/ood.jsonl``, the precision
of each rule and an estimate of its false findings per 100 articles, with how many of
its findings are judged and how many are not.

A verdict is one JSON line: ``{"doc", "rule", "start", "hash", "verdict", "reason"}``.
``doc`` is ``<file stem>/<id>`` (as in the ``lines`` part), ``start`` the finding's offset in the gold text, ``hash``
the first 10 hex digits of the SHA-256 of the flagged span (so a verdict lapses when the
text or the span changes, and no corpus text is kept), ``verdict`` ``real`` (a defect
of the article, whatever the rule's message says) or ``false``, ``reason`` a phrase.
Verdicts whose finding no longer occurs are counted as stale and ignored.

Which findings get judged is fixed by the key alone: per rule, those whose key hashes
lowest (``--judge N`` prints the next N unjudged ones per rule in that order), so a
judged sample is a random sample of the rule's findings that does not move when other
findings come and go.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.corpus import Article, scraped_rows, split_of

VERDICTS = Path(__file__).resolve().parent / "verdicts" / "ood.jsonl"
# Hand verdicts on the BBC findings (the held-out half is the one judged), same format.
BBC_VERDICTS = VERDICTS.with_name("bbc.jsonl")
VERDICT_VALUES = ("real", "false")


def ood_articles(corpus: Path) -> list[Article]:
    """The gold text of every scraped page that has one, id ``<file stem>/<id>``."""
    out = []
    for _, page_id, row in scraped_rows(corpus):
        text = row.get("gold_text")
        if isinstance(text, str) and text.strip():
            out.append(Article(page_id, text))
    return out


def span_hash(span: str) -> str:
    return hashlib.sha256(span.encode("utf-8")).hexdigest()[:10]


def finding_key(doc_id: str, code: str, start: int, span: str) -> tuple[str, str, int, str]:
    return (doc_id, code, start, span_hash(span))


def _order(key: tuple) -> str:
    """The fixed, pseudo-random order in which findings are judged."""
    return hashlib.sha256("\x1f".join(map(str, key)).encode("utf-8")).hexdigest()


class VerdictError(ValueError):
    pass


def load_verdicts(path: Path = VERDICTS) -> dict[tuple, dict]:
    """Verdicts by key; a malformed line raises ``VerdictError`` naming file and line."""
    out: dict[tuple, dict] = {}
    if not Path(path).exists():
        return out
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            v = json.loads(line)
            key = (str(v["doc"]), str(v["rule"]), int(v["start"]), str(v["hash"]))
            ok = v["verdict"] in VERDICT_VALUES and isinstance(v.get("reason", ""), str)
        except (ValueError, KeyError, TypeError) as exc:
            raise VerdictError(f"{path}:{n}: not a verdict line ({exc}); see benchmarks/ood.py") from None
        if not ok:
            raise VerdictError(f"{path}:{n}: verdict must be one of {', '.join(VERDICT_VALUES)}")
        out[key] = v
    return out


def judge(rows: list[dict], texts: dict[str, str], verdicts: dict[tuple, dict], codes) -> dict:
    """Per rule: findings, judged (real / false), unjudged, precision and the estimated
    false findings per 100 articles; plus the verdicts that match no finding."""
    n_docs = max(1, len(rows))
    found: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        text = texts[row["id"]]
        for f in row["findings"]:
            found[f["code"]].append(finding_key(row["id"], f["code"], f["start"], text[f["start"] : f["end"]]))
    seen = {k for keys in found.values() for k in keys}
    per_rule = {}
    total_false = 0.0
    for code in codes:
        keys = found.get(code, [])
        c = Counter(verdicts[k]["verdict"] for k in keys if k in verdicts)
        judged = c["real"] + c["false"]
        prec = c["real"] / judged if judged else None
        false100 = (100.0 * len(keys) / n_docs) * (1 - prec) if prec is not None else None
        if false100 is not None:
            total_false += false100
        per_rule[code] = {
            "findings": len(keys),
            "per100": 100.0 * len(keys) / n_docs,
            "judged": judged,
            "real": c["real"],
            "false": c["false"],
            "unjudged": len(keys) - judged,
            "precision": prec,
            "false_per100": false100,
        }
    unjudged_rules = [c for c, r in per_rule.items() if r["findings"] and not r["judged"]]
    return {
        "rules": per_rule,
        "false_per100": total_false,
        "rules_with_findings_unjudged": unjudged_rules,
        # verdicts on the measured documents whose finding no longer occurs
        "stale_verdicts": sum(1 for k in verdicts if k[0] in texts and k not in seen),
        "_found": found,
    }


def to_judge(found: dict[str, list[tuple]], verdicts: dict, per_rule: int) -> dict[str, list[tuple]]:
    """The next ``per_rule`` unjudged findings of each rule, in the fixed judging order."""
    return {
        code: sorted((k for k in keys if k not in verdicts), key=_order)[:per_rule]
        for code, keys in found.items()
    }


def print_verdicts(j: dict, texts: dict[str, str], rows: list[dict], verdicts: dict, path: Path, n_judge: int) -> None:
    """The per-rule table of a ``judge`` result: findings, per 100 articles, judged,
    real, false, unjudged, precision and estimated false findings per 100; the reason
    classes of the false verdicts; and with ``n_judge`` the next unjudged findings of
    each rule in judging order, with their verdict keys and context."""
    from benchmarks.evaluate import context

    p = print
    p(f"   {len(verdicts)} verdicts in {Path(path).name}, {j['stale_verdicts']} stale (their finding no longer occurs)")
    p(f"   {'code':<6} {'n':>6} {'/100':>7} {'judged':>6} {'real':>5} {'false':>5} {'unjudged':>8} "
      f"{'precision':>9} {'false/100':>9}")
    for code, r in sorted(j["rules"].items(), key=lambda kv: -kv[1]["findings"]):
        if not r["findings"]:
            continue
        prec = "n/a" if r["precision"] is None else f"{100 * r['precision']:.0f}%"
        f100 = "n/a" if r["false_per100"] is None else f"{r['false_per100']:.1f}"
        p(f"   {code:<6} {r['findings']:>6} {r['per100']:>7.1f} {r['judged']:>6} {r['real']:>5} {r['false']:>5} "
          f"{r['unjudged']:>8} {prec:>9} {f100:>9}")
    p(f"   estimated false findings per 100 articles, judged rules: {j['false_per100']:.1f}"
      + (f"; rules with findings and no verdict: {', '.join(j['rules_with_findings_unjudged'])}"
         if j["rules_with_findings_unjudged"] else ""))
    reasons = false_reasons(j["_found"], verdicts)
    if reasons:
        p("   false alarms by reason class (judged findings)")
        for code, counts in sorted(reasons.items()):
            p(f"   {code:<6} " + "; ".join(f"{reason} ({n})" for reason, n in counts.most_common()))
    if n_judge:
        msg = {(row["id"], f["code"], f["start"]): f for row in rows for f in row["findings"]}
        p(f"\n   next unjudged findings (up to {n_judge} per rule, in judging order); a verdict line is")
        p('   {"doc": ..., "rule": ..., "start": ..., "hash": ..., "verdict": "real"|"false", "reason": "..."}')
        for code, keys in sorted(to_judge(j["_found"], verdicts, n_judge).items()):
            for key in keys:
                f = msg[key[:3]]
                p(f"   KEY {json.dumps({'doc': key[0], 'rule': key[1], 'start': key[2], 'hash': key[3]})}")
                p(f"       {f['message']}")
                p(f"       {context(texts[key[0]], f['start'], f['end'])}")


def false_reasons(found: dict[str, list[tuple]], verdicts: dict) -> dict[str, Counter]:
    """Per rule, how often each reason was given for a false verdict on a current finding."""
    out: dict[str, Counter] = defaultdict(Counter)
    for code, keys in found.items():
        for k in keys:
            v = verdicts.get(k)
            if v is not None and v["verdict"] == "false":
                out[code][v.get("reason") or "no reason given"] += 1
    return dict(out)


def run_ood(args) -> dict:
    from benchmarks.evaluate import precision
    from linter.registry import all_rules, select_codes

    registry = all_rules()
    # What `copydesk check` runs on a text file: the default rules minus those on by
    # default for record files only (the QL corpus gates).
    codes = [c for c in select_codes(args.rule) if args.rule or registry[c].default_on_files]
    articles = ood_articles(args.corpus)
    part = args.bbc_split
    if part != "all":
        articles = [a for a in articles if split_of(a.id) == part]
    texts = {a.id: a.text for a in articles}
    res = precision(articles, codes, args.jobs)
    path = getattr(args, "verdicts", None) or VERDICTS
    verdicts = load_verdicts(path)
    j = judge(res["_rows"], texts, verdicts, codes)
    out = {
        "corpus": "gold_text of raw_scraped_news/*.jsonl" + ("" if part == "all" else f", {part} part"),
        "split": part,
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
        "articles": res["articles"],
        "per100": res["per100"],
        "false_per100": j["false_per100"],
        "stale_verdicts": j["stale_verdicts"],
        "rules": j["rules"],
    }
    print(f"== Out-of-domain precision: {res['articles']} scraped articles (gold text{'' if part == 'all' else ', ' + part}), "
          f"{len(codes)} rules, {res['seconds']:.1f}s")
    print(f"   {res['total_findings']} findings = {res['per100']:.1f} per 100 articles")
    print_verdicts(j, texts, res["_rows"], verdicts, path, getattr(args, "judge", 0) or 0)
    return out
