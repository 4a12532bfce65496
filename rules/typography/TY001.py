from __future__ import annotations

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rule import Rule

from linter.rules.typography._quotes import analyse, is_style_mismatch

_STYLE = {'"': "straight", "“": "curly", "”": "curly", "„": "low curly", "‟": "curly"}


class QuotePairMismatch(Rule):
    """A quotation opened with one kind of mark and closed with another.

    What it does:
        Pairs the double quotation marks of each paragraph and flags a pair whose
        marks do not match: a curly opening quote closed by a straight one (“...")
        or the reverse ("...”), and an opening “ closed by another “. German „...“,
        guillemets «...» and »...« are matching pairs. Apostrophes are not quotes.

    Why it matters:
        Mismatched marks show that a quotation was pasted together from two
        sources or edited by hand in a tool with different quote settings; a
        reader sees a crooked quotation, and a search for the quoted words or a
        converter that pairs quotes can trip over it.

    Example:
        The delegation “will visit Moscow next week" on Idlib, he said.

    Use instead:
        The delegation “will visit Moscow next week” on Idlib, he said.

    Fix safety:
        No automatic fix: which of the two marks is the intended style is for the
        article's mixed-quote-style check (TY003) or an editor to decide.

    Options:
        none.
    """

    code = "TY001"
    name = "quote-pair-mismatch"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE

    def check(self, doc):
        text = doc.text
        for pair in analyse(doc).pairs:
            o, c = pair.open.char, pair.close.char
            if not is_style_mismatch(o, c):
                continue
            start, end = pair.open.offset, pair.close.offset + 1
            inner = text[start + 1 : end - 1]
            if len(inner) > 60:
                shown = f"{o}{inner[:25].rstrip()} … {inner[-25:].lstrip()}{c}"
            else:
                shown = f"{o}{inner}{c}"
            shown = " ".join(shown.split())
            if o == c:
                what = f"an opening {o} is closed by another {c}"
            else:
                what = f"a {_STYLE.get(o, o)} opening {o} is closed by a {_STYLE.get(c, c)} {c}"
            yield self.diagnostic(
                start,
                end,
                f"quotation {shown}: {what}",
                evidence={"open": o, "close": c, "open_offset": start, "close_offset": end - 1},
            )
