from __future__ import annotations

from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule
from linter.rules.typos._context import starts_sentence
from linter.rules.support.lexicon import MISSPELLINGS

class CommonMisspelling(Rule):
    """A known misspelling of a common word: "goverment", "recieve", "occured".

    What it does:
        Looks each lower-case word (and each part of a hyphenated word) up in a list
        of about 70,000 known misspellings and their corrections, built from the
        typos project's dictionary and kept only where the misspelling is no English
        word, no British spelling and no common word of another West European
        language (see the header of ``rules/data/typos_misspellings.txt``). A word
        with a capital letter is never flagged mid-sentence (it is likely a name),
        nor are words in all capitals, inside web or e-mail addresses, or in the
        configured vocabulary.

    Why it matters:
        A misspelt common word is the error readers notice first; a list of known
        slips finds them without the false alarms a dictionary raises on names.

    Example:
        The goverment said it had recieved the report.

    Use instead:
        The government said it had received the report.

    Fix safety:
        Safe where the list gives one correction (the case of the first letter is
        kept); where it gives several ("wich": "which" or "witch"), they are named in
        the message and nothing is changed.

    Options:
        none.
    """

    code = "TP005"
    name = "common-misspelling"
    category = Category.TYPO
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = (Applicability.SAFE,)

    def check(self, doc):
        table = MISSPELLINGS
        prose = doc.prose
        vocabulary = self.settings.vocabulary
        lower_seen: set[str] | None = None
        for word in doc.words:
            text = word.text
            if not text.isascii():
                continue
            # Only the first part of a hyphenated word: "goverment-backed", but not
            # "right-hander" or "pre-empted", whose later parts are real words.
            base = text.replace("’", "'").split("-")[0]
            start = word.start
            if base.endswith("'s"):
                base = base[:-2]
            if len(base) < 4 or not base.isalpha():
                continue
            low = base.lower()
            joined = table.get(low)
            if joined is None:
                continue
            corrections = joined.split(",")
            if base != low:
                # A capital: a name ("Dementieva", "Energis", "Winn-Dixie"), unless it
                # starts a sentence and the document also has the word in lower case.
                if base[1:] != low[1:] or not starts_sentence(prose, start):
                    continue
                if lower_seen is None:
                    lower_seen = {w.text for w in doc.words if w.text.islower()}
                if low not in lower_seen:
                    continue
            if base in vocabulary or low in vocabulary:
                continue
            if _in_address(prose, word.start, word.end):
                continue
            end = start + len(base)
            if len(corrections) == 1:
                fixed = corrections[0]
                if base[0].isupper():
                    fixed = fixed[0].upper() + fixed[1:]
                fix = self.fix_replace(
                    start, end, fixed, Applicability.SAFE, f"Replace '{base}' with '{fixed}'"
                )
                message = f"'{base}' is a misspelling of '{fixed}'"
            else:
                fix = None
                message = f"'{base}' is a misspelling of " + " or ".join(
                    f"'{c}'" for c in corrections
                )
            yield self.diagnostic(
                start, end, message, fix, evidence={"corrections": list(corrections)}
            )



def _in_address(prose: str, start: int, end: int) -> bool:
    before = prose[start - 1 : start]
    after = prose[end : end + 2]
    return before in ("@", "/", ".") or after[:1] in ("@", "/") or (
        after[:1] == "." and after[1:2].isalnum()
    )
