"""Case folding: the two foldings rule support compares text in, side by side.

They differ on purpose, and each caller depends on its own:

* :func:`fold_for_patterns` is full Unicode case folding, so that every character a
  case-insensitive pattern matches with an ASCII letter, digit or space becomes
  exactly that character ("ſ" -> "s", the Kelvin sign -> "k", "ß" -> "ss"). The
  boilerplate patterns' literal pre-filter looks for literals in lines folded so.
* :func:`fold_for_langid` is plain lower case, as the language profiles were built
  ("ß" stays "ß"), made Turkish-aware where Turkish capitals occur: in Turkish text
  "I" is the capital of "ı", not of "i".
"""

from __future__ import annotations


def fold_for_patterns(text: str) -> str:
    """``text`` case-folded for matching case-insensitive patterns; "İ" -> "i" (plain
    casefold would add a combining dot)."""
    return text.replace("İ", "i").casefold()


def fold_for_langid(text: str) -> str:
    """Lower-case ``text`` for language detection; Turkish-aware when Turkish dotted
    or dotless i occur."""
    if "İ" in text or "ı" in text:
        text = text.replace("İ", "i").replace("I", "ı")
    return text.lower()
