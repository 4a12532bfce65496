"""``check --baseline FILE`` / ``--write-baseline FILE``: adopt copydesk on existing text.

A baseline records the findings of today by their fingerprint
(:func:`linter.fingerprint.fingerprint`: rule, path, record id, the text of the span
and a little context on its line; no line numbers), made unique within a document
(:func:`linter.fingerprint.unique`), so two identical findings need two entries. A
later run with ``--baseline`` reports only findings whose fingerprint is not in the
file: text added or removed elsewhere in a file leaves its recorded findings silent,
while an edit to a recorded span or its context makes it new again.

The file is JSON: ``{"version": 1, "findings": [{"fingerprint", "code", "path",
"line", "message"}, ...]}``; only ``fingerprint`` is read back, the rest is for
people reading a diff of the file.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from linter.diagnostic import Diagnostic
from linter.errors import reason
from linter.fingerprint import unique

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written (one line, names the file)."""


def load(path: str) -> set[str]:
    """The fingerprints recorded in the baseline file ``path``."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file; create it with --write-baseline {path}") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {reason(exc)}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: not a copydesk baseline (invalid JSON: {exc}); rewrite it with --write-baseline") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise BaselineError(f"{path}: not a copydesk baseline of version {VERSION}; rewrite it with --write-baseline")
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(isinstance(f, dict) and isinstance(f.get("fingerprint"), str) for f in findings):
        raise BaselineError(f"{path}: not a copydesk baseline (no list of findings with fingerprints); rewrite it with --write-baseline")
    return {f["fingerprint"] for f in findings}


def entries(diagnostics: Iterable[Diagnostic], prints: Iterable[str]) -> list[dict[str, Any]]:
    """The baseline entries of one document's findings and their fingerprints."""
    return [
        {"fingerprint": fp, "code": d.code, "path": d.path, "line": d.line, "message": d.message}
        for d, fp in zip(diagnostics, unique(prints))
    ]


def new_findings(prints: list[str], known: set[str]) -> list[int]:
    """Indices of the findings of one document that are not in the baseline."""
    return [i for i, fp in enumerate(unique(prints)) if fp not in known]


def write(path: str, recorded: list[dict[str, Any]]) -> None:
    from linter.writer import WriteError, write_bytes_atomic

    recorded = sorted(recorded, key=lambda e: (str(e["path"]), e["line"], e["code"], e["fingerprint"]))
    data = json.dumps({"version": VERSION, "findings": recorded}, ensure_ascii=False, indent=1) + "\n"
    try:
        write_bytes_atomic(path, data.encode("utf-8"))
    except WriteError as exc:
        raise BaselineError(str(exc)) from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline: {reason(exc)}") from None
