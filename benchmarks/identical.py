"""Findings dump, to show that a change to the engine leaves every finding as it was.

    python -m benchmarks.identical --out before.jsonl   (on the old code)
    python -m benchmarks.identical --out after.jsonl    (on the new code)
    python -m benchmarks.identical --compare before.jsonl after.jsonl

Dumps every finding of the default rule set, one JSON line each (source, rule, offsets,
message, fix), for the files in ``seeds/`` and, where present, each record of the BBC
corpus (``../shared/corpus/bbc_news/bbc_news.jsonl``). ``--compare`` exits 1 and names
the first difference when the two dumps differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
_BBC = _ROOT.parent / "shared" / "corpus" / "bbc_news" / "bbc_news.jsonl"


def _sources():
    for path in sorted((_ROOT / "seeds").rglob("*")):
        if path.is_file():
            yield str(path.relative_to(_ROOT)), path.read_text(encoding="utf-8", errors="replace")
    if _BBC.exists():
        with open(_BBC, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                yield f"bbc:{rec['id']}", rec.get("text") or ""


def dump(out) -> int:
    from linter import Document, Linter

    linter = Linter()
    n = 0
    for name, text in _sources():
        result = linter.lint(Document(text))
        for d in result.diagnostics:
            row = {"source": name, "finding": d.to_dict()}
            out.write(json.dumps(row, default=repr, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.identical", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", help="write the findings here")
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args(argv)
    if args.compare:
        a, b = (Path(p).read_text(encoding="utf-8").splitlines() for p in args.compare)
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                print(f"differ at finding {i + 1}:\n  {x}\n  {y}")
                return 1
        if len(a) != len(b):
            print(f"differ in count: {len(a)} vs {len(b)}")
            return 1
        print(f"identical: {len(a)} findings")
        return 0
    with open(args.out, "w", encoding="utf-8") as fh:
        n = dump(fh)
    print(f"{n} findings written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
