"""The benchmark command.

    python -m benchmarks.run [PART] [--corpus DIR] [--quick] [--write-readme] ...

PART is ``all`` (default), ``precision``, ``inject``, ``ood`` (precision by hand verdict
on the gold text of the scraped pages, out of domain), ``slips`` (recall on human
misspellings and name slips from independent error models), ``peers``, ``names`` (the
name-similarity function on Febrl pairs), ``scraped`` (rules on raw scraped pages),
``lines`` (BP/LG rules line by line on the scraped pages, held-out
split), ``langid``
(language identifiers compared on short segments), ``foreign`` (real foreign lines and
paragraphs spliced anywhere into English articles, and false foreign findings on clean
ones), ``langid-cost`` (what one foreign line costs, against its budget), ``speed``, ``report`` (the HTML
reports' page size and browser load time) or ``readme`` (rewrite the README table from the last saved results). Each part prints
its report and saves its figures as JSON in ``--out``; ``--write-readme`` then fills
the README's results table from whatever parts have been saved. When a corpus file
is missing, the command says which and exits with status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import (
    DEFAULT_CORPUS,
    LANGID,
    MissingData,
    bbc_articles,
    jsonl_articles,
    SPLITS,
    need,
    split_articles,
    spread_sample,
)
from benchmarks.inject import CLASSES
from benchmarks.ood import VerdictError

PARTS = ("all", "precision", "inject", "ood", "slips", "peers", "names", "scraped", "lines", "langid", "foreign", "langid-cost", "speed", "report", "readme")
DEFAULT_OUT = Path(tempfile.gettempdir()) / "copydesk-benchmarks"

QUICK_ARTICLES = 300
QUICK_PER_CLASS = 40
DEFAULT_PER_CLASS = 300


def _pct(x) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def _save(out: Path, name: str, data: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    clean = {k: v for k, v in data.items() if not k.startswith("_")}
    (out / f"{name}.json").write_text(json.dumps(clean, indent=1, ensure_ascii=False), encoding="utf-8")


# ------------------------------------------------------------------ precision
def run_precision(args, articles) -> dict:
    from benchmarks.evaluate import precision, resolve_codes, sample_findings

    codes = resolve_codes(args.rule)
    res = precision(articles, codes, args.jobs)
    res["corpus"] = args.articles_label or "BBC News (bbc_news.jsonl)"
    res["date"] = time.strftime("%Y-%m-%d", time.gmtime())
    res["quick"] = bool(args.quick)
    p = print
    p(f"== Precision on clean articles: {res['articles']} articles, {res['chars'] / 1e6:.2f}M chars, "
      f"{len(codes)} rules, {res['seconds']:.1f}s (jobs={args.jobs})")
    p(f"   {res['total_findings']} findings = {res['per100']:.1f} per 100 articles; "
      f"{res['clean_articles']} articles with no finding")
    p("\n   findings per 100 articles, by category and severity")
    p(f"   {'category':<12} {'info':>8} {'warning':>8} {'error':>8} {'total':>8}")
    for cat, row in res["categories"].items():
        p(f"   {cat:<12} {row['info']:>8.1f} {row['warning']:>8.1f} {row['error']:>8.1f} {row['total']:>8.1f}")
    p("\n   by rule")
    p(f"   {'code':<6} {'name':<34} {'category':<11} {'n':>5} {'/100':>7} {'docs':>5} "
      f"{'info':>5} {'warn':>5} {'err':>5} {'ms/doc':>7} {'crash':>5}")
    n = max(1, res["articles"])
    for r in res["rules"]:
        s = r["by_severity"]
        p(f"   {r['code']:<6} {r['name'][:34]:<34} {r['category']:<11} {r['findings']:>5} {r['per100']:>7.1f} "
          f"{r['articles']:>5} {s['info']:>5} {s['warning']:>5} {s['error']:>5} "
          f"{1000 * r['seconds'] / n:>7.2f} {r['errors']:>5}")
    if res["errors"]:
        p("\n   RULE CRASHES (first few per rule)")
        for code, errs in res["errors"].items():
            for doc_id, err in errs:
                p(f"   {code} on {doc_id}: {err}")
    # With --rule, every finding of the chosen rules is printed (for their authors),
    # unless --samples is given explicitly.
    only = set(codes) if args.rule and (args.dump or args.samples_given is None) else None
    samples = sample_findings(res, articles, 0 if only else args.samples, only)
    if samples:
        label = "all findings" if only else f"sample findings (up to {args.samples} per rule, spread over the corpus)"
        p(f"\n   {label}")
        for code, items in samples.items():
            p(f"\n   -- {code} ({len(items)} shown)")
            for f in items:
                p(f"   {f['id']}:{f['line']} [{f['severity']}{', fix ' + f['fix'] if f['fix'] else ''}] {f['message']}")
                p(f"       {f['context']}")
    res["samples"] = samples
    if not args.rule and not args.articles and args.bbc_split == "all":
        _save(args.out, "precision", res)
    return res


# ------------------------------------------------------------------ injection
def run_inject(args, articles) -> dict:
    from benchmarks.evaluate import context, injection, make_injections, resolve_codes
    from benchmarks.inject import load_foreign_lines

    classes = args.classes or list(CLASSES)
    ctx = {"foreign_lines": load_foreign_lines(need(args.corpus, LANGID))} if "foreign_line" in classes else {}
    codes = resolve_codes(args.rule)
    injections = make_injections(articles, classes, args.per_class, args.seed, ctx)
    res = injection(injections, codes, args.jobs)
    res["seed"] = args.seed
    res["pool"] = len(articles)
    res["date"] = time.strftime("%Y-%m-%d", time.gmtime())
    res["quick"] = bool(args.quick)
    p = print
    p(f"\n== Recall and fix accuracy by injection: {res['injected']} injected articles "
      f"(seed {args.seed}, up to {args.per_class} per class from {len(articles)}), {res['seconds']:.1f}s")
    p("   recall = a finding of the class's category overlapping the defect; fix acc. = of those found,")
    p("   the share whose fix (any applicability, then that rule's fixes to a fixed point) restores the original")
    p(f"   {'class':<20} {'category':<11} {'n':>4} {'recall':>7} {'any cat':>7} {'fixed':>6} {'fix acc':>7} "
      f"{'end2end':>7} {'other/100':>9}  codes")
    for cls, c in res["classes"].items():
        if cls not in classes:
            continue
        n = c["n"] or 1
        codes_s = ", ".join(f"{k}:{v}" for k, v in sorted(c["by_code"].items()))
        p(f"   {cls:<20} {c['category']:<11} {c['n']:>4} {_pct(c['recall']):>7} {_pct(c['any_category'] / n):>7} "
          f"{c['fix_offered']:>6} {_pct(c['fix_accuracy']):>7} {_pct(c['end_to_end']):>7} "
          f"{c['elsewhere_per100']:>9.1f}  {codes_s}")
    fl = res["classes"].get("foreign_line")
    if fl and fl["n"] and "foreign_line" in classes:
        p(f"\n   foreign_line: the right language named in {fl['language_named']}/{fl['n']} "
          f"({_pct(fl['language_named'] / fl['n'])}) of the injected lines")
    p("\n   by variant (found / injected, fix restored)")
    for cls, c in res["classes"].items():
        if cls not in classes or not c["by_kind"]:
            continue
        parts = [f"{k} {v['detected']}/{v['n']} ({v['fix_restored']})" for k, v in c["by_kind"].items()]
        p(f"   {cls:<20} " + "; ".join(parts))
    inj_by_key = {(aid, inj.cls): inj for aid, inj in injections}
    if args.samples:
        p(f"\n   sample misses (up to {args.samples} per class)")
        for cls in classes:
            misses = [r for r in res["_rows"] if r["cls"] == cls and not r["detected"]]
            bad_fix = [r for r in res["_rows"] if r["cls"] == cls and r["detected"] and not r["fix_restored"]]
            if not misses and not bad_fix:
                continue
            p(f"\n   -- {cls}: {len(misses)} missed, {len(bad_fix)} found but not restored by the fix")
            for r in misses[: args.samples]:
                inj = inj_by_key[(r["id"], cls)]
                other = f" (other categories here: {', '.join(r['any_category'])})" if r["any_category"] else ""
                p(f"   MISS {r['id']} {r['detail']}{other}")
                p(f"       {context(inj.text, inj.start, inj.end)}")
            for r in bad_fix[: args.samples]:
                inj = inj_by_key[(r["id"], cls)]
                how = f"fix {r['fix_applicability']} gave" if r["fix_offered"] else "no fix offered"
                p(f"   FIX  {r['id']} {r['detail']} by {', '.join(r['codes'])}: {how}")
                p(f"       injected: {context(inj.text, inj.start, inj.end, 40)}")
                if r["fixed_piece"] is not None:
                    p(f"       fixed:    {r['fixed_piece']!r}")
    if not args.rule and not args.classes and not args.articles and args.bbc_split == "all":
        _save(args.out, "inject", res)
    return res


# ------------------------------------------------------------------ main
def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="copydesk evaluation: precision, injection recall and fix accuracy, peer suites, speed.",
    )
    ap.add_argument("part", nargs="?", default="all", choices=PARTS)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                    help=f"the shared evaluation corpus (default {DEFAULT_CORPUS})")
    ap.add_argument("--quick", action="store_true",
                    help=f"a subset: {QUICK_ARTICLES} articles, {QUICK_PER_CLASS} injections per class, fewer timing runs")
    ap.add_argument("--limit", type=int, default=None, help="use only this many BBC articles (spread over the file)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes for evaluation")
    ap.add_argument("--seed", type=int, default=1, help="injection seed (default 1)")
    ap.add_argument("--per-class", type=int, default=None,
                    help=f"injected articles per defect class (default {DEFAULT_PER_CLASS}; --quick {QUICK_PER_CLASS})")
    ap.add_argument("--classes", type=lambda s: [c.strip() for c in s.split(",") if c.strip()], default=None,
                    help=f"comma-separated defect classes to inject (default all: {', '.join(CLASSES)})")
    ap.add_argument("--rule", action="append", default=None,
                    help="run only these rules (code, prefix, name or category; repeatable), "
                         "even if off by default; results are not saved")
    ap.add_argument("--dump", action="store_true",
                    help="print every finding of the --rule rules (the default with --rule unless --samples is given)")
    ap.add_argument("--samples", type=int, default=None,
                    help="sample findings / misses shown per rule or class (default 5)")
    ap.add_argument("--articles", type=Path, default=None,
                    help="measure on this JSONL file instead of the BBC articles (results are not saved)")
    ap.add_argument("--text-field", default="text", help="with --articles: the field holding the text")
    ap.add_argument("--title-field", default="title", help="with --articles: the title field, if any")
    ap.add_argument("--split", choices=SPLITS, default=None,
                    help="the part to measure on, fixed by a hash of the id: for precision and inject, a half of "
                         "BBC (dev: rules are tuned on it; held-out: the headline figure; default all, and results "
                         "of a half are not saved); for lines, a part of the scraped pages (default held-out; "
                         "samples come from dev only)")
    ap.add_argument("--judge", type=int, default=0, metavar="N",
                    help="ood: print the next N unjudged findings of each rule, with their verdict keys")
    ap.add_argument("--lingua-testdata", type=Path, default=None,
                    help="langid: a folder of <code>.txt sentence files (one a line) for languages "
                         "the shared corpus lacks, e.g. Leipzig sentences from lingua's test data")
    ap.add_argument("--per-language", type=int, default=None,
                    help="foreign: pieces spliced per language (default 30)")
    ap.add_argument("--runs", type=int, default=None, help="timing runs per measurement (speed)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"where results are saved as JSON (default {DEFAULT_OUT})")
    ap.add_argument("--write-readme", action="store_true", help="fill the README results table from the saved results")
    ap.add_argument("--readme", type=Path, default=Path(__file__).resolve().parent.parent / "README.md",
                    help=argparse.SUPPRESS)
    return ap


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    args.articles_label = None
    args.bbc_split = args.split or "all"
    args.split = args.split or "held-out"  # the lines part's default
    args.samples_given = args.samples
    if args.samples is None:
        args.samples = 5
    if args.per_class is None:
        args.per_class = QUICK_PER_CLASS if args.quick else DEFAULT_PER_CLASS
    if args.quick and args.limit is None:
        args.limit = QUICK_ARTICLES
    if args.rule and not all(args.rule):
        args.rule = None
    if args.classes:
        unknown = [c for c in args.classes if c not in CLASSES]
        if unknown:
            print(f"benchmarks: unknown defect class {', '.join(unknown)}; known: {', '.join(CLASSES)}", file=sys.stderr)
            return 2
    if args.rule:
        from linter.registry import SelectionError, select_codes

        try:
            select_codes(args.rule)
        except SelectionError as exc:
            print(f"benchmarks: {exc}", file=sys.stderr)
            return 2
    try:
        part = args.part
        articles = None
        if part in ("all", "precision", "inject", "speed", "report"):
            if args.articles:
                articles = jsonl_articles(args.articles, args.text_field, args.title_field)
                args.articles_label = f"{args.articles} ({args.text_field})"
            else:
                articles = split_articles(bbc_articles(args.corpus), args.bbc_split)
                if args.bbc_split != "all":
                    args.articles_label = f"BBC News (bbc_news.jsonl), {args.bbc_split} half"
            if args.limit:
                articles = spread_sample(articles, args.limit)
        prec = None
        if part in ("all", "precision"):
            prec = run_precision(args, articles)
        if part in ("all", "inject"):
            run_inject(args, articles)
        if part in ("all", "ood"):
            from benchmarks.ood import run_ood

            ood = run_ood(args)
            if not args.rule:
                _save(args.out, "ood" if args.bbc_split == "all" else f"ood-{args.bbc_split}", ood)
        if part in ("all", "slips"):
            from benchmarks.slips import run_slips

            _save(args.out, "slips", run_slips(args))
        if part in ("all", "peers"):
            from benchmarks.peers import run_peers

            run_peers(args)
        if part in ("all", "names"):
            from benchmarks.extra import run_names

            _save(args.out, "names", run_names(args))
        if part in ("all", "scraped"):
            from benchmarks.extra import run_scraped

            _save(args.out, "scraped", run_scraped(args))
        if part in ("all", "lines"):
            from benchmarks.lines import run_lines

            _save(args.out, "lines", run_lines(args))
        if part in ("all", "langid"):
            from benchmarks.langid import run_langid

            _save(args.out, "langid", run_langid(args))
        if part in ("all", "foreign"):
            from benchmarks.langid_lines import run_foreign

            res = run_foreign(args)
            if args.split == "held-out":
                _save(args.out, "foreign", res)
        if part == "langid-cost":
            from benchmarks.langid_cost import run_langid_cost

            _save(args.out, "langid-cost", run_langid_cost(args))
        if part in ("all", "speed"):
            from benchmarks.speed import run_speed

            run_speed(args, articles, None if args.rule else prec)
        if part in ("all", "report"):
            from benchmarks.report import run_report

            _save(args.out, "report", run_report(args, articles))
        if args.write_readme or part == "readme":
            from benchmarks.readme import write_readme

            write_readme(args.out, args.readme)
            print(f"\nwrote the results table into {args.readme}")
    except (MissingData, VerdictError) as exc:
        print(f"benchmarks: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
