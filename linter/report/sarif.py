"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other viewers.

Rules are described in ``tool.driver.rules`` from their documentation; each result
has ``ruleId``, ``level``, ``message`` and a physical location with a region.
Columns count Unicode code points (``columnKind: unicodeCodePoints``), as
everywhere in copydesk.
"""

from __future__ import annotations

import inspect
import json
import os
from pathlib import PurePath
from typing import Any, Iterable
from urllib.parse import quote

from linter.diagnostic import Applicability, Diagnostic, Severity
from linter.report import DocumentResult, Reporter, Summary

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str | None) -> str:
    if not path or path == "-":
        return "stdin"
    p = PurePath(path)
    if p.is_absolute():
        return p.as_uri() if os.name != "nt" or p.drive else "file://" + quote(p.as_posix())
    return quote(p.as_posix())


def rule_descriptor(code: str) -> dict[str, Any]:
    from linter.registry import all_rules

    cls = all_rules().get(code)
    if cls is None:
        return {"id": code}
    sections = cls.doc_sections()
    return {
        "id": code,
        "name": cls.name,
        "shortDescription": {"text": cls.summary()},
        "fullDescription": {"text": " ".join(sections.get("What it does", "").split()) or cls.summary()},
        "help": {"text": cls.documentation(), "markdown": _markdown_help(cls)},
        "defaultConfiguration": {"level": _LEVEL[cls.severity]},
        "properties": {"category": str(cls.category), "tags": [str(cls.category)], "fix": cls.metadata()["fix"]},
    }


def _markdown_help(cls) -> str:
    sections = cls.doc_sections()
    out = [f"**{cls.code} {cls.name}**: {cls.summary()}"]
    for name, body in sections.items():
        if name == "summary" or not body:
            continue
        body = inspect.cleandoc(body)
        if name in ("Example", "Use instead"):
            body = "```\n" + body + "\n```"
        out.append(f"### {name}\n\n{body}")
    return "\n\n".join(out)


def result_object(d: Diagnostic) -> dict[str, Any]:
    uri = artifact_uri(d.path)
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri}}}
    props: dict[str, Any] = {"name": d.name, "category": str(d.category), "severity": str(d.severity)}
    if d.doc_id is None:
        location["physicalLocation"]["region"] = {
            "startLine": d.line,
            "startColumn": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
        }
    else:
        # A record's lines are lines of its text, not of the file: keep them as a
        # logical location and properties.
        location["logicalLocations"] = [{"name": str(d.doc_id), "kind": "object"}]
        props.update(
            doc_id=d.doc_id, start=d.start, end=d.end, line=d.line, column=d.column,
            end_line=d.end_line, end_column=d.end_column,
        )
    out: dict[str, Any] = {
        "ruleId": d.code,
        "level": _LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [location],
        "properties": props,
    }
    if d.fix is not None and d.doc_id is None and d.fix.applicability != Applicability.DISPLAY:
        out["fixes"] = [
            {
                "description": {"text": f"{d.fix.title} ({d.fix.applicability} fix)"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {
                                "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in d.fix.edits
                        ],
                    }
                ],
            }
        ]
    return out


def _driver(codes: Iterable[str]) -> dict[str, Any]:
    from linter import __version__

    return {
        "name": "copydesk",
        "informationUri": "https://pypi.org/project/copydesk/",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [rule_descriptor(c) for c in sorted(set(codes))],
    }


def render_sarif(diagnostics: list[Diagnostic], rule_codes: Iterable[str] | None = None) -> str:
    codes = set(rule_codes or ()) | {d.code for d in diagnostics}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": _driver(codes)},
                "columnKind": "unicodeCodePoints",
                "results": [result_object(d) for d in diagnostics],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


class SarifReporter(Reporter):
    """Streams the results; the rule descriptions (only those of rules that found
    something) follow once they are known."""

    def __init__(self, rule_codes: Iterable[str] = ()) -> None:
        self.count = 0
        self.rule_codes = set(rule_codes)

    def begin(self) -> str:
        return (
            '{\n  "$schema": "' + SCHEMA + '",\n  "version": "2.1.0",\n  "runs": [\n    {\n'
            '      "columnKind": "unicodeCodePoints",\n      "results": ['
        )

    def document(self, result: DocumentResult) -> str:
        parts = []
        for d in result.diagnostics:
            body = json.dumps(result_object(d), ensure_ascii=False)
            parts.append(("," if self.count else "") + "\n        " + body)
            self.count += 1
        return "".join(parts)

    def end(self, summary: Summary) -> str:
        driver = json.dumps({"driver": _driver(set(summary.by_rule) | self.rule_codes)}, ensure_ascii=False, indent=2)
        driver = driver.replace("\n", "\n      ")
        close = "\n      ]" if self.count else "]"
        return f'{close},\n      "tool": {driver}\n    }}\n  ]\n}}\n'
