from __future__ import annotations

import regex

from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule

# Doublings that are grammatical in some sentences ("he had had enough",
# "I know that that is wrong", "what it is is a shame").
_LEGITIMATE = frozenset({"had", "that", "is", "do", "does", "bye", "so", "very", "no", "yes", "ha", "knock", "tut", "chop", "night", "pom", "bora", "baden", "walla", "sing", "dum", "long"})
_GAP_RE = regex.compile(r"\A[ \t]*(?:\r?\n)?[ \t]*\Z")


class DoubledWord(Rule):
    """A word repeated by accident: "the the".

    What it does:
        Flags a word immediately followed by the same word (ignoring case), also
        across a line break within a paragraph.

    Why it matters:
        A doubled word is the commonest slip an editor's eye skips over, and a
        spell-checker never sees it because both words are real.

    Example:
        The minister said the the talks would resume.

    Use instead:
        The minister said the talks would resume.

    Fix safety:
        Safe: the second occurrence and the space before it are deleted. Doublings
        that can be grammatical ("had had", "that that", "is is") are not flagged.

    Options:
        none.
    """

    code = "TP001"
    name = "doubled-word"
    category = Category.TYPO
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc):
        words = doc.words
        prose = doc.prose
        for prev, word in zip(words, words[1:]):
            if prev.text.lower() != word.text.lower():
                continue
            low = word.text.lower()
            if low in _LEGITIMATE or not word.text.isalpha():
                continue
            if not _GAP_RE.match(prose[prev.end : word.start]):
                continue
            yield self.diagnostic(
                word.start,
                word.end,
                f"'{word.text}' is repeated: '{prev.text} {word.text}'",
                self.fix_replace(prev.end, word.end, "", Applicability.SAFE, f"Remove the second '{word.text}'"),
            )
