"""The yardstick for ``copydesk clean``: datatrove's Gopher, C4 and FineWeb quality
filters over one JSONL file, in one task on one process, written back as JSONL.

    python -m benchmarks.datatrove_filters IN.jsonl OUT_DIR

``benchmarks.speed`` times this command beside ``copydesk clean IN OUT --jobs 1`` in
the same run (whole processes, CPU time). datatrove is not a dependency of copydesk:
install it beside it to measure (``pip install datatrove``); without it this command
says so and exits with status 2.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m benchmarks.datatrove_filters IN.jsonl OUT_DIR", file=sys.stderr)
        return 2
    try:
        from datatrove.executor import LocalPipelineExecutor
        from datatrove.pipeline.filters import C4QualityFilter, FineWebQualityFilter, GopherQualityFilter
        from datatrove.pipeline.readers import JsonlReader
        from datatrove.pipeline.writers import JsonlWriter
    except ImportError:
        print("benchmarks.datatrove_filters: datatrove is not installed (pip install datatrove)", file=sys.stderr)
        return 2
    src = Path(args[0])
    out = Path(args[1])
    pipeline = [
        JsonlReader(str(src.parent), glob_pattern=src.name, recursive=False),
        GopherQualityFilter(),
        C4QualityFilter(),
        FineWebQualityFilter(),
        JsonlWriter(str(out / "kept"), compression=None),
    ]
    LocalPipelineExecutor(
        pipeline, tasks=1, workers=1, logging_dir=str(out / "logs"), skip_completed=False
    ).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
