"""``--output-format concise``: one line per finding, ``path:line:col: CODE [*] message``
(``[*]`` when ``--fix`` can fix it), then the summary line of the text format."""

from __future__ import annotations

from linter.diagnostic import Applicability, Diagnostic
from linter.report.base import DocumentResult, Reporter, Summary
from linter.report.text import format_summary, location, printable_message


def format_line(d: Diagnostic) -> str:
    fixable = d.fix is not None and d.fix.applicability == Applicability.SAFE
    return f"{location(d)}: {d.code}{' [*]' if fixable else ''} {printable_message(d.message)}\n"


def render_concise(diagnostics: list[Diagnostic]) -> str:
    return "".join(format_line(d) for d in diagnostics)


class ConciseReporter(Reporter):
    def __init__(self, *, fix_mode: bool = False, unsafe_fixes: bool = False, quiet: bool = False, **_: object) -> None:
        self.fix_mode = fix_mode
        self.unsafe_fixes = unsafe_fixes
        self.quiet = quiet

    def document(self, result: DocumentResult) -> str:
        return render_concise(result.diagnostics)

    def end(self, summary: Summary) -> str:
        if self.quiet:
            return ""
        return format_summary(summary, fix_mode=self.fix_mode, unsafe_fixes=self.unsafe_fixes)
