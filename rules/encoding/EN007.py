from __future__ import annotations

import unicodedata


from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.support.patterns import lazy

_CLUSTER_RE = lazy(r"\X")
_WORD_RE = lazy(r"\S+")


class NotNfc(Rule):
    """Text not in Unicode normal form C: decomposed accents and compatibility singletons.

    What it does:
        Checks that the text is in NFC, the composed form nearly all software
        expects, and flags each word that NFC would change: an accented letter
        written as a base letter plus a combining accent (e + U+0301 for é), or a
        character NFC replaces (U+212B ANGSTROM SIGN for Å).

    Why it matters:
        "José" written decomposed looks identical but does not match "José" in
        search, deduplication, spell-checking or name checks; macOS file names
        and some PDF extractions produce it.

    Example:
        Jose<U+0301>   (e followed by U+0301 COMBINING ACUTE ACCENT)

    Use instead:
        José (U+00E9)

    Fix safety:
        Unsafe: the word is normalised to NFC, which is what the author meant in
        almost every case but may differ on purpose in linguistic or technical
        text.

    Options:
        none.
    """

    code = "EN007"
    name = "not-nfc"
    category = Category.ENCODING
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.UNSAFE,)

    def check(self, doc):
        text = doc.prose
        if text.isascii() or unicodedata.is_normalized("NFC", text):
            return
        for w in _WORD_RE.finditer(text):
            word = w.group()
            if word.isascii() or unicodedata.is_normalized("NFC", word):
                continue
            fixed = unicodedata.normalize("NFC", word)
            changed = [c for c in _CLUSTER_RE.findall(word) if unicodedata.normalize("NFC", c) != c]
            shown = ", ".join(
                dict.fromkeys(" + ".join(f"U+{ord(ch):04X}" for ch in c) for c in changed)
            )
            yield self.diagnostic(
                w.start(), w.end(),
                f"'{fixed}' is not in NFC ({shown}); normalise to '{fixed}'",
                self.fix_replace(w.start(), w.end(), fixed, Applicability.UNSAFE, f"Normalise '{fixed}' to NFC"),
            )
