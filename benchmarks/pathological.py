"""Pathological inputs: every rule must stay linear in its input.

    python -m benchmarks.pathological [--sizes 4000,16000,64000,1000000] [--rule CODE] [--config FILE]

Each input family (long runs of dots, spaces, quotes, ``a.``, ``@`` and zero-width
characters, one capitalised word repeated, many distinct capitalised words, one long
paragraph of prose) is built at each size in characters and checked by each rule
alone. The report gives the time per rule and size, and the ratio of the largest to
the smallest size's time (CPU time of this process, so that other work on the
machine does not count) against the ratio of the sizes: the budget is that 16x the
input costs at most ~20x the time (``max_growth`` in ``budgets.toml``, as a multiple
of the input growth: 20/16 = 1.25). Times under ``floor`` seconds are too small to
judge and pass. ``--config FILE`` adds the house-style rules that configuration lists.
Exit status 1 when a rule is over budget. Needs no corpus.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from benchmarks.speed import load_budgets

_PROSE = (
    "The council approved the new harbour plan on Tuesday after a long debate. "
    "Its chairman said the ferry timetable would change in April, and critics "
    "warned that the cost had not been explained. "
)


def _distinct_capitalised(n: int) -> str:
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words, seen, size = [], set(), 0
    while size < n:
        w = rng.choice(letters).upper() + "".join(rng.choice(letters) for _ in range(rng.randint(4, 9)))
        if w in seen:
            continue
        seen.add(w)
        words.append(w)
        size += len(w) + 1
    return " ".join(words)


def _repeat(piece: str, n: int, head: str = "") -> str:
    return head + piece * max(1, (n - len(head)) // len(piece))


FAMILIES = {
    "dots": lambda n: _repeat(".", n, "The end"),
    "spaces": lambda n: _repeat(" ", n, "The end") + "x",
    "quotes": lambda n: _repeat('"', n),
    "a-dot": lambda n: _repeat("a.", n),
    "at": lambda n: _repeat("@", n),
    "zero-width": lambda n: "a" + _repeat("\u200b", n) + "b",
    "zero-width-words": lambda n: _repeat("a\u200b", n),
    "one-capitalised": lambda n: _repeat("Gent ", n),
    "distinct-capitalised": _distinct_capitalised,
    "paragraph": lambda n: _repeat(_PROSE, n),
}


def measure(sizes: list[int], codes: list[str] | None = None, families: list[str] | None = None) -> dict:
    from linter import Linter
    from linter.registry import all_rules

    codes = codes or sorted(all_rules())
    results: dict = {}
    for family in families or list(FAMILIES):
        texts = {n: FAMILIES[family](n) for n in sizes}
        for code in codes:
            linter = Linter([code])
            results[(family, code)] = {n: _best_time(linter, texts[n], 3 if n < 100_000 else 2) for n in sizes}
    return results


def _check_time(linter, text: str) -> float:
    """CPU time of this process for one check of ``text`` (its document made fresh)."""
    from linter import Document

    doc = Document(text)
    t0 = time.process_time()
    linter.lint(doc)
    return time.process_time() - t0


def _best_time(linter, text: str, runs: int) -> float:
    """The quickest of ``runs`` checks of ``text``."""
    return min(_check_time(linter, text) for _ in range(runs))


def confirm(results: dict, sizes: list[int], max_growth: float, floor: float, runs: int = 5) -> list[str]:
    """Re-measure each (family, rule) pair judged over budget and judge it again. On a
    shared machine a neighbour's burst can slow one measurement by half, and the
    quickest of a few runs favours the small sizes (more of their runs fit a quiet
    moment); so the sizes are now measured in turn, ``runs`` rounds, and each size's
    median is judged: every size sees the same load."""
    from linter import Linter

    for family, code in {key for key in results if judge_all({key: results[key]}, sizes, max_growth, floor)}:
        linter = Linter([code])
        texts = {n: FAMILIES[family](n) for n in sizes}
        taken: dict[int, list[float]] = {n: [] for n in sizes}
        for _ in range(runs):
            for n in sizes:
                taken[n].append(_check_time(linter, texts[n]))
        results[(family, code)] = {n: sorted(t)[len(t) // 2] for n, t in taken.items()}
    return judge_all(results, sizes, max_growth, floor)


def judge(results: dict, sizes: list[int], max_growth: float, floor: float) -> list[str]:
    """The (family, rule) pairs whose time grows faster than the budget allows."""
    small, large = min(sizes), max(sizes)
    allowed = max_growth * large / small
    over = []
    for (family, code), times in results.items():
        if times[large] < floor:
            continue
        growth = times[large] / max(times[small], floor / (large / small))
        if growth > allowed:
            over.append(f"{code} on {family}: {times[small]:.3f}s at {small} -> {times[large]:.3f}s at {large} "
                        f"({growth:.0f}x for {large // small}x the input; budget {allowed:.0f}x)")
    return over


def judge_all(results: dict, sizes: list[int], max_growth: float, floor: float) -> list[str]:
    """Judge each rule from the smallest size where it takes at least ``floor``
    seconds against every size at least 15x larger (1 MB is 15.6x 64k). Below the
    floor, timer noise and a small input's better use of the processor's caches swamp
    the figure: a rule that is linear in its operations runs a 4k input up to a third
    faster per character than a 1 MB one."""
    over = []
    for key, times in results.items():
        bases = [n for n in sizes if times[n] >= floor]
        if not bases:
            continue
        base = bases[0]
        for large in sizes:
            if large >= 15 * base:
                over += judge({key: times}, [base, large], max_growth, floor)
    return over


def peak_memory_mb(size: int) -> tuple[float | None, int]:
    """Peak resident memory (MB) of ``copydesk check`` on one paragraph of ``size``
    characters, measured in a fresh process (GNU time's ``%M``), and its exit code."""
    import os
    import tempfile
    from pathlib import Path

    from benchmarks.speed import timed

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(FAMILIES["paragraph"](size), encoding="utf-8")
        _, rss, code, _, _ = timed([sys.executable, "-m", "linter", "check", os.fspath(path)])
    return rss, code


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.pathological", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="4000,16000,64000,1000000",
                    help="input sizes in characters (default 4000,16000,64000,1000000)")
    ap.add_argument("--rule", action="append", default=None, help="only this rule (repeatable)")
    ap.add_argument("--family", action="append", default=None, choices=list(FAMILIES), help="only this input")
    ap.add_argument("--config", metavar="FILE", help="also time the house-style rules of this configuration")
    ap.add_argument("--memory", type=int, default=None, metavar="CHARS",
                    help="also measure the peak memory of checking one paragraph of CHARS characters "
                         "(10000000 for the 10 MB budget)")
    args = ap.parse_args(argv)
    if args.config:
        from pathlib import Path

        from linter.config import ConfigError, load_config

        try:
            load_config(Path(args.config))
        except ConfigError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    sizes = sorted(int(s) for s in args.sizes.split(","))
    budget = load_budgets().get("pathological", {})
    max_growth = float(budget.get("max_growth", 1.25))
    floor = float(budget.get("floor", 0.05))
    results = measure(sizes, args.rule, args.family)
    over = confirm(results, sizes, max_growth, floor)
    print("family               rule   " + "  ".join(f"{n:>9}" for n in sizes))
    for (family, code), times in sorted(results.items()):
        if max(times.values()) < floor:
            continue  # quick at every size
        print(f"{family:20} {code:6} " + "  ".join(f"{times[n]:8.3f}s" for n in sizes))
    if args.memory:
        rss, code = peak_memory_mb(args.memory)
        limit = float(budget.get("max_memory_mb", 400))
        shown = "unknown (no /usr/bin/time)" if rss is None else f"{rss:.0f} MB"
        print(f"\npeak memory, one paragraph of {args.memory} characters: {shown} (budget {limit:g} MB)")
        if rss is not None and rss > limit:
            over.append(f"memory: {rss:.0f} MB for {args.memory} characters (budget {limit:g} MB)")
    if over:
        print("\nOVER BUDGET (16x the input may cost at most ~20x the time):")
        for line in over:
            print("  " + line)
        return 1
    print(f"\nEvery rule within budget: time grows at most {max_growth:g}x as fast as the input "
          f"(times under {floor:g}s not judged).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
