from __future__ import annotations


from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.support.patterns import lazy

_BIDI_RE = lazy(r"[\u202a-\u202e\u2066-\u2069]+")
_NAMES = {
    0x202A: "LEFT-TO-RIGHT EMBEDDING",
    0x202B: "RIGHT-TO-LEFT EMBEDDING",
    0x202C: "POP DIRECTIONAL FORMATTING",
    0x202D: "LEFT-TO-RIGHT OVERRIDE",
    0x202E: "RIGHT-TO-LEFT OVERRIDE",
    0x2066: "LEFT-TO-RIGHT ISOLATE",
    0x2067: "RIGHT-TO-LEFT ISOLATE",
    0x2068: "FIRST STRONG ISOLATE",
    0x2069: "POP DIRECTIONAL ISOLATE",
}


class BidiControl(Rule):
    """Bidirectional control characters that reorder how text is displayed.

    What it does:
        Flags the embedding, override and isolate controls U+202A-U+202E and
        U+2066-U+2069, naming each and quoting the text around it.

    Why it matters:
        These invisible characters make text display in a different order from
        the order it is stored in (the "Trojan Source" class of attack): what an
        editor approves can differ from what a search index, a quote extractor or
        another reader's software sees. Right-to-left text (Arabic, Hebrew) does
        not need them; the left-to-right and right-to-left marks (U+200E, U+200F)
        are not flagged.

    Example:
        The account number is 12\u202e3456.

    Use instead:
        The account number is 123456.

    Fix safety:
        Unsafe: the controls are removed, which changes how the line displays;
        check the result where right-to-left text is mixed in.

    Options:
        none.
    """

    code = "EN004"
    name = "bidi-control"
    category = Category.ENCODING
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.UNSAFE,)

    def check(self, doc):
        text = doc.prose
        if text.isascii():
            return
        for m in _BIDI_RE.finditer(text):
            names = ", ".join(dict.fromkeys(f"U+{ord(c):04X} {_NAMES[ord(c)]}" for c in m.group()))
            before = text[max(0, m.start() - 20) : m.start()].split("\n")[-1]
            after = text[m.end() : m.end() + 20].split("\n")[0]
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"bidirectional control {names} between '{before}' and '{after}'",
                self.fix_replace(m.start(), m.end(), "", Applicability.UNSAFE, "Remove the bidirectional control"),
            )
