"""Which indefinite article a word takes, decided by its sound, not its first letter.

``article_for(token)`` returns ``(article, certain)``: ``article`` is ``"a"``, ``"an"``
or ``None`` (cannot tell), and ``certain`` says whether the answer holds without
judgement (a safe fix) or is only likely (an unsafe one). Shared by the typo rules.
"""

from __future__ import annotations

from linter.rules.support.patterns import lazy

# Letters whose spoken names start with a vowel sound: "an F", "an MP", "an SNP".
_VOWEL_NAMED_LETTERS = frozenset("AEFHILMNORSX")

# Initialisms and acronyms spoken as words (their first sound decides).
_SPOKEN_ACRONYMS = {
    "nato": "a", "nasa": "a", "fifa": "a", "uefa": "a", "unesco": "a", "unicef": "a",
    "unaids": "a", "ukip": "a", "ucas": "a", "unison": "a", "opec": "an", "efta": "an",
    "nafta": "a", "sars": "a", "aids": "an", "isis": "an", "asean": "an", "bafta": "a",
    "pin": "a", "swat": "a", "ofsted": "an", "ofcom": "an", "ofwat": "an", "ofgem": "an",
    "oftel": "an", "acas": "an", "eta": "an", "ira": "an", "inla": "an", "mori": "a",
    "nice": "a", "gatt": "a", "laser": "a", "radar": "a", "scuba": "a", "unctad": "an",
    "fatah": "a", "hamas": "a", "mercosur": "a", "ecowas": "an", "icann": "an",
    "unhcr": "a", "unep": "a", "undp": "a", "unifil": "a", "unmik": "a", "ussr": "a",
}

# Vowel-letter words that start with a consonant sound ("a university", "a one-off").
_YOU_PREFIXES = (
    "uni", "unanim", "usu", "use", "usa", "usi", "uti", "ute", "uto", "ura", "ure", "uri",
    "uro", "ubiq", "ukr", "ukul", "ugan", "urug", "utah", "uvul", "ufo", "ulul", "uk",
    "eu", "ewe", "ouija",
)
# ... except these ("an unidentified", "an unimportant", "an uninhabited island").
_UN_PREFIXES = ("unim", "unin", "unidentif", "unill")
_UN_BUT_YOU = ("unary",)
# "a one-off", "a oneness", "a once-great club"; but "an onerous task".
_ONE_RE = lazy(r"^(?:one(?!r)|once)")
# Abbreviated titles are read as the full word: "a Mrs Reed", "a Dr", "a St Louis firm".
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "st", "mt", "ft", "sgt", "jr", "sr", "gen", "col", "rs"})

# Consonant-letter words that start with a vowel sound ("an hour", "an honest man").
_SILENT_H = ("hour", "honest", "honour", "honor", "heir", "hors ")
# "an historic", "an hotel": old-fashioned but accepted in British English; never flag.
_EITHER_H = (
    "haut", "histor", "hotel", "hero", "herb", "hypo", "hyste", "habit", "homage", "humbl",
    "horrend", "horrif", "hilar", "hered", "hallu", "hyperb",
)

_NUMBER_RE = lazy(r"^(\d+)((?:,\d{3})*)(?:\.\d+)?")


def _for_number(token: str) -> tuple[str, bool]:
    m = _NUMBER_RE.match(token)
    lead, groups = m.group(1), m.group(2)
    if groups:  # 11,000 -> "eleven thousand"
        head = lead
    else:
        n = len(lead)
        if n == 4 and lead[:2] in ("11", "18"):
            # 1800 reads "eighteen hundred" (a year, a time); 1100 may be "one thousand
            # one hundred": likely, not certain.
            return "an", False
        head = lead[: (n % 3) or 3]
    if head.startswith("8"):
        return "an", True
    if head in ("11", "18"):
        return "an", True
    return "a", True


def _for_letters(first: str) -> tuple[str | None, bool]:
    if first.upper() == "H":
        return None, False  # "aitch" or "haitch": "an HD set" and "a HD set" both occur
    return ("an" if first.upper() in _VOWEL_NAMED_LETTERS else "a"), True


# Three capitals that can be said as a word: consonant-vowel-consonant, vowel-consonant-vowel.
# Compiled once: article_for runs for every "a"/"an" in a document.
_LEAD_WORD_RE = lazy(r"[\p{L}\p{M}\p{N}]+")
_UPPER_VOWEL_RE = lazy(r"[AEIOU]")
_LOWER_VOWEL_RE = lazy(r"[aeiouy]")
_DOMAIN_RE = lazy(r"\.(?:gov|com|org|net|co|ac)\b")
_SAYABLE_RE = lazy(r"\A(?:[B-DF-HJ-NP-TV-Z][AEIOU][B-DF-HJ-NP-TV-Z]|[AEIOU][B-DF-HJ-NP-TV-Z][AEIOU])\Z")


def article_for(token: str) -> tuple[str | None, bool]:
    """The article ``token`` (the word after the article, as written) takes."""
    token = token.lstrip("\"'“‘«")
    if not token:
        return None, False
    first = token[0]
    if first.isdigit():
        return _for_number(token)
    if first in "£$€¥":
        return "a", True  # "a pound", "a dollar", "a euro", "a yen"
    if not first.isalpha():
        return None, False
    word = _LEAD_WORD_RE.match(token).group()
    low = word.lower()
    rest = token[len(word) :]
    # A lone letter: "an F", "an X-ray", "a U-turn", "an e-mail", "an A-level".
    if len(word) == 1:
        if rest[:1] in ("-", "‐") or word.isupper() or rest[:1] == ".":
            return _for_letters(word)
        return None, False
    if low in _TITLES and word[0].isupper() and word[1:].islower():
        return "a", True
    if low in _SPOKEN_ACRONYMS and (word.isupper() or word[0].isupper()):
        return _SPOKEN_ACRONYMS[low], word.isupper()
    caps = sum(1 for c in word if c.isupper())
    if word.isupper() or (caps >= 2 and word[:2].isupper()):
        # An initialism, spoken letter by letter: "an MP", "a BBC report", "an MPs'".
        letters = "".join(c for c in word if c.isalpha())
        if word.isupper() and _SAYABLE_RE.match(letters):
            # "SIM", "MOT": may be said as a word ("a SIM card") or letter by letter.
            if _for_letters(word[0])[0] != ("an" if word[0] in "AEIO" else "a"):
                return None, False
        if len(letters) <= 3 or not _UPPER_VOWEL_RE.search(letters[:3]):
            return _for_letters(word[0])
        if word.isupper() and len(letters) >= 4:
            return None, False  # maybe spoken as a word (an unknown acronym)
        return _for_letters(word[0])
    if rest[:1] == "." and len(word) <= 3 and word.isupper():
        return _for_letters(word[0])
    if not _LOWER_VOWEL_RE.search(low) and len(low) <= 5:
        # No vowel: spoken letter by letter ("an ntl spokesman", "an mp3").
        return _for_letters(word[0])
    if rest[:1] == "." and _DOMAIN_RE.match(rest) and len(low) <= 4:
        return None, False  # "an fbi.gov address": letters or a word, cannot tell
    proper = word[0].isupper()
    if first.lower() in "aeiou":
        if low.startswith(_UN_BUT_YOU):
            return "a", not proper
        if low.startswith(_UN_PREFIXES):
            return "an", not proper
        if low.startswith(_YOU_PREFIXES) or _ONE_RE.match(low):
            return "a", not proper
        if proper and low[0] == "u":
            return None, False  # foreign names: "an Urdu", "a Ubuntu"? cannot tell
        return "an", not proper
    if low[0] == "h":
        if low.startswith(_SILENT_H):
            return "an", True
        if low.startswith(_EITHER_H):
            return None, False
        return "a", True
    if low[0] == "x":
        return None, False  # "an Xbox", "a xylophone", "a Xinhua report"
    return "a", True
