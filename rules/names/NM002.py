from __future__ import annotations

import regex

from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Option, Rule, Settings

_WORD_CHAR = r"[\p{L}\p{M}\p{N}]"


def _compile(names: dict[str, list[str]]) -> tuple[regex.Pattern | None, dict[str, str]]:
    """One alternation of every configured variant (longest first) and variant -> canonical."""
    canonical_of: dict[str, str] = {}
    for canonical, variants in names.items():
        for variant in variants:
            if variant and variant != canonical:
                canonical_of[variant] = canonical
    if not canonical_of:
        return None, canonical_of
    alternation = "|".join(
        r"\s+".join(regex.escape(part) for part in v.split())
        for v in sorted(canonical_of, key=lambda v: (-len(v), v))
    )
    pattern = regex.compile(rf"(?<!{_WORD_CHAR}|-)(?:{alternation})(?!{_WORD_CHAR}|-{_WORD_CHAR})")
    return pattern, canonical_of


def _inside(prose: str, start: int, end: int, canonical: str) -> bool:
    """Whether the match is part of the canonical spelling itself ("Cakaj" in "Gent Cakaj")."""
    lo = max(0, end - len(canonical))
    window = prose[lo : start + len(canonical)]
    i = window.find(canonical)
    while i != -1:
        if lo + i <= start and lo + i + len(canonical) >= end:
            return True
        i = window.find(canonical, i + 1)
    return False


class HouseNameVocabulary(Rule):
    """A name written in a form the house names vocabulary replaces: "Cavusoglu" for "Çavuşoğlu".

    What it does:
        Flags every occurrence of a variant listed in the configured names
        vocabulary (``[tool.copydesk.names]``: canonical spelling = list of
        variants) and suggests the canonical spelling. Variants match as whole words
        with their exact case; a possessive ending stays (``Cavusoglu's`` becomes
        ``Çavuşoğlu's``); a space in a variant also matches a line break.

    Why it matters:
        A house decides once how a recurring name is spelled (with its diacritics, or
        a house rule to write ``Erdogan``) and every article should follow it; wire
        copy and scraped text arrive with whatever the source used.

    Example:
        Foreign Minister Mevlut Cavusoglu arrived in Tirana.
        Example settings: {names = {"Mevlüt Çavuşoğlu" = ["Mevlut Cavusoglu"], "Çavuşoğlu" = ["Cavusoglu"]}}

    Use instead:
        Foreign Minister Mevlüt Çavuşoğlu arrived in Tirana.

    Fix safety:
        Safe by default: the mapping is the house's own decision, written down in
        advance for exactly this spelling, so applying it needs no judgement. Set
        ``safe-fix = false`` in ``[tool.copydesk.rules.NM002]`` when the names table
        lists variants that are also ordinary words or other people's names, to make
        the fix unsafe. Words in the configured vocabulary (``vocabulary``) are never
        flagged.

    Options:
        safe-fix (bool, default true): whether the replacement is a safe fix.
    """

    code = "NM002"
    name = "house-name-vocabulary"
    category = Category.NAMES
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)
    options = {
        "safe_fix": Option(True, "whether replacing a configured variant is a safe fix"),
    }

    def __init__(self, options=None, settings: Settings | None = None, severity=None) -> None:
        super().__init__(options, settings, severity)
        self._pattern, self._canonical_of = _compile(self.settings.names)
        self._accepted = frozenset(self.settings.vocabulary)

    def check(self, doc):
        if self._pattern is None:
            return
        applicability = Applicability.SAFE if self.opts["safe_fix"] else Applicability.UNSAFE
        for m in self._pattern.finditer(doc.prose):
            found = m.group()
            key = regex.sub(r"\s+", " ", found)
            if key in self._accepted:
                continue
            canonical = self._canonical_of.get(key)
            if canonical is None or _inside(doc.prose, m.start(), m.end(), canonical):
                continue
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"'{found}' is written '{canonical}' in the house names vocabulary",
                self.fix_replace(
                    m.start(), m.end(), canonical, applicability, f"Write '{canonical}'"
                ),
                evidence={"variant": key, "canonical": canonical},
            )
