"""``--format json``: one document ``{"diagnostics": [...], "summary": {...}}``; each
diagnostic is the same object as a line of ``--format jsonl``."""

from __future__ import annotations

import json

from linter.diagnostic import Diagnostic
from linter.report.base import DocumentResult, Reporter, Summary, diagnostic_record


def render_json(diagnostics: list[Diagnostic], summary: Summary | None = None) -> str:
    if summary is None:
        summary = Summary()
        summary.findings = len(diagnostics)
    doc = {"diagnostics": [diagnostic_record(d) for d in diagnostics], "summary": summary.to_dict()}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


class JsonReporter(Reporter):
    """Streams the same document as :func:`render_json`, one diagnostic at a time."""

    def __init__(self) -> None:
        self.count = 0

    def begin(self) -> str:
        return '{\n  "diagnostics": ['

    def document(self, result: DocumentResult) -> str:
        parts = []
        for d in result.diagnostics:
            body = json.dumps(diagnostic_record(d), ensure_ascii=False, indent=2).replace("\n", "\n    ")
            parts.append(("," if self.count else "") + "\n    " + body)
            self.count += 1
        return "".join(parts)

    def end(self, summary: Summary) -> str:
        body = json.dumps(summary.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        close = "\n  ]" if self.count else "]"
        return f'{close},\n  "summary": {body}\n}}\n'
