"""Messages and Markdown parsing that a team meets in its first week."""

from linter.api import lint_text
from linter.markdown import mask_markdown, PLACEHOLDER


def _codes(text, kind="text", **kw):
    return [(d.code, d.message) for d in lint_text(text, kind=kind, **kw)]


def test_en001_uncertain_repair_does_not_show_a_guessed_character():
    # a closing quote whose last byte was lost reads as a dagger when "repaired"
    text = "She spoke carefully,\u00e2\u20ac and then left the room before noon.\n"
    found = [m for c, m in _codes(text) if c == "EN001"]
    assert found, "the damage must still be reported"
    assert "uncertain" in found[0]
    assert "\u2020" not in found[0]


def test_en001_certain_repair_shows_the_repaired_word():
    text = "The team\u00e2\u20ac\u2122s coach said so.\n"
    found = [m for c, m in _codes(text) if c == "EN001"]
    assert found and "team\u2019s" in found[0] and "uncertain" not in found[0]


def test_a_stray_backtick_does_not_hide_the_next_paragraph():
    text = "Press the ` key.\n\nThe the minister said `x`.\n"
    codes = [c for c, _ in _codes(text, kind="markdown")]
    assert "TP001" in codes


def test_code_spans_within_a_paragraph_are_still_masked():
    text = "Type `the the` to see it.\n"
    masked = mask_markdown(text)
    assert "the the" not in masked and PLACEHOLDER in masked
    assert len(masked) == len(text)


def test_words_inside_an_html_block_are_prose_and_script_is_not():
    text = "<div>\nThe the council met.\n</div>\n\n<script>\nvar the the = 1;\n</script>\n"
    masked = mask_markdown(text)
    assert "The the council met." in masked
    assert "var" not in masked
    assert len(masked) == len(text)


def test_fenced_code_with_crlf_keeps_offsets():
    text = "Intro line.\r\n\r\n```\r\nthe the\r\n```\r\n\r\nThe end.\r\n"
    masked = mask_markdown(text)
    assert len(masked) == len(text) and "the the" not in masked
    assert masked.endswith("The end.\r\n")


def test_quality_messages_name_options_as_users_write_them():
    msgs = [m for c, m in _codes("A short note.\n", select=["QL001"]) if c == "QL001"]
    assert msgs and "min-words" in msgs[0] and "min_words" not in msgs[0]


def test_a_bare_byline_is_the_story_s_own_and_a_page_byline_is_furniture_at_info():
    from linter import Document, Linter

    bare = "Harbour talks resume\n\nBy Maren Holt\n\nThe two ministers met on Tuesday to discuss quotas.\n"
    assert not [c for c, _ in _codes(bare) if c == "BP001"]
    page = "Harbour talks resume\n\nBy Maren Holt | The Harbour Times\n\nThe two ministers met on Tuesday to discuss quotas.\n"
    found = Linter(["BP001"]).lint(Document(page)).diagnostics
    assert [d.severity.name for d in found] == ["INFO"]
    off = Linter(["BP001"], rule_options={"BP001": {"furniture": False}}).lint(Document(page)).diagnostics
    assert not off
