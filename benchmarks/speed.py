"""Speed: whole-process throughput, latency and peak memory of the ``copydesk`` CLI,
beside proselint on the same files in the same run, and of ``copydesk clean`` beside\ndatatrove's quality filters on the same JSONL file.

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


def timed(cmd: list[str]) -> tuple[float, float | None, int, str, float | None]:
    """Run ``cmd``; return (wall seconds, peak RSS in MB, exit code, stderr tail, CPU seconds).

    The peak and the CPU time (user + system, the command and the workers it waited
    for) are read by /usr/bin/time (GNU time's ``%M %U %S``) where there is one: a
    child started straight from this process would report at least this process's
    own resident size, since Linux records the pre-exec memory in ``ru_maxrss``.
    Without it the CPU time comes from ``wait4`` and the peak is unknown.
    """
    with tempfile.TemporaryDirectory() as tmp:
        mem = Path(tmp) / "rss"
        full = [_TIME, "-f", "%M %U %S", "-o", str(mem)] + cmd if _TIME else cmd
        with open(Path(tmp) / "err", "w+b") as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                full, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL, env=_child_env()
            )
            _pid, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - t0
            proc.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            tail = err.read()[-300:].decode("utf-8", "replace")
        rss = None
        cpu: float | None = usage.ru_utime + usage.ru_stime
        if _TIME and mem.exists():
            fields = mem.read_text().split()
            try:
                rss = int(fields[-3]) / 1024.0
                cpu = float(fields[-2]) + float(fields[-1])
            except (IndexError, ValueError):
                rss = None
    return wall, rss, proc.returncode, tail, cpu


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
    out = {name: {"cmd": cmd, "walls": [], "cpus": [], "rss": [], "error": None} for name, cmd in commands.items()}
    for name, cmd in commands.items():
        _, _, rc, tail, _ = timed((warmups or {}).get(name, cmd))
        if rc not in ok_codes:
            out[name]["error"] = f"exit {rc}: {tail.strip()}"
    for _ in range(runs):
        for name, cmd in commands.items():
            if out[name]["error"]:
                continue
            wall, rss, rc, tail, cpu = timed(cmd)
            if rc not in ok_codes:
                out[name]["error"] = f"exit {rc}: {tail.strip()}"
                continue
            out[name]["walls"].append(wall)
            out[name]["cpus"].append(cpu)
            out[name]["rss"].append(rss)
    for r in out.values():
        r["median"] = statistics.median(r["walls"]) if r["walls"] else None
        r["min"] = min(r["walls"]) if r["walls"] else None
        cpus = [x for x in r["cpus"] if x is not None]
        r["cpu_median"] = statistics.median(cpus) if cpus else None
        r["cpu_min"] = min(cpus) if cpus else None
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


def _ratio(a, b):
    return a / b if a and b else None


def _budget_checks(budgets: dict, ratios: dict, peak_mb) -> list[tuple[str, str, object, object]]:
    """(key, label, value, predicate) for each budget of ``budgets.toml`` this part measures."""
    c, lat, jobs, cat, cl = (budgets[k] for k in ("corpus", "latency", "jobs", "categories", "clean"))
    return [
        ("cpu_vs_proselint", "full check <= %.2fx proselint's CPU" % c["max_cpu_vs_proselint"],
         ratios["cpu_vs_proselint"], lambda x: x <= c["max_cpu_vs_proselint"]),
        ("peak_mb", "peak memory of the full check <= %d MB" % c["max_peak_mb"],
         peak_mb, lambda x: x <= c["max_peak_mb"]),
        ("latency_vs_proselint", "one article <= %.2fx proselint's CPU" % lat["max_vs_proselint"],
         ratios["latency_vs_proselint"], lambda x: x <= lat["max_vs_proselint"]),
        ("seed_vs_proselint", "the seed article <= %.2fx proselint's CPU" % lat["seed_max_vs_proselint"],
         ratios["seed_vs_proselint"], lambda x: x <= lat["seed_max_vs_proselint"]),
        ("speedup_jobs2", "--jobs 2 speed-up (wall) >= %.2fx" % jobs["min_speedup_2"],
         ratios["speedup_jobs2"], lambda x: x >= jobs["min_speedup_2"]),
        ("encoding_typography_overhead",
         "encoding+typography add <= %d%% CPU" % round(100 * cat["max_encoding_typography_overhead"]),
         ratios["encoding_typography_overhead"], lambda x: x <= cat["max_encoding_typography_overhead"]),
        ("clean_vs_datatrove", "clean >= %.1fx datatrove's throughput (CPU)" % cl["min_vs_datatrove"],
         ratios["clean_vs_datatrove"], lambda x: x >= cl["min_vs_datatrove"]),
    ]


def _has_datatrove() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("datatrove", "orjson", "spacy"))


def run_speed(args, articles, prec: dict | None = None) -> dict:
    from linter.registry import select_codes

    from benchmarks.corpus import BBC, need
    from benchmarks.run import _save

    runs = args.runs or 3
    latency_runs = max(5, runs * 2 + 1)
    copydesk = _tool("copydesk")
    cd = [copydesk] if copydesk else [sys.executable, "-m", "linter"]
    proselint = _tool("proselint")
    budgets = load_budgets()
    seed_dir = Path(args.corpus).resolve().parent / "seeds"
    seeds = sorted(seed_dir.glob("*.txt")) if seed_dir.is_dir() else []
    whole = not args.rule and not getattr(args, "articles", None) and not args.quick
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
        one_cmd = cd + ["check", "--no-progress", "--exit-zero", "--jobs", "1"]
        latency_cmds = {"copydesk one article": one_cmd + [str(one)]}
        if seeds:
            latency_cmds["copydesk seed article"] = one_cmd + [str(seeds[0])]
        if proselint:
            corpus_cmds["proselint"] = [proselint, "check", str(folder)]
            latency_cmds["proselint one article"] = [proselint, "check", str(one)]
            if seeds:
                latency_cmds["proselint seed article"] = [proselint, "check", str(seeds[0])]
        clean_cmds: dict[str, list[str]] = {}
        if whole:
            # clean reads the corpus file itself, as datatrove's reader does.
            bbc = str(need(args.corpus, BBC))
            clean_cmds["copydesk clean --jobs 1"] = cd + [
                "clean", bbc, str(Path(tmp) / "clean.jsonl"), "--jobs", "1", "--no-progress"]
            if _has_datatrove():
                clean_cmds["datatrove Gopher+C4+FineWeb"] = [
                    sys.executable, "-m", "benchmarks.datatrove_filters", bbc, str(Path(tmp) / "datatrove")]
        print(f"\n== Speed: {len(paths)} articles ({size / 1e6:.2f} MB) as .txt files; "
              f"{runs} timed runs per corpus command, {latency_runs} per one-article command; "
              "medians of CPU time (user + system)")
        # Warm up on one file: checks the command works and fills the bytecode cache
        # without a whole extra pass over the corpus.
        warm = {k: v[:-1] + [str(one)] for k, v in corpus_cmds.items()}
        load_before = os.getloadavg()[0]
        corpus = measure(corpus_cmds, runs, warm)
        latency = measure(latency_cmds, latency_runs)
        clean = {}
        if clean_cmds:
            # Warm up on the first records only: a whole untimed pass of datatrove's
            # filters would cost more than the timed runs.
            small = Path(tmp) / "warm.jsonl"
            with open(bbc, encoding="utf-8") as f:
                small.write_text("".join(line for _, line in zip(range(20), f)), encoding="utf-8")
            clean_warm = {k: [str(small) if a == bbc else a for a in v] for k, v in clean_cmds.items()}
            clean = measure(clean_cmds, max(1, runs - 1), clean_warm)
        load_after = os.getloadavg()[0]
        one_size = one.stat().st_size
    cats = category_times(articles, select_codes(), prec)

    def get(d, k, field):
        return d[k][field] if k in d and not d[k]["error"] else None

    def ratios_of(field: str, wall: str) -> dict:
        c1 = get(corpus, "copydesk --jobs 1", field)
        noenc = get(corpus, "copydesk --jobs 1 without encoding, typography", field)
        return {
            "cpu_vs_proselint": _ratio(c1, get(corpus, "proselint", field)),
            "latency_vs_proselint": _ratio(get(latency, "copydesk one article", field),
                                           get(latency, "proselint one article", field)),
            "seed_vs_proselint": _ratio(get(latency, "copydesk seed article", field),
                                        get(latency, "proselint seed article", field)),
            # Processes share the work: the speed-up is a matter of the clock on the wall.
            "speedup_jobs2": _ratio(get(corpus, "copydesk --jobs 1", wall), get(corpus, "copydesk --jobs 2", wall)),
            "encoding_typography_overhead": (c1 - noenc) / noenc if c1 and noenc else None,
            "clean_vs_datatrove": _ratio(get(clean, "datatrove Gopher+C4+FineWeb", field),
                                         get(clean, "copydesk clean --jobs 1", field)),
        }

    ratios = ratios_of("cpu_median", "median")
    # The same ratios from the fastest run of each command: on a shared machine the
    # minimum is the least disturbed by other work.
    ratios_min = ratios_of("cpu_min", "min")
    peak_mb = get(corpus, "copydesk --jobs 1", "peak_rss_mb")
    total_cat = sum(cats["seconds"].values()) or 1.0
    enc_ty_share = (cats["seconds"].get("encoding", 0) + cats["seconds"].get("typography", 0)) / total_cat
    verdicts = []
    for key, label, value, ok in _budget_checks(budgets, ratios, peak_mb):
        verdicts.append({
            "key": key,
            "budget": label,
            "value": value,
            "pass": None if value is None else bool(ok(value)),
            "value_min": peak_mb if key == "peak_mb" else ratios_min.get(key),
        })

    n = len(articles)
    p = print
    p(f"   {'command':<48} {'CPU s':>8} {'wall s':>8} {'art/s':>8} {'peak MB':>8} {'min CPU':>8}")

    def row(name, r, per_article=True):
        if r["error"]:
            p(f"   {name:<48} FAILED {r['error']}")
            return
        c = r["cpu_median"] or 0.0
        rate = f"{n / c:>8.1f}" if per_article and c else f"{'':>8}"
        p(f"   {name:<48} {c:>8.3f} {r['median']:>8.2f} {rate} {_mb(r['peak_rss_mb']):>8} {r['cpu_min'] or 0:>8.3f}")

    for name, r in corpus.items():
        row(name, r)
    for name, r in latency.items():
        row(name + (f" ({one_size} bytes)" if "one article" in name else ""), r, per_article=False)
    for name, r in clean.items():
        row(name, r)
    if not proselint:
        p("   proselint not found (pip install proselint): no ratios to it")
    if whole and not _has_datatrove():
        p("   datatrove not found (pip install datatrove orjson spacy): no clean ratio")
    cores = os.cpu_count() or 1
    p(f"   load average {load_before:.1f} before, {load_after:.1f} after, on {cores} cores")
    # Only the load before counts: the one after includes this benchmark's own processes.
    if load_before > cores:
        p("   WARNING: the machine was busy with other work; wall times are inflated and the "
          "--jobs speed-up understated (CPU-time ratios suffer less: same run, round-robin)")
    p("   in-process rule time by category (%d articles):" % cats["articles"])
    for cat, sec in sorted(cats["seconds"].items(), key=lambda kv: -kv[1]):
        p(f"     {cat:<12} {1000 * sec / max(1, cats['articles']):>7.2f} ms/article  {100 * sec / total_cat:>5.1f}%")
    p("   budgets (benchmarks/budgets.toml):")
    for v in verdicts:
        val = "n/a" if v["value"] is None else f"{v['value']:.2f}"
        state = "n/a" if v["pass"] is None else ("PASS" if v["pass"] else "FAIL")
        vmin = "n/a" if v["value_min"] is None else f"{v['value_min']:.2f}"
        p(f"     {state:<4} {v['budget']:<48} measured {val} (from the fastest runs: {vmin})")

    def strip(d):
        return {k: {kk: vv for kk, vv in v.items() if kk != "rss"} for k, v in d.items()}

    res = {
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
        "articles": n,
        "bytes": size,
        "input": "one .txt file per article in a temporary folder; clean reads the JSONL",
        "runs": runs,
        "latency_runs": latency_runs,
        "one_article_bytes": one_size,
        "corpus": strip(corpus),
        "latency": strip(latency),
        "clean": strip(clean),
        "ratios": ratios,
        "ratios_from_fastest_runs": ratios_min,
        "peak_mb": peak_mb,
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
