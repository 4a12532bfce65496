"""Quality signals and the keep/drop gate."""

from __future__ import annotations

import pytest

from linter import Document
from linter.rules.support.quality import GATES, Gate, Thresholds, compute_signals, describe, failed

BRIEF = (
    "Bridge to close for repairs\n\n"
    "The Old Mill bridge will close for six weeks from Monday while engineers replace its "
    "deck, the county council said. Buses will use the ring road instead, adding about ten "
    "minutes to journeys."
)

MENU = "\n".join(["Home", "World", "Business", "Sport", "Weather", "Contact us", "Privacy"] * 3)


def test_signals_of_a_brief():
    s = compute_signals(BRIEF)
    assert s["word_count"] == len(BRIEF.split())
    assert 3 < s["mean_word_length"] < 7
    assert s["alpha_word_share"] == 1.0
    assert s["stop_words"] >= 2
    assert s["line_count"] == 2
    assert s["duplicate_line_share"] == 0.0
    assert s["lorem_ipsum"] == 0
    assert not any(k.startswith("_") for k in s)


def test_a_brief_passes_every_gate():
    assert Gate().decide(compute_signals(BRIEF)) == []


def test_a_menu_fails_line_shape_and_duplicates():
    reasons = Gate().decide(compute_signals(MENU))
    assert "max_unpunctuated_line_share" in reasons
    assert "max_duplicate_line_share" in reasons
    assert "min_words" in reasons


def test_every_gate_names_a_threshold_and_a_signal():
    scores = compute_signals(MENU)
    for gate, (signal, kind) in GATES.items():
        assert hasattr(Thresholds(), gate)
        assert signal in scores
        assert kind in ("min", "max")


def test_describe_names_score_and_threshold():
    scores = compute_signals("Too short.")
    assert describe("min_words", scores, Thresholds()) == "word_count 2 < min_words 30"


def test_ignore_disables_a_gate():
    gate = Gate.from_config({"ignore": ["min_words"], "min_stop_words": 0})
    assert "min_words" not in gate.decide(compute_signals("Too short."))


def test_thresholds_from_config_override_defaults():
    gate = Gate.from_config({"min_words": 5, "max_top_2gram_share": 0.5})
    assert gate.thresholds.min_words == 5
    assert gate.thresholds.max_top_2gram_share == 0.5
    assert gate.thresholds.max_words == Thresholds().max_words


@pytest.mark.parametrize(
    "section,needle",
    [
        ({"min_wrds": 5}, "unknown quality threshold 'min_wrds'"),
        ({"min_words": "five"}, "must be a number"),
        ({"min_words": 2.5}, "whole number"),
        ({"ignore": ["nope"]}, "unknown gate"),
        ({"ignore": "min_words"}, "must be a list"),
    ],
)
def test_bad_config_is_refused_with_the_key(section, needle):
    with pytest.raises(ValueError, match=needle):
        Gate.from_config(section)


def test_stop_word_gate_only_for_english():
    text = " ".join(["Wetter Sport Politik Kultur Reise"] * 10) + "."
    assert "min_stop_words" in Gate().decide(compute_signals(text))
    assert "min_stop_words" not in Gate(languages=("de",)).decide(compute_signals(text))


def test_short_documents_are_not_judged_on_shape_or_ngrams():
    scores = compute_signals("Headline\n\nno punctuation here at all")
    assert failed(scores, Thresholds(), ["max_unpunctuated_line_share", "max_top_2gram_share"]) == []


def test_lorem_and_long_words_counted():
    s = compute_signals("Lorem ipsum dolor. " + "x" * 1500)
    assert s["lorem_ipsum"] == 1
    assert s["longest_word"] == 1500
    assert {"max_lorem_ipsum", "max_word_length"} <= set(Gate().decide(s))


def test_signals_are_pure_functions_of_the_text():
    a = compute_signals(Document(BRIEF))
    b = compute_signals(Document(BRIEF, doc_id="x"))
    assert a == b


def test_quality_rules_document_their_source():
    from linter.registry import all_rules

    codes = [c for c, cls in all_rules().items() if c.startswith("QL")]
    assert len(codes) >= 10
    for code in codes:
        cls = all_rules()[code]
        assert str(cls.category) == "quality"
        doc = cls.documentation()
        assert any(src in doc for src in ("Gopher", "C4", "FineWeb")), code
        for key in cls.options:
            assert key in GATES, f"{code} option {key} is not a quality threshold"


# Each quality rule and the gates it reports.
RULE_GATES = {
    "QL001": ["min_words", "max_words"],
    "QL002": ["min_mean_word_length", "max_mean_word_length"],
    "QL003": ["max_symbol_word_ratio"],
    "QL004": ["max_unpunctuated_line_share", "max_short_line_share", "max_bullet_line_share", "max_ellipsis_line_share"],
    "QL005": [
        "max_duplicate_line_share",
        "max_duplicate_paragraph_share",
        "max_duplicate_line_char_share",
        "max_duplicate_paragraph_char_share",
    ],
    "QL006": ["max_top_2gram_share", "max_top_3gram_share", "max_top_4gram_share"],
    "QL007": ["min_alpha_word_share"],
    "QL008": ["min_stop_words"],
    "QL009": ["max_lorem_ipsum"],
    "QL010": ["max_word_length"],
}

from hypothesis import given, settings, strategies as st  # noqa: E402

_LINES = st.sampled_from(
    [
        "Home",
        "The council met on Tuesday and agreed the budget.",
        "- a bullet point",
        "Read more...",
        "#tag #tag #tag",
        "12 | 34 | 56",
        "lorem ipsum dolor",
        "x" * 1200,
        "",
        "and the of to with that have be",
        "cheap flights cheap flights",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, max_size=60))
def test_rules_and_gate_agree(lines):
    from linter import Linter

    text = "\n".join(lines)
    linter = Linter(list(RULE_GATES))
    found = {d.code for d in linter.lint(Document(text)).diagnostics}
    reasons = set(Gate().decide(compute_signals(text)))
    for code, gates in RULE_GATES.items():
        assert (code in found) == bool(reasons & set(gates)), (code, reasons, text[:200])
