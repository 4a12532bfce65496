"""Language-server latency: from a ``didChange`` to the ``publishDiagnostics`` of that
version, on a 5,000-word article, after warm-up.

    python -m benchmarks.lsp [--edits 40] [--words 5000]

The real server (``python -m linter server``) is driven over stdio by pytest-lsp's
client (the test extra): the article is opened, linted a few times to warm up, then
each edit (a word typed in the middle of a paragraph) is sent as an incremental change
and timed until its diagnostics arrive. Prints the median and p95 in milliseconds;
exit status 1 when the median is over ``[lsp] max_latency_ms`` in ``budgets.toml``.
The figure includes the server's debounce. Needs no corpus.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.speed import load_budgets

_SENTENCES = (
    "The harbour board agreed the new ferry timetable on Tuesday after a long debate about late sailings.",
    "Its chair, Ilse Vandermeer, said the change would help commuters who cross the estuary before eight.",
    "\u201cWe listened to passengers and we acted,\u201d she said, adding that the extra sailing would cost \u00a32m a year.",
    "Critics on the opposition benches said the plan was rushed and that the figures were never published.",
    "Engineers from the shipyard at Port Aldwen will refit two of the older vessels over the winter.",
    "A survey of 1,200 travellers found that most wanted an earlier crossing and cheaper season tickets.",
    "The union representing deckhands welcomed the plan but asked for talks on the new shift patterns.",
    "Officials expect the first sailings under the timetable to leave on the second Monday of April.",
)


def article(words: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    paragraphs, n = [], 0
    while n < words:
        p = " ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(3, 6)))
        paragraphs.append(p)
        n += len(p.split())
    return "Harbour board agrees new ferry timetable\n\n" + "\n\n".join(paragraphs) + "\n"


async def measure(words: int, edits: int, warm_up: int = 5) -> list[float]:
    import pytest_lsp
    from lsprotocol import types

    text = article(words)
    folder = Path(tempfile.mkdtemp(prefix="copydesk-lsp-"))
    path = folder / "article.txt"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client = pytest_lsp.LanguageClient()
    arrived: dict[int, float] = {}
    waiters: dict[int, asyncio.Future] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams):
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            fut = waiters.pop(params.version, None)
            if fut is not None and not fut.done():
                fut.set_result(None)

    await client.start_io(sys.executable, "-m", "linter", "server", cwd=str(folder))
    await client.initialize_session(
        types.InitializeParams(capabilities=pytest_lsp.client_capabilities("visual-studio-code"), root_uri=folder.as_uri())
    )
    loop = asyncio.get_running_loop()

    async def until(version: int) -> None:
        if version in arrived:
            return
        waiters[version] = loop.create_future()
        await asyncio.wait_for(waiters[version], 60)

    client.text_document_did_open(
        types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text))
    )
    await until(1)
    lines = text.split("\n")
    rng = random.Random(11)
    times: list[float] = []
    version = 1
    for i in range(warm_up + edits):
        line = rng.choice([k for k, l in enumerate(lines) if len(l) > 40])
        col = lines[line].find(" ", rng.randint(0, len(lines[line]) - 1))
        col = col if col >= 0 else 0
        version += 1
        lines[line] = lines[line][:col] + " quay" + lines[line][col:]
        start = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=line, character=col), end=types.Position(line=line, character=col)),
                    text=" quay")],
            )
        )
        await until(version)
        if i >= warm_up:
            times.append((arrived[version] - start) * 1000)
    await client.shutdown_session()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lsp", description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--words", type=int, default=5000)
    args = parser.parse_args(argv)
    times = asyncio.run(measure(args.words, args.edits))
    median = statistics.median(times)
    p95 = sorted(times)[max(0, int(round(0.95 * len(times))) - 1)]
    budget = load_budgets()["lsp"]["max_latency_ms"]
    ok = median <= budget
    print(f"didChange -> publishDiagnostics, {args.words}-word article, {len(times)} edits after warm-up:")
    print(f"  median {median:.1f} ms, p95 {p95:.1f} ms, max {max(times):.1f} ms")
    print(f"  {'PASS' if ok else 'FAIL'}: median <= {budget} ms ([lsp] max_latency_ms in benchmarks/budgets.toml)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
