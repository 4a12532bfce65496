"""Name mentions, the name-similarity function and the cross-document names report."""

from __future__ import annotations

import pickle
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import Document, Linter
from linter.report.text import render_name_groups as render_report
from linter.rules.support.names import (
    NameTally,
    bucket_keys,
    collect_mentions,
    cross_document_report,
    extract_mentions,
    skeleton,
    strip_diacritics,
    variant_kind,
)

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.mark.parametrize(
    "a,b,kind",
    [
        ("Cakaj", "Caka", "truncated"),
        ("Wenger", "Wenegr", "swapped"),
        ("Roddick", "Rodick", "doubled"),
        ("Davenport", "Daveport", "dropped"),
        ("Andersen", "Anderson", "changed"),
        ("Erdoğan", "Erdogan", "diacritics"),
        ("Çavuşoğlu", "Cavusoglu", "diacritics"),
        ("McDonald", "Mcdonald", "case"),
        ("Time Warner", "TimeWarner", "spacing"),
        ("Jean-Pierre", "Jean Pierre", "spacing"),
        ("Hoffman", "Hoffmann", "doubled"),
    ],
)
def test_variant_kinds(a, b, kind):
    assert variant_kind(a, b) == kind
    assert variant_kind(b, a) == kind


@pytest.mark.parametrize(
    "a,b",
    [
        ("Iran", "Iraq"),
        ("Austria", "Australia"),
        ("Sudan", "Sedan"),
        ("Jon", "John"),
        ("Russia", "Russian"),
        ("Turkey", "Turkish"),
        ("Britain", "British"),
        ("Britain", "Briton"),
        ("Iraq", "Iraqi"),
        ("Paul", "Paula"),
        ("Maria", "Mario"),
        ("Chelsea", "Chelsey"),
        ("Democrat", "Democrats"),
        ("Steve", "Stevie"),
        ("Zafi", "Zafi-D"),
        ("Smith", "Smith"),
        ("Clinton", "Blinton"),
    ],
)
def test_different_names_are_not_variants(a, b):
    assert variant_kind(a, b) is None
    assert variant_kind(b, a) is None


def test_inflected_endings_are_reported_on_request():
    assert variant_kind("Japan", "Japa") is None
    assert variant_kind("Japan", "Japa", inflected=True) == "inflected"


def test_skeleton_and_buckets():
    assert strip_diacritics("Çavuşoğlu") == "Cavusoglu"
    assert strip_diacritics("Łódź") == "Lodz"
    assert skeleton("Jean-Pierre") == skeleton("Jean Pierre") == "jeanpierre"
    # one edit apart share a bucket key
    assert bucket_keys(skeleton("Wenger")) & bucket_keys(skeleton("Wenegr"))
    assert bucket_keys(skeleton("Cakaj")) & bucket_keys(skeleton("Caka"))


def test_mentions_strip_possessives_and_mark_sentence_starts():
    doc = Document("Gent Cakaj spoke. Later Cakaj’s aide and Cakaj's driver left. ALL CAPS LINE")
    table = extract_mentions(doc)
    forms = [m.form for m in table.mentions]
    assert forms.count("Cakaj") == 3
    assert "ALL" not in forms and "CAPS" not in forms
    first = table.by_form["Gent"][0]
    assert first.initial and first.next == "Cakaj"
    assert table.by_form["Cakaj"][0].prev == "Gent"
    assert not table.by_form["Cakaj"][1].initial
    assert "Gent Cakaj" in table.pairs


def test_headline_lines_do_not_count_as_mid_sentence():
    doc = Document("Turkish Delegation Due In Russia\n\nThe talks begin today.")
    assert all(m.initial for m in extract_mentions(doc).mentions)


def test_collect_mentions_is_a_small_picklable_counter():
    doc = Document("Minister Gent Cakaj met Edi Rama. Later Cakaj and Rama spoke. The talks were long.")
    c = collect_mentions(doc)
    assert isinstance(c, Counter)
    assert c["Cakaj"] == 2 and c["Rama"] == 2 and c["Gent Cakaj"] == 1
    assert "The" not in c and "Minister" not in c  # sentence-initial capitals say nothing
    assert pickle.loads(pickle.dumps(c)) == c


def test_collect_mentions_counts_sentence_initial_mentions_of_a_name():
    c = collect_mentions(Document("President Erdogan protested. Erdogan did not respond."))
    assert c["Erdogan"] == 2
    assert "President" not in c
    c = collect_mentions(Document("Rama spoke first. Later Rama met Erdogan, and Rama left."))
    assert c["Rama"] == 3 and c["Erdogan"] == 1 and "Later" not in c


def _docs():
    texts = [
        "President Erdoğan met Edi Rama in Tirana. Erdoğan said the talks went well.",
        "Turkey's President Erdoğan flew to Ankara on Monday.",
        "Critics of President Erdogan protested. Erdogan did not respond.",
        "Officials close to Erdogan said the visit was a success.",
        "Edi Rama met the press. Rama smiled.",
        "Rama and Erdogan are due to meet again.",
    ]
    return [collect_mentions(Document(t)) for t in texts]


def test_cross_document_report_groups_spellings_across_documents():
    groups = cross_document_report(_docs())
    assert len(groups) == 1
    g = groups[0]
    assert g["canonical"] == "Erdogan"
    assert g["variants"] == {
        "Erdogan": {"count": 4, "docs": 3},
        "Erdoğan": {"count": 3, "docs": 2},
    }
    assert g["kinds"] == ["diacritics"]
    text = render_report(groups)
    assert "'Erdogan' (4x in 3 docs) vs 'Erdoğan' (3x in 2 docs)" in text


def test_cross_document_report_ignores_one_off_spellings():
    docs = _docs() + [collect_mentions(Document("A note on Erdoganx and Ramma."))]
    groups = cross_document_report(docs)
    spellings = {s for g in groups for s in g["variants"]}
    assert "Erdoganx" not in spellings and "Ramma" not in spellings
    assert cross_document_report(docs, min_docs=3) == []


def test_tallies_merge_in_any_order():
    counters = _docs()
    left = NameTally()
    for c in counters[:3]:
        left.add(c)
    right = NameTally()
    for c in counters[3:]:
        right.add(c)
    merged_a = NameTally().merge(left).merge(right)
    merged_b = NameTally().merge(right).merge(left)
    assert cross_document_report(merged_a) == cross_document_report(merged_b)
    assert cross_document_report(merged_a) == cross_document_report(counters)
    assert pickle.loads(pickle.dumps(merged_a)).mentions == merged_a.mentions


def test_empty_report_renders():
    assert cross_document_report([]) == []
    assert "no entity" in render_report([])


def test_dirty_seed_name_is_found_and_clean_seeds_stay_silent():
    linter = Linter(["NM001", "NM002"])
    dirty = (SEEDS / "dirty" / "fisheries_talks.txt").read_text(encoding="utf-8")
    found = linter.lint(Document(dirty)).diagnostics
    assert [dirty[d.start : d.end] for d in found] == ["Kowalczk"]
    assert "'Kowalczyk'" in found[0].message
    for path in sorted((SEEDS / "clean").iterdir()):
        kind = "markdown" if path.suffix == ".md" else "text"
        doc = Document(path.read_text(encoding="utf-8"), str(path), kind=kind)
        assert not linter.lint(doc).diagnostics, path.name


_NAMEISH = st.text(alphabet="aAbBcCçÇeEéğĞiIıİlLnNoOöÖsSşŞuUüÜ -'’", min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(_NAMEISH, _NAMEISH)
def test_variant_kind_is_symmetric_and_total(a, b):
    assert variant_kind(a, b) == variant_kind(b, a)
    assert variant_kind(a, a) is None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(
    ["Cakaj", "Caka", "Gent", "said", "the", "Cakaj's", "Erdoğan", "Erdogan", "Time", "Warner",
     "TimeWarner", "Jean-Pierre", "Jean", "Pierre", ".", ",", "\n", "\n\n", "“", "”", "ALL", "Mr", "Jan."]
), max_size=60))
def test_mentions_and_findings_stay_inside_the_text(tokens):
    text = " ".join(tokens)
    doc = Document(text)
    for m in extract_mentions(doc).mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.form
    for d in Linter(["NM001"]).lint(doc).diagnostics:
        assert 0 <= d.start < d.end <= len(text)
        assert d.fix is not None and d.fix.edits[0].replacement != text[d.start : d.end]
