"""The language server's pure parts: LSP positions and the vocabulary edit."""

from __future__ import annotations

import sys

import pytest

from linter.server.positions import UTF8, UTF16, UTF32, LineIndex, apply_changes
from linter.server.vocabulary import VocabularyError, add_word, insert_word

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@pytest.mark.parametrize(
    "encoding,expected", [(UTF16, (1, 3)), (UTF8, (1, 5)), (UTF32, (1, 2))]
)
def test_astral_characters_count_in_the_negotiated_units(encoding, expected):
    text = "first\nb\U0001f600 word"
    index = LineIndex(text, encoding)
    offset = text.index(" word")
    assert index.position(offset) == expected
    assert index.offset(*expected) == offset


def test_lines_break_only_where_the_protocol_breaks_them():
    text = "a\u2028b\x0cc\r\rd\r\ne"
    index = LineIndex(text)
    assert index.position(text.index("b")) == (0, 2)  # U+2028 and form feed break no line
    assert index.position(text.index("d")) == (2, 0)  # a lone \r does
    assert index.position(text.index("e")) == (3, 0)
    assert index.offset(3, 0) == text.index("e")


def test_positions_past_the_end_are_clamped():
    index = LineIndex("ab\ncd")
    assert index.offset(0, 99) == 2
    assert index.offset(9, 0) == 5
    assert index.offset(-1, 0) == 0


def test_incremental_changes_apply_in_order():
    text = "one \U0001f600 two\nthree"
    out = apply_changes(text, [((0, 7, 0, 10), "2"), ((1, 0, 1, 5), "3"), (None, "x"), ((0, 1, 0, 1), "y")], UTF16)
    assert out == "xy"
    assert apply_changes(text, [((0, 7, 0, 10), "2")], UTF16) == "one \U0001f600 2\nthree"


@pytest.mark.parametrize(
    "before,table,after",
    [
        ('select = ["TP"]\n', (), 'select = ["TP"]\nvocabulary = ["Vandermer"]\n'),
        ('vocabulary = ["a"]  # names\n', (), 'vocabulary = ["a", "Vandermer"]  # names\n'),
        ('vocabulary = [\n    "a",  # x\n]\n', (), 'vocabulary = [\n    "a",  # x\n    "Vandermer",\n]\n'),
        ("vocabulary = []\r\n", (), 'vocabulary = ["Vandermer"]\r\n'),
        (
            '[project]\nname = "x"\n\n[tool.copydesk]\nselect = ["TP"]\n\n[tool.copydesk.rules.NM001]\nmin-dominant = 3\n',
            ("tool", "copydesk"),
            '[project]\nname = "x"\n\n[tool.copydesk]\nselect = ["TP"]\nvocabulary = ["Vandermer"]\n\n'
            "[tool.copydesk.rules.NM001]\nmin-dominant = 3\n",
        ),
        ('[tool]\ncopydesk.select = ["TP"]\n', ("tool", "copydesk"), '[tool]\ncopydesk.select = ["TP"]\ncopydesk.vocabulary = ["Vandermer"]\n'),
    ],
)
def test_vocabulary_edit_is_minimal(before, table, after):
    assert insert_word(before, "Vandermer", table) == after


def test_vocabulary_edit_refuses_what_it_cannot_do_exactly():
    with pytest.raises(ValueError):
        insert_word('vocabulary = "a, b"\n', "X", ())
    assert insert_word('vocabulary = ["X"]\n', "X", ()) == 'vocabulary = ["X"]\n'


def test_add_word_creates_copydesk_toml_and_keeps_a_vocabulary_file(tmp_path):
    written = add_word(None, "Vandermer", tmp_path)
    assert written == tmp_path / "copydesk.toml"
    assert tomllib.loads(written.read_text(encoding="utf-8")) == {"vocabulary": ["Vandermer"]}
    (tmp_path / "words.txt").write_bytes(b"Aldwen\r\n")
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text('[tool.copydesk]\nvocabulary-file = "words.txt"\n', encoding="utf-8")
    assert add_word(cfg, "Vandermer", tmp_path) == tmp_path / "words.txt"
    assert (tmp_path / "words.txt").read_bytes() == b"Aldwen\r\nVandermer\r\n"
    with pytest.raises(VocabularyError):
        add_word(cfg, "two\nlines", tmp_path)
