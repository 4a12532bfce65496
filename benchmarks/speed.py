"""Speed: whole-process throughput, latency and peak memory of the ``copydesk`` CLI,
beside proselint on the same files in the same run.

The articles are written as one .txt file per article (title, blank line, text) in a
temporary folder, because proselint reads files, not JSONL records; both tools get
that folder. Every command is run once untimed (file cache, bytecode), then the
commands are timed round-robin ``runs`` times and the median is reported, so a
slow moment of the machine hits all of them alike. Peak memory is the largest
resident set of the process or any of its workers (``wait4``'s ``ru_maxrss``).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

BUDGETS = Path(__file__).with_name("budgets.toml")


def load_budgets(path: Path = BUDGETS) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def _tool(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    return shutil.which(name)


_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def _child_env() -> dict[str, str]:
    """The environment for the timed commands, with bytecode caching on.

    The untimed first run is there to leave compiled bytecode behind, as an installed
    package (proselint's, say) has it; ``PYTHONDONTWRITEBYTECODE`` in the caller's
    environment would make every run of a source checkout compile its modules again.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(cmd: list[str]) -> tuple[float, float | None, int, str]:
    """Run ``cmd``; return (wall seconds, peak RSS in MB, exit code, stderr tail).

    The peak is read by /usr/bin/time (GNU time's ``%M``) where there is one: a
    child started straight from this process would report at least this process's
    own resident size, since Linux records the pre-exec memory in ``ru_maxrss``.
    """
    with tempfile.TemporaryDirectory() as tmp:
        mem = Path(tmp) / "rss"
        full = [_TIME, "-f", "%M", "-o", str(mem)] + cmd if _TIME else cmd
        with open(Path(tmp) / "err", "w+b") as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                full, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL, env=_child_env()
            )
            proc.wait()
            wall = time.perf_counter() - t0
            err.seek(0)
            tail = err.read()[-300:].decode("utf-8", "replace")
        rss = None
        if _TIME and mem.exists():
            last = [ln for ln in mem.read_text().split() if ln.strip().isdigit()]
            rss = int(last[-1]) / 1024.0 if last else None
    return wall, rss, proc.returncode, tail


def write_articles(articles, folder: Path) -> tuple[list[Path], int]:
    paths = []
    size = 0
    for a in articles:
        p = folder / (a.id.replace("/", "_") + ".txt")
        data = a.text.encode("utf-8")
        p.write_bytes(data)
        size += len(data)
        paths.append(p)
    return paths, size


def _median_article(paths: list[Path]) -> Path:
    by_size = sorted(paths, key=lambda p: p.stat().st_size)
    return by_size[len(by_size) // 2]


def measure(
    commands: dict[str, list[str]], runs: int, warmups: dict[str, list[str]] | None = None, ok_codes=(0, 1)
) -> dict:
    """Time each command ``runs`` times, round-robin, after one untimed run of each
    (or of its stand-in in ``warmups``: the same command on one file, say)."""
    out = {name: {"cmd": cmd, "walls": [], "rss": [], "error": None} for name, cmd in commands.items()}
    for name, cmd in commands.items():
        _, _, rc, tail = timed((warmups or {}).get(name, cmd))
        if rc not in ok_codes:
            out[name]["error"] = f"exit {rc}: {tail.strip()}"
    for _ in range(runs):
        for name, cmd in commands.items():
            if out[name]["error"]:
                continue
            wall, rss, rc, tail = timed(cmd)
            out[name]["walls"].append(wall)
            out[name]["rss"].append(rss)
    for r in out.values():
        r["median"] = statistics.median(r["walls"]) if r["walls"] else None
        r["min"] = min(r["walls"]) if r["walls"] else None
        known = [x for x in r["rss"] if x is not None]
        r["peak_rss_mb"] = max(known) if known else None
    return out


def _mb(x) -> str:
    return "n/a" if x is None else f"{x:.1f}"


def category_times(articles, codes, prec: dict | None = None) -> dict:
    """In-process seconds per category (sum of the rules' own time, whichever process
    ran them), from the precision run of the same invocation when there is one."""
    from linter.registry import all_rules

    from benchmarks.evaluate import precision

    res = prec if prec is not None and prec.get("codes") == list(codes) else precision(articles, codes, jobs=1)
    registry = all_rules()
    per_cat: dict[str, float] = {}
    for r in res["rules"]:
        cat = str(registry[r["code"]].category)
        per_cat[cat] = per_cat.get(cat, 0.0) + r["seconds"]
    return {"seconds": per_cat, "articles": res["articles"], "wall": res["seconds"]}


def run_speed(args, articles, prec: dict | None = None) -> dict:
    from linter.registry import select_codes

    from benchmarks.run import _save

    runs = args.runs or 3
    latency_runs = max(5, runs * 2 + 1)
    copydesk = _tool("copydesk")
    cd = [copydesk] if copydesk else [sys.executable, "-m", "linter"]
    proselint = _tool("proselint")
    budgets = load_budgets()
    with tempfile.TemporaryDirectory(prefix="copydesk-speed-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        paths, size = write_articles(articles, folder)
        one = _median_article(paths)
        report = str(Path(tmp) / "report.jsonl")
        base = cd + ["check", "--format", "jsonl", "-o", report, "--exit-zero", "--no-progress", "-q"]
        corpus_cmds = {
            "copydesk --jobs 1": base + ["--jobs", "1", str(folder)],
            "copydesk --jobs 2": base + ["--jobs", "2", str(folder)],
            "copydesk --jobs 1 without encoding, typography": base
            + ["--jobs", "1", "--ignore", "encoding,typography", str(folder)],
        }
        latency_cmds = {"copydesk one article": cd + ["check", "--no-progress", "--exit-zero", "--jobs", "1", str(one)]}
        if proselint:
            corpus_cmds["proselint"] = [proselint, "check", str(folder)]
            latency_cmds["proselint one article"] = [proselint, "check", str(one)]
        print(f"\n== Speed: {len(paths)} articles ({size / 1e6:.2f} MB) as .txt files; "
              f"{runs} timed runs per corpus command, {latency_runs} per one-article command; medians")
        # Warm up on one file: checks the command works and fills the bytecode cache
        # without a whole extra pass over the corpus.
        warm = {k: v[:-1] + [str(one)] for k, v in corpus_cmds.items()}
        load_before = os.getloadavg()[0]
        corpus = measure(corpus_cmds, runs, warm)
        latency = measure(latency_cmds, latency_runs)
        load_after = os.getloadavg()[0]
        one_size = one.stat().st_size
    cats = category_times(articles, select_codes(), prec)

    def med(d, k):
        return d[k]["median"] if k in d else None

    j1 = med(corpus, "copydesk --jobs 1")
    j2 = med(corpus, "copydesk --jobs 2")
    noenc = med(corpus, "copydesk --jobs 1 without encoding, typography")
    pl = med(corpus, "proselint")
    lat = med(latency, "copydesk one article")
    pl_lat = med(latency, "proselint one article")
    def fastest(d, k):
        return d[k]["min"] if k in d else None

    m1, m2, mno, mpl = (fastest(corpus, k) for k in (
        "copydesk --jobs 1", "copydesk --jobs 2", "copydesk --jobs 1 without encoding, typography", "proselint"))
    mlat, mpl_lat = fastest(latency, "copydesk one article"), fastest(latency, "proselint one article")
    # The same ratios from the fastest run of each command: on a shared machine the
    # minimum is the least disturbed by other work.
    ratios_min = {
        "time_vs_proselint": m1 / mpl if m1 and mpl else None,
        "latency_vs_proselint": mlat / mpl_lat if mlat and mpl_lat else None,
        "speedup_jobs2": m1 / m2 if m1 and m2 else None,
        "encoding_typography_overhead": (m1 - mno) / mno if m1 and mno else None,
    }
    ratios = {
        "time_vs_proselint": j1 / pl if j1 and pl else None,
        "time_jobs2_vs_proselint": j2 / pl if j2 and pl else None,
        "latency_vs_proselint": lat / pl_lat if lat and pl_lat else None,
        "speedup_jobs2": j1 / j2 if j1 and j2 else None,
        "encoding_typography_overhead": (j1 - noenc) / noenc if j1 and noenc else None,
    }
    total_cat = sum(cats["seconds"].values()) or 1.0
    enc_ty_share = (cats["seconds"].get("encoding", 0) + cats["seconds"].get("typography", 0)) / total_cat
    checks = [
        ("full check <= %.2fx proselint's time" % budgets["corpus"]["max_time_vs_proselint"],
         ratios["time_vs_proselint"], lambda x: x <= budgets["corpus"]["max_time_vs_proselint"]),
        ("one-article latency <= %.2fx proselint's" % budgets["latency"]["max_vs_proselint"],
         ratios["latency_vs_proselint"], lambda x: x <= budgets["latency"]["max_vs_proselint"]),
        ("--jobs 2 speed-up >= %.2fx" % budgets["jobs"]["min_speedup_2"],
         ratios["speedup_jobs2"], lambda x: x >= budgets["jobs"]["min_speedup_2"]),
        ("encoding+typography add <= %d%%" % round(100 * budgets["categories"]["max_encoding_typography_overhead"]),
         ratios["encoding_typography_overhead"],
         lambda x: x <= budgets["categories"]["max_encoding_typography_overhead"]),
    ]
    verdicts = []
    keys = ["time_vs_proselint", "latency_vs_proselint", "speedup_jobs2", "encoding_typography_overhead"]
    for (label, value, ok), key in zip(checks, keys):
        verdicts.append({
            "budget": label,
            "value": value,
            "pass": None if value is None else bool(ok(value)),
            "value_min": ratios_min[key],
        })

    n = len(articles)
    p = print
    p(f"   {'command':<48} {'median s':>9} {'art/s':>8} {'MB/s':>7} {'peak MB':>8} {'min s':>7}")
    for name, r in corpus.items():
        if r["error"]:
            p(f"   {name:<48} FAILED {r['error']}")
            continue
        m = r["median"]
        p(f"   {name:<48} {m:>9.2f} {n / m:>8.1f} {size / 1e6 / m:>7.2f} {_mb(r['peak_rss_mb']):>8} {r['min']:>7.2f}")
    for name, r in latency.items():
        if r["error"]:
            p(f"   {name:<48} FAILED {r['error']}")
            continue
        p(f"   {name + f' ({one_size} bytes)':<48} {r['median']:>9.3f} {'':>8} {'':>7} {_mb(r['peak_rss_mb']):>8} {r['min']:>7.3f}")
    if not proselint:
        p("   proselint not found (pip install proselint): no ratios")
    cores = os.cpu_count() or 1
    p(f"   load average {load_before:.1f} before, {load_after:.1f} after, on {cores} cores")
    # Only the load before counts: the one after includes this benchmark's own processes.
    if load_before > cores:
        p("   WARNING: the machine was busy with other work; absolute times are inflated and the "
          "--jobs speed-up understated (the ratios to proselint are fairer: same run, round-robin)")
    p("   in-process rule time by category (%d articles):" % cats["articles"])
    for cat, s in sorted(cats["seconds"].items(), key=lambda kv: -kv[1]):
        p(f"     {cat:<12} {1000 * s / max(1, cats['articles']):>7.2f} ms/article  {100 * s / total_cat:>5.1f}%")
    p("   budgets (benchmarks/budgets.toml):")
    for v in verdicts:
        val = "n/a" if v["value"] is None else f"{v['value']:.2f}"
        state = "n/a" if v["pass"] is None else ("PASS" if v["pass"] else "FAIL")
        vmin = "n/a" if v["value_min"] is None else f"{v['value_min']:.2f}"
        p(f"     {state:<4} {v['budget']:<44} measured {val} (from the fastest runs: {vmin})")
    res = {
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
        "articles": n,
        "bytes": size,
        "input": "one .txt file per article in a temporary folder",
        "runs": runs,
        "latency_runs": latency_runs,
        "one_article_bytes": one_size,
        "corpus": {k: {kk: vv for kk, vv in v.items() if kk != "rss"} for k, v in corpus.items()},
        "latency": {k: {kk: vv for kk, vv in v.items() if kk != "rss"} for k, v in latency.items()},
        "ratios": ratios,
        "ratios_from_fastest_runs": ratios_min,
        "category_seconds": cats["seconds"],
        "category_articles": cats["articles"],
        "encoding_typography_share_in_process": enc_ty_share,
        "budgets": verdicts,
        "quick": bool(args.quick),
        "cpu_count": os.cpu_count(),
        "load_average": [load_before, load_after],
    }
    if not args.rule and not getattr(args, "articles", None):
        _save(args.out, "speed", res)
    return res
