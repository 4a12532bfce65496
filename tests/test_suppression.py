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


def test_any_rule_may_read_the_directives_after_suppression():
    """The engine hands the directives to every rule that asks (``reads_directives``),
    with ``used`` already set: ST001 is one such rule, not a code the engine knows."""
    from linter.diagnostic import FixAvailability, Severity

    seen = []

    class CountsDirectives(Rule):
        code = "ZZ901"
        name = "counts-directives"
        category = Category.STYLE
        severity = Severity.INFO
        fix_availability = FixAvailability.NONE
        reads_directives = True

        def check(self, doc):
            return ()

        def check_directives(self, doc, directives):
            seen.extend((d.kind, d.used) for d in directives)
            return ()

    linter = Linter(["TP001"])
    linter.rules.append(CountsDirectives())
    text = "<!-- copydesk: ignore-next-line TP001 -->\nIt was the the end.\n\n<!-- copydesk: ignore-next-line TP001 -->\nA clean line.\n"
    linter.lint(Document(text, "a.md", kind="markdown"))
    assert sorted(seen) == [("next-line", False), ("next-line", True)]


def test_unused_directives_are_reported_only_when_st001_is_selected():
    text = "<!-- copydesk: ignore-next-line TP001 -->\nA clean line.\n"
    assert [d.code for d in _lint(text, ("TP001",))] == []
    assert [d.code for d in _lint(text, ("TP001", "ST001"))] == ["ST001"]
