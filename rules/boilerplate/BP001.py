from __future__ import annotations

import regex

from linter.diagnostic import Applicability, Category, Fix, FixAvailability, Severity
from linter.rule import Option, Rule
from linter.rules.boilerplate._patterns import furniture_score, match_line
from linter.rules.support.lines import delete_line_fix, snippet
from linter.rules.support.patterns import lazy

# A link's text ends without a full stop, or with the ellipsis of a cut teaser.
_LINK_LINE_END_RE = lazy(r"(?<![.…])[.;,]\s*$")
# A menu entry between two boilerplate lines: a few words, no address, no heading's
# colon or teaser's ellipsis (a headline, "via example.com" or "On the Net:" is not one),
# and no exclamation or question: a menu names places, while a short line that exclaims
# or asks ("Nice!", "Thanks, guys! :)") is a reader's comment between two comment stamps.
_MENU_MAX_WORDS = 4
_NOT_MENU_RE = lazy(
    r"https?://|www\.|\w\.(com|org|net|co|gov|edu|info)\b|[:…]\s*$|\.\.\.\s*$|^via\b|\w[!?]", regex.I
)
_WORD_RE = lazy(r"\w+")
# Story furniture (bylines, timestamps, credits, contact lines) is reported at the
# article's edges only: within this many lines of the first or last line of its body,
# the longest run of prose lines (lines of at least _PROSE_MIN_WORDS words ending like a
# sentence) in which at most _ARTICLE_GAP other lines (captions, subheadings) stand
# between two prose lines. A timestamp between two comments, or in a list of other
# stories, is not at the article's edge.
_EDGE_LINES = 3
_PROSE_MIN_WORDS = 6
_ARTICLE_GAP = 3
_SENTENCE_END_RE = lazy(r"[.!?…][\"'”’)\]]*\s*$")
# A line the furniture vocabulary alone calls boilerplate is the writer's own sentence
# ("Enjoy the read.", "Check it out below!") when it reads as one (a capital letter
# first, a full stop, "!" or "?" last but not a teaser's ellipsis, a single sentence, no
# brackets, at most one strong furniture word) and runs on from a line of the text: a line of at least
# _PROSE_MIN_WORDS words right beside it, with no boilerplate between it and the edge.
_OWN_SENTENCE_RE = lazy(r"(?<![.…])[.!?][\"'”’]?\s*$")
_BRACKET_RE = lazy(r"[()\[\]]")
# A promotion is often two sentences ("Want more stories? Get our newsletter."): one is asked.
_INNER_SENTENCE_END_RE = lazy(r"[.!?]\s+\S")
# A bare byline, "By" and the writer's name alone ("By Jane Doe", "By Jane Doe and Sam
# Roe"), is the credit written into the copy itself (wire and print stories carry it), not
# furniture the page put round the story: only a byline with what a page adds (its
# outlet, a date or time, a separator, "Posted by", a handle) is reported.
_NAME = r"\p{Lu}[\p{L}'’.-]*"
_PARTICLE = r"(?:de|van|von|da|di|del|la|le|bin|al|el)"
_BARE_BYLINE_RE = lazy(
    rf"\s*(?i:by)\s+{_NAME}(?:\s+(?:{_NAME}|{_PARTICLE}))*(?:\s+(?i:and|&)\s+{_NAME}(?:\s+(?:{_NAME}|{_PARTICLE}))*)?\s*"
)
# Lines that are boilerplate wherever they stand are short; longer lines are prose
# (the block at the edges is matched without this limit).
_ANYWHERE_MAX_CHARS = 400
# A share or follow label is a subheading of the article when it heads a paragraph: a
# blank line above it and, on the very next line, the paragraph's first line of at least
# _HEADED_MIN_WORDS words ("Sharing on Google+" over the text about that feature). A row
# of buttons stands apart from the text on a page.
_LABEL_KINDS = frozenset({"share buttons", "follow link"})
_HEADED_MIN_WORDS = 12


class _LazyKinds:
    """Line kinds matched on demand: only lines near the edges need every pattern."""

    def __init__(self, lines, markdown: bool) -> None:
        self._lines = lines
        self._markdown = markdown
        self._cache: dict[int, object] = {}

    def __getitem__(self, i: int):
        if i not in self._cache:
            self._cache[i] = match_line(self._lines[i].text, markdown=self._markdown)
        return self._cache[i]


class BoilerplateLine(Rule):
    """A line of web-page or feed boilerplate: share prompts, "read more", copyright.

    What it does:
        Flags whole lines that are boilerplate rather than article text: share,
        follow and subscribe prompts, "read more" and "click here" links, copyright
        and "all rights reserved" lines, "Advertisement", comment prompts, app
        download prompts, cookie notices, newsletter sign-ups, navigation menus,
        photo credits, lists of related links under a "More on this story" heading,
        and lines of nothing but symbols. The patterns are data
        (`rules/data/boilerplate_<language>.toml`), each kind marked `anywhere` (never
        prose, flagged wherever it stands) or `edge` (could be prose or a caption,
        flagged only in the block of boilerplate lines at the end or start of the
        document). A pattern must match the whole line, so a sentence that merely
        mentions cookies or advertising is never flagged. A line at an edge that no
        pattern matches but whose words are mostly page furniture is flagged too,
        unless it reads as the writer's own sentence running on from the text: one
        sentence with a capital letter first and a full stop, "!" or "?" last, no
        brackets, at most one strong furniture word, right beside a line of at least
        six words with no boilerplate between it and the edge ("Enjoy the read." after
        the last paragraph, a title above the first); beside other boilerplate it is
        part of the block. A share or follow label that heads a paragraph (a blank
        line above it, the paragraph's first line of twelve words or more right
        under it) is the article's subheading naming a feature ("Sharing on
        Facebook"), not a row of buttons, which stands apart from the text.

    Why it matters:
        Scraped articles carry the page around them; in a corpus the same prompts
        repeat across thousands of documents and in a republished story they are
        plainly wrong.

    Example:
        The council will vote on the plan next month.

        Share this article
        Copyright 2024 The Daily Ledger. All rights reserved.

    Use instead:
        The council will vote on the plan next month.

    Fix safety:
        Unsafe: the line is deleted with the line breaks that join it to the text.
        The patterns are anchored on whole lines, but a short line of real text can
        still match one.

    Options:
        max-links: the most short lines under a "related links" heading that are
        taken as its list of links (default 20).
        furniture: report story furniture, bylines, timestamps, photo credits and
        contact lines, at info severity, where they stand at the edges of the article
        (within 3 lines of the first or last line of its body, the longest run of
        prose lines) or in the boilerplate block at the start or end of the document
        (default true; false keeps them silent). A bare byline, "By" and the writer's
        name alone, is the story's own credit and is never reported; a byline with
        what a page adds (outlet, date, separator, "Posted by") is.
    """

    code = "BP001"
    name = "boilerplate-line"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = (Applicability.UNSAFE,)
    options = {
        "max-links": Option(20, 'short lines under a "related links" heading taken as links'),
        "furniture": Option(
            True,
            "report story furniture (bylines, timestamps, photo credits, contact lines) at the article's edges, "
            "at info severity",
        ),
    }

    def check(self, doc):
        lines = [ln for ln in doc.lines if ln.text.strip()]
        n = len(lines)
        if not n:
            return
        flagged: dict[int, str] = {}
        info: set[int] = set()  # lines of kinds reported at info severity
        markdown = doc.kind == "markdown"
        for i, line in enumerate(lines):
            if len(line.text) > _ANYWHERE_MAX_CHARS:
                continue
            kind = match_line(line.text, anywhere_only=True, markdown=markdown)
            if kind is not None:
                flagged[i] = kind.name
                if kind.info:
                    info.add(i)
        kinds = _LazyKinds(lines, markdown)
        # The boilerplate block at the end: matching lines, and short link-like
        # lines when a "related links" heading stands above them.
        # Short lines between two boilerplate lines of that block (a navigation
        # menu's entries) go with them.
        pending: list[int] = []
        seen_boilerplate = False
        i = n - 1
        while i >= 0:
            kind = kinds[i]
            what = kind.name if kind is not None else None
            header = kind is not None and kind.where == "header"
            if kind is None:
                what, header = self._furniture(lines[i].text)
                if what is not None and not seen_boilerplate and self._own_sentence(lines, i, i - 1, flagged):
                    break  # the writer's closing sentence: the text ends here
            if what is not None:
                if header:
                    for j in pending:
                        flagged[j] = f"link under '{snippet(lines[i].text, 30)}'"
                elif seen_boilerplate and pending:
                    if kind is not None and kind.name == "symbols only" or not all(
                        self._menu_entry(lines[j].text) for j in pending
                    ):
                        # a separator, or text that is not a menu: the block ends below it
                        break
                    for j in pending:
                        flagged[j] = "short line inside a boilerplate block"
                pending = []
                seen_boilerplate = True
                if i not in flagged and kind is not None and kind.info:
                    info.add(i)
                flagged.setdefault(i, what)
            elif self._link_like(lines[i].text) and len(pending) < self.opts["max-links"]:
                pending.append(i)
            else:
                break
            i -= 1
        # The boilerplate block at the start.
        i = 0
        while i < n - 1:
            kind = kinds[i]
            what = kind.name if kind is not None and kind.where in ("anywhere", "edge") else None
            if kind is None:
                what, header = self._furniture(lines[i].text)
                if header or what is not None and self._own_sentence(lines, i, i + 1, flagged):
                    what = None  # a heading, or the writer's opening sentence
            if what is None:
                break
            if i not in flagged and kind is not None and kind.info:
                info.add(i)
            flagged.setdefault(i, what)
            i += 1
        # A bare byline is the story's own credit: text, not furniture.
        for i in [i for i in info if _BARE_BYLINE_RE.fullmatch(lines[i].text)]:
            info.discard(i)
            del flagged[i]
        # Lines of the block at the end share one fix that deletes the whole block, so
        # that deleting a "related links" heading never strands its links.
        tail = n
        while tail > 0 and (tail - 1) in flagged:
            tail -= 1
        head = 0
        while head < n and head in flagged:
            head += 1
        report_furniture = self.opts["furniture"]
        edges = self._article_edges(lines, flagged) if report_furniture and info else set()
        for i in sorted(flagged):
            if i in info and not (report_furniture and (i in edges or i >= tail or i < head)):
                continue  # a byline or dateline belongs to the story: silent unless asked
            if flagged[i] in _LABEL_KINDS and self._heads_paragraph(doc.text, lines, i, flagged):
                continue  # a subheading of the article naming a feature
            line = lines[i]
            where = ""
            if i >= tail and tail > 0:
                where = " at the end of the document"
                count = n - tail
                fix = Fix.delete(
                    lines[tail - 1].end,
                    lines[-1].end,
                    Applicability.UNSAFE,
                    f"Delete the {count} boilerplate line{'s' if count > 1 else ''} at the end",
                )
            elif i < head and head < n:
                where = " at the start of the document"
                fix = Fix.delete(
                    lines[0].start,
                    lines[head].start,
                    Applicability.UNSAFE,
                    f"Delete the {head} boilerplate line{'s' if head > 1 else ''} at the start",
                )
            else:
                fix = delete_line_fix(lines, i, f"Delete '{snippet(line.text, 40)}'")
            yield self.diagnostic(
                line.start,
                line.end,
                f"boilerplate line ({flagged[i]}){where}: '{snippet(line.text)}'",
                fix,
                severity=Severity.INFO if i in info else None,
                evidence={"kind": flagged[i]},
            )

    @staticmethod
    def _furniture(text: str) -> tuple[str | None, bool]:
        """Whether an edge line is page furniture by its vocabulary; and a heading."""
        words = _WORD_RE.findall(text)
        if not words or len(words) > 20:
            return None, False
        score, strong, medium, content = furniture_score(text)
        if score >= 0.5 and (strong >= 1 or medium >= 2 or (medium and content <= 2)):
            heading = len(words) <= 6 and not _LINK_LINE_END_RE.search(text) and not text.rstrip().endswith(("!", "?"))
            return "page furniture", heading
        return None, False

    @staticmethod
    def _heads_paragraph(text: str, lines, i: int, flagged) -> bool:
        """Whether line ``i`` stands after a blank line, right above a long line of
        text that is not boilerplate (one line break between them)."""
        if i == 0 or i + 1 >= len(lines) or (i + 1) in flagged:
            return False
        if text.count("\n", lines[i - 1].end, lines[i].start) < 2:
            return False
        if text.count("\n", lines[i].end, lines[i + 1].start) != 1:
            return False
        return len(_WORD_RE.findall(lines[i + 1].text)) >= _HEADED_MIN_WORDS

    @staticmethod
    def _own_sentence(lines, i: int, beside: int, flagged) -> bool:
        """Whether line ``i``, which only the furniture vocabulary flags, is a sentence
        of the text: it ends like one and line ``beside`` (the one towards the body) is
        a line of prose that is not boilerplate."""
        text = lines[i].text.strip()
        if not text[:1].isupper() or _BRACKET_RE.search(text) or not _OWN_SENTENCE_RE.search(text):
            return False
        if _INNER_SENTENCE_END_RE.search(text) or furniture_score(text)[1] > 1:
            return False  # "Entries (RSS) and Comments (RSS).": a footer's labels
        if not 0 <= beside < len(lines) or beside in flagged:
            return False
        return len(_WORD_RE.findall(lines[beside].text)) >= _PROSE_MIN_WORDS

    @staticmethod
    def _article_edges(lines, flagged) -> set[int]:
        """Indices of the lines near the first and the last line of the article's body."""
        best = (0, -1, -1)  # (prose words, first line, last line)
        start = last = -1
        words = 0
        for i, line in enumerate(lines):
            count = len(_WORD_RE.findall(line.text))
            if count < _PROSE_MIN_WORDS or not _SENTENCE_END_RE.search(line.text):
                continue
            if start < 0 or i - last - 1 > _ARTICLE_GAP:
                start, words = i, 0
            last, words = i, words + count
            if words > best[0]:
                best = (words, start, last)
        _, first, end = best
        out: set[int] = set()
        if first < 0:
            return out
        # Outwards from each end of the body and inwards into it, _EDGE_LINES lines that
        # are not boilerplate (share buttons between a byline and the text do not count).
        for start, step in ((first - 1, -1), (first, 1), (end, -1), (end + 1, 1)):
            i, counted = start, 0
            while 0 <= i < len(lines) and counted < _EDGE_LINES:
                out.add(i)
                counted += i not in flagged
                i += step
        return out

    @staticmethod
    def _menu_entry(text: str) -> bool:
        return len(_WORD_RE.findall(text)) <= _MENU_MAX_WORDS and not _NOT_MENU_RE.search(text.strip())

    @staticmethod
    def _link_like(text: str) -> bool:
        words = _WORD_RE.findall(text)
        return 0 < len(words) <= 14 and not _LINK_LINE_END_RE.search(text)
