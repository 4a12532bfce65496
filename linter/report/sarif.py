"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other viewers.

Rules are described in ``tool.driver.rules`` from their documentation; each result
has ``ruleId``, ``level``, ``message`` and a physical location with a region.
Columns count Unicode code points (``columnKind: unicodeCodePoints``), as
everywhere in copydesk. Each result carries ``partialFingerprints``
(``copydesk/v1``: :func:`linter.fingerprint.fingerprint`, made unique within its file),
so code scanning keeps a finding's identity when lines move. ``invocations`` says
whether the run succeeded and carries its errors (an exit-2 run) as
``toolExecutionNotifications``. ``informationUri`` and each rule's ``helpUri`` (its
row of the README's rules table) are given only when the installed package's metadata
names a home page: copydesk is on no package index, so there is no page to guess.
"""

from __future__ import annotations

import inspect
import json
import os
from pathlib import PurePath
from typing import Any, Iterable
from urllib.parse import quote

from linter.diagnostic import Applicability, Diagnostic, Severity
from linter.docs import rule_anchor
from linter.fingerprint import unique
from linter.report.base import DocumentResult, Reporter, Summary

FINGERPRINT_KEY = "copydesk/v1"

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str | None) -> str:
    if not path or path == "-":
        return "stdin"
    p = PurePath(path)
    if p.is_absolute():
        return p.as_uri() if os.name != "nt" or p.drive else "file://" + quote(p.as_posix())
    return quote(p.as_posix())


def home_url() -> str | None:
    """The project's home page from the installed package's metadata, if it names one."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata
    except ImportError:  # pragma: no cover
        return None
    try:
        meta = metadata("copydesk")
    except PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "repository", "source") and url.strip():
            return url.strip()
    page = meta.get("Home-page")
    return page.strip() if page and page.strip() not in ("", "UNKNOWN") else None


def rule_descriptor(code: str, home: str | None = None) -> dict[str, Any]:
    from linter.registry import all_rules

    cls = all_rules().get(code)
    if cls is None:
        return {"id": code}
    sections = cls.doc_sections()
    # A house-style rule has no row in the README's table: its help is its text.
    extra = {"helpUri": f"{home.rstrip('/')}#{rule_anchor(code)}"} if home and cls.source is None else {}
    return {
        "id": code,
        "name": cls.name,
        "shortDescription": {"text": cls.summary()},
        "fullDescription": {"text": " ".join(sections.get("What it does", "").split()) or cls.summary()},
        "help": {"text": cls.documentation(), "markdown": _markdown_help(cls)},
        "defaultConfiguration": {"level": _LEVEL[cls.severity]},
        "properties": {
            "category": str(cls.category),
            "tags": [str(cls.category)],
            "fix": cls.metadata()["fix"],
            **({"source": cls.source} if cls.source else {}),
        },
        **extra,
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


def result_object(d: Diagnostic, fingerprint: str | None = None) -> dict[str, Any]:
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
    if fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
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

    home = home_url()
    driver: dict[str, Any] = {"name": "copydesk"}
    if home:
        driver["informationUri"] = home
    driver.update(
        version=__version__,
        semanticVersion=__version__,
        rules=[rule_descriptor(c, home) for c in sorted(set(codes))],
    )
    return driver


def invocation(errors: Iterable[str]) -> dict[str, Any]:
    """The run's invocation: successful unless it had errors (exit 2), which it lists."""
    errors = list(errors)
    out: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        out["toolExecutionNotifications"] = [{"level": "error", "message": {"text": m}} for m in errors]
    return out


def render_sarif(
    diagnostics: list[Diagnostic],
    rule_codes: Iterable[str] | None = None,
    texts: dict[str, str] | None = None,
    errors: Iterable[str] = (),
) -> str:
    """The SARIF log of ``diagnostics``; with ``texts`` (path -> document text) each
    result also gets its ``partialFingerprints``."""
    from linter.fingerprint import fingerprint

    codes = set(rule_codes or ()) | {d.code for d in diagnostics}
    prints: list[str | None] = [None] * len(diagnostics)
    if texts is not None:
        by_doc: dict[tuple, list[int]] = {}
        for i, d in enumerate(diagnostics):
            if d.path in texts:
                by_doc.setdefault((d.path, d.doc_id), []).append(i)
        for idxs in by_doc.values():
            raw = [fingerprint(texts[diagnostics[i].path], diagnostics[i]) for i in idxs]
            for i, fp in zip(idxs, unique(raw)):
                prints[i] = fp
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": _driver(codes)},
                "invocations": [invocation(errors)],
                "columnKind": "unicodeCodePoints",
                "results": [result_object(d, fp) for d, fp in zip(diagnostics, prints)],
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
        self.errors: list[str] = []

    def error(self, message: str) -> None:
        self.errors.append(message)

    def begin(self) -> str:
        return (
            '{\n  "$schema": "' + SCHEMA + '",\n  "version": "2.1.0",\n  "runs": [\n    {\n'
            '      "columnKind": "unicodeCodePoints",\n      "results": ['
        )

    def document(self, result: DocumentResult) -> str:
        parts = []
        prints = unique(result.fingerprints) if result.fingerprints else [None] * len(result.diagnostics)
        for d, fp in zip(result.diagnostics, prints):
            body = json.dumps(result_object(d, fp), ensure_ascii=False)
            parts.append(("," if self.count else "") + "\n        " + body)
            self.count += 1
        return "".join(parts)

    def end(self, summary: Summary) -> str:
        driver = json.dumps({"driver": _driver(set(summary.by_rule) | self.rule_codes)}, ensure_ascii=False, indent=2)
        driver = driver.replace("\n", "\n      ")
        invocations = json.dumps([invocation(self.errors)], ensure_ascii=False)
        close = "\n      ]" if self.count else "]"
        return f'{close},\n      "invocations": {invocations},\n      "tool": {driver}\n    }}\n  ]\n}}\n'
