"""Render the saved benchmark results as the README's results section."""

from __future__ import annotations

import json
from pathlib import Path

START = "<!-- benchmark-results:start -->"
END = "<!-- benchmark-results:end -->"

CLASS_LABELS = {
    "am_an": "`am` for `an`",
    "a_an": "`a`/`an` swapped",
    "doubled_word": "doubled word",
    "lowercase_start": "lower-case sentence start",
    "name_respelling": "name respelled once",
    "foreign_line": "foreign-language line appended",
    "boilerplate_trailer": "boilerplate trailer appended",
    "mojibake": "mojibake paragraph",
    "invisible_char": "invisible / replacement / control character",
    "quote_mismatch": "quote pair half curly, half straight",
}


def _load(out: Path, name: str) -> dict | None:
    path = Path(out) / f"{name}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _pct(x) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def _f(x, spec=".2f") -> str:
    return "n/a" if x is None else format(x, spec)


def render(out: Path) -> str:
    prec, inj, peers, speed = (_load(out, n) for n in ("precision", "inject", "peers", "speed"))
    dates = sorted({d["date"] for d in (prec, inj, peers, speed) if d})
    quick = any(d.get("quick") for d in (prec, inj, speed) if d)
    lines = [
        f"Measured {' to '.join([dates[0], dates[-1]] if len(dates) > 1 else dates) or 'never'} with "
        "`python -m benchmarks.run all --write-readme` against the shared evaluation corpus "
        "(`../shared/corpus`, not part of this repository)"
        + (" on a quick subset." if quick else ".")
        + " The figures move as the rules improve; rerun the command to refresh them.",
        "",
    ]
    if prec:
        lines += [
            f"**Precision on clean text.** Default rules over {prec['articles']:,} BBC News articles "
            f"(2004-05, `bbc_news.jsonl`, title + text): {prec['per100']:.1f} findings per 100 articles, "
            f"{prec['clean_articles']:,} articles with none. Findings per 100 articles:",
            "",
            "| category | info | warning | error | total |",
            "|---|---:|---:|---:|---:|",
        ]
        for cat, row in prec["categories"].items():
            lines.append(f"| {cat} | {row['info']:.1f} | {row['warning']:.1f} | {row['error']:.1f} | {row['total']:.1f} |")
        lines.append("")
    if inj:
        per = max((c["n"] for c in inj["classes"].values()), default=0)
        lines += [
            f"**Recall and fix accuracy by error injection.** One defect injected into each of up to "
            f"{per} clean BBC articles per class (seed {inj['seed']}). Recall: a finding of the "
            "right category overlapping the defect. Fix accuracy: of the defects found, the share "
            "whose fix (unsafe included) gives back the original text exactly.",
            "",
            "| defect | category | articles | recall | fix accuracy |",
            "|---|---|---:|---:|---:|",
        ]
        for cls, c in inj["classes"].items():
            if not c["n"]:
                continue
            lines.append(
                f"| {CLASS_LABELS.get(cls, cls)} | {c['category']} | {c['n']} | {_pct(c['recall'])} | "
                f"{'no fix offered' if c['detected'] and not c['fix_offered'] else _pct(c['fix_accuracy'])} |"
            )
        fl = inj["classes"].get("foreign_line") or {}
        if fl.get("n") and "language_named" in fl:
            lines += [
                "",
                f"The finding names the foreign line's language correctly for {fl['language_named']} of "
                f"{fl['n']} injected lines ({_pct(fl['language_named'] / fl['n'])}).",
            ]
        lines.append("")
    if peers:
        ft = peers["ftfy"]
        lines += [
            "**Peer test suites.**",
            "",
            f"- ftfy's test cases: {ft['flagged']} of the {ft['repaired_by_ftfy']} texts ftfy repairs get an "
            f"encoding finding ({_pct(ft['recall'])}); the fixes reproduce ftfy's repair in "
            f"{ft['fix_matches_ftfy']}. On `negative.json` (odd but correct text, {ft['negative_cases']} cases): "
            f"{ft['negative_encoding_findings']} encoding findings, {ft.get('negative_untouched_encoding_findings', 'n/a')} "
            f"of them on the {ft.get('negative_untouched_cases', 'n/a')} cases ftfy's encoding fixer leaves unchanged.",
        ]
        for subset, f in peers["languagetool"].items():
            lines.append(
                f"- LanguageTool's English examples flagged `{subset}`: {f['flagged']} of {f['incorrect']} "
                f"incorrect sentences get a typo finding; {f['correct_silent']} of {f['correct']} correct "
                "examples get none."
            )
        lines.append(
            "  Most of LanguageTool's article rules are grammar and style checks (a missing article, "
            "\"a large number of\") outside copydesk's typo rules; the correct examples measure false alarms."
        )
        lines.append("")
    if speed:
        c, lat, r = speed["corpus"], speed["latency"], speed["ratios"]
        cl = speed.get("clean") or {}

        def cpu(d, k):
            return d.get(k, {}).get("cpu_median")

        n, mb = speed["articles"], speed["bytes"] / 1e6
        j1, pl = cpu(c, "copydesk --jobs 1"), cpu(c, "proselint")
        w1, w2 = (c.get(k, {}).get("median") for k in ("copydesk --jobs 1", "copydesk --jobs 2"))
        lines += [
            f"**Speed.** {n:,} BBC articles ({mb:.1f} MB) as one .txt file each; CPU time (user + "
            f"system), medians of {speed['runs']} whole-process runs ({speed['latency_runs']} for one "
            f"article) on {speed['cpu_count']} cores, proselint on the same files in the same run, "
            "round-robin"
            + (
                f" (load average {speed['load_average'][0]:.1f} at the start: the machine was busy, so "
                "wall times are inflated and the `--jobs` speed-up understated)."
                if (speed.get("load_average") or [0])[0] > (speed["cpu_count"] or 1)
                else "."
            ),
            "",
            "| measure | copydesk | yardstick | ratio |",
            "|---|---:|---:|---:|",
        ]
        if j1:
            lines.append(
                f"| whole corpus, 1 process, CPU | {j1:.1f} s ({n / j1:.0f} articles/s, {mb / j1:.2f} MB/s) | "
                f"proselint {_f(pl, '.1f')} s | {_f(r.get('cpu_vs_proselint'))} |"
            )
        if w1 and w2:
            lines.append(
                f"| whole corpus, `--jobs 2`, wall | {w2:.1f} s (1 process: {w1:.1f} s) | | "
                f"speed-up {_f(r['speedup_jobs2'])}x |"
            )
        for label, mine, theirs, key in (
            ("one plain article, CPU", "copydesk one article", "proselint one article", "latency_vs_proselint"),
            ("the seed article, CPU", "copydesk seed article", "proselint seed article", "seed_vs_proselint"),
        ):
            lc, lp = cpu(lat, mine), cpu(lat, theirs)
            if lc:
                lines.append(f"| {label} | {lc * 1000:.0f} ms | proselint {_f(lp and lp * 1000, '.0f')} ms | "
                             f"{_f(r.get(key))} |")
        kc, kd = cpu(cl, "copydesk clean --jobs 1"), cpu(cl, "datatrove Gopher+C4+FineWeb")
        if kc:
            lines.append(f"| `clean` of the JSONL, 1 process, CPU | {kc:.1f} s | datatrove {_f(kd, '.1f')} s | "
                         f"throughput {_f(r.get('clean_vs_datatrove'))}x |")
        pk = c.get("copydesk --jobs 1", {}).get("peak_rss_mb")
        pp = c.get("proselint", {}).get("peak_rss_mb")
        if pk:
            lines.append(f"| peak memory, whole corpus | {pk:.0f} MB | proselint {_f(pp, '.0f')} MB | "
                         f"{_f(pk / pp if pp else None)} |")
        lines.append("")
        lines.append("Budgets (`benchmarks/budgets.toml`): " + "; ".join(
            f"{b['budget']}: {'n/a' if b['pass'] is None else ('pass' if b['pass'] else 'FAIL')} "
            f"({_f(b['value'])}; fastest runs {_f(b.get('value_min'))})" for b in speed["budgets"]
        ) + ".")
        lines.append("")
    if not any((prec, inj, peers, speed)):
        lines.append("No results yet: run `python -m benchmarks.run all --write-readme`.")
    return "\n".join(lines).rstrip() + "\n"


def write_readme(out: Path, readme: Path) -> None:
    text = Path(readme).read_text(encoding="utf-8")
    a, b = text.find(START), text.find(END)
    if a < 0 or b < a:
        raise SystemExit(f"benchmarks: {readme} has no {START} ... {END} markers")
    new = text[: a + len(START)] + "\n" + render(out) + text[b:]
    Path(readme).write_text(new, encoding="utf-8")
