from __future__ import annotations

from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule

_WS = frozenset(" \t\u00a0\u3000")


class TrailingWhitespace(Rule):
    """Spaces or tabs at the end of a line.

    What it does:
        Flags spaces, tabs and no-break spaces before a line end, including lines
        made only of whitespace. A CRLF line end is not trailing whitespace. In
        Markdown, two or more trailing spaces after text are a hard line break
        and are left alone.

    Why it matters:
        Invisible trailing whitespace makes diffs noisy, defeats exact-match
        deduplication and can change Markdown rendering.

    Example:
        The talks resumed on Monday.␠␠
        (each ␠ marks a trailing space)

    Use instead:
        The talks resumed on Monday.

    Fix safety:
        Safe: the trailing whitespace is removed.

    Options:
        none.
    """

    code = "TY008"
    name = "trailing-whitespace"
    category = Category.TYPOGRAPHY
    severity = Severity.INFO
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.SAFE,)

    def check(self, doc):
        text = doc.text
        markdown = doc.kind == "markdown"
        starts = doc.line_starts
        n = len(text)
        for idx, start in enumerate(starts):
            end = starts[idx + 1] - 1 if idx + 1 < len(starts) else n
            if end > start and text[end - 1] == "\r":
                end -= 1
            if end == start or text[end - 1] not in _WS:
                continue
            s = end
            while s > start and text[s - 1] in _WS:
                s -= 1
            run = text[s:end]
            at_line_start = s == start
            if markdown and not at_line_start and run.startswith("  ") and not run.strip(" "):
                continue  # Markdown hard line break
            what = "whitespace-only line" if at_line_start else "trailing whitespace"
            yield self.diagnostic(
                s, end,
                f"{what} on line {idx + 1}: {len(run)} character{'s' if len(run) > 1 else ''} "
                f"({', '.join(dict.fromkeys(repr(c) for c in run))})",
                self.fix_replace(s, end, "", Applicability.SAFE, "Remove trailing whitespace"),
            )
