"""The language server, ``copydesk server`` (installed with ``copydesk[server]``)."""

from __future__ import annotations


def main() -> int:
    """Run the server on stdio; a one-line error when pygls is not installed."""
    try:
        import pygls  # noqa: F401
    except ImportError:
        import sys

        print('copydesk: error: the language server needs pygls: pip install "copydesk[server]"', file=sys.stderr)
        return 2
    from linter.server.server import serve

    return serve()
