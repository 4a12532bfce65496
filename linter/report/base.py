"""What every reporter shares: the per-document result, the run summary, the
reporter interface and the JSON record of one diagnostic."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from linter.diagnostic import Applicability, Diagnostic

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit", "html")
# Other names accepted for a format (ruff's spellings).
FORMAT_ALIASES = {"json-lines": "jsonl"}


@dataclass
class DocumentResult:
    """What checking (``check``) or cleaning (``clean``) one document produced.
    Picklable (it crosses processes)."""

    path: str = ""
    doc_id: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # With Plan.fingerprints: linter.fingerprint.fingerprint of each diagnostic, in order.
    fingerprints: list[str] | None = None
    # 1-based line number -> text, for the lines the diagnostics point at.
    source_lines: dict[int, str] = field(default_factory=dict)
    fixed: int = 0
    # Rule code -> fixes applied (with --fix), for --show-fixes.
    fixed_codes: Counter | None = None
    changed: bool = False
    hit_cap: bool = False
    empty: bool = False
    error: str | None = None
    # One line per rule that raised on the document: checking, "internal error in rule
    # CODE on PATH[:ID]: ExcType: message; please report it"; cleaning, "CODE: error",
    # and a line when the fix loop was cut short.
    rule_errors: list[str] = field(default_factory=list)
    diff: str | None = None
    fixed_text: str | None = None
    # With --statistics: the document's name spellings and their counts
    # (``linter.rules.support.names.collect_mentions``), tallied across documents by the CLI.
    names: Counter | None = None
    # With Plan.keep_text (the HTML report), and always when cleaning: the text after
    # its fixes, which the diagnostics point into (cleaning: None when it had no usable text).
    text: str | None = None
    # Cleaning: the quality gates failed (empty: kept), one line on each, the quality
    # scores, and rule code -> findings in the text as given.
    reasons: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    scores: dict[str, Any] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)

    @property
    def keep(self) -> bool:
        """Cleaning: the document passed the quality gate."""
        return not self.reasons


@dataclass
class Summary:
    documents: int = 0
    findings: int = 0
    fixable: int = 0  # with --fix
    unsafe_fixable: int = 0  # more with --unsafe-fixes
    fixed: int = 0
    changed_files: int = 0
    errors: int = 0
    with_findings: int = 0  # documents with at least one finding
    records: bool = False  # some documents were records of a record file
    excluded: int = 0  # files named on the command line that --force-exclude left out
    by_rule: Counter = field(default_factory=Counter)
    fixable_by_rule: Counter = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    # With --statistics over two or more documents: ``linter.rules.support.names.cross_document_report``.
    name_groups: list[dict] | None = None

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        self.fixed += result.fixed
        self.changed_files += int(result.changed)
        if result.error:
            self.errors += 1
        if result.doc_id is not None:
            self.records = True
        if result.diagnostics:
            self.with_findings += 1
        for d in result.diagnostics:
            self.findings += 1
            self.by_rule[d.code] += 1
            self.names[d.code] = d.name
            if d.fix is not None:
                if d.fix.applicability == Applicability.SAFE:
                    self.fixable += 1
                    self.fixable_by_rule[d.code] += 1
                elif d.fix.applicability == Applicability.UNSAFE:
                    self.unsafe_fixable += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "findings": self.findings,
            "fixable": self.fixable,
            "unsafe_fixable": self.unsafe_fixable,
            "fixed": self.fixed,
            "by_rule": dict(sorted(self.by_rule.items())),
        }


def diagnostic_record(d: Diagnostic) -> dict[str, Any]:
    """The JSON object of one diagnostic: the ``--format jsonl`` contract (no evidence)."""
    out = d.to_dict()
    out.pop("evidence", None)
    return out


class Reporter:
    """Streams a report: ``begin()``, ``document(result)`` for each, ``end(summary)``."""

    def begin(self) -> str:
        return ""

    def document(self, result: DocumentResult) -> str:
        return ""

    def end(self, summary: Summary) -> str:
        return ""

    def error(self, message: str) -> None:
        """An error of the run (exit 2), already said on stderr; formats that carry
        the run's errors (SARIF's invocations) keep it."""
