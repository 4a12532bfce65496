"""File-level directives: they reach document-level findings reported at the start."""

from linter import Document, Linter
from linter.rule import Rule
from linter.diagnostic import Category


def _lint(text, codes=("TP001", "ST001")):
    return Linter(list(codes)).lint(Document(text, "a.md", kind="markdown")).diagnostics


def test_disable_file_suppresses_everywhere_in_the_file():
    text = "The the slip.\n\n<!-- copydesk: disable-file TP001 -->\n\nAnd and again.\n"
    assert [d.code for d in _lint(text)] == []


def test_disable_file_only_for_its_selectors():
    text = "<!-- copydesk: disable-file TP002 -->\nThe the slip.\n"
    assert sorted(d.code for d in _lint(text, ("TP001", "TP002", "ST001"))) == ["ST001", "TP001"]


def test_disable_file_reaches_a_finding_at_offset_zero():
    body = "# Results\n\n" + "".join(f"Round {i}: 12 - 10, 3 - 4, 55 - 6 and 7 - 8.\n" for i in range(40))
    linter = Linter(["QL007", "ST001"])
    before = linter.lint(Document(body, "a.md", kind="markdown")).diagnostics
    assert [(d.code, d.start) for d in before] == [("QL007", 0)]
    text = body + "\n<!-- copydesk: disable-file QL007 -->\n"
    assert linter.lint(Document(text, "a.md", kind="markdown")).diagnostics == []


def test_disable_next_line_is_not_read_as_disable():
    text = "<!-- copydesk: disable-next-line TP001 -->\nThe the slip.\n\nAnd and here.\n"
    found = _lint(text)
    assert [(d.code, d.line) for d in found] == [("TP001", 4)]
