"""Stable identities of findings, for GitLab Code Quality's ``fingerprint``.

A finding is known by the rule, the path (and record id), the text of its span and a
little of the same line on each side. Line numbers take no part, so a finding keeps
its fingerprint when text is added or removed elsewhere in the file; it changes when
the span or its immediate context is edited.
"""

from __future__ import annotations

import hashlib
from typing import Iterable

from linter.diagnostic import Diagnostic

CONTEXT = 12  # characters of the same line kept on each side of the span
LONG_SPAN = 80  # longer spans (whole paragraphs, documents) keep their two ends


def fingerprint(text: str, d: Diagnostic) -> str:
    """The identity of finding ``d`` in document ``text`` (32 hex digits)."""
    line_start = text.rfind("\n", 0, d.start) + 1
    line_end = text.find("\n", d.end)
    if line_end == -1:
        line_end = len(text)
    before = text[max(line_start, d.start - CONTEXT) : d.start]
    after = text[d.end : min(line_end, d.end + CONTEXT)].rstrip("\r")
    span = text[d.start : d.end]
    if len(span) > LONG_SPAN:
        half = LONG_SPAN // 2
        span = f"{span[:half]}\x00{len(span)}\x00{span[-half:]}"
    path = (d.path or "-").replace("\\", "/")
    key = "\x1f".join((d.code, path, str(d.doc_id or ""), before, span, after))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def fingerprints(text: str, diagnostics: Iterable[Diagnostic]) -> list[str]:
    return [fingerprint(text, d) for d in diagnostics]


def unique(prints: Iterable[str]) -> list[str]:
    """Fingerprints made unique within one document: a second identical finding gets
    ``-2``, a third ``-3``, in document order."""
    seen: dict[str, int] = {}
    out = []
    for fp in prints:
        seen[fp] = seen.get(fp, 0) + 1
        out.append(fp if seen[fp] == 1 else f"{fp}-{seen[fp]}")
    return out
