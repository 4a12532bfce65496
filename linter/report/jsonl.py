"""``--format jsonl``: one JSON object per diagnostic, one per line (a stable contract:
see :func:`linter.report.diagnostic_record` for the keys)."""

from __future__ import annotations

import json

from linter.diagnostic import Diagnostic
from linter.report.base import DocumentResult, Reporter, diagnostic_record


def format_line(d: Diagnostic) -> str:
    return json.dumps(diagnostic_record(d), ensure_ascii=False) + "\n"


def render_jsonl(diagnostics: list[Diagnostic]) -> str:
    return "".join(format_line(d) for d in diagnostics)


class JsonlReporter(Reporter):
    def document(self, result: DocumentResult) -> str:
        return render_jsonl(result.diagnostics)
