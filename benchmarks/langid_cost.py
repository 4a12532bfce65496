"""What language identification costs a document with one foreign line.

    python -m benchmarks.run langid-cost [--runs N]

A plain English article and the same article with one foreign line added (Czech,
Turkish, Japanese: all written for this project) are checked with the language rules
only (``copydesk check --select LG``), each in its own process, round-robin ``runs``
times. The figure is the median of the pairwise differences in CPU time (user +
system) and in peak resident memory against the plain article measured next to it;
issue 16's budget (``[langid]`` in ``budgets.toml``) is 50 ms and 20 MB. The plain
article itself must import no detector (checked in the same process tree: the rules
run with ``-X importtime`` once, and the report says whether pycld2 or langdetect was
imported).
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.speed import _child_env, _tool, load_budgets, timed

PLAIN = """Council approves the bridge plan after a long debate

The city council approved the plan for a new bridge over the river on Tuesday, after a debate that lasted more than four hours and drew a large crowd to the town hall.

The bridge will cost about 40 million pounds and is expected to open in three years. Supporters said it would cut journey times for thousands of commuters and bring new business to the east of the city.

Opponents said the money would be better spent on buses and on repairing the roads the city already has. They said they would ask the courts to review the decision if the council did not change its mind.

The mayor said work would start in the summer, once the contracts had been signed, and that residents would be kept informed at every stage of the project.
"""

FOREIGN_LINES = {
    "Czech": "Městská rada ve čtvrtek schválila plán na stavbu nového mostu přes řeku.",
    "Turkish": "Belediye meclisi köprü planını salı günü uzun bir tartışmanın ardından onayladı.",
    "Japanese": "市議会は火曜日に新しい橋の計画を承認しました。",
}


def _cpu_and_rss(cmd: list[str]) -> tuple[float, float | None]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    _, rss, rc, tail = timed(cmd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if rc not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed with exit {rc}: {tail.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, rss


def _detectors_imported(base: list[str], path: Path) -> list[str]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "linter"] + base[1:] + [str(path)]
                          if base[0] == sys.executable else base + [str(path)],
                          capture_output=True, text=True, env=_child_env())
    names = {ln.rsplit("|", 1)[-1].strip().split(".")[0] for ln in proc.stderr.splitlines() if "|" in ln}
    return sorted(names & {"pycld2", "langdetect"})


def run_langid_cost(args) -> dict:
    runs = getattr(args, "runs", None) or 9
    copydesk = _tool("copydesk")
    base = ([copydesk] if copydesk else [sys.executable, "-m", "linter"]) + ["check", "--select", "LG"]
    budget = load_budgets().get("langid", {})
    res: dict = {"runs": runs, "languages": {}}
    with tempfile.TemporaryDirectory(prefix="copydesk-langid-") as tmp:
        plain = Path(tmp) / "plain.txt"
        plain.write_text(PLAIN, encoding="utf-8")
        docs = {}
        for name, line in FOREIGN_LINES.items():
            docs[name] = Path(tmp) / f"{name}.txt"
            docs[name].write_text(PLAIN + "\n" + line + "\n", encoding="utf-8")
        # the plain article alone, in a process whose imports are listed
        res["plain_imports_detector"] = _detectors_imported(
            [sys.executable, "-m", "linter", "check", "--select", "LG"], plain)
        for cmd in [base + [str(plain)]] + [base + [str(p)] for p in docs.values()]:
            _cpu_and_rss(cmd)  # untimed: file cache, bytecode
        diffs = {name: {"cpu": [], "rss": []} for name in docs}
        for _ in range(runs):
            for name, path in docs.items():
                cpu0, rss0 = _cpu_and_rss(base + [str(plain)])
                cpu1, rss1 = _cpu_and_rss(base + [str(path)])
                diffs[name]["cpu"].append(cpu1 - cpu0)
                if rss0 is not None and rss1 is not None:
                    diffs[name]["rss"].append(rss1 - rss0)
    print(f"== Language identification: one foreign line added to a plain English article "
          f"(copydesk check --select LG, {runs} pairs, medians of pairwise differences)")
    plain_note = ", ".join(res["plain_imports_detector"]) or "no detector"
    print(f"   plain article imports: {plain_note}")
    ok = not res["plain_imports_detector"]
    for name, d in diffs.items():
        ms = 1000 * statistics.median(d["cpu"])
        mb = statistics.median(d["rss"]) if d["rss"] else None
        res["languages"][name] = {"extra_cpu_ms": round(ms, 1), "extra_peak_mb": None if mb is None else round(mb, 1)}
        within = ms <= budget.get("max_extra_ms", float("inf")) and (
            mb is None or mb <= budget.get("max_extra_mb", float("inf")))
        ok = ok and within
        print(f"   {name:<9} +{ms:.0f} ms CPU, +{'?' if mb is None else f'{mb:.1f}'} MB peak  "
              f"{'PASS' if within else 'FAIL'}")
    res["pass"] = ok
    print(f"   {'PASS' if ok else 'FAIL'}: the plain article loads no detector; one foreign line <= "
          f"{budget.get('max_extra_ms')} ms and {budget.get('max_extra_mb')} MB ([langid] in benchmarks/budgets.toml)")
    return res
