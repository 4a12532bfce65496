from __future__ import annotations


from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.support.patterns import lazy

# Two lower-case letters, a sentence end (plus closing quotes or brackets), then a
# capital and a lower-case letter with no space between: said.The
_MISSING_RE = lazy(r"(?<![.!?])([.!?]++[\"”’)]*+)(?=\p{Lu}\p{Ll})")
_TOKEN_RE = lazy(r"\S+")
_URLISH_RE = lazy(r"(?i)(?:https?://|www\.|@|/|\\|\.(?:com|org|net|gov|edu|co|uk|io|html?|php|aspx?|pdf|docx?|xlsx?|jpe?g|png|gif|exe|zip|txt|csv)\b)")


class MissingSpaceAfterSentence(Rule):
    """No space after a sentence end: said.The

    What it does:
        Flags a full stop, question mark or exclamation mark (and any closing
        quote) between a lower-case word and a capitalised word with no space:
        said.The, over."The. Not flagged: numbers (3.5), abbreviations and
        initials (U.S., J.R.R.), and anything in a URL, an e-mail address, a file
        or domain name (example.com, www.bbc.co.uk/News), or a brand with a
        mark in its name written with a capital before it (Yahoo!Mail).

    Why it matters:
        The missing space usually means a line or paragraph break was lost in
        conversion; sentence splitting, search and readers all stumble on it.

    Example:
        The talks ended on Monday, the minister said.They resume in March.

    Use instead:
        The talks ended on Monday, the minister said. They resume in March.

    Fix safety:
        Unsafe: a space is inserted after the mark; a lost paragraph break or an
        unusual name may be the real story.

    Options:
        none.
    """

    code = "TY007"
    name = "missing-space-after-sentence"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.UNSAFE,)

    def check(self, doc):
        text = doc.prose
        for m in _MISSING_RE.finditer(text):
            if m.start() < 2 or not (text[m.start() - 1].islower() and text[m.start() - 2].islower()):
                continue
            s = m.start()
            while s > 0 and not text[s - 1].isspace():
                s -= 1
            e = m.end()
            n = len(text)
            while e < n and not text[e].isspace():
                e += 1
            token = text[s:e]
            if _URLISH_RE.search(token):
                continue
            at = m.end()
            before = text[s:m.start()].lstrip("\"“'‘([")
            if before[:1].isupper():
                continue  # names with a mark in them: Yahoo!Mail, One.Tel
            after = _TOKEN_RE.match(text, at).group()
            yield self.diagnostic(
                m.start(), m.end(),
                f"no space after '{m.group(1)}' between '{before}' and '{after}'",
                self.fix_replace(at, at, " ", Applicability.UNSAFE, f"Insert a space after '{m.group(1)}'"),
            )
