"""Reporters: pure renderers of diagnostics (and, for text, their source lines).

Every format has a streaming :class:`Reporter` (``begin``, ``document`` per checked
document, ``end``) used by the CLI so that memory stays flat on large corpora, and
plain functions (``render_*``) that turn a list of diagnostics into a string.
"""

from __future__ import annotations

from typing import Any

from linter.report.base import FORMAT_ALIASES, FORMATS, DocumentResult, Reporter, Summary, diagnostic_record

__all__ = ["FORMATS", "FORMAT_ALIASES", "DocumentResult", "Reporter", "Summary", "diagnostic_record", "make_reporter"]


def make_reporter(fmt: str, **options: Any) -> Reporter:
    fmt = FORMAT_ALIASES.get(fmt, fmt)
    if fmt == "concise":
        from linter.report.concise import ConciseReporter

        return ConciseReporter(**options)
    if fmt == "gitlab":
        from linter.report.gitlab import GitlabReporter

        return GitlabReporter()
    if fmt == "junit":
        from linter.report.junit import JunitReporter

        return JunitReporter()
    if fmt == "html":
        from linter.report.html import HtmlReporter

        return HtmlReporter(**options)
    if fmt == "text":
        from linter.report.text import TextReporter

        return TextReporter(**options)
    if fmt == "json":
        from linter.report.jsondoc import JsonReporter

        return JsonReporter()
    if fmt == "jsonl":
        from linter.report.jsonl import JsonlReporter

        return JsonlReporter()
    if fmt == "sarif":
        from linter.report.sarif import SarifReporter

        return SarifReporter()
    if fmt == "github":
        from linter.report.github import GithubReporter

        return GithubReporter()
    raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
