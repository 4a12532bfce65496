"""Document's memo API and its fields: the one way per-document work is shared."""

from linter.document import Document


def test_memo_builds_once_per_key_and_document():
    doc, calls = Document("Some text here."), []

    def build():
        calls.append(1)
        return ["view"]

    first = doc.memo("view", build)
    assert doc.memo("view", build) is first
    assert calls == [1]
    assert doc.memo("other", lambda: 7) == 7
    # a second Document shares nothing with the first
    assert Document("Some text here.").memo("view", build) == ["view"] and calls == [1, 1]


def test_bom_is_a_field_defaulting_to_false():
    assert Document("x").bom is False
    assert Document("x", bom=True).bom is True


def test_rule_support_caches_leave_no_attributes_on_the_document():
    from linter.engine import Linter

    doc = Document("The Mayor of Harbourton, Ana Cakaj, said “the bridge opens today”.")
    before = set(vars(doc))
    Linter().lint(doc)
    added = {k for k in set(vars(doc)) - before if not k.startswith("_memo")}
    # only Document's own cached views (cached_property names) may appear
    assert all(hasattr(type(doc), k) for k in added), added
    assert doc._memo  # the shared work went through memo
