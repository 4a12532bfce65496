from __future__ import annotations

from linter.diagnostic import Applicability, Category, Fix, FixAvailability, Severity
from linter.rule import Option, Rule
from linter.rules.boilerplate._patterns import wire_kinds
from linter.rules.support.lines import delete_line_fix, snippet


class WireSlug(Rule):
    """A wire-service slug, editor's note or reporting credit left in the text.

    What it does:
        Flags the production marks news agencies put around a story: slugs at the
        start of a headline (`UPDATE 2 –`, `REFILE-`, `CORRECTED-`, `EXCLUSIVE-`),
        editor's notes in capitals near the top (`ADDS DETAILS; REMARKS BY GREEK
        FOREIGN MINISTER`, `CORRECTS SPELLING OF NAME IN PARAGRAPH 3`) and credit
        lines (`(Reporting by ...; Editing by ...)`, `Additional reporting by ...`).
        Slugs and notes are searched in the first `head-lines` non-blank lines only;
        credit lines must fill a whole line. Patterns are data
        (`rules/data/boilerplate_wire.toml`).

    Why it matters:
        These marks tell editors what changed between versions of a wire story; they
        are not part of the story and should not reach readers or a corpus. Credit
        lines are part of the agency's published copy, which is why every finding is
        information only: whether to keep them is a house decision.

    Example:
        UPDATE 2 – Delegation due in Moscow for talks

        ADDS DETAILS; REMARKS BY FOREIGN MINISTER

    Use instead:
        Delegation due in Moscow for talks

    Fix safety:
        Unsafe: a slug is cut from its headline; a note or credit line is deleted
        with the line breaks that join it to the text.

    Options:
        head-lines: non-blank lines at the start searched for slugs and editor's
        notes (default 4).
    """

    code = "BP002"
    name = "wire-slug"
    category = Category.BOILERPLATE
    severity = Severity.INFO
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.UNSAFE,)
    options = {
        "head-lines": Option(4, "non-blank lines at the start searched for slugs and notes"),
    }

    def check(self, doc):
        lines = [ln for ln in doc.lines if ln.text.strip()]
        head = self.opts["head-lines"]
        kinds = wire_kinds()
        for i, line in enumerate(lines):
            stripped = line.text.strip()
            offset = line.start + (len(line.text) - len(line.text.lstrip()))
            for kind in kinds:
                if kind.prefix is not None and i < head:
                    m = kind.prefix.match(stripped)
                    if m and m.end() < len(stripped):
                        slug = m.group().strip()
                        yield self.diagnostic(
                            offset,
                            offset + m.end(),
                            f"wire {kind.name} '{slug}' at the start of '{snippet(stripped, 50)}'",
                            Fix.delete(offset, offset + m.end(), Applicability.UNSAFE, f"Remove '{slug}'"),
                            evidence={"kind": kind.name},
                        )
                        break
                if kind.line is not None and kind.line.fullmatch(stripped):
                    if kind.name != "credit line" and i >= head:
                        continue
                    yield self.diagnostic(
                        line.start,
                        line.end,
                        f"wire {kind.name}: '{snippet(stripped)}'",
                        delete_line_fix(lines, i, f"Delete the {kind.name}"),
                        evidence={"kind": kind.name},
                    )
                    break
