"""Inline directives in Markdown: ``<!-- copydesk: disable NM001 -->`` and friends.

* ``<!-- copydesk: disable [SELECTORS] -->`` ... ``<!-- copydesk: enable [SELECTORS] -->``
  (no selectors: every rule);
* ``<!-- copydesk: ignore-next-line [SELECTORS] -->`` (also ``disable-next-line``);
* ``<!-- copydesk: disable-file [SELECTORS] -->``: the whole file, document-level
  findings included.

Selectors are codes, code prefixes, names or categories, separated by commas or
spaces. A directive that suppresses nothing is itself reported (rule ST001).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from linter.diagnostic import Diagnostic

DIRECTIVE_RE = regex.compile(
    r"<!--\s*copydesk\s*:\s*(disable-file|disable-next-line|ignore-next-line|disable|enable)(?![\w-])([^>]*?)\s*-->",
    regex.IGNORECASE,
)


@dataclass
class Directive:
    kind: str  # disable | enable | next-line
    selectors: tuple[str, ...]
    start: int
    end: int
    # Ranges (start, end) of text this directive covers, filled in by parse().
    ranges: list[tuple[int, int]] = field(default_factory=list)
    used: bool = False


def _selector_matches(selector: str, d: Diagnostic) -> bool:
    s = selector.strip()
    if not s or s.upper() == "ALL":
        return True
    up = s.upper()
    return (
        d.code == up
        or (up[:2].isalpha() and up.isalnum() and d.code.startswith(up))
        or d.name == s.lower()
        or str(d.category) == s.lower()
    )


def parse(text: str, line_starts: list[int]) -> list[Directive]:
    directives: list[Directive] = []
    open_blocks: list[Directive] = []
    for m in DIRECTIVE_RE.finditer(text):
        kind = m.group(1).lower()
        selectors = tuple(s for s in regex.split(r"[,\s]+", m.group(2).strip()) if s)
        if kind == "disable-file":
            # The whole file, including document-level findings reported at its start.
            d = Directive("disable-file", selectors, m.start(), m.end())
            d.ranges.append((0, len(text) + 1))
            directives.append(d)
        elif kind in ("ignore-next-line", "disable-next-line"):
            d = Directive("next-line", selectors, m.start(), m.end())
            # the next non-blank line after the directive's own line
            nl = text.find("\n", m.end())
            start = nl + 1 if nl != -1 else len(text)
            while start < len(text):
                end = text.find("\n", start)
                end = len(text) if end == -1 else end
                if text[start:end].strip():
                    break
                start = end + 1
            end = text.find("\n", start)
            d.ranges.append((start, len(text) if end == -1 else end))
            directives.append(d)
        elif kind == "disable":
            d = Directive("disable", selectors, m.start(), m.end())
            open_blocks.append(d)
            directives.append(d)
        else:  # enable: closes matching disables (all of them if no selectors)
            still_open = []
            for blk in open_blocks:
                if not selectors or set(s.upper() for s in selectors) & set(
                    s.upper() for s in blk.selectors
                ) or not blk.selectors:
                    blk.ranges.append((blk.end, m.start()))
                else:
                    still_open.append(blk)
            open_blocks = still_open
    for blk in open_blocks:
        blk.ranges.append((blk.end, len(text)))
    return directives


def apply(diagnostics: list[Diagnostic], directives: list[Directive]) -> list[Diagnostic]:
    """Drop suppressed diagnostics, marking the directives that were used."""
    if not directives:
        return diagnostics
    kept = []
    for diag in diagnostics:
        suppressed = False
        for d in directives:
            if any(s <= diag.start < e for s, e in d.ranges) and (
                not d.selectors or any(_selector_matches(s, diag) for s in d.selectors)
            ):
                d.used = True
                suppressed = True
        if not suppressed:
            kept.append(diag)
    return kept
