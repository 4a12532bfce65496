from __future__ import annotations


from linter.diagnostic import Category, FixAvailability, Severity
from linter.rule import Rule
from bisect import bisect_right

from linter.rules.typography._emoticons import BRACKET_RUN_RE, EMOTICON_RE, emoticon_chars
from linter.rules.support.patterns import lazy

_BRACKET_RE = lazy(r"[()\[\]{}]")
_PAIRS = {")": "(", "]": "[", "}": "{"}
_OPENERS = "([{"
# List markers and enumerations: "1)", "2.)", "a)", "A]", "(i)" at the start of a line or item.
_ENUM_RE = lazy(r"(?:^|(?<=\s))(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})\.?[)\]]")


class UnbalancedBrackets(Rule):
    """A bracket with no partner in its paragraph: "(as he said".

    What it does:
        Matches round, square and curly brackets within each paragraph and flags
        an opening bracket never closed, a closing one never opened, and a
        closing bracket of the wrong kind. Enumerations ("1)", "2.)", "a)", "A]"),
        emoticons (":-)", "slowly:)", ": )", "=0)", "(:", "Thanks)))") and brackets
        inside quotations that run over paragraphs are not counted as unbalanced,
        a smile that ends an aside closes it ("(his assistant? :)"), a face's double
        chin (":( ((", ";-) )") is part of the face, and a paragraph drawn in
        characters (ASCII art: more marks than letters and digits, no three letters
        in a row) is not read.

    Why it matters:
        A lost bracket leaves the reader unsure where an aside ends, and often
        shows that text was cut during editing or scraping.

    Example:
        The bakery (which opened its third shop in the spring said trade was brisk.

    Use instead:
        The bakery (which opened its third shop in the spring) said trade was brisk.

    Fix safety:
        No fix: where the missing bracket belongs is a judgement.

    Options:
        none.
    """

    code = "TY004"
    name = "unbalanced-brackets"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE

    def check(self, doc):
        text = doc.prose
        if not any(c in text for c in "()[]{}"):
            return
        for para in doc.paragraphs:
            p = para.text
            if not any(c in p for c in "()[]{}"):
                continue
            if _is_drawing(p):
                continue  # "-__/ | ♥)___": a picture drawn in characters, not prose
            skip = emoticon_chars(p)
            runs = emoticon_chars(p, BRACKET_RUN_RE)
            enum = {m.end() - 1 for m in _ENUM_RE.finditer(p)}
            stack: list[int] = []
            for bm in _BRACKET_RE.finditer(p):
                i, ch = bm.start(), bm.group()
                if i in skip:
                    continue
                if i in enum and not (stack and p[stack[-1]] == _PAIRS.get(ch)):
                    continue  # "1)", "a)" or "A]" marking an item
                if ch in _OPENERS:
                    stack.append(i)
                    continue
                if stack and p[stack[-1]] == _PAIRS[ch]:
                    stack.pop()
                    continue
                if stack and any(p[j] == _PAIRS[ch] for j in stack):
                    # an inner bracket was left open: report it, close the match
                    while p[stack[-1]] != _PAIRS[ch]:
                        j = stack.pop()
                        yield self._unclosed(para.start + j, p, j)
                    stack.pop()
                    continue
                if i in runs:
                    continue  # "Thanks)))": a smile, once the real partners are used up
                ctx = " ".join(p[max(0, i - 40) : i + 1].split())
                yield self.diagnostic(
                    para.start + i, para.start + i + 1,
                    f"closing '{ch}' in '{ctx}' has no opening '{_PAIRS[ch]}' in its paragraph",
                    evidence={"bracket": ch, "kind": "unopened"},
                )
            closed_by_face = _closed_by_emoticon(p, stack) if stack else set()
            for j in stack:
                if j not in runs and j not in closed_by_face:  # "Sorry(((": a frown
                    yield self._unclosed(para.start + j, p, j)

    def _unclosed(self, offset: int, p: str, j: int):
        ctx = " ".join(p[j : j + 40].split())
        close = {"(": ")", "[": "]", "{": "}"}[p[j]]
        return self.diagnostic(
            offset, offset + 1,
            f"'{p[j]}' in '{ctx}' is never closed with '{close}' in its paragraph",
            evidence={"bracket": p[j], "kind": "unclosed"},
        )


def _is_drawing(p: str) -> bool:
    """A paragraph drawn in characters (ASCII art): fewer letters and digits than
    other marks, and no run of three letters."""
    marks = sum(1 for c in p if not c.isspace() and not c.isalnum())
    return 2 * sum(1 for c in p if c.isalnum()) < marks and _WORDLIKE_RE.search(p) is None


_WORDLIKE_RE = lazy(r"\p{L}{3}")


def _closed_by_emoticon(p: str, openers: list[int]) -> set[int]:
    """Offsets of the round brackets left open that a later smile ending in ")"
    closes: "(Tim's assistant? :)", "(think of Swordfish ;-).", "(don't get excited
    ;-)) at": the face doubles as the closing bracket. Each smile closes the
    nearest bracket still open before it (one pass, like a stack)."""
    faces = [m.end() - 1 for m in EMOTICON_RE.finditer(p) if m.group()[-1] == ")"]
    events = sorted([(j, 0) for j in openers if p[j] == "("] + [(f, 1) for f in faces])
    out: set[int] = set()
    open_now: list[int] = []
    for pos, is_face in events:
        if not is_face:
            open_now.append(pos)
        elif open_now:
            out.add(open_now.pop())
    return out
