"""The fixer property test at benchmark strength.

    python -m benchmarks.properties [--examples 5000]

Runs ``tests/test_fix_properties.py`` (the fixer and the real rules together on
generated article text) with at least 5,000 examples; CI runs the same test with a
few dozen. Exit status is pytest's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

TEST = Path(__file__).resolve().parent.parent / "tests" / "test_fix_properties.py"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.properties", description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=5000, help="hypothesis examples (default 5000)")
    args = ap.parse_args(argv)
    env = dict(os.environ, COPYDESK_PROPERTY_EXAMPLES=str(args.examples))
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(TEST)], env=env)


if __name__ == "__main__":
    sys.exit(main())
