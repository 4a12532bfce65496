from __future__ import annotations

import regex

from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.support.lines import TIMESTAMP_RE
from linter.rules.support.patterns import lazy

_DOUBLE_RE = lazy(r"(?<=\S) {2,}(?=\S)")
# Two spaces after a sentence end are an old typewriter convention, not a slip.
_AFTER_SENTENCE_RE = lazy(r"[.!?:…][\"'”’)\]]*\Z")

# A list bullet opening its line, after any indent: the spaces after it align the item.
# Word's Symbol and Wingdings bullets come through a paste as "Ø", "§" or "¨".
# A list number closed by a bracket ("1)", "(iv)", "b)") aligns its item the same way.
_BULLET_RE = lazy(r"[ \t]*(?:[•·▪◦‣∙●○■□➢►*+\-Ø§¨]|\(?[\p{L}\d]{1,3}\))")

# The rest of a line that is only a date, with or without a time: the field after a
# name in a comment header ("Ashley  November 13, 2012 at 12:21 PM", "nabeel  09/22/2012").
_DATE_FIELD_RE = lazy(f"(?:{TIMESTAMP_RE.pattern})[ \\t]*", regex.IGNORECASE)

# A date right before the spaces: on a short line that does not end like a sentence,
# the field before them is a header's date ("Posted by Kim on April 6, 2007  Permalink").
_DATE_BEFORE_RE = lazy(f"(?:{TIMESTAMP_RE.pattern})\\Z", regex.IGNORECASE)
_SENTENCE_END_RE = lazy(r"[.!?…][\"'”’)\]]*\s*\Z")

# A short line stamped with a date and a time is a comment header: its spaces part fields.
_HEADER_MAX = 100

class DoubleSpace(Rule):
    """Two or more spaces between words inside a sentence.

    What it does:
        Flags a run of two or more spaces between two words of a line. Spaces after a
        sentence-ending mark (the typewriter convention), indentation, the spaces that
        align an item after a list bullet or a bracketed list number ("•   Item",
        "1)  Item", and "Ø   Item": a Symbol-font bullet pasted from a word
        processor), the spaces that set apart a run of
        symbols ("!@#$%^&*()  COMMENTS"), a label's colon ending its line ("Kim  :")
        or a date closing a header line or one of its fields ("Ashley  November 13,
        2012 at 12:21 PM", "October 11, 2012  Karen", "Posted by Kim on April 6, 2007
        Permalink"),
        short lines stamped with a date and time (comment headers: "by Kim on Aug 9,
        2012 11:52 AM  3 recs"), and lines that look like a table (three or more such
        runs, or cells between | bars) are not flagged. In Markdown, only the prose is
        checked.

    Why it matters:
        A doubled space is usually left behind by a deletion; it shows as a gap
        in justified text and splits phrase searches.

    Example:
        The minister  said the talks would resume.

    Use instead:
        The minister said the talks would resume.

    Fix safety:
        Safe: the run becomes one space.

    Options:
        none.
    """

    code = "TY005"
    name = "double-space"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.SAFE,)

    def check(self, doc):
        text, prose = doc.text, doc.prose
        if "  " not in prose:
            return
        for line in doc.lines:
            if "  " not in line.text.strip():
                continue
            runs = list(_DOUBLE_RE.finditer(line.text))
            if len(runs) >= 3 or line.text.lstrip().startswith("|") or line.text.count("|") >= 2:
                continue  # columns of a table or aligned text
            stamp = TIMESTAMP_RE.search(line.text) if len(line.text) <= _HEADER_MAX else None
            if stamp is not None and ":" in stamp.group():
                continue  # "by Kim on Aug 9, 2012 11:52 AM EDT up   3 recs": fields of a comment header
            for m in runs:
                s, e = line.start + m.start(), line.start + m.end()
                # neighbours masked in Markdown (code, URLs) do not count as words
                if prose[s - 1] != text[s - 1] or prose[e] != text[e] or text[s:e].strip(" "):
                    continue
                if _AFTER_SENTENCE_RE.search(line.text, 0, m.start()):
                    continue
                if _BULLET_RE.fullmatch(line.text, 0, m.start()):
                    continue  # "•    People need time": text aligned after a list bullet
                before = line.text[: m.start()].split()[-1]
                after = line.text[m.end() :].split()[0]
                if not any(c.isalnum() for c in before):
                    continue  # "!@#$%^&*()  COMMENTS": a run of symbols set apart, not a word
                if line.text[m.end() :].strip() == ":":
                    continue  # "Kim  :": a label's colon set apart at the end of its line
                if _DATE_FIELD_RE.fullmatch(line.text, m.end()):
                    continue  # "Ashley  November 13, 2012 at 12:21 PM": fields of a header line
                if TIMESTAMP_RE.fullmatch(line.text.strip(), 0, len(line.text[: m.start()].strip())):
                    continue  # "October 11, 2012  Karen": a date opening a header line, then the name
                if (
                    len(line.text) <= _HEADER_MAX
                    and _DATE_BEFORE_RE.search(line.text, 0, m.start())
                    and not _SENTENCE_END_RE.search(line.text)
                ):
                    continue  # "Posted by Kim on April 6, 2007  Permalink": a date closing a header's field
                yield self.diagnostic(
                    s, e,
                    f"{e - s} spaces between '{before}' and '{after}'",
                    self.fix_replace(s, e, " ", Applicability.SAFE, "Use one space"),
                )
