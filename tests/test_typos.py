"""Typo rules beyond their case files: the a/an sound table, a dirty and a clean article,
documentation, the misspelling data file and lazy loading."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from linter import Applicability, Document, Linter
from linter.registry import all_rules
from linter.rule import DOC_SECTIONS
from linter.rules.typos._sound import article_for

ROOT = Path(__file__).resolve().parent.parent
TYPO_CODES = sorted(c for c in all_rules() if c.startswith("TP"))
DEFAULT_TYPO_CODES = [c for c in TYPO_CODES if all_rules()[c].default_enabled]

SOUND_CASES = {
    # by sound, not letter
    "hour": "an", "honest": "an", "heir": "an", "honorary": "an",
    "university": "a", "unique": "a", "unanimous": "a", "useful": "a", "European": "a",
    "euro": "a", "ewe": "a", "one-off": "a", "once-mighty": "a", "onerous": "an",
    "unidentified": "an", "unusual": "an", "umbrella": "an", "urban": "an", "utmost": "an",
    # initialisms letter by letter, acronyms as words
    "MP": "an", "MPs": "an", "FBI": "an", "SNP": "an", "RSPCA": "an", "UN": "a", "US": "a",
    "BBC": "a", "NATO": "a", "UEFA": "a", "Ofsted": "an", "X-ray": "an", "U-turn": "a",
    "A-level": "an", "e-mail": "an", "ntl": "an", "eBay": "an", "iPod": "an",
    # numbers as read
    "18-year-old": "an", "1990s": "a", "8": "an", "80": "an", "800m": "an", "8-3": "an",
    "100": "a", "11": "an", "11-day": "an", "11,000": "an", "18,000": "an", "1,100": "a",
    "£5m": "a", "$1bn": "a",
    # abbreviated titles are read as words
    "Mrs": "a", "Dr": "a", "St": "a",
}


@pytest.mark.parametrize("word,want", sorted(SOUND_CASES.items()))
def test_article_by_sound(word, want):
    assert article_for(word)[0] == want


@pytest.mark.parametrize("word", ["historic", "hotel", "HD", "HIV", "Xinhua", "Ubuntu", "UNAMA"])
def test_article_undecided_where_usage_or_sound_varies(word):
    assert article_for(word)[0] is None


DIRTY = (
    "UPDATE 1 - Ministers agree new fisheries deal\n\n"
    "By Maria Keane\n\n"
    "OSLO (Wire) - Ministers from the two countries signed new agreements on Dec. 1, "
    "including am \"Agreement on Joint Patrols\", officials said.\n\n"
    "The deal is a important step for the fleets, which the goverment said had been "
    "saving for for months. It will widen regional ties. and it will stretch "
    "the the quota system from Jan. 12, U.S.-based analysts said.\n"
)


def test_dirty_article_gives_exactly_the_planted_findings():
    linter = Linter(DEFAULT_TYPO_CODES)
    found = linter.lint(Document(DIRTY)).diagnostics
    got = sorted((d.code, DIRTY[d.start : d.end]) for d in found)
    assert got == [
        ("TP001", "the"),
        ("TP002", "am"),
        ("TP003", "a"),
        ("TP004", "and"),
        ("TP005", "goverment"),
    ]
    fixed = linter.fix(Document(DIRTY), Applicability.UNSAFE).text
    assert 'including an "Agreement' in fixed
    assert "is an important step" in fixed
    assert "the government said" in fixed
    assert "regional ties. And it will stretch the quota" in fixed
    assert "saving for for months" in fixed  # grammatical, left alone
    safe = linter.fix(Document(DIRTY), Applicability.SAFE).text
    assert "including am" in safe and "regional ties. and" in safe  # unsafe fixes not written


CLEAN = (
    "Harbour bridge to reopen in spring\n\n"
    "The harbour bridge will reopen in April, an engineer said on Monday. A one-off "
    "grant of £8m and an 11% rise in tolls will pay for the work, a UN report and an "
    "FBI agent's statement were not needed, and an MP called it an honest plan.\n\n"
    "\"It's over!\" she said. Mr. Smith, of No. 10, met U.S. officials at 10 am and "
    "again at 4.30 p.m., e.g. to discuss the 2.5% levy. iPod sales rose... and rose.\n\n"
    "I really am pleased, and I am sure it will work, she said, as I am told."
)


def test_clean_article_is_silent():
    linter = Linter(TYPO_CODES)
    assert [(d.code, d.message) for d in linter.lint(Document(CLEAN)).diagnostics] == []


@pytest.mark.parametrize("path", sorted((ROOT / "seeds" / "clean").glob("*")))
def test_clean_seeds_have_no_typo_findings(path):
    kind = "markdown" if path.suffix == ".md" else "text"
    doc = Document(path.read_text(encoding="utf-8"), str(path), kind=kind)
    found = Linter(DEFAULT_TYPO_CODES).lint(doc).diagnostics
    assert not found, [(d.code, d.message) for d in found]


@pytest.mark.parametrize("code", TYPO_CODES)
def test_documentation_sections(code):
    sections = all_rules()[code].doc_sections()
    for name in DOC_SECTIONS:
        assert sections.get(name), f"{code} lacks the '{name}' section"


def test_capitalised_common_noun_is_opt_in_info():
    rule = all_rules()["TP006"]
    assert not rule.default_enabled
    assert str(rule.severity) == "info"


def test_misspelling_data_file():
    path = ROOT / "rules" / "data" / "typos_misspellings.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = "\n".join(l for l in lines if l.startswith("#"))
    assert "crate-ci/typos" in header and "MIT" in header
    pairs = [l.split("\t") for l in lines if l and not l.startswith("#")]
    assert len(pairs) > 50_000
    from linter.rules.support.lexicon import english_levels

    for typo, corrections in pairs:
        assert typo.isalpha() and typo.islower() and len(typo) >= 3
        # three letters only where no lower-case English word (any SCOWL size) is spelt so
        assert len(typo) >= 4 or english_levels(typo)[0] is None, typo
        assert typo not in corrections.split(",")
    typos = {t for t, _ in pairs}
    # real words, British spellings and accepted variants must not be listed
    for word in ("colour", "organise", "centre", "travelling", "targetted", "focussed", "form"):
        assert word not in typos


def test_typo_rules_do_not_import_inflect():
    code = (
        "import sys\n"
        "from linter import Document, Linter\n"
        f"Linter({TYPO_CODES!r}).lint(Document('A apple and an pear. the end.'))\n"
        "print('inflect' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_english_word_list_matches_the_misspelling_corrections():
    from linter.rules.support.lexicon import MISSPELLINGS, misspelling_corrections

    corrections = {c for _, cs in MISSPELLINGS.items() for c in cs.split(",") if c.isalpha()}
    assert corrections == {w for w, _ in misspelling_corrections().items()}


def test_sorted_table_lookup_agrees_with_a_full_parse(tmp_path):
    from linter.rules.support.sorted_table import SortedTable

    pairs = {"abc": "x", "abd": "y,z", "b": "q", "zeta": "w", "\u00e9t\u00e9": "summer"}
    path = tmp_path / "t.txt"
    path.write_text("# header\n# more\n" + "".join(f"{k}\t{v}\n" for k, v in sorted(pairs.items())), encoding="utf-8")
    table = SortedTable(path)
    for key, value in pairs.items():
        assert table.get(key) == value
    for missing in ("", "a", "abcd", "ab", "zz", "#", "header", "\u00e9"):
        assert table.get(missing) is None
    assert "b" in table and "c" not in table
