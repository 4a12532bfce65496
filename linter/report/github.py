"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message``;
the command is ``error``, ``warning`` or ``notice`` by severity.
"""

from __future__ import annotations

from linter.diagnostic import Diagnostic, Severity
from linter.report.base import DocumentResult, Reporter

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def format_annotation(d: Diagnostic) -> str:
    props = [f"file={_escape_property(d.path or '-')}"]
    message = d.message
    if d.doc_id is not None:
        # Lines and columns of a record are inside its text, not the file's lines.
        message = f"[{d.doc_id}:{d.line}:{d.column}] {message}"
    else:
        props += [f"line={d.line}", f"col={d.column}", f"endLine={d.end_line}", f"endColumn={d.end_column}"]
    props.append(f"title={_escape_property(d.code)}")
    return f"::{_COMMAND[d.severity]} {','.join(props)}::{_escape_data(message)}\n"


def render_github(diagnostics: list[Diagnostic]) -> str:
    return "".join(format_annotation(d) for d in diagnostics)


class GithubReporter(Reporter):
    def document(self, result: DocumentResult) -> str:
        return render_github(result.diagnostics)
