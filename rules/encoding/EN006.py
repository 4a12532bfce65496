from __future__ import annotations

import unicodedata

import regex

from linter.diagnostic import Applicability, Category, FixAvailability, Severity
from linter.rule import Rule

# Compiled on first use (with the ``html`` module): most documents have no "&" or
# "<" at all, and compiling these costs more than checking a short article.
_ENTITY_SOURCE = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_TAG_NAMES = (
    "a|abbr|b|big|blockquote|body|br|center|cite|code|dd|div|dl|dt|em|font|h[1-6]|head|hr|html|i|"
    "iframe|img|li|link|meta|nav|ol|p|pre|q|s|script|small|span|strike|strong|style|sub|sup|table|"
    "tbody|td|th|thead|title|tr|tt|u|ul|figure|figcaption|section|article|header|footer|noscript"
)
_TAG_SOURCE = (
    rf"</?(?:{_TAG_NAMES})(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*\s*/?>"
)
_BLOCK_TAGS_SOURCE = r"</?(?:br|p|div|li|tr|h[1-6]|hr|blockquote|ul|ol|table)\b"
_COMPILED: dict[str, regex.Pattern] = {}


def _entity_re() -> regex.Pattern:
    if "entity" not in _COMPILED:
        _COMPILED["entity"] = regex.compile(_ENTITY_SOURCE)
    return _COMPILED["entity"]


def _tag_res() -> tuple[regex.Pattern, regex.Pattern]:
    if "tag" not in _COMPILED:
        _COMPILED["tag"] = regex.compile(_TAG_SOURCE, regex.IGNORECASE)
        _COMPILED["block"] = regex.compile(_BLOCK_TAGS_SOURCE, regex.IGNORECASE)
    return _COMPILED["tag"], _COMPILED["block"]


def _visible(s: str) -> bool:
    return bool(s) and all(
        not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Mn", "Zs") for ch in s
    )


class HtmlLeftovers(Rule):
    """HTML entities and tags left in plain text: AT&amp;T, &#8217;, <br>.

    What it does:
        Flags character references (named, decimal and hexadecimal: &amp;,
        &#8217;, &#x2019;) and common HTML tags (<br>, <p>, </div>, <a href=...>)
        in plain text. Markdown files are skipped for entities, where they are
        legitimate, and their tags are already outside the prose.

    Why it matters:
        Leftover markup shows up verbatim to readers ("AT&amp;T", "don&#8217;t")
        and breaks search, word counts and deduplication; it means a converter
        was skipped or run twice.

    Example:
        AT&amp;T said it won&#8217;t raise prices.<br>

    Use instead:
        AT&T said it won’t raise prices.

    Fix safety:
        Safe for an entity that decodes to a visible character. An entity for an
        invisible character (&nbsp;, &zwj;) gets an unsafe fix. Tags get an
        unsafe fix that removes them (a line-breaking tag between two words
        becomes a space), since what the markup meant is a judgement.

    Options:
        none.
    """

    code = "EN006"
    name = "html-leftover"
    category = Category.ENCODING
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)

    def check(self, doc):
        text = doc.prose
        if doc.kind != "markdown" and "&" in text:
            import html

            for m in _entity_re().finditer(text):
                ent = m.group()
                decoded = html.unescape(ent)
                if decoded == ent:
                    continue  # not a known entity
                safe = _visible(decoded)
                if decoded in "¿?" and m.start() and text[m.start() - 1].isalpha() and text[m.end() : m.end() + 1].isalpha():
                    # person&#191;s: an apostrophe already lost upstream, not a ¿
                    yield self.diagnostic(
                        m.start(), m.end(),
                        f"HTML entity '{ent}' ('{decoded}') inside a word: probably a lost apostrophe",
                    )
                    continue
                shown = decoded if safe else f"U+{ord(decoded[0]):04X} {unicodedata.name(decoded[0], '').lower()}"
                fix = self.fix_replace(
                    m.start(), m.end(), decoded, Applicability.SAFE if safe else Applicability.UNSAFE,
                    f"Replace '{ent}' with '{decoded}'" if safe else f"Replace '{ent}' with the character",
                )
                yield self.diagnostic(
                    m.start(), m.end(),
                    f"HTML entity '{ent}' left in the text; it stands for '{shown}'",
                    fix,
                    evidence={"decoded": decoded},
                )
        if "<" in text:
            tag_re, block_tags = _tag_res()
            for m in tag_re.finditer(text):
                tag = m.group()
                start, end = m.start(), m.end()
                before = text[start - 1] if start else " "
                after = text[end] if end < len(text) else " "
                replacement = ""
                if block_tags.match(tag) and not before.isspace() and not after.isspace():
                    replacement = " "
                yield self.diagnostic(
                    start, end,
                    f"HTML tag '{tag[:60]}' left in the text",
                    self.fix_replace(start, end, replacement, Applicability.UNSAFE, f"Remove '{tag[:40]}'"),
                )
