"""Emoticons: ``:)``, ``;-)``, ``:-(``, ``8*)``, ``:]``, ``: )``, turned round, ``(:``,
and smiles written as a run of brackets, ``Thanks)))``.

Their brackets and colons are faces, not punctuation: the typography rules that pair
brackets or look at the space before a colon or semicolon leave them alone.
"""

from __future__ import annotations

from linter.rules.support.patterns import lazy

# Eyes (a colon, semicolon or equals sign, or 8 / x with a nose), an optional nose
# ("-", "o", "0", ".": ":-)", "=0)", ":.)", a long one ":--)"),
# then a mouth, one bracket or a run of the same one (":)]" closes an aside with a
# smile inside); or the same turned round. Not inside a word on the
# mouth's side ("(:foo" is no face). A frown's chin is no opener of what follows
# (":( (but" opens an aside).
EMOTICON_RE = lazy(
    r"(?:(?<!\d)[:;=](?:-+|[oO0^'*.])?|(?<!\w)[8xX][-^*'])"
    # the mouth, and a double chin: more of the same bracket after a space (":( ((", ";-) )")
    r"(?:\(+(?: \(+(?![\w(\[{]))?|\)+(?: \)+)?|\[+|\]+|\{+|\}+)(?!\w)"
    # the same with a space between eyes and mouth, standing apart: "found it. : )"
    r"|(?<!\w)[:;] [()]+(?![\w(\[{])"
    # turned round: "(:", "(-:"
    r"|(?<!\w)[(\[{]+[-o^']?[:;=](?![\w(\[{])"
)
# Smiles written as a run of three or more round brackets ("Thanks)))"): a bracket of
# such a run is a face only where it has no partner ("f(g(h(x)))" closes three).
BRACKET_RUN_RE = lazy(r"\){3,}|\({3,}")


def emoticon_chars(text: str, pattern=EMOTICON_RE) -> set[int]:
    """Offsets in ``text`` of every character that belongs to a match of ``pattern``
    (by default, an emoticon)."""
    out: set[int] = set()
    for m in pattern.finditer(text):
        out.update(range(m.start(), m.end()))
    return out
