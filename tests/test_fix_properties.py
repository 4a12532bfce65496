"""Properties of the fixer and the real rules together, on generated article text
with invisible characters between fixable spans, doubled words across line ends,
mixed scripts, CRLF, a BOM and emoji with joiners:

- each pass changes only the text inside the edits it applies (byte for byte outside);
- fixing twice equals fixing once;
- no safe fix turns a word into a non-word (every word the fix leaves that the input
  did not have is an English word);
- a CRLF document stays CRLF, and the BOM survives writing.

CI runs a few examples; ``python -m benchmarks.properties`` runs at least 5,000
(``COPYDESK_PROPERTY_EXAMPLES``).
"""

from __future__ import annotations

import os

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter import Document, Linter
from linter.diagnostic import Applicability
from linter.fixer import apply_edits, choose_fixes, fix_until_stable
from linter.rules.support.lexicon import misspelling_corrections
from linter.sources import decode
from linter.writer import encode

EXAMPLES = int(os.environ.get("COPYDESK_PROPERTY_EXAMPLES", "40"))

_WORDS = (
    "the council said support for the new plan was strong and its members would meet "
    "again on Tuesday to discuss an inquiry into the harbour ferry timetable which had "
    "been late all year a report was published by officials"
).split()
_FIXABLE = [
    "the the", "a apple", "an harbour", "goverment", "recieve", "s\u200bupport",
    "the\u00adthe", "teh", "said ,", "end .The", "plan  was", "\u201chello\u201d",
]
_INVISIBLE = ["\u200b", "\u00ad", "\u200d", "\u2060", "\ufeff"]
_FOREIGN = ["مرحبا", "интервью", "東京", "Ελλάδα", "שלום"]
_EMOJI = ["\U0001F468\u200d\U0001F469\u200d\U0001F467", "\U0001F44D\U0001F3FD", "\u2764\ufe0f"]
_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")

_LINTER = Linter()
# Words the generator writes (function words are not in the misspelling list's corrections).
_KNOWN = frozenset(_WORDS) | {"a", "an", "hello"}


@st.composite
def article(draw):
    pieces = []
    for _ in range(draw(st.integers(5, 60))):
        kind = draw(st.integers(0, 9))
        if kind <= 3:
            pieces.append(draw(st.sampled_from(_WORDS)))
        elif kind == 4:
            pieces.append(draw(st.sampled_from(_FIXABLE)))
        elif kind == 5:
            w = draw(st.sampled_from(_WORDS))
            pieces.append(w + draw(st.sampled_from(_INVISIBLE)) + draw(st.sampled_from(_WORDS)))
        elif kind == 6:
            w = draw(st.sampled_from(_WORDS))
            pieces.append(w + draw(st.sampled_from([" \n", "\n", "  \n ", "\n\n"])) + w)
        elif kind == 7:
            pieces.append(draw(st.sampled_from(_FOREIGN)))
        elif kind == 8:
            pieces.append(draw(st.sampled_from(_EMOJI)))
        else:
            pieces.append(draw(st.sampled_from([".", ",", "\n", "\n\n", " -", "'s", "?"])))
    text = " ".join(pieces)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


def _fix(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Fix until stable, checking every pass applies exactly its edits."""
    passes = []

    def lint(t: str):
        diags = _LINTER.lint(Document(t)).diagnostics
        chosen = choose_fixes(diags, Applicability.SAFE)
        edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: e.start)
        after = apply_edits(t, edits)
        # outside the edits, the text is the same byte for byte, in order
        pos = out = 0
        for e in edits:
            keep = t[pos : e.start]
            assert after[out : out + len(keep)] == keep
            out += len(keep) + len(e.replacement)
            assert after[out - len(e.replacement) : out] == e.replacement
            pos = e.end
        assert after[out:] == t[pos:]
        passes.append((t, after))
        return diags

    result = fix_until_stable(text, lint, Applicability.SAFE)
    return result.text, passes


_INVISIBLE_RE = regex.compile(r"\p{Cf}")


def _words(text: str) -> set[str]:
    """Words as a reader sees them (invisible characters do not split a word)."""
    return {w.lower() for w in _WORD_RE.findall(_INVISIBLE_RE.sub("", text))}


@given(article())
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_safe_fixes_keep_text_outside_edits_and_are_idempotent(text):
    fixed, _ = _fix(text)
    again, _ = _fix(fixed)
    assert again == fixed
    # no safe fix makes a word that is not one
    english = misspelling_corrections()
    for word in _words(fixed) - _words(text):
        assert word in english or word in _KNOWN, f"safe fix made {word!r} from {text!r}"
    # a CRLF document keeps CRLF
    if "\n" in text and "\n" not in text.replace("\r\n", ""):
        assert "\n" not in fixed.replace("\r\n", "")
    # writing keeps the BOM
    assert decode(encode(fixed, True)).text == fixed and decode(encode(fixed, True)).bom
