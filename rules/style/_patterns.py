"""Matchers for house-style rules: every entry of a rule in one compiled pattern.

A rule's word list becomes a single pattern: literal entries are merged into a trie
(shared prefixes written once, so the engine tries each starting position against
one branch per next character instead of against every entry), patterns are joined
as one alternation of named groups. Either way a document is scanned once per rule,
however many entries the rule has. A trie of literals is searched with the standard
library's ``re`` on the lower-cased text when case is ignored: for this shape of
pattern it is about four times as fast as ``regex`` with its case-insensitive flag,
and a trie cannot backtrack beyond the length of its longest entry, so it needs no
time limit.

Patterns written by users are checked before they are compiled: a backreference, or
a repetition of something that itself repeats or can match the same text in more
than one way (``(a+)+``, ``(a|aa)+``, ``(\\w+\\s?)*``), can take exponential time and
is refused; matching is also bounded in time (:data:`TIME_LIMIT`).
"""

from __future__ import annotations

import re
from typing import Iterator

import regex
from linter.rules.support.patterns import lazy

# Seconds of matching one rule may spend on one document before it is stopped.
TIME_LIMIT = 2.0

# A match starts and ends at word boundaries where its own first or last character is
# a word character; an entry that starts or ends with punctuation ("Mr.", "!") needs
# no boundary on that side.
_START = r"(?:(?<!\w)|(?!\w))"
_END = r"(?:(?!\w)|(?<!\w))"
_BLANK_LINE_RE = lazy(r"\n[ \t\r]*\n")
_SPACE_RE = lazy(r"\s+")


class PatternError(ValueError):
    """A pattern that cannot be compiled or is refused; the message says why."""


def normalise(text: str, ignore_case: bool) -> str:
    """The form entries and matched text are compared in: runs of white space are
    one space (an entry "per cent" also matches "per\\ncent"), and lower case when
    case is ignored."""
    text = " ".join(_SPACE_RE.split(text.strip()))
    return text.lower() if ignore_case else text


class Matcher:
    """One compiled pattern for a rule's entries; :meth:`find` yields
    ``(start, end, entry index)`` over a text."""

    def __init__(self, entries: list[str], *, ignore_case: bool, is_regex: bool) -> None:
        flags = regex.IGNORECASE if ignore_case else 0
        self.ignore_case = ignore_case
        self.is_regex = is_regex
        self.entries = entries
        if is_regex:
            self.compiled_entries = []
            for i, pattern in enumerate(entries):
                reason = backtracking_risk(pattern)
                if reason:
                    raise PatternError(f"pattern {pattern!r} is refused: {reason}")
                try:
                    self.compiled_entries.append(regex.compile(pattern, flags))
                except regex.error as exc:
                    raise PatternError(f"pattern {pattern!r} does not compile: {exc}") from None
                if self.compiled_entries[-1].search(""):
                    raise PatternError(f"pattern {pattern!r} matches empty text")
            body = "|".join(f"(?P<_e{i}>{p})" for i, p in enumerate(entries))
            source = f"{_START}(?:{body}){_END}"
            self._group_entry: dict[int, int] = {}
            try:
                self.pattern = regex.compile(source, flags)
            except regex.error as exc:  # each pattern compiles alone; together they do not
                raise PatternError(f"the patterns cannot be combined into one: {exc}") from None
            self._group_entry = {self.pattern.groupindex[f"_e{i}"]: i for i in range(len(entries))}
        else:
            self.keys: dict[str, int] = {}
            for i, entry in enumerate(entries):
                self.keys.setdefault(normalise(entry, ignore_case), i)
            words = list(self.keys)
            start = r"(?<!\w)" if all(_is_word(w[0]) for w in words) else _START
            self._source = start + _trie_pattern(words) + _END
            self.pattern = re.compile(self._source)
            self._any_case: re.Pattern | None = None

    def find(self, text: str) -> Iterator[tuple[int, int, int]]:
        """Matches in ``text``: not across a blank line, not inside a URL or an
        e-mail address. Raises ``TimeoutError`` past :data:`TIME_LIMIT`."""
        for start, end, matched, index in self._matches(text):
            if "\n" in matched and _BLANK_LINE_RE.search(matched):
                continue
            if _in_address(text, start, end):
                continue
            if index is not None:
                yield start, end, index

    def _matches(self, text: str) -> Iterator[tuple[int, int, str, int | None]]:
        if self.is_regex:
            for m in self.pattern.finditer(text, timeout=TIME_LIMIT):
                yield m.start(), m.end(), m.group(), self._group_entry.get(m.lastindex or 0)
            return
        scan, pattern = text, self.pattern
        if self.ignore_case:
            scan = text.lower()
            if len(scan) != len(text):  # a character whose lower case is longer ("İ")
                if self._any_case is None:
                    self._any_case = re.compile(self._source, re.IGNORECASE)
                scan, pattern = text, self._any_case
        for m in pattern.finditer(scan):
            matched = m.group()
            yield m.start(), m.end(), matched, self.keys.get(normalise(matched, self.ignore_case))

    def expand(self, text: str, start: int, end: int, index: int, template: str) -> str | None:
        """``template`` with the groups of entry ``index``'s own pattern, matched
        over ``text[start:end]`` (``\\1``, ``\\g<name>``); None when it does not
        match there alone."""
        if not self.is_regex:
            return template
        m = self.compiled_entries[index].fullmatch(text, start, end)
        if m is None:
            return None
        try:
            return m.expand(template)
        except (regex.error, IndexError):
            return None


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _trie_pattern(words: list[str]) -> str:
    """One pattern matching exactly ``words`` (normalised entries), written as a
    trie: ``per cent|percentage`` becomes ``per(?:\\s+cent|centage)``. A space in an
    entry matches any run of white space."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            head = r"\s+" if ch == " " else re.escape(ch)
            branches.append(head + emit(node[ch]))
        if not branches:
            return ""
        # Longer continuations first; the end of an entry here is the last resort.
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(trie) if words else "(?!)"


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in a URL or an e-mail address: the run of
    non-space characters around it holds ``@``, ``://`` or starts with ``www.``."""
    lo = start
    limit = max(0, start - 200)
    while lo > limit and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    stop = min(len(text), end + 200)
    while hi < stop and not text[hi].isspace():
        hi += 1
    token = text[lo:hi]
    return "@" in token or "://" in token or token.lower().lstrip("(<[\"'").startswith("www.")


# --------------------------------------------------------------- backtracking risk

_ANY = "any"


class _Group:
    def __init__(self, atomic: bool) -> None:
        self.atomic = atomic
        self.repeats = False  # holds an unbounded repetition
        self.firsts: list[str] = []  # first character of each alternative (_ANY: unknown)
        self.first: str | None = None  # of the alternative being read
        self.atoms = 0  # atoms read in that alternative

    def atom(self, first: str) -> None:
        if not self.atoms:
            self.first = first
        self.atoms += 1

    def close_alternative(self) -> None:
        self.firsts.append(self.first if self.atoms and self.first is not None else _ANY)
        self.first, self.atoms = None, 0

    def ambiguous(self) -> bool:
        """Whether two alternatives may start on the same character."""
        if len(self.firsts) < 2:
            return False
        return _ANY in self.firsts or len(set(self.firsts)) < len(self.firsts)


_WAY_OUT = "; make the repetition possessive ((?:...)*+, a++) or the group atomic ((?>...)) if it cannot backtrack"
_QUANT_RE = lazy(r"\*|\+|\?|\{(\d*)(,?)(\d*)\}")


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` may take exponential time, or None.

    Refused: backreferences (no linear-time matcher can honour them), a repeated
    group that holds a repetition of its own (``(a+)+``, ``(\\w+\\s?)*``), and a
    repeated group whose alternatives may start on the same character (``(a|aa)+``).
    Atomic groups and possessive quantifiers do not backtrack and pass. Anything
    slower than linear that passes is still bounded by :data:`TIME_LIMIT`."""
    stack = [_Group(atomic=False)]
    last: _Group | str | None = None  # the atom a quantifier would apply to
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt.isdigit() and nxt != "0" or nxt in ("g", "k") and pattern[i + 2 : i + 3] in ("<", "{"):
                return f"a backreference ({pattern[i:i + 3]}...) cannot be matched in linear time"
            j = i + 2
            if nxt in "pPNx" and pattern[j : j + 1] == "{":
                j = pattern.find("}", j) + 1 or n
            first = _ANY if nxt.isalpha() else nxt.lower()
            stack[-1].atom(first)
            last, i = first, j
            continue
        if ch == "[":
            j, depth = i + 1, 1
            if pattern[j : j + 1] == "^":
                j += 1
            if pattern[j : j + 1] == "]":
                j += 1
            while j < n and depth:
                c = pattern[j]
                if c == "\\":
                    j += 2
                    continue
                if c == "[":
                    depth += 1
                elif c == "]":
                    depth -= 1
                j += 1
            stack[-1].atom(_ANY)
            last, i = _ANY, j
            continue
        if ch == "(":
            head = pattern[i : i + 4]
            if head.startswith("(?P=") or head.startswith("(?P>") or head.startswith("(?&") or head.startswith("(?R"):
                return "a backreference or a recursive group cannot be matched in linear time"
            if head.startswith("(?#"):
                i = pattern.find(")", i) + 1 or n
                continue
            stack.append(_Group(atomic=head.startswith("(?>")))
            last = None
            i += 1
            continue
        if ch == ")" and len(stack) > 1:
            group = stack.pop()
            group.close_alternative()
            parent = stack[-1]
            parent.atom(group.firsts[0] if len(group.firsts) == 1 else _ANY)
            parent.repeats = parent.repeats or group.repeats
            last, i = group, i + 1
            continue
        if ch == "|":
            stack[-1].close_alternative()
            last, i = None, i + 1
            continue
        m = _QUANT_RE.match(pattern, i)
        if m and last is not None and (not m.group().startswith("{") or m.group(1) or m.group(3)):
            text = m.group()
            if text.startswith("{"):
                low = int(m.group(1) or 0)
                high = None if m.group(2) and not m.group(3) else int(m.group(3) or m.group(1) or 0)
            else:
                low = 1 if text == "+" else 0
                high = 1 if text == "?" else None
            j = m.end()
            possessive = pattern[j : j + 1] == "+"
            if pattern[j : j + 1] in ("+", "?"):
                j += 1
            repeating = high is None or high > 1
            if repeating and not possessive and isinstance(last, _Group) and not last.atomic:
                if last.repeats:
                    return "a repeated group holds a repetition of its own (nested quantifiers such as (a+)+)" + _WAY_OUT
                if last.ambiguous():
                    return "a repeated group has alternatives that can match the same text (such as (a|aa)+)" + _WAY_OUT
            if high is None and not possessive:
                stack[-1].repeats = True
            if low == 0 and stack[-1].atoms == 1:
                # an optional first atom: the alternative may start with what follows
                stack[-1].first = _ANY
            last, i = None, j
            continue
        if ch in "^$":
            i += 1
            continue
        first = _ANY if ch == "." else ch.lower()
        stack[-1].atom(first)
        last, i = first, i + 1
    return None
