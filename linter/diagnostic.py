"""Core value types: severities, categories, fixes and diagnostics.

Everything here is plain, immutable-by-convention data so that diagnostics can be
pickled across processes (``--jobs``, Ray) and rendered by any reporter.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, ClassVar


class Severity(enum.IntEnum):
    """How serious a finding is. Ordered, so ``severity >= Severity.WARNING`` works."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r}; expected one of: info, warning, error"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


class _Categories(type):
    def __iter__(cls):
        return iter(tuple(cls._known.values()))


class Category(str, metaclass=_Categories):
    """A rule family: a lower-case name such as ``encoding``.

    The built-in families are the class attributes below. The set is open: a plugin
    names a new family with ``Category("fact-check")`` and its rules are selected,
    ignored and reported by that name like the built-in ones. Iterating over
    ``Category`` gives every family named so far, the built-in ones first.
    """

    _known: dict[str, "Category"] = {}

    def __new__(cls, name: str) -> "Category":
        key = str(name).strip().lower()
        if not key or not all(ch.isalnum() or ch in "-_" for ch in key):
            raise ValueError(f"a category is a lower-case word (letters, digits, '-' or '_'), not {name!r}")
        known = cls._known.get(key)
        if known is not None:
            return known
        made = super().__new__(cls, key)
        cls._known[key] = made
        return made

    @property
    def value(self) -> str:
        return str.__str__(self)

    def __str__(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"Category({str.__str__(self)!r})"

    def __reduce__(self):
        return (Category, (str.__str__(self),))

    ENCODING: ClassVar["Category"]
    TYPOGRAPHY: ClassVar["Category"]
    TYPO: ClassVar["Category"]
    NAMES: ClassVar["Category"]
    LANGUAGE: ClassVar["Category"]
    BOILERPLATE: ClassVar["Category"]
    QUALITY: ClassVar["Category"]
    STYLE: ClassVar["Category"]


for _name in ("encoding", "typography", "typo", "names", "language", "boilerplate", "quality", "style"):
    setattr(Category, _name.upper(), Category(_name))
del _name
BUILTIN_CATEGORIES = tuple(Category)


class Applicability(enum.IntEnum):
    """How far a fix can be trusted: display < unsafe < safe.

    safe: restores what the author meant with no judgement; written by ``--fix``.
    unsafe: a judgement that may be wrong; written only with ``--unsafe-fixes``.
    display: a suggestion that is shown but never written.
    """

    DISPLAY = 1
    UNSAFE = 2
    SAFE = 3

    @classmethod
    def parse(cls, value: str) -> "Applicability":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown applicability {value!r}; expected one of: safe, unsafe, display"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


class FixAvailability(str, enum.Enum):
    """What a rule's documentation promises about fixes."""

    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``. Offsets are code points."""

    start: int
    end: int
    replacement: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid edit range {self.start}..{self.end}")

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True)
class Fix:
    """One or more edits applied together, or not at all."""

    edits: tuple[Edit, ...]
    applicability: Applicability
    title: str

    @classmethod
    def replace(
        cls, start: int, end: int, replacement: str, applicability: Applicability, title: str
    ) -> "Fix":
        return cls((Edit(start, end, replacement),), applicability, title)

    @classmethod
    def delete(cls, start: int, end: int, applicability: Applicability, title: str) -> "Fix":
        return cls((Edit(start, end, ""),), applicability, title)

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)

    def apply(self, text: str) -> str:
        """Apply this fix alone to ``text``."""
        out = text
        for edit in sorted(self.edits, key=lambda e: (e.start, e.end), reverse=True):
            out = out[: edit.start] + edit.replacement + out[edit.end :]
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "applicability": str(self.applicability),
            "title": self.title,
            "edits": [e.to_dict() for e in self.edits],
        }


@dataclass
class Diagnostic:
    """One finding at one place.

    ``start``/``end`` are code-point offsets into the document text. ``line``,
    ``column``, ``end_line`` and ``end_column`` (1-based) are filled in by the engine
    once the finding is final; ``path`` and ``doc_id`` by the source that produced
    the document.
    """

    code: str
    name: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    fix: Fix | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    path: str | None = None
    doc_id: str | None = None
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    @property
    def sort_key(self) -> tuple:
        return (self.path or "", str(self.doc_id or ""), self.start, self.end, self.code)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "category": str(self.category),
            "severity": str(self.severity),
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": self.fix.to_dict() if self.fix else None,
        }
        if self.doc_id is not None:
            out["doc_id"] = self.doc_id
        if self.evidence:
            out["evidence"] = self.evidence
        return out
