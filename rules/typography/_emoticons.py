"""Emoticons: ``:)``, ``;-)``, ``:-(``, ``8*)``, ``:]``, and turned round, ``(:``.

Their brackets and colons are faces, not punctuation: the typography rules that pair
brackets or look at the space before a colon or semicolon leave them alone.
"""

from __future__ import annotations

import regex

# Eyes (a colon, semicolon or equals sign, or 8 / x with a nose), an optional nose,
# then one or more mouths; or the same turned round. Not inside a word on the
# mouth's side ("(:foo" is no face).
EMOTICON_RE = regex.compile(
    r"(?:[:;=][-o^'*]?|(?<!\w)[8xX][-^*'])[()\[\]{}]+(?!\w)"
    r"|(?<!\w)[()\[\]{}]+[-o^']?[:;=](?![\w(\[{])"
)


def emoticon_chars(text: str) -> set[int]:
    """Offsets in ``text`` of every character that belongs to an emoticon."""
    out: set[int] = set()
    for m in EMOTICON_RE.finditer(text):
        out.update(range(m.start(), m.end()))
    return out
