from __future__ import annotations

from linter.diagnostic import Applicability, Category, Fix, FixAvailability, Severity, Edit
from linter.rule import Rule

from linter.rules.typography._quotes import CURLY_DOUBLE, analyse, mismatched_marks


class MixedQuoteStyle(Rule):
    """An article that mixes straight and curly double quotation marks.

    What it does:
        Counts the double quotation marks of the article, straight (") against
        curly (“ ” „), and when both styles occur, reports once, at the first mark
        of the minority style, naming the dominant style and the counts. Marks of
        pairs already reported as mismatched (TY001) are left out of the count,
        so a single crooked quotation does not also raise this finding.
        Apostrophes and single quotes are not counted.

    Why it matters:
        Mixed styles show text assembled from several sources or edited in tools
        with different settings; house style wants one, and the mix breaks
        searches and quote-pairing tools.

    Example:
        "We will win," he said. Her reply: “Not this year.”

    Use instead:
        "We will win," he said. Her reply: "Not this year."

    Fix safety:
        Unsafe: every double quote of the minority style is converted to the
        dominant style (straight marks become “ or ” according to their position).
        A straight mark whose position gives no direction is left alone. The house
        style may be the minority one, so this is a judgement.

    Options:
        none.
    """

    code = "TY003"
    name = "mixed-quote-style"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = (Applicability.UNSAFE,)

    def check(self, doc):
        qa = analyse(doc)
        excluded = mismatched_marks(doc)
        marks = [m for p in qa.pairs for m in (p.open, p.close)]
        marks += [m for m, _p, _s in qa.unclosed] + [m for m, _p in qa.stray_closes]
        marks.sort(key=lambda m: m.offset)
        straight = [m for m in marks if m.char == '"' and m.offset not in excluded]
        curly = [m for m in marks if m.char in CURLY_DOUBLE and m.offset not in excluded]
        if not straight or not curly:
            return
        if len(straight) > len(curly) or (
            len(straight) == len(curly) and straight[0].offset < curly[0].offset
        ):
            dominant, minority, target = "straight", curly, "straight"
        else:
            dominant, minority, target = "curly", straight, "curly"
        opens = {p.open.offset for p in qa.pairs} | {m.offset for m, _p, _s in qa.unclosed}
        edits = []
        for m in marks:
            if target == "straight" and m.char in CURLY_DOUBLE:
                edits.append(Edit(m.offset, m.offset + 1, '"'))
            elif target == "curly" and m.char == '"':
                if m.role == "ambiguous":
                    continue
                edits.append(Edit(m.offset, m.offset + 1, "“" if m.offset in opens else "”"))
        first = minority[0]
        line, _col = doc.line_col(first.offset)
        n_dom = len(straight) if dominant == "straight" else len(curly)
        kinds = "".join(sorted({m.char for m in minority}))
        fix = Fix(tuple(edits), Applicability.UNSAFE, f"Use {dominant} double quotes throughout") if edits else None
        yield self.diagnostic(
            first.offset,
            first.offset + 1,
            f"double quotes are mostly {dominant} ({n_dom}) but {len(minority)} "
            f"{'is' if len(minority) == 1 else 'are'} {'curly' if dominant == 'straight' else 'straight'} "
            f"({kinds}), first on line {line}; use {dominant} quotes throughout",
            fix,
            evidence={"dominant": dominant, "dominant_count": n_dom, "minority_count": len(minority)},
        )
