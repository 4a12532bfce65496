"""Two more measurements: the name-similarity function on record-linkage pairs, and
what the language, boilerplate and quality rules cut from raw scraped pages.

    python -m benchmarks.run names     # Febrl original/corrupted name pairs
    python -m benchmarks.run scraped   # naive_text vs gold_text of the scraped news pages
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

from benchmarks.corpus import SCRAPED, need

FEBRL = "name_variants/febrl_name_pairs.jsonl"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _one_edit(a: str, b: str) -> bool:
    """One letter dropped, added, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        d = [i for i in range(len(a)) if a[i] != b[i]]
        return len(d) == 1 or (len(d) == 2 and d[1] == d[0] + 1 and a[d[0]] == b[d[1]] and a[d[1]] == b[d[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def run_names(args) -> dict:
    """How often ``linter.rules.support.names.variant_kind`` calls corrupted pairs variants (recall)
    and pairs of different names variants (false positives)."""
    from linter.rules.support.names import variant_kind

    rows = [json.loads(line) for line in need(args.corpus, FEBRL).open(encoding="utf-8")]

    def called(pairs):
        return sum(1 for a, b in pairs if variant_kind(_cap(a), _cap(b)))

    res: dict = {}
    near = [(r["original"], r["variant"]) for r in rows if r["near_variant"]]
    one = [
        (r["original"], r["variant"])
        for r in rows
        if _one_edit(r["original"], r["variant"]) and min(len(r["original"]), len(r["variant"])) >= 4
    ]
    res["near_pairs"] = (called(near), len(near))
    res["one_edit_pairs"] = (called(one), len(one))
    rng = random.Random(args.seed)
    for field in ("given_name", "surname"):
        names = sorted({r["original"] for r in rows if r["field"] == field and r["original"]})
        pairs: set[tuple[str, str]] = set()
        target = min(50_000, len(names) * (len(names) - 1))
        while len(pairs) < target:
            pairs.add(tuple(rng.sample(names, 2)))
        res[f"different_{field}"] = (called(pairs), len(pairs))
    print("== Name similarity on Febrl record-linkage pairs")
    for key, label in (
        ("near_pairs", "corrupted pairs close in spelling (difflib >= 0.6), called variants"),
        ("one_edit_pairs", "corrupted pairs one edit apart, both names >= 4 letters, called variants"),
        ("different_given_name", "random pairs of different given names, called variants"),
        ("different_surname", "random pairs of different surnames, called variants"),
    ):
        hit, n = res[key]
        print(f"   {label}: {hit}/{n} = {100 * hit / max(n, 1):.2f}%")
    return res


def run_scraped(args) -> dict:
    """Lines of naive_text after the article (gold_text) flagged by the language and
    boilerplate rules, and gold lines flagged (false alarms or duplicated paragraphs)."""
    from linter import Document, Linter
    from linter.registry import select_codes

    codes = [c for c in select_codes() if c[:2] in ("LG", "BP")]
    linter = Linter(codes)
    res: dict = {}
    print("== Raw scraped pages: lines after the article flagged by LG/BP rules, and article lines flagged")
    for rel in SCRAPED:
        tot: Counter = Counter()
        for line in need(args.corpus, rel).open(encoding="utf-8"):
            r = json.loads(line)
            naive, gold = r.get("naive_text") or "", r.get("gold_text") or ""
            gold_lines = {" ".join(x.split()) for x in gold.split("\n") if x.strip()}
            doc = Document(naive, rel, doc_id=str(r.get("id")))
            diags = linter.lint(doc).diagnostics
            lines = [ln for ln in doc.lines if ln.text.strip()]
            in_gold = [" ".join(ln.text.split()) in gold_lines for ln in lines]
            last_gold = max((i for i, g in enumerate(in_gold) if g), default=-1)
            if last_gold < 0:
                tot["pages_without_gold"] += 1
                continue
            tot["pages"] += 1
            spans = [(d.start, d.end) for d in diags]
            for i, ln in enumerate(lines):
                hit = any(s < ln.end and ln.start < e for s, e in spans)
                if in_gold[i]:
                    tot["gold_lines"] += 1
                    tot["gold_flagged"] += hit
                elif i > last_gold:
                    tot["trailer_lines"] += 1
                    tot["trailer_flagged"] += hit
        res[rel] = dict(tot)
        print(
            f"   {Path(rel).name}: {tot['pages']} pages; lines after the article flagged "
            f"{tot['trailer_flagged']}/{tot['trailer_lines']} = {100 * tot['trailer_flagged'] / max(tot['trailer_lines'], 1):.1f}%; "
            f"article lines flagged {tot['gold_flagged']}/{tot['gold_lines']} = {100 * tot['gold_flagged'] / max(tot['gold_lines'], 1):.2f}%"
        )
    return res
