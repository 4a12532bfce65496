"""The Rule base class.

A rule is metadata plus one method, ``check(doc)``, which yields diagnostics. Rules
are pure: they never read files, print, or keep state between documents. The class
docstring is the rule's documentation, in fixed sections (summary line, then
"What it does", "Why it matters", "Example", "Use instead", "Fix safety", "Options").
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable, Iterator

from linter.diagnostic import (
    Applicability,
    Category,
    Diagnostic,
    Fix,
    FixAvailability,
    Severity,
)
from linter.document import Document

CODE_RE = re.compile(r"^[A-Z]{2}\d{3}$")
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Use instead", "Fix safety", "Options")


def option_key(name: str) -> str:
    """The one internal spelling of an option name: ``min-words`` and ``min_words``
    are the same option. Declarations, configuration keys and look-ups all pass
    through here, so either spelling works everywhere."""
    return name.strip().replace("-", "_")


def option_display(name: str) -> str:
    """How an option is written in documentation and configuration: ``min-words``."""
    return option_key(name).replace("_", "-")


class RuleStopped(Exception):
    """A rule gave up on a document for a reason the user can act on (a house-style
    pattern over its time limit). The message names the file, the rule and the key;
    it is reported as a run error, not as a bug in copydesk."""


class RuleOptions(dict):
    """A rule's option values, keyed by :func:`option_key`; looked up in either
    spelling (``self.opts["min-words"]`` is ``self.opts["min_words"]``)."""

    def __getitem__(self, key: str) -> Any:
        return super().__getitem__(option_key(key))

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(option_key(key), value)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(option_key(key))

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(option_key(key), default)


@dataclass(frozen=True)
class Option:
    """A rule option: its default value and what it means."""

    default: Any
    help: str
    type: type | tuple[type, ...] | None = None

    def validate(self, value: Any) -> Any:
        expected = self.type or type(self.default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if isinstance(expected, tuple):
            ok = isinstance(value, expected)
        elif expected is list:
            ok = isinstance(value, list)
        else:
            ok = isinstance(value, expected) and not (
                expected is int and isinstance(value, bool)
            )
        if not ok:
            names = expected.__name__ if isinstance(expected, type) else "/".join(
                t.__name__ for t in expected
            )
            raise ValueError(f"expected {names}, got {type(value).__name__} {value!r}")
        return value


@dataclass
class Settings:
    """Run-wide settings every rule may consult (from the configuration)."""

    # Accepted words and names: never flagged as misspelt, inconsistent or foreign.
    vocabulary: frozenset[str] = frozenset()
    # Canonical name -> known variants, from the configured names vocabulary.
    names: dict[str, list[str]] = field(default_factory=dict)
    # Expected document languages (ISO 639-1 codes).
    languages: tuple[str, ...] = ("en",)


def fix_label(availability: FixAvailability, applicability: tuple[Applicability, ...]) -> str:
    """'safe', 'unsafe', 'display', 'safe/unsafe', ... with ' (sometimes)' when a
    rule offers a fix for only some of its findings; 'none' for a rule without fixes."""
    if availability == FixAvailability.NONE:
        return "none"
    label = "/".join(str(a) for a in sorted(set(applicability), reverse=True))
    return f"{label} (sometimes)" if availability == FixAvailability.SOMETIMES else label


class Rule:
    """Base class of all rules. Subclasses set the class attributes and ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity] = Severity.WARNING
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NONE
    # The applicabilities of the fixes the rule can offer (safe, unsafe, display);
    # empty exactly when ``fix_availability`` is NONE.
    fix_applicability: ClassVar[tuple[Applicability, ...]] = ()
    # Rules that cannot be precise enough to run by default are opt-in.
    default_enabled: ClassVar[bool] = True
    # Corpus gates (the quality family) are on by default for record files and
    # ``clean`` only: on a text or Markdown file ``check`` runs them when selected.
    default_on_files: ClassVar[bool] = True
    options: ClassVar[dict[str, Option]] = {}
    # Codes of broader rules whose findings this rule's findings replace when they fall
    # inside one of them: the more specific finding says more (a foreign line also
    # matched as boilerplate is reported once, naming its language).
    supersedes: ClassVar[tuple[str, ...]] = ()
    # The file that declares a rule given as data (a house style); None for a rule
    # written in Python.
    source: ClassVar[str | None] = None
    # Rules that judge the inline directives themselves (``check_directives``): the
    # engine hands them the document's directives after suppression has marked which
    # of them suppressed a finding.
    reads_directives: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Options are normalised once, where they are declared: a rule may declare
        # ``min-words`` or ``min_words``; both are stored as ``min_words``.
        declared = cls.__dict__.get("options")
        if declared:
            normalised: dict[str, Option] = {}
            for key, option in declared.items():
                name = option_key(key)
                if name in normalised:
                    raise TypeError(f"{cls.__name__}: option {option_display(key)!r} is declared twice")
                normalised[name] = option
            cls.options = normalised
        # A family may be given by name: ``category = "fact-check"`` opens a new one.
        if isinstance(cls.__dict__.get("category"), str) and not isinstance(cls.category, Category):
            cls.category = Category(cls.category)
        if "code" in cls.__dict__ and bool(cls.fix_applicability) != (cls.fix_availability != FixAvailability.NONE):
            raise TypeError(f"{cls.__name__}: fix_applicability must be declared exactly when the rule has fixes")

    def __init__(
        self,
        options: dict[str, Any] | None = None,
        settings: Settings | None = None,
        severity: Severity | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.opts = RuleOptions({k: o.default for k, o in self.options.items()})
        for key, value in (options or {}).items():
            name = option_key(key)
            if name not in self.options:
                known = ", ".join(option_display(k) for k in sorted(self.options)) or "none"
                raise ValueError(f"unknown option {option_display(key)!r} for {self.code} (known: {known})")
            self.opts[name] = self.options[name].validate(value)
        self.effective_severity = severity or self.severity

    # -------------------------------------------------------------------- API
    def check(self, doc: Document) -> Iterable[Diagnostic]:  # pragma: no cover
        raise NotImplementedError

    def check_directives(self, doc: Document, directives: list) -> Iterable[Diagnostic]:
        """For rules with ``reads_directives``: findings about the document's inline
        directives (``linter.suppression.Directive``, each knowing whether it was used),
        given after the other rules' findings were suppressed."""
        return ()

    # Rules that judge the text as data: they still run on text that is UTF-16 read
    # as a single-byte encoding (the others would report its NULs as spaces, brackets
    # and foreign words).
    DATA_CATEGORIES: ClassVar[frozenset] = frozenset({Category.ENCODING, Category.QUALITY})

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.utf16_misread and self.category not in self.DATA_CATEGORIES:
            return
        yield from self.check(doc)

    def diagnostic(
        self,
        start: int,
        end: int,
        message: str,
        fix: Fix | None = None,
        *,
        severity: Severity | None = None,
        evidence: dict[str, Any] | None = None,
    ) -> Diagnostic:
        sev = severity or self.effective_severity
        if severity is not None and self.effective_severity != self.severity:
            # a configured override wins over the rule's own per-finding choice
            sev = self.effective_severity
        return Diagnostic(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=sev,
            message=message,
            start=start,
            end=end,
            fix=fix,
            evidence=evidence or {},
        )

    def fix_replace(
        self, start: int, end: int, replacement: str, applicability: Applicability, title: str
    ) -> Fix:
        return Fix.replace(start, end, replacement, applicability, title)

    # ----------------------------------------------------------------- docs
    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        doc = cls.documentation()
        return doc.splitlines()[0].strip() if doc else ""

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The docstring split into its named sections (``## Name`` or ``Name:`` headings)."""
        sections: dict[str, list[str]] = {}
        current = "summary"
        sections[current] = []
        for line in cls.documentation().splitlines():
            stripped = line.strip().rstrip(":")
            if stripped.lstrip("# ").strip() in DOC_SECTIONS and (
                line.startswith("#") or line.rstrip().endswith(":")
            ):
                current = stripped.lstrip("# ").strip()
                sections[current] = []
            else:
                sections[current].append(line)
        return {k: "\n".join(v).strip() for k, v in sections.items()}

    @classmethod
    def metadata(cls) -> dict[str, Any]:
        return {
            "code": cls.code,
            "name": cls.name,
            "category": str(cls.category),
            "severity": str(cls.severity),
            "fix": fix_label(cls.fix_availability, cls.fix_applicability),
            "fix_availability": str(cls.fix_availability),
            "fix_applicability": [str(a) for a in sorted(set(cls.fix_applicability), reverse=True)],
            "default": cls.default_enabled,
            "default_scope": "all" if cls.default_on_files else "records",
            "summary": cls.summary(),
            "options": {option_display(k): {"default": o.default, "help": o.help} for k, o in cls.options.items()},
            "source": cls.source,
        }
