"""Extra tests for the encoding (EN0xx) and typography (TYxxx) rules, beyond the case files."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy code pages)
from linter import Applicability, Document, Linter
from linter.registry import all_rules

CODES = sorted(c for c in all_rules() if c[:2] in ("EN", "TY") and c != "EN100")

SENTENCES = [
    "The café in São Paulo raised prices by 5%, said José Müller.",
    "The mayor’s aide said: “We will fix it by May” – and left.",
    "Prices rose to €20m (£17m) in Zürich, Besançon and Gdańsk.",
    "Naïve voters in Málaga didn’t expect the ’90s revival.",
    "The deal — worth £600m — was signed in Düsseldorf…",
]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("codec", ["sloppy-windows-1252", "latin-1"])
def test_mojibake_is_found_and_repaired_exactly(sentence, codec):
    damaged = sentence.encode("utf-8").decode(codec)
    linter = Linter(["EN001"])
    found = linter.lint(Document(damaged)).diagnostics
    assert found
    assert all(d.fix is not None and d.fix.applicability == Applicability.SAFE for d in found)
    assert linter.fix(Document(damaged)).text == sentence


@pytest.mark.parametrize("sentence", SENTENCES)
def test_clean_sentences_are_silent(sentence):
    found = Linter(CODES).lint(Document(sentence)).diagnostics
    assert not [d for d in found if d.code != "TY003"], [d.message for d in found]


def test_ascii_text_never_loads_ftfy(monkeypatch):
    from linter.rules.encoding import EN001

    def boom():
        raise AssertionError("ftfy loaded for ASCII text")

    monkeypatch.setattr(EN001, "_load", boom)
    text = 'He said "it is over" at 3.5 p.m. in the U.S.\n\nSee example.com.'
    assert not Linter(["EN001"]).lint(Document(text)).diagnostics



@pytest.mark.parametrize(
    "text",
    [
        "Bakanlık açıklamasında, görüşmelerin yarın İstanbul’da süreceği belirtildi.",
        "Министр заявил, что переговоры продолжатся в пятницу.",
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.",
        "政府表示，会谈将于明天继续。",
        "Rząd ogłosił, że rozmowy będą kontynuowane w piątek w Łodzi.",
    ],
)
def test_clean_foreign_lines_never_load_ftfy(monkeypatch, text):
    """Letters of other scripts and code pages are not mojibake: no lead/continuation
    pair, so ftfy is never imported for them."""
    from linter.rules.encoding import EN001

    def boom():
        raise AssertionError("ftfy loaded for a clean line")

    monkeypatch.setattr(EN001, "_load", boom)
    assert not Linter(["EN001"]).lint(Document("The talks went on.\n\n" + text)).diagnostics


@pytest.mark.parametrize("codec", ["cp1251", "cp1250", "cp1253", "mac_roman", "cp437"])
def test_other_code_pages_pass_the_cheap_gate(codec):
    damaged = "Grüße aus Łódź — “quoted” 30°".encode("utf-8").decode(codec, "replace")
    from linter.rules.encoding import EN001

    assert EN001.suspicious(damaged)


_GATE_ALPHABET = "aZ .’“”–—éÜİçÇÃÂ¢€©®Ðð·" + "Ã©Ã¼Ã§â€™"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_GATE_ALPHABET, max_size=12))
def test_the_cheap_gate_answers_as_the_lead_continuation_pattern(line):
    # The set tests in front of the pattern decide only what the pattern would.
    import regex

    from linter.rules.encoding import EN001

    lead, cont = EN001._lead_cont()
    full = regex.compile(f"[ÃÂ]|[{EN001._class(lead)}][{EN001._class(cont)}]")
    assert EN001.suspicious(line) == (not line.isascii() and full.search(line) is not None)


def test_the_cheap_gate_passes_curly_quotes_and_accents_alone():
    from linter.rules.encoding import EN001

    assert not EN001.suspicious("The choir’s “director” said it")
    assert not EN001.suspicious("ÜLKE GÜNDEMİ Çağrı")
    assert EN001.suspicious("The choirâ€™s director")
    assert EN001.suspicious("CafÃ©")


SAMPLE = (
    "LISBON (Wire) – The choir’s director “will tour Norway next month\" with them, "
    "the minister said on Tuesday.\n\n"
    "\"We do not want the square to become a car park,” she said. \"We see traders who "
    "fear for their stalls.\"\n\n"
    "\"The market has stood here for three centuries,” she added.\n\n"
    "The players' union and J.R. Smith of the U.S. noted a 3.5% rise [Earlier,] "
    "at example.com.\n\n"
    "\"The talks will continue.\n\n"
    "\"But even without a permit, the stalls will open,\" she said."
)


def test_sample_article_has_exactly_the_three_quote_pair_findings():
    found = Linter(CODES).lint(Document(SAMPLE)).diagnostics
    assert [d.code for d in found] == ["TY001", "TY001", "TY001"], [d.message for d in found]


_ALPHABET = st.sampled_from(
    list("abcdeTHE .,;:!?'\"()[]“”‘’„«»-–—\n\t  ")
    + ["\r\n", "\u200b", "\u00ad", "\ufeff", "\u202e", "\ufffd", "Ã©", "â€™", "e\u0301", "Рu", "&amp;", "<br>"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_rules_never_fail_and_fixes_reach_a_fixed_point(text):
    linter = Linter(CODES)
    result = linter.lint(Document(text))
    assert not result.errors, result.errors
    for d in result.diagnostics:
        assert 0 <= d.start <= d.end <= len(text)
    once = linter.fix(Document(text), Applicability.SAFE)
    assert not once.hit_cap
    assert linter.fix(Document(once.text), Applicability.SAFE).text == once.text


def test_utf16_read_as_single_bytes_is_left_to_the_encoding_and_quality_rules():
    from linter.document import Document
    from linter.engine import Linter
    from linter.registry import select_codes

    prose = "We  met (twice at the harbour , then left.  It was \"late.\n\n" * 3
    misread = "\xff\xfe" + "".join(c + "\x00" for c in prose)
    codes = select_codes()
    found = {d.code for d in Linter(codes).lint(Document(misread, kind="text")).diagnostics}
    assert "EN003" in found  # the NULs, reported once
    assert not {c for c in found if c[:2] in ("TY", "TP", "NM", "LG", "BP")}
    # The same prose read correctly keeps its typography findings.
    plain = {d.code for d in Linter(codes).lint(Document(prose, kind="text")).diagnostics}
    assert {"TY004", "TY005", "TY006"} <= plain
    # A few NULs in otherwise readable text are not a misread document.
    assert not Document(prose + "\x00" * 20).utf16_misread
