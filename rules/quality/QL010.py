from __future__ import annotations

from functools import lru_cache

import regex

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rules.support.quality import Thresholds
from linter.rule import Option, Rule

_T = Thresholds()


@lru_cache(maxsize=8)
def _long_word_re(limit: int):
    return regex.compile(r"\S{%d,}" % (limit + 1))


class VeryLongWord(Rule):
    """A "word" thousands of characters long.

    What it does:
        Flags each whitespace-free run longer than ``max-word-length`` characters.
        Source: C4 (Raffel et al. 2020: lines with a word over 1000 characters).

    Why it matters:
        No language has such words: these are base64 images, minified script,
        tracking URLs or text whose spaces were lost in extraction.

    Example:
        Example options: {max-word-length = 40}
        data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==
        (a real blob runs to thousands of characters, past the default limit of 1000)

    Use instead:
        Remove the blob, or re-extract the text with its spaces.

    Fix safety:
        No fix: ``copydesk clean`` drops the document when the quality gate fails.

    Options:
        max-word-length: longest run of non-space characters allowed (default 1000).
    """

    code = "QL010"
    name = "very-long-word"
    category = Category.QUALITY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE
    default_on_files = False  # a corpus gate: opt-in for check on .txt/.md
    options = {
        "max_word_length": Option(_T.max_word_length, "longest run of non-space characters allowed"),
    }

    def check(self, doc):
        limit = self.opts["max_word_length"]
        for m in _long_word_re(limit).finditer(doc.prose):
            token = m.group()
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"a {len(token):,}-character word '{token[:30]}…' on line "
                f"{doc.line_col(m.start())[0]}, longer than max-word-length = {limit}",
                evidence={"length": len(token)},
            )
