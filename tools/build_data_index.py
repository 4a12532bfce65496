"""Rebuild rules/data/_index.json: every TOML data file parsed, and the analysis of the
boilerplate patterns in them (see rules/support/datafile.py).

    python tools/build_data_index.py          # write the index
    python tools/build_data_index.py --check  # exit 1 when the index is stale
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from linter.rules.boilerplate import _patterns  # noqa: E402
from linter.rules.support import datafile  # noqa: E402


def text() -> str:
    return datafile.build({_patterns._ANALYSES_NAME: _patterns.analyses()})


if __name__ == "__main__":
    new = text()
    if "--check" in sys.argv[1:]:
        old = datafile.INDEX.read_text(encoding="utf-8") if datafile.INDEX.exists() else ""
        if old != new:
            sys.exit(f"{datafile.INDEX}: stale; run python tools/build_data_index.py")
        sys.exit(0)
    datafile.INDEX.write_text(new, encoding="utf-8")
    print(f"wrote {datafile.INDEX} ({len(new)} bytes)")
