from __future__ import annotations

import regex

from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule

_TRAILING_RE = regex.compile(r"[ \t\u00a0\u3000]+(?=\r?\n|\r?\Z)")


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
        The talks resumed on Monday.␠␠ (with trailing spaces)

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

    def check(self, doc):
        text = doc.text
        markdown = doc.kind == "markdown"
        for m in _TRAILING_RE.finditer(text):
            s, e = m.start(), m.end()
            at_line_start = s == 0 or text[s - 1] == "\n"
            if markdown and not at_line_start and m.group().startswith("  ") and not m.group().strip(" "):
                continue  # Markdown hard line break
            line, _col = doc.line_col(s)
            what = "whitespace-only line" if at_line_start else "trailing whitespace"
            yield self.diagnostic(
                s, e,
                f"{what} on line {line}: {len(m.group())} character{'s' if e - s > 1 else ''} "
                f"({', '.join(dict.fromkeys(repr(c) for c in m.group()))})",
                self.fix_replace(s, e, "", Applicability.SAFE, "Remove trailing whitespace"),
            )
