"""Speed of house styles: the BBC corpus checked with a 500-entry substitution style
beside the same check without it.

    python -m benchmarks.styles [--corpus DIR] [--entries 500] [--runs 5]
    python -m benchmarks.styles --prepare DIR     # write the files and print the two commands

The articles are written as one .txt file each (title, blank line, text); two
configurations differ only in ``styles``: ``styled.toml`` lists ``house.toml``, a
style of one substitution rule with ``--entries`` entries (misspellings and their
corrections taken at an even stride from ``rules/data/typos_misspellings.txt``, so
they are spread over the alphabet as a real list is), ``plain.toml`` lists none. Both
commands run the default rules with ``--jobs 1``, round-robin ``--runs`` times after
one untimed run each; the figure is the ratio of the median CPU times (user + system
of the whole process), checked against ``[styles] max_ratio`` in ``budgets.toml``.
Exit status 1 over budget, 2 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.corpus import DEFAULT_CORPUS, REPO, MissingData, bbc_articles
from benchmarks.speed import _child_env, _tool, load_budgets, write_articles

MISSPELLINGS = REPO / "rules" / "data" / "typos_misspellings.txt"


def substitution_entries(n: int) -> list[tuple[str, str]]:
    """``n`` (misspelling, correction) pairs at an even stride through the list."""
    pairs = []
    for line in MISSPELLINGS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        wrong, _, right = line.partition("\t")
        if wrong and right:
            pairs.append((wrong.strip(), right.split(",")[0].strip()))
    step = max(1, len(pairs) // n)
    return pairs[::step][:n]


def _toml_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def prepare(folder: Path, corpus: Path, entries: int) -> dict[str, list[str]]:
    """Write the articles, the style and both configurations; return the commands."""
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    write_articles(bbc_articles(corpus), articles)
    swap = "\n".join(f"{_toml_string(w)} = {_toml_string(r)}" for w, r in substitution_entries(entries))
    (folder / "house.toml").write_text(
        'prefix = "HS"\n\n[rules.HS001]\nname = "house-spelling"\nkind = "substitution"\n'
        f'ignore-case = true\n\n[rules.HS001.swap]\n{swap}\n',
        encoding="utf-8",
    )
    (folder / "plain.toml").write_text("# the default rules\n", encoding="utf-8")
    (folder / "styled.toml").write_text('styles = ["house.toml"]\n', encoding="utf-8")
    copydesk = _tool("copydesk")
    cd = [copydesk] if copydesk else [sys.executable, "-m", "linter"]
    base = cd + ["check", "--jobs", "1", "--no-progress", "-q", "--exit-zero", "--format", "concise"]
    return {
        "plain": base + ["--config", str(folder / "plain.toml"), str(articles)],
        "styled": base + ["--config", str(folder / "styled.toml"), str(articles)],
    }


def cpu_seconds(cmd: list[str]) -> float:
    """User + system CPU seconds of ``cmd`` and everything it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_child_env())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr[-300:].decode(errors='replace')}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.styles", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--entries", type=int, default=500, help="substitution entries in the style (default 500)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each command (default 5)")
    ap.add_argument("--prepare", type=Path, metavar="DIR", help="only write the files into DIR and print the commands")
    args = ap.parse_args(argv)
    try:
        if args.prepare:
            for name, cmd in prepare(args.prepare, args.corpus, args.entries).items():
                print(f"{name}: {' '.join(cmd)}")
            return 0
        with tempfile.TemporaryDirectory(prefix="copydesk-styles-") as tmp:
            commands = prepare(Path(tmp), args.corpus, args.entries)
            for cmd in commands.values():
                cpu_seconds(cmd)  # untimed: the file cache and compiled bytecode
            times: dict[str, list[float]] = {name: [] for name in commands}
            for _ in range(args.runs):
                for name, cmd in commands.items():
                    times[name].append(cpu_seconds(cmd))
    except MissingData as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    plain, styled = (statistics.median(times[k]) for k in ("plain", "styled"))
    ratio = styled / plain
    budget = float(load_budgets().get("styles", {}).get("max_ratio", 1.10))
    print(f"BBC corpus, default rules, --jobs 1; median CPU seconds of {args.runs} runs each:")
    print(f"  without a style          {plain:7.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times['plain'])})")
    print(f"  {args.entries} substitutions       {styled:7.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times['styled'])})")
    verdict = "pass" if ratio <= budget else "OVER BUDGET"
    print(f"  ratio {ratio:.3f} (budget <= {budget:.2f}): {verdict}")
    return 0 if ratio <= budget else 1


if __name__ == "__main__":
    sys.exit(main())
