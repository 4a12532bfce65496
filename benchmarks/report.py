"""The HTML reports at corpus size, and the README's screenshots of them.

    python -m benchmarks.run report                   # page size and browser load time, 2,225 BBC articles
    python -m benchmarks.report --screenshots docs/img   # the README images, from seeds/ and invented text

The measure: ``copydesk check`` over the BBC articles written one .txt file each, with
``--output-format html``, and ``copydesk clean`` over the same articles as JSONL with
``--report``; for each page its size and the time headless Chromium takes from
navigation to the load event (median of fresh loads), against ``[report]`` in
budgets.toml (the usability targets of the reports, not speed ratios).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOADS = 3


def _copydesk() -> list[str]:
    return [sys.executable, "-m", "linter"]


def _run(cmd: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.decode()[-300:]}")
    return time.perf_counter() - started


def _page_figures(browser, page: Path, loads: int) -> dict:
    times = []
    for _ in range(loads):
        browser.open("about:blank")  # leave the page, so that each load is a fresh one
        times.append(browser.open(page))
    errors = browser.console_errors()
    counts = browser.evaluate(
        "({marks: document.querySelectorAll('pre.text mark').length,"
        " documents: document.querySelectorAll('details.doc').length,"
        " charts: document.querySelectorAll('svg.chart').length})"
    )
    return {
        "bytes": page.stat().st_size,
        "load_seconds": statistics.median(times),
        "load_runs": [round(t, 3) for t in times],
        "console_errors": errors,
        **counts,
    }


def run_report(args, articles) -> dict:
    """Size and load time of both reports over ``articles``; prints and returns them."""
    from benchmarks.browser import Browser, unavailable_reason
    from benchmarks.speed import load_budgets, write_articles

    budget = load_budgets().get("report", {})
    max_mb, max_load = budget.get("max_page_mb", 10), budget.get("max_load_seconds", 2)
    out: dict = {"articles": len(articles), "date": time.strftime("%Y-%m-%d", time.gmtime())}
    print(f"== HTML reports: {len(articles):,} articles")
    reason = unavailable_reason()
    if reason:
        print(f"   skipped: {reason}")
        out["skipped"] = reason
        return out
    with tempfile.TemporaryDirectory() as tmp, Browser(1280, 900) as browser:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(articles, folder)
        check_page = Path(tmp) / "check.html"
        seconds = _run(_copydesk() + ["check", str(folder), "--output-format", "html", "-o", str(check_page),
                                      "--no-progress", "--jobs", str(args.jobs)])
        out["check"] = {"command_seconds": seconds, **_page_figures(browser, check_page, args.runs or LOADS)}
        corpus = Path(tmp) / "articles.jsonl"
        corpus.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n" for a in articles), encoding="utf-8")
        clean_page = Path(tmp) / "clean.html"
        seconds = _run(_copydesk() + ["clean", str(corpus), str(Path(tmp) / "out.jsonl"), "--report", str(clean_page),
                                      "--no-progress", "--jobs", str(args.jobs)])
        out["clean"] = {"command_seconds": seconds, **_page_figures(browser, clean_page, args.runs or LOADS)}
    for name in ("check", "clean"):
        r = out[name]
        mb = r["bytes"] / 1e6
        ok = mb <= max_mb and r["load_seconds"] <= max_load and not r["console_errors"]
        r["pass"] = ok
        print(
            f"   {name:<6} page {mb:.2f} MB (budget {max_mb} MB), load {r['load_seconds']:.2f} s (budget {max_load} s; "
            f"runs {', '.join(f'{t:.2f}' for t in r['load_runs'])}), {r['documents']:,} documents, "
            f"{r['marks']:,} highlights, {r['charts']} charts, console errors: {len(r['console_errors'])}; "
            f"written in {r['command_seconds']:.1f} s: {'pass' if ok else 'FAIL'}"
        )
    return out


# ------------------------------------------------------------------ screenshots


def invented_corpus(path: Path, n: int = 400, seed: int = 7) -> None:
    """A corpus of articles recombined from the sentences of seeds/ (all written for
    the project), with some short, repeated and list-like records among them."""
    rng = random.Random(seed)
    sentences = []
    for p in sorted((ROOT / "seeds").rglob("*.txt")):
        for para in p.read_text(encoding="utf-8").split("\n\n"):
            sentences += [s.strip() + "." for s in para.replace("\n", " ").split(". ") if len(s.split()) > 5]
    rows = []
    for i in range(n):
        roll = rng.random()
        if roll < 0.04:
            text = rng.choice(sentences)
        elif roll < 0.07:
            text = "\n".join(rng.choice(["Home", "News", "Sport", "Weather", "Contact us", "Sign in"]) for _ in range(30))
        elif roll < 0.09:
            text = ("Subscribe to our newsletter. " * 12).strip()
        else:
            paras = [" ".join(rng.sample(sentences, rng.randint(2, 4))) for _ in range(rng.randint(3, 12))]
            text = "\n\n".join(paras)
        rows.append({"id": f"story-{i:03}", "text": text})
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _tab_to(b, code: str) -> None:
    for _ in range(300):
        b.key("Tab")
        if b.evaluate(f"document.activeElement.tagName === 'MARK' && document.activeElement.dataset.r === '{code}'"):
            return


def screenshots(folder: Path) -> list[Path]:
    """check-report.png (summary), check-findings.png (a document with a finding's
    message on focus) and clean-report.png, at 1280 px wide."""
    from benchmarks.browser import Browser

    folder.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory() as tmp, Browser(1280, 900) as b:
        check_page = Path(tmp) / "check.html"
        subprocess.run(_copydesk() + ["check", "seeds/", "--output-format", "html", "-o", str(check_page), "--no-progress"],
                       cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        b.open(check_page)
        height = b.evaluate("document.getElementById('filters').getBoundingClientRect().top + scrollY")
        made.append(folder / "check-report.png")
        b.screenshot(made[-1], clip={"x": 0, "y": 0, "width": 1280, "height": height - 8})
        top = b.evaluate(
            "(() => {const m = [...document.querySelectorAll('pre.text mark[tabindex]')].find(m => m.dataset.r === 'TP002');"
            "m.scrollIntoView({block: 'center'}); return m.getBoundingClientRect().top + scrollY})()"
        )
        _tab_to(b, "TP002")  # focused from the keyboard, so its message and fix show
        made.append(folder / "check-findings.png")
        b.screenshot(made[-1], clip={"x": 0, "y": top - 420, "width": 1280, "height": 560})
        corpus = Path(tmp) / "stories.jsonl"
        invented_corpus(corpus)
        clean_page = Path(tmp) / "clean.html"
        subprocess.run(_copydesk() + ["clean", "stories.jsonl", "stories.clean.jsonl", "--report", "clean.html",
                                      "--no-progress"], cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        b.open(clean_page)
        bottom = b.evaluate("(() => {const f = document.querySelectorAll('figure.score')[8]; return f.getBoundingClientRect().bottom + scrollY})()")
        made.append(folder / "clean-report.png")
        b.screenshot(made[-1], clip={"x": 0, "y": 0, "width": 1280, "height": bottom + 16})
    return made


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.report", description=__doc__.split("\n\n")[0])
    ap.add_argument("--screenshots", type=Path, metavar="DIR", required=True, help="write the README's PNG images here")
    args = ap.parse_args(argv)
    for p in screenshots(args.screenshots):
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
