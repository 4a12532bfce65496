from __future__ import annotations

import re


from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.typography._emoticons import EMOTICON_RE
from linter.rules.support.patterns import lazy

# A word, then spaces, then , . ; : ! ? followed by a space, a closing mark or the end.
# Candidates: a space or tab, then the mark, then a space, a closing mark or the end
# (stdlib re: much faster than regex on this literal-led pattern).
_SPACE_BEFORE_RE = re.compile(r"[ \t]([,.;:!?])(?=[\s\"”’)\]]|\Z)")
_WORD_END_RE = lazy(r"[\p{L}\p{N}\"”’)\]]")


_MIDSENTENCE_RE = lazy(r"[ \t]+[\p{Ll}\d]")
_NEXT_WORD_RE = lazy(r"\s*(\S+)")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD_RE.match(text, pos)
    return m.group(1) if m else ""


class SpaceBeforePunctuation(Rule):
    """A space before a comma, full stop, semicolon, colon, exclamation or question mark.

    What it does:
        Flags spaces between a word and the punctuation that follows it ("said ,"
        "now ."). Not flagged: an ellipsis (" ..."), a lone mark standing for
        itself (the "?" key), leading dots (.NET, .com, .5), emoticons (";)")
        and, when French is
        among the expected languages, the French spaces before ; : ! ?.

    Why it matters:
        The stray space is a typing or conversion slip; the mark can wrap onto
        the next line on its own.

    Example:
        The minister said , after the talks , that they would resume .

    Use instead:
        The minister said, after the talks, that they would resume.

    Fix safety:
        Safe: the spaces are removed. A "?" with spaces on both sides in mid
        sentence ("the raid ? sent shares down") is reported as a character lost
        in conversion (usually a dash), without a fix.

    Options:
        none.
    """

    code = "TY006"
    name = "space-before-punctuation"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.SAFE,)

    def check(self, doc):
        text = doc.prose
        raw = doc.text
        french = "fr" in self.settings.languages
        for m in _SPACE_BEFORE_RE.finditer(text):
            s, e = m.start(), m.start() + 1
            while s > 0 and text[s - 1] in " \t":
                s -= 1
            if not s or not _WORD_END_RE.match(text, s - 1):
                continue
            if raw[s - 1] != text[s - 1] or raw[s:e].strip(" \t"):
                continue  # the "space" is masked Markdown (inline code, a link target)
            mark = m.group(1)
            if french and mark in ";:!?":
                continue
            if mark in ";:" and EMOTICON_RE.match(text, m.start(1)):
                continue  # "great time ;)": a face, not a semicolon
            after = text[m.end() : m.end() + 1]
            if mark == "." and text[m.end(): m.end() + 2] == "..":
                continue
            if mark == "." and (text[m.end() - 2 : m.end()] == ".." or after == "." or text[m.end() : m.end() + 2] == " ."):
                continue
            if mark in ".,;:" and text[m.end() : m.end() + 1].isalnum():
                continue
            before = text[max(0, s - 20) : s].split()[-1] if text[max(0, s - 20) : s].split() else ""
            if mark == "?" and _MIDSENTENCE_RE.match(text, m.end()):
                # "the raid ? sent the shares": a dash or quote turned into "?" by a
                # lossy conversion, not a question; removing the space would not help
                yield self.diagnostic(
                    s, m.end(),
                    f"'?' standing between '{before}' and '{_next_word(text, m.end())}': "
                    "probably a dash or quotation mark lost in a character conversion",
                )
                continue
            yield self.diagnostic(
                s, e,
                f"space before '{mark}' after '{before}'",
                self.fix_replace(s, e, "", Applicability.SAFE, f"Remove the space before '{mark}'"),
            )
