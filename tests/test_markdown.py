"""Markdown masking (rules see prose only, offsets unchanged) and inline directives."""

from __future__ import annotations

import pytest

from linter import Document, Linter
from linter.markdown import mask_markdown


def masked(text: str) -> str:
    out = mask_markdown(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]
    return out


@pytest.mark.parametrize(
    "text,hidden,kept",
    [
        ("---\ntitle: the the\n---\nBody text.\n", "title", "Body text."),
        ("+++\ntitle = 'the the'\n+++\nBody text.\n", "title", "Body text."),
        ("Intro.\n\n```python\nthe the\n```\nAfter the fence.\n", "the the", "After the fence."),
        ("Intro.\n\n~~~\nthe the\n~~~\nAfter.\n", "the the", "After."),
        ("Intro.\n\n    the the code\n    more code\n\nProse again.\n", "the the code", "Prose again."),
        ("Use `the the` here.\n", "the the", "Use "),
        ("Use ``a ` the the`` here.\n", "the the", " here."),
        ("See https://example.com/the_the?x=1 now.\n", "example.com", " now."),
        ("Visit www.example.org today.\n", "example.org", "today."),
        ("A [good link](http://x.com/the-the \"the the\") here.\n", "x.com", "good link"),
        ("A [ref] here.\n\n[ref]: http://ref.example/path\n", "ref.example", "A [ref] here."),
        ("<!-- the the\nthe the -->\nProse.\n", "the the", "Prose."),
        ("Text <span class=\"the the\">inside</span> end.\n", "class", "inside"),
        ("A <https://auto.link/the> here.\n", "auto.link", " here."),
        ("Mail desk@example.com now.\n", "example.com", " now."),
    ],
)
def test_non_prose_is_masked(text, hidden, kept):
    out = masked(text)
    assert hidden not in out
    assert kept in out


def test_crlf_fence_closes():
    text = "Intro.\r\n\r\n```\r\nthe the\r\n```\r\nAfter the fence.\r\n"
    out = masked(text)
    assert "the the" not in out
    assert "After the fence." in out


def test_crlf_indented_code():
    out = masked("Para.\r\n\r\n    the the\r\n\r\nText.\r\n")
    assert "the the" not in out and "Text." in out


def test_list_continuation_is_prose_not_code():
    out = masked("- item\n\n    a continuation paragraph\n")
    assert "a continuation paragraph" in out


def test_lazy_continuation_is_prose():
    out = masked("Line one\n    still the same paragraph\n")
    assert "still the same paragraph" in out


def test_plain_text_is_not_masked():
    text = "Code `the the` and https://x.com stay in plain text."
    assert Document(text).prose == text


def _lint(text: str, codes=("TP001", "ST001")):
    return Linter(list(codes)).lint(Document(text, "a.md", kind="markdown")).diagnostics


def test_rules_do_not_see_code_in_markdown():
    text = "Intro.\n\n```\nthe the\n```\n\nInline `and and` code.\n"
    assert _lint(text) == []
    found = Linter(["TP001"]).lint(Document(text, "a.txt")).diagnostics
    assert len(found) == 2


def test_offsets_are_those_of_the_file():
    text = "---\ntitle: x\n---\n\nThe report said the the talks ended.\n"
    (d,) = _lint(text)
    assert text[d.start : d.end] == "the"
    assert (d.line, d.column) == (5, 21)


# ------------------------------------------------------------------------ directives


def test_disable_enable_block():
    text = (
        "One the the slip.\n\n<!-- copydesk: disable TP001 -->\nTwo the the slip.\n"
        "<!-- copydesk: enable TP001 -->\n\nThree the the slip.\n"
    )
    found = _lint(text)
    assert [d.line for d in found if d.code == "TP001"] == [1, 7]
    assert not [d for d in found if d.code == "ST001"]


def test_disable_without_selector_covers_all_rules_to_the_end():
    text = "Fine.\n\n<!-- copydesk: disable -->\nTwo the the slip.\n\nThree and and.\n"
    assert _lint(text) == []


@pytest.mark.parametrize("selector", ["TP001", "TP", "doubled-word", "typo", "tp001"])
def test_ignore_next_line_with_codes_prefixes_names_categories(selector):
    text = f"<!-- copydesk: ignore-next-line {selector} -->\nThe the slip.\nAnd and here.\n"
    found = _lint(text)
    assert [d.line for d in found] == [3]


def test_ignore_next_line_skips_blank_lines():
    text = "<!-- copydesk: ignore-next-line -->\n\nThe the slip.\n"
    assert _lint(text) == []


def test_directive_for_another_rule_does_not_suppress():
    text = "<!-- copydesk: ignore-next-line ST001 -->\nThe the slip.\n"
    codes = [d.code for d in _lint(text)]
    assert "TP001" in codes and "ST001" in codes


def test_unused_directive_is_reported_at_the_directive():
    text = "<!-- copydesk: disable TP001 -->\nNothing wrong here.\n<!-- copydesk: enable -->\n"
    (d,) = _lint(text)
    assert d.code == "ST001"
    assert text[d.start : d.end] == "<!-- copydesk: disable TP001 -->"
    assert "TP001" in d.message


def test_unused_directive_not_reported_when_st001_is_not_selected():
    text = "<!-- copydesk: ignore-next-line TP001 -->\nNothing wrong.\n"
    assert _lint(text, codes=("TP001",)) == []


def test_directives_ignored_in_plain_text():
    text = "<!-- copydesk: ignore-next-line -->\nThe the slip.\n"
    found = Linter(["TP001", "ST001"]).lint(Document(text, "a.txt")).diagnostics
    assert [d.code for d in found] == ["TP001"]


def test_directives_shown_in_code_are_not_obeyed():
    text = (
        "Write `<!-- copydesk: disable -->` to switch rules off.\n\n"
        "```\n<!-- copydesk: ignore-next-line -->\n```\nThe the slip.\n"
    )
    found = _lint(text)
    assert [d.code for d in found] == ["TP001"]


def test_fixes_that_would_edit_masked_text_become_suggestions():
    from linter.diagnostic import Applicability, Category, Fix
    from linter.rule import Rule

    class JunkBeforeComma(Rule):
        code, name, category = "XM901", "test-junk-comma", Category.TYPOGRAPHY

        def check(self, doc):
            prose = doc.prose
            for i, ch in enumerate(prose):
                if ch == ",":
                    j = i
                    while j > 0 and not prose[j - 1].isalnum() and prose[j - 1] != "(":
                        j -= 1
                    if j < i:
                        yield self.diagnostic(j, i, "junk", Fix.delete(j, i, Applicability.SAFE, "remove"))

    text = "Extras (`parquet`, `ray`) and plain words , here.\n"
    rule = JunkBeforeComma()
    from linter.engine import Linter

    linter = Linter([])
    linter.rules = [rule]
    found = linter.lint(Document(text, "a.md", kind="markdown")).diagnostics
    by_text = {text[d.start : d.end + 1]: d.fix.applicability for d in found}
    assert by_text == {"`parquet`,": Applicability.DISPLAY, " ,": Applicability.SAFE}
    fixed = linter.fix(Document(text, "a.md", kind="markdown"), Applicability.UNSAFE).text
    assert fixed == "Extras (`parquet`, `ray`) and plain words, here.\n"


def test_inline_regions_become_placeholders_blocks_spaces():
    from linter.markdown import PLACEHOLDER, mask_markdown

    text = "Say `am`, see <https://example.org> or [site](https://example.org).\n\n```\ncode\n```\n"
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    assert masked.startswith("Say " + PLACEHOLDER * 4 + ", see " + PLACEHOLDER * 21 + " or [site]")
    assert masked.endswith("]" + PLACEHOLDER * 21 + ".\n\n   \n    \n   \n")


def test_lines_of_markup_only_are_blank():
    from linter.markdown import PLACEHOLDER, mask_markdown

    text = "<div>\nText here.\n</div>\nhttps://example.org/a\n[ref]: https://example.org\n"
    masked = mask_markdown(text)
    assert PLACEHOLDER not in masked
    assert masked.split("\n") == ["     ", "Text here.", "      ", " " * 21, " " * 26, ""]


@pytest.mark.parametrize(
    "text",
    [
        "The option is set on `am`, suggesting a slip.\n",
        "Read the [site](https://example.org). It helps.\n",
        "Mail <a@example.org>, or call.\n",
        "Use `--fix`; it writes files.\n",
        "Click <b>here</b>, then wait.\n",
    ],
)
def test_no_findings_on_masking_artefacts(text):
    assert [d.code for d in _lint(text, ["TY005", "TY006", "TP001", "TP002"])] == []


def test_words_around_a_code_span_are_not_neighbours():
    assert _lint("We ran the `the` command twice.\n", ["TP001"]) == []
    assert [d.code for d in _lint("We ran the the `x` command twice.\n", ["TP001"])] == ["TP001"]


def test_real_defects_beside_code_still_found():
    found = _lint("Set `x` and  now , please.\n", ["TY005", "TY006"])
    assert sorted(d.code for d in found) == ["TY005", "TY006"]
