from __future__ import annotations


from linter.diagnostic import Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.support.patterns import lazy

_RUN_RE = lazy(r"\ufffd+")
_WORD_AROUND_RE = lazy(r"\S*\ufffd+\S*")


class ReplacementCharacter(Rule):
    """The Unicode replacement character (�), left where a decoder gave up.

    What it does:
        Flags each run of U+FFFD REPLACEMENT CHARACTER, quoting the word it sits
        in.

    Why it matters:
        A decoder writes � when bytes could not be read in the expected
        encoding: the original character is already lost, and readers see a
        black diamond in a name, a price or a quotation mark.

    Example:
        The transfer cost �600m, said Jos� Mourinho.

    Use instead:
        The transfer cost £600m, said José Mourinho.

    Fix safety:
        No fix: the lost character cannot be recovered from the text; go back to
        the source.

    Options:
        none.
    """

    code = "EN002"
    name = "replacement-character"
    category = Category.ENCODING
    severity = Severity.ERROR
    fix_availability = FixAvailability.NONE

    def check(self, doc):
        text = doc.prose
        if "\ufffd" not in text:
            return
        for m in _RUN_RE.finditer(text):
            w = _WORD_AROUND_RE.search(text, max(0, m.start() - 40), min(len(text), m.end() + 40))
            while w and w.end() < m.start():
                w = _WORD_AROUND_RE.search(text, w.end(), min(len(text), m.end() + 40))
            word = w.group() if w else m.group()
            n = len(m.group())
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"{n} replacement character{'s' if n > 1 else ''} (U+FFFD) in '{word}': "
                "the original character was lost in decoding",
                evidence={"word": word},
            )
