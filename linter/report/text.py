"""The human format: ``path:line:col: CODE [category] message``, the source line with
carets under the span, and a summary line."""

from __future__ import annotations

import unicodedata

from linter.diagnostic import Applicability, Diagnostic, Severity
from linter.report.base import DocumentResult, Reporter, Summary

MAX_LINE_WIDTH = 100  # source lines longer than this are shown as a window around the span

_RESET = "\033[0m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_SEVERITY_COLOUR = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_CARET_COLOUR = "\033[1;31m"
_FIX_COLOUR = "\033[32m"


def location(d: Diagnostic) -> str:
    path = d.path or "-"
    if d.doc_id is not None:
        return f"{path}:{d.doc_id}:{d.line}:{d.column}"
    return f"{path}:{d.line}:{d.column}"


def _width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _printable(ch: str) -> str:
    if ch == "\t":
        return " "
    if "\ud800" <= ch <= "\udfff":
        return "\ufffd"
    if unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u200d":
        return "\ufffd" if unicodedata.category(ch) == "Cc" else ""
    return ch


def snippet(line_text: str, start_col: int, end_col: int) -> tuple[str, str]:
    """The displayed source line and the caret line under columns ``start_col`` to
    ``end_col`` (1-based, end exclusive). Long lines become a window around the span."""
    start = max(0, min(start_col - 1, len(line_text)))
    end = max(start + 1, min(end_col - 1, len(line_text))) if end_col > start_col else start + 1
    lo, hi, prefix, suffix = 0, len(line_text), "", ""
    if len(line_text) > MAX_LINE_WIDTH:
        span = min(end - start, MAX_LINE_WIDTH - 20)
        lo = max(0, start - (MAX_LINE_WIDTH - span) // 2)
        hi = min(len(line_text), lo + MAX_LINE_WIDTH)
        lo = max(0, min(lo, hi - MAX_LINE_WIDTH))
        end = min(end, hi)
        prefix = "…" if lo > 0 else ""
        suffix = "…" if hi < len(line_text) else ""
    shown = [_printable(c) for c in line_text[lo:hi]]
    pad = len(prefix) + sum(_width(c) for s in shown[: start - lo] for c in s)
    carets = max(1, sum(_width(c) for s in shown[start - lo : end - lo] for c in s))
    return prefix + "".join(shown) + suffix, " " * pad + "^" * carets


def printable_message(message: str) -> str:
    """A message safe to print on a terminal: controls and lone surrogates shown as
    U+FFFD (tabs kept)."""
    return "".join(_printable(c) if c != "\t" else c for c in message)


def format_diagnostic(
    d: Diagnostic, line_text: str | None = None, *, color: bool = False, show_fix: bool = True
) -> str:
    """One finding: the header line, then (given its line) the source and carets."""
    sev = _SEVERITY_COLOUR[d.severity] if color else ""
    msg = printable_message(d.message)
    if color:
        head = f"{_BOLD}{location(d)}{_RESET}: {sev}{_BOLD}{d.code}{_RESET} {_DIM}[{d.category}]{_RESET} {msg}"
    else:
        head = f"{location(d)}: {d.code} [{d.category}] {msg}"
    lines = [head]
    if line_text is not None:
        end_col = d.end_column if d.end_line == d.line else len(line_text) + 1
        shown, carets = snippet(line_text, d.column, end_col)
        gutter = " " * len(str(d.line))
        if color:
            lines.append(f"{_DIM}{d.line} |{_RESET} {shown}")
            lines.append(f"{_DIM}{gutter} |{_RESET} {_CARET_COLOUR}{carets}{_RESET}")
        else:
            lines.append(f"{d.line} | {shown}")
            lines.append(f"{gutter} | {carets}")
    if show_fix and d.fix is not None:
        kind = {
            Applicability.SAFE: "safe fix",
            Applicability.UNSAFE: "unsafe fix",
            Applicability.DISPLAY: "suggestion",
        }[d.fix.applicability]
        text = f"= {kind}: {d.fix.title}"
        lines.append(f"{_FIX_COLOUR}{text}{_RESET}" if color else text)
    return "\n".join(lines) + "\n"


def render_text(diagnostics: list[Diagnostic], source_lines: dict | None = None, *, color: bool = False) -> str:
    """All findings, each followed by a blank line. ``source_lines`` maps
    ``(path, doc_id, line)`` to that line's text."""
    source_lines = source_lines or {}
    return "".join(
        format_diagnostic(d, source_lines.get((d.path, d.doc_id, d.line)), color=color) + "\n"
        for d in diagnostics
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def format_summary(summary: Summary, *, fix_mode: bool = False, unsafe_fixes: bool = False) -> str:
    line = _summary_line(summary, fix_mode=fix_mode, unsafe_fixes=unsafe_fixes)
    if summary.excluded:
        line = f"{line.rstrip()} {_plural(summary.excluded, 'file')} excluded.\n"
    return line


def _summary_line(summary: Summary, *, fix_mode: bool, unsafe_fixes: bool) -> str:
    unit = "document" if summary.records else "file"
    if fix_mode:
        if not summary.findings and not summary.fixed and not summary.errors:
            return "All checks passed.\n"
        where = f" in {_plural(summary.changed_files, unit)}" if summary.fixed else ""
        errors = (
            f"; {_plural(summary.errors, unit)} not checked or not written (see the errors above)"
            if summary.errors else ""
        )
        return f"Fixed {_plural(summary.fixed, 'finding')}{where}; {summary.findings} remaining{errors}.\n"
    if not summary.findings:
        if summary.errors:
            return (
                f"No findings in {_plural(summary.documents, unit)} checked; "
                f"{summary.errors} could not be checked (see the errors above).\n"
            )
        return f"All checks passed ({_plural(summary.documents, unit)} checked).\n"
    head = f"Found {_plural(summary.findings, 'finding')} in {_plural(summary.with_findings, unit)}"
    if unsafe_fixes:
        n = summary.fixable + summary.unsafe_fixable
        tail = f" ({n} fixable with --fix --unsafe-fixes)" if n else ""
    else:
        parts = []
        if summary.fixable:
            parts.append(f"{summary.fixable} fixable with --fix")
        if summary.unsafe_fixable:
            more = "more " if summary.fixable else ""
            parts.append(f"{summary.unsafe_fixable} {more}with --unsafe-fixes")
        tail = f" ({', '.join(parts)})" if parts else ""
    return f"{head}{tail}.\n"


def format_statistics(summary: Summary) -> str:
    """Counts per rule, most frequent first: ``count  CODE  [*] name``."""
    if not summary.by_rule:
        return ""
    width = len(str(max(summary.by_rule.values())))
    rows = []
    for code, count in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if summary.fixable_by_rule.get(code) else "   "
        rows.append(f"{count:>{width}}  {code}  {mark} {summary.names.get(code, '')}")
    return "\n".join(rows) + "\n"


NAMES_SHOWN = 20


def render_name_groups(groups: list[dict], *, limit: int | None = None) -> str:
    """Plain-text rendering of the cross-document name groups (``names.cross_document_report``), one group per line."""
    if not groups:
        return "names: no entity is spelled differently across documents\n"
    lines = [f"names: {len(groups)} entities spelled differently across documents"]
    for g in groups[:limit]:
        parts = [
            f"'{s}' ({v['count']}x in {v['docs']} doc{'s' if v['docs'] != 1 else ''})" for s, v in g["variants"].items()
        ]
        lines.append(f"  {parts[0]} vs " + ", ".join(parts[1:]) + f" [{', '.join(g['kinds'])}]")
    if limit is not None and len(groups) > limit:
        lines.append(f"  ... and {len(groups) - limit} more")
    return "\n".join(lines) + "\n"


def format_name_groups(groups: list[dict], limit: int | None = NAMES_SHOWN) -> str:
    """The entities spelled differently across documents, one per line."""
    if not groups:
        return "Names spelled differently across documents: none.\n"
    rows = render_name_groups(groups, limit=limit).splitlines()[1:]
    return f"Names spelled differently across documents ({len(groups)}):\n" + "\n".join(rows) + "\n"


class TextReporter(Reporter):
    def __init__(
        self,
        *,
        color: bool = False,
        statistics: bool = False,
        fix_mode: bool = False,
        unsafe_fixes: bool = False,
        quiet: bool = False,
    ) -> None:
        self.color = color
        self.statistics = statistics
        self.fix_mode = fix_mode
        self.unsafe_fixes = unsafe_fixes
        self.quiet = quiet

    def document(self, result: DocumentResult) -> str:
        if self.statistics:
            return ""
        return "".join(
            format_diagnostic(d, result.source_lines.get(d.line), color=self.color) + "\n"
            for d in result.diagnostics
        )

    def end(self, summary: Summary) -> str:
        out = ""
        if self.statistics:
            out += format_statistics(summary)
            if summary.name_groups is not None:
                out += ("\n" if out else "") + format_name_groups(summary.name_groups)
        if not self.quiet:
            out += format_summary(summary, fix_mode=self.fix_mode, unsafe_fixes=self.unsafe_fixes)
        return out
