"""Every rule's docstring "Example" section is run as a test: its own rule must flag it.

An Example is linted as written, with two declared conventions for what a docstring
cannot show or does not imply:

* Escapes for invisible or invalid input: ``␠`` is a space, ``<U+XXXX>`` that code
  point, ``<0xNN>`` the single byte 0xNN that is not valid UTF-8 (read as copydesk
  reads it, the code point U+DCNN).
* Context lines, ``Example options: {...}``, ``Example settings: {...}`` (TOML
  inline tables, as in the configuration) and ``Example kind: markdown``: the
  rule's options, the run-wide settings (``names``, ``languages``, ``vocabulary``)
  and the document kind the example is linted with. These lines are not linted.
"""

from __future__ import annotations

import re
import textwrap
import tomllib

import pytest

from linter import Document, Linter
from linter.registry import all_rules
from linter.rule import Settings, option_key

_CONTEXT_RE = re.compile(r"^\s*Example (options|settings|kind):\s*(.*?)\s*$")
_ESCAPE_RE = re.compile(r"␠|<U\+([0-9A-F]{4,6})>|<0x([0-9A-F]{2})>")


def _unescape(m: re.Match) -> str:
    if m.group(1):
        return chr(int(m.group(1), 16))
    if m.group(2):
        return chr(0xDC00 + int(m.group(2), 16))
    return " "


def _example(code: str) -> tuple[str, dict, dict, str]:
    """The Example text with escapes resolved, and its options, settings and kind."""
    # The section comes stripped: its first line has lost its indent, the others not.
    first, _, rest = all_rules()[code].doc_sections().get("Example", "").partition("\n")
    section = first + "\n" + textwrap.dedent(rest)
    lines, context = [], {"options": "{}", "settings": "{}", "kind": "text"}
    for line in section.splitlines():
        m = _CONTEXT_RE.match(line)
        if m:
            context[m.group(1)] = m.group(2)
        else:
            lines.append(line)
    text = _ESCAPE_RE.sub(_unescape, "\n".join(lines).strip("\n"))
    options = {option_key(k): v for k, v in tomllib.loads(f"v = {context['options']}")["v"].items()}
    settings = tomllib.loads(f"v = {context['settings']}")["v"]
    return text, options, settings, context["kind"]


def _flags_own_example(code: str) -> bool:
    text, options, settings, kind = _example(code)
    settings = Settings(
        vocabulary=frozenset(settings.get("vocabulary", ())),
        names=settings.get("names", {}),
        languages=tuple(settings.get("languages", ("en",))),
    )
    path = "example.md" if kind == "markdown" else "example.txt"
    linter = Linter([code], settings=settings, rule_options={code: options})
    found = linter.lint(Document(text + "\n", path, kind=kind)).diagnostics
    return any(d.code == code for d in found)


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_rule_flags_its_own_example(code):
    assert all_rules()[code].doc_sections().get("Example"), f"{code} has no Example section"
    assert _flags_own_example(code), f"{code} does not flag its own docstring Example"

