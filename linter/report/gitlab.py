"""``--output-format gitlab``: GitLab Code Quality (a JSON array of issues), for the
merge-request widget: ``description``, ``check_name``, ``fingerprint``, ``severity``
and ``location`` (``path`` and ``lines.begin``/``lines.end``).

The fingerprint is :func:`linter.fingerprint.fingerprint` (rule, path, span text and a
little context), so an issue keeps its identity when lines move; a second identical
finding in the same file gets ``-2``, and so on.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from linter.diagnostic import Diagnostic, Severity
from linter.fingerprint import unique
from linter.report.base import DocumentResult, Reporter, Summary

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(d: Diagnostic, fingerprint: str) -> dict[str, Any]:
    description = f"{d.code} {d.message}"
    lines = {"begin": d.line, "end": d.end_line}
    if d.doc_id is not None:
        # A record's lines are lines of its text, not of the file.
        description = f"[{d.doc_id}:{d.line}:{d.column}] {description}"
        lines = {"begin": 1, "end": 1}
    return {
        "type": "issue",
        "check_name": d.code,
        "description": description,
        "categories": ["Style"],
        "severity": _SEVERITY[d.severity],
        "fingerprint": fingerprint,
        "location": {"path": d.path or "-", "lines": lines},
    }


def _fallback_fingerprint(d: Diagnostic) -> str:
    key = f"{d.code}\x1f{d.path}\x1f{d.doc_id}\x1f{d.message}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class GitlabReporter(Reporter):
    def __init__(self) -> None:
        self.count = 0

    def begin(self) -> str:
        return "["

    def document(self, result: DocumentResult) -> str:
        prints = result.fingerprints or [_fallback_fingerprint(d) for d in result.diagnostics]
        parts = []
        for d, fp in zip(result.diagnostics, unique(prints)):
            body = json.dumps(issue(d, fp), ensure_ascii=False)
            parts.append(("," if self.count else "") + "\n  " + body)
            self.count += 1
        return "".join(parts)

    def end(self, summary: Summary) -> str:
        return "\n]\n" if self.count else "]\n"
