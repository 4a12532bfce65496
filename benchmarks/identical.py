"""Findings-identity check for refactors: every finding on seeds/ and the BBC corpus.

    python -m benchmarks.identical --write BEFORE.jsonl    # record, before a change
    python -m benchmarks.identical --compare BEFORE.jsonl  # after it: exit 1 on any difference

Runs the default rule set and, separately, every rule (``ALL``) over each file of
``seeds/`` and each record of ``../shared/corpus/bbc_news/bbc_news.jsonl`` (skipped,
with a note, when the corpus is absent), and writes every finding (set, source,
code, offsets, message, fix edits: :meth:`Diagnostic.to_dict`) and every rule
error as sorted JSON lines.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator

from linter.document import Document
from linter.engine import Linter
from linter.registry import select_codes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BBC = ROOT.parent / "shared" / "corpus" / "bbc_news" / "bbc_news.jsonl"


def documents(corpus: Path = BBC) -> Iterator[Document]:
    from linter.sources import kind_for, read_text_file

    for path in sorted(p for p in SEEDS.rglob("*") if p.is_file() and p.suffix in {".txt", ".md"}):
        rel = path.relative_to(ROOT).as_posix()
        src = read_text_file(str(path), display=rel)
        yield Document(src.text, rel, kind=kind_for(rel))
    if not corpus.is_file():
        print(f"note: {corpus} absent; seeds only", file=sys.stderr)
        return
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield Document(row["text"], f"bbc:{row['id']}", doc_id=str(row["id"]))


def findings(corpus: Path = BBC) -> list[str]:
    linters = {"default": Linter(select_codes()), "all": Linter(select_codes(["ALL"]))}
    out: list[str] = []
    for doc in documents(corpus):
        for name, linter in linters.items():
            result = linter.lint(doc)
            for d in result.diagnostics:
                out.append(json.dumps({"set": name, "src": doc.path, **d.to_dict()}, sort_keys=True))
            for e in result.errors:
                out.append(json.dumps({"set": name, "src": doc.path, "error": e.code, "why": e.error}, sort_keys=True))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.identical", description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", metavar="FILE")
    group.add_argument("--compare", metavar="FILE")
    ap.add_argument("--corpus", type=Path, default=BBC)
    args = ap.parse_args(argv)
    lines = findings(args.corpus)
    if args.write:
        Path(args.write).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"{len(lines)} findings written to {args.write}")
        return 0
    before = Path(args.compare).read_text(encoding="utf-8").splitlines()
    if before == lines:
        print(f"identical: {len(lines)} findings")
        return 0
    gone, new = sorted(set(before) - set(lines)), sorted(set(lines) - set(before))
    print(f"DIFFERENT: {len(before)} before, {len(lines)} now; {len(gone)} gone, {len(new)} new")
    for line in gone[:10]:
        print("-", line)
    for line in new[:10]:
        print("+", line)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
