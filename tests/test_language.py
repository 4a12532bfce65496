"""Language identification (linter.rules.support.langid) and the language and boilerplate rules together."""

from __future__ import annotations

import sys

import pytest

from linter import Applicability, Document, Linter
from linter.rules.support import langid
from linter.rules.support.folding import fold_for_langid, fold_for_patterns
from linter.rules.boilerplate._patterns import furniture_score, line_kinds, match_line, wire_kinds

ARTICLE = """UPDATE 1 – Ministers meet to discuss border crossings

ADDS DETAILS; REMARKS BY GREEK FOREIGN MINISTER

By Selin Aydemir

TIRANA, Albania (AA) – The foreign ministers of Turkey and Albania met on Wednesday to discuss trade, the reopening of two border crossings and cooperation against organised crime.

Kemal Arslan said the two countries would sign a new agreement on driving licences, and Dritan Hoxha said Albania valued the partnership.

The talks will continue next month in Ankara, where both sides hope to agree a timetable for the new crossings."""

TRAILER = "\n\nYENİ AİLE ÜYELERİ NE DİYOR?"


def test_fold_is_turkish_aware():
    assert fold_for_langid("AİLESİ") == "ailesi"
    assert fold_for_langid("DİYOR IŞIK") == "diyor ışık"
    assert fold_for_langid("ADDS DETAILS") == "adds details"
    assert fold_for_langid("STRASSE Straße") == "strasse straße"  # lower case, not casefold


def test_pattern_fold_gives_the_ascii_letters_patterns_match():
    assert fold_for_patterns("İSTANBUL") == "istanbul"  # no combining dot
    assert fold_for_patterns("\u017fee \u212aelvin Straße") == "see kelvin strasse"
    assert fold_for_patterns("IŞIK") == "işik"  # not Turkish-aware: patterns are ASCII


def test_scripts():
    assert langid.scripts("Abc")["Latin"] == 3
    assert langid.scripts("Тест")["Cyrillic"] == 4
    assert langid.scripts("سلام")["Arabic"] == 4


def test_detection_is_deterministic():
    text = "alaturka ailesi üyeleri ne diyor"
    first = langid.identify(text)
    assert first is not None and first.code == "tr"
    for _ in range(5):
        assert langid.identify(text) == first


@pytest.mark.parametrize(
    "text,code",
    [
        ("Bu yıl ekonomide çox böyük dəyişikliklər və yeni layihələr gözlənilir.", "az"),
        ("Председник је рекао да ће се преговори наставити после избора.", "sr"),
        ("Претседателот рече дека преговорите ќе продолжат по изборите.", "mk"),
        ("Predsjednik je rekao da će se pregovori nastaviti tijekom tjedna u Zagrebu.", "hr"),
        ("Predsednik je rekao da će se razgovori nastaviti posle izbora u Beogradu.", "sr"),
    ],
)
def test_refinement_of_confused_languages(text, code):
    guess = langid.identify(text)
    assert guess is not None and guess.code == code


def test_bosnian_croatian_serbian_count_as_one():
    assert langid.same_language("hr", "bs")
    assert langid.same_language("sr", "hr")
    assert not langid.same_language("sr", "mk")


def test_cheap_cues_spot_english_without_the_detector(monkeypatch):
    def boom(text):
        raise AssertionError("the detector should not run on plain English")

    monkeypatch.setattr(langid, "detect", boom)
    doc = Document(ARTICLE)
    found = langid.document_language(doc)
    assert found is not None and found.code == "en" and found.method == "stop-words"
    assert not [d for d in Linter(["LG002"]).lint(doc).diagnostics]


def test_names_and_particles_are_not_function_words():
    c = langid.cues("The café owner, José María de la Fuente, said it was late.")
    assert c.hits["es"] <= 1
    c = langid.cues("L de Castro; M Ferrante, G Rinaldi, A Moretti")
    assert c.hits["fr"] == 0 and c.hits["es"] == 0


def test_seed_like_article_trailer():
    text = ARTICLE + TRAILER
    linter = Linter(["LG001", "LG002", "BP001", "BP002", "BP003"])
    diags = linter.lint(Document(text)).diagnostics
    language = [d for d in diags if str(d.category) == "language"]
    assert len(language) == 1
    d = language[0]
    assert d.code == "LG002" and d.evidence["language"] == "tr"
    assert text[d.start : d.end] == TRAILER.strip()
    assert d.fix is not None and d.fix.applicability == Applicability.UNSAFE
    assert d.fix.apply(text) == ARTICLE
    notes = [d for d in diags if d.code == "BP002"]
    assert {text[d.start : d.end].strip() for d in notes} == {
        "UPDATE 1 –",
        "ADDS DETAILS; REMARKS BY GREEK FOREIGN MINISTER",
    }


def _drop_detectors(monkeypatch):
    for name in [m for m in sys.modules if m.startswith(("langdetect", "pycld2"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(langid, "_CLD2", [])


def test_detectors_are_imported_lazily(monkeypatch):
    # Linting plain English never needs a detector.
    _drop_detectors(monkeypatch)
    Linter(["LG001", "LG002"]).lint(Document(ARTICLE))
    assert "langdetect" not in sys.modules and "pycld2" not in sys.modules


def test_a_foreign_trailer_needs_cld2_only(monkeypatch):
    pytest.importorskip("pycld2")
    _drop_detectors(monkeypatch)
    diags = Linter(["LG001", "LG002"]).lint(Document(ARTICLE + TRAILER)).diagnostics
    assert [d.evidence["language"] for d in diags] == ["tr"]
    assert "pycld2" in sys.modules and "langdetect" not in sys.modules


def test_without_pycld2_langdetect_answers(monkeypatch):
    # Platforms without a pycld2 wheel (Linux on ARM, macOS on Intel) install langdetect only.
    monkeypatch.setattr(langid, "_CLD2", [None])
    assert langid.detect_cld2("bu yıl ekonomide büyük değişiklikler bekleniyor") == []
    guess = langid.identify("Bu yıl ekonomide büyük değişiklikler ve yeni projeler bekleniyor.")
    assert guess is not None and guess.code == "tr"
    diags = Linter(["LG002"]).lint(Document(ARTICLE + TRAILER)).diagnostics
    assert [d.evidence["language"] for d in diags] == ["tr"]


def test_cld2_names_languages_in_iso_codes_and_survives_control_characters():
    pytest.importorskip("pycld2")
    assert langid.detect_cld2("שלום לכולם, היום נדבר על מזג האוויר בירושלים")[0].code == "he"
    assert langid.detect_cld2("\x00\x07 bu yıl ekonomide \ud800 büyük değişiklikler")[0].code == "tr"
    assert langid.detect_cld2("") == []


def test_boilerplate_data_loads():
    assert line_kinds() and wire_kinds()
    assert {k.where for k in line_kinds()} <= {"anywhere", "edge", "trailer", "header"}
    assert match_line("  Share this article  ").name == "share prompt"
    assert match_line("The company said it would share the details.") is None


def test_boilerplate_prefixes_every_match_starts_with():
    from linter.rules.boilerplate._patterns import _prefixes

    assert _prefixes("share (this|the) (article|story)") == ("share this", "share the")
    assert _prefixes("(follow|like) us") == ("follow", "like")
    assert _prefixes(r"kommentare? ?\(\d+\)") == ("kommentar",)
    assert _prefixes("(?=.*\\d)photo: .+") == ("photo: ",)
    # a group that may be left out: its starts, and those of what follows it
    assert _prefixes("(jetzt )?newsletter") == ("jetzt ", "newsletter")
    assert _prefixes("((our|more) )?(most|top) read") == ("our", "more", "most", "top")
    assert _prefixes("(ab)+c") == ("ab",)
    assert _prefixes("x(ab)*") == ("x",)
    assert _prefixes("(jetzt )?[a-z]+") is None  # what follows the group tells nothing
    # repeated classes, escapes for classes and whole-pattern flags tell nothing
    assert _prefixes(r"[|•\s]*(mon|tue)") is None
    assert _prefixes(r"\d+ comments") is None
    assert _prefixes("(?x) share") is None


def test_boilerplate_start_passes_over_a_leading_run_of_symbols():
    from linter.rules.boilerplate._patterns import _start

    chars, prefixes = _start(r"[|»\s]*(tweet|share) this")
    assert prefixes == ("tweet", "share") and "|" in chars and " " in chars and "t" not in chars
    assert _start("share this") == ("", ("share this",))
    assert _start(r"[|t]*(tweet|share)") is None  # the run could eat a prefix's first letter
    assert _start(r"[a-z]*share") is None  # a range


# Invented lines, boilerplate and prose, in several languages and scripts.
_PATTERN_LINES = [
    "Share this article", "share on Facebook", "Follow us on Twitter", "Teilen", "Kommentare (12)",
    "Copyright 2024 The Daily Ledger. All rights reserved.", "© Ledger Media", "By Anna Kovač",
    "Photo: Reuters", "Published 12 March 2024, 10:15", "Advertisement", "Read more", "Partager",
    "Подписывайтесь на нас", "Paylaş", "x", "|||", "The council met on Tuesday to discuss the budget.",
    "Follow the money, the minister said.", "ſhare this article", "İletişim", "Sign up for our newsletter",
    "| Share this", "» More from our site", "• Tweet this", "- Reuters", "(Getty Images)", ">> Most read",
    "People in the news", "In the news", "Today's most read", "Most read", "Our top stories this week",
    "Top honours went to the cast of the film.", "More rain is expected on Friday.", "Jetzt Newsletter",
]


def test_boilerplate_kinds_match_as_their_unions():
    """A kind matches a line, pattern by pattern behind the literal tests, exactly
    when the union of its patterns matches the whole line."""
    import regex

    from linter.rules.boilerplate._patterns import _union

    for kind in line_kinds():
        union = _union(kind._source, regex.IGNORECASE)
        for line in _PATTERN_LINES:
            assert kind.fullmatch(line, fold_for_patterns(line)) == bool(union.fullmatch(line)), (kind, line)


def test_furniture_score():
    score, strong, medium, content = furniture_score("Sign up for our weekly newsletter")
    assert score >= 0.5 and strong >= 1
    score, *_ = furniture_score("The minister said the talks would resume next week.")
    assert score < 0.5


def test_duplicate_and_boilerplate_fixes_restore_the_article():
    body = "The council approved the plan on Tuesday after a three-hour debate.\n\nOpponents said they would appeal."
    text = body + "\n\nThe council approved the plan on Tuesday after a three-hour debate.\n\nShare this article\n© 2024 Example News"
    fixed = Linter(["BP001", "BP003"]).fix(Document(text), Applicability.UNSAFE).text
    assert fixed == body


def test_a_foreign_line_also_taken_for_boilerplate_is_reported_once_naming_its_language():
    from linter import Document, Linter

    text = (
        "The council will vote on the plan next month, officials said on Tuesday.\n\n"
        "Opponents said they would appeal against the decision if the plan went ahead.\n\n"
        "Related: Die Bundesregierung hat am Mittwoch neue Maßnahmen für die Bürger beschlossen"
    )
    alone = Linter(["BP001"]).lint(Document(text)).diagnostics
    assert [d.code for d in alone] == ["BP001"]  # BP001 on its own still reports it
    both = Linter(["BP001", "LG002"]).lint(Document(text)).diagnostics
    assert [d.code for d in both] == ["LG002"]
    assert "German" in both[0].message
    # an English boilerplate line next to it is not covered, so it stays
    text2 = text.replace("Opponents said", "Share this article\n\nOpponents said")
    codes = [d.code for d in Linter(["BP001", "LG002"]).lint(Document(text2)).diagnostics]
    assert codes == ["BP001", "LG002"]


def test_one_foreign_line_does_not_flip_the_language_of_a_results_table():
    # Lines of names and figures vote for no language; the single Slovene sentence
    # must not decide the document's language, so no English line is reported.
    rows = "\n".join(f"{i}. Runner{i} Example{i} (AAA) 10.{i:02d}" for i in range(1, 13))
    text = (
        "Results\n\nMen's 100m final\n" + rows + "\n\n"
        "Tekmovanje se bo nadaljevalo jutri zjutraj, ko bodo na vrsti še skakalci v daljino.\n\n"
        "Women's 400m final\n" + rows + "\n"
    )
    doc = Document(text)
    found = langid.document_language(doc)
    assert found is None or found.code == "en"
    diags = Linter(["LG001", "LG002"]).lint(Document(text)).diagnostics
    assert all("Tekmovanje" in text[d.start : d.end] for d in diags), diags
