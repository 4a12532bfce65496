"""House styles: rules an editor declares in TOML files, run by a few generic checkers.

The configuration lists style files (``styles = ["styles/house.toml",
"package:newsroom"]``; paths relative to the configuration file, ``package:NAME``
a style an installed package ships under the ``copydesk.styles`` entry point). Each
file has a code prefix of its own and a table per rule::

    prefix = "HS"

    [rules.HS001]
    name = "per-cent"
    kind = "substitution"
    message = "write '{replacement}', not '{match}'"
    ignore-case = true
    fix = "safe"
    swap = { percent = "per cent" }

Kinds: ``substitution`` (``swap``), ``existence`` (``tokens``), ``capitalisation``
(``terms``), ``consistency`` (``either``), ``repetition`` (``tokens``) and
``occurrence`` (``tokens``, ``max``). The README's "House styles" section is the
reference for every key. A file that breaks a rule of the format is refused with a
message naming the file, the rule and the key.
"""

from __future__ import annotations

import os
import string
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, Iterator

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import regex

from linter.diagnostic import Applicability, Category, Fix, FixAvailability, Severity
from linter.errors import reason
from linter.rule import Rule, RuleStopped
from linter.rules.style import _patterns
from linter.rules.style._patterns import Matcher, PatternError
from linter.rules.support.patterns import lazy

ENTRY_POINT_GROUP = "copydesk.styles"

KINDS = {
    # kind: (the key holding its entries, the other keys it takes)
    "substitution": ("swap", ("fix", "regex", "ignore-case")),
    "existence": ("tokens", ("regex", "ignore-case")),
    "capitalisation": ("terms", ("fix",)),
    "consistency": ("either", ("fix", "ignore-case")),
    "repetition": ("tokens", ("fix", "regex", "ignore-case")),
    "occurrence": ("tokens", ("max", "regex", "ignore-case")),
}
COMMON_KEYS = ("name", "kind", "message", "severity", "description")
FIX_LEVELS = ("safe", "unsafe", "display", "none")
DEFAULT_FIX = "unsafe"

# The fields each kind's message template may use, and its default message.
FIELDS = {
    "substitution": ("match", "replacement"),
    "existence": ("match",),
    "capitalisation": ("match", "term"),
    "consistency": ("match", "count", "majority", "majority_count", "majority_line"),
    "repetition": ("match",),
    "occurrence": ("match", "count", "max"),
}
DEFAULT_MESSAGES = {
    "substitution": "write '{replacement}', not '{match}'",
    "existence": "avoid '{match}'",
    "capitalisation": "write '{term}', not '{match}'",
    "consistency": "'{match}' ({count}x) differs from '{majority}' ({majority_count}x, first on line {majority_line}): one spelling per article",
    "repetition": "'{match}' repeated",
    "occurrence": "'{match}' {count} times in this document; the house style allows at most {max}",
}

_PREFIX_RE = lazy(r"^[A-Z]{2}$")
_NAME_RE = lazy(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class StyleError(ValueError):
    """A style file that cannot be used; the message names the file, rule and key."""


# -------------------------------------------------------------------------- data


@dataclass(frozen=True)
class RuleSpec:
    """One house rule as declared (plain, hashable data: it crosses processes)."""

    code: str
    name: str
    kind: str
    source: str
    message: str
    severity: Severity
    description: str
    ignore_case: bool
    is_regex: bool
    fix: Applicability | None
    # substitution: (wrong, right) pairs; consistency: groups of spellings;
    # the other kinds: tokens or terms.
    entries: tuple
    max: int = 0

    @property
    def entries_key(self) -> str:
        return KINDS[self.kind][0]

    def where(self, key: str) -> str:
        return f"{self.source}: rule {self.code} ({self.name}): key '{key}'"


@dataclass(frozen=True)
class StyleSet:
    """The style files a configuration lists: what ``styles`` loads."""

    written: tuple[str, ...]
    specs: tuple[RuleSpec, ...]
    # The style files read (a configuration that changes when one does reloads).
    files: tuple[Path, ...] = ()
    key: ClassVar[str] = "styles"

    def rules(self) -> list[type[Rule]]:
        return _rule_classes(self.specs)

    def describe(self) -> list[str]:
        return list(self.written)


# ----------------------------------------------------------------------- loading


def load_styles(value: Any, config_path: Path) -> StyleSet:
    """The ``styles`` key: a list of style files (relative to the configuration
    file) and ``package:NAME`` entries. Raises :class:`StyleError`."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise StyleError(f'expected a list of style files such as ["styles/house.toml"], got {value!r}')
    specs: list[RuleSpec] = []
    files: list[Path] = []
    for entry in value:
        entry = entry.strip()
        if entry.startswith("package:"):
            path = _package_style(entry[len("package:") :].strip())
        else:
            path = Path(entry)
            if not path.is_absolute():
                path = Path(config_path).parent / path
        specs.extend(load_style_file(path))
        files.append(path)
    codes: dict[str, str] = {}
    for spec in specs:
        if spec.code in codes:
            raise StyleError(f"{spec.source}: rule {spec.code}: the code is already declared in {codes[spec.code]}")
        codes[spec.code] = spec.source
    return StyleSet(tuple(value), tuple(specs), tuple(files))


def _package_style(name: str) -> Path:
    """The style file an installed package declares under the entry point
    ``copydesk.styles``: its object is the path of the TOML file."""
    from importlib.metadata import entry_points

    found = [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name == name]
    if not found:
        known = sorted({ep.name for ep in entry_points(group=ENTRY_POINT_GROUP)})
        have = f" (installed: {', '.join(known)})" if known else " (no installed package declares one)"
        raise StyleError(
            f"package:{name}: no installed package provides the style {name!r} under the "
            f"{ENTRY_POINT_GROUP!r} entry point{have}; install it or correct the name"
        )
    try:
        obj = found[0].load()
    except Exception as exc:  # the package is broken, not copydesk
        raise StyleError(f"package:{name}: cannot load {found[0].value!r}: {type(exc).__name__}: {exc}") from None
    if not isinstance(obj, (str, os.PathLike)) or not Path(obj).is_absolute():
        raise StyleError(
            f"package:{name}: the entry point {found[0].value!r} must name the absolute path of a "
            f"style file (such as Path(__file__).with_name('style.toml')), got {obj!r}"
        )
    return Path(obj)


def _shown(path: Path) -> str:
    """A path as messages show it: relative to the working directory when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return str(path) if relative.startswith("..") else Path(relative).as_posix()


def load_style_file(path: Path) -> list[RuleSpec]:
    """The rules of one style file, validated."""
    shown = _shown(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise StyleError(f"{shown}: style file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StyleError(f"{shown}: cannot read the style file: {reason(exc)}") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise StyleError(f"{shown}: invalid TOML: {exc}") from None
    _known_keys(data, ("prefix", "description", "rules"), lambda key, what: StyleError(f"{shown}: key '{key}': {what}"))
    prefix = data.get("prefix")
    if not isinstance(prefix, str) or not _PREFIX_RE.match(prefix):
        raise StyleError(f"{shown}: key 'prefix': expected two capital letters such as \"HS\", got {prefix!r}")
    rules = data.get("rules")
    if not isinstance(rules, dict) or not rules:
        raise StyleError(f"{shown}: key 'rules': expected tables such as [rules.{prefix}001], got {rules!r}")
    specs = []
    for code, table in rules.items():
        if not regex.fullmatch(rf"{prefix}\d{{3}}", code):
            raise StyleError(f"{shown}: rule {code}: the code must be the file's prefix {prefix} and three digits ({prefix}001)")
        if not isinstance(table, dict):
            raise StyleError(f"{shown}: rule {code}: expected a table of keys, got {table!r}")
        specs.append(_rule_spec(shown, code, table))
    return specs


def _known_keys(table: dict, allowed: tuple[str, ...], err) -> None:
    import difflib

    for key in table:
        if key not in allowed:
            close = difflib.get_close_matches(key.replace("_", "-"), allowed, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(allowed)}"
            raise err(key, f"unknown key; {hint}")


def _rule_spec(shown: str, code: str, table: dict) -> RuleSpec:
    name = table.get("name")

    def err(key: str, what: str) -> StyleError:
        label = f" ({name})" if isinstance(name, str) and name else ""
        return StyleError(f"{shown}: rule {code}{label}: key '{key}': {what}")

    kind = table.get("kind")
    if kind not in KINDS:
        raise err("kind", f"expected one of {', '.join(KINDS)}, got {kind!r}")
    entries_key, extra = KINDS[kind]
    _known_keys(table, COMMON_KEYS + (entries_key,) + extra, err)
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise err("name", f"expected a lower-case name with dashes such as \"per-cent\", got {name!r}")
    severity = table.get("severity", "warning")
    try:
        severity = Severity.parse(severity) if isinstance(severity, str) else None
    except ValueError:
        severity = None
    if severity is None:
        raise err("severity", f'expected "info", "warning" or "error", got {table.get("severity")!r}')
    description = table.get("description", "")
    if not isinstance(description, str):
        raise err("description", f"expected a string, got {description!r}")
    flags = {}
    for key in ("ignore-case", "regex"):
        flags[key] = table.get(key, False)
        if not isinstance(flags[key], bool):
            raise err(key, f"expected true or false, got {flags[key]!r}")
    fix_level = table.get("fix", DEFAULT_FIX if "fix" in extra else "none")
    if fix_level not in FIX_LEVELS:
        raise err("fix", f"expected one of {', '.join(FIX_LEVELS)}, got {fix_level!r}")
    fix = None if fix_level == "none" else Applicability.parse(fix_level)
    limit = 0
    if kind == "occurrence":
        limit = table.get("max")
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise err("max", f"expected the number of occurrences allowed (0 or more), got {limit!r}")
    entries = _entries(kind, table.get(entries_key), lambda what: err(entries_key, what))
    message = table.get("message", DEFAULT_MESSAGES[kind])
    _check_template(message, FIELDS[kind], lambda what: err("message", what))
    spec = RuleSpec(
        code=code,
        name=name,
        kind=kind,
        source=shown,
        message=message,
        severity=severity,
        description=" ".join(description.split()),
        ignore_case=flags["ignore-case"] or kind == "capitalisation",
        is_regex=flags["regex"],
        fix=fix,
        entries=entries,
        max=limit,
    )
    try:
        _matcher(spec)
    except PatternError as exc:
        raise err(entries_key, str(exc)) from None
    return spec


def _entries(kind: str, value: Any, err) -> tuple:
    def strings(items: Any, what: str) -> list[str]:
        if not isinstance(items, list) or not items or not all(isinstance(v, str) and v.strip() for v in items):
            raise err(f"expected a non-empty list of {what}, got {items!r}")
        return [v.strip() if kind != "occurrence" else v for v in items]

    if kind == "substitution":
        if not isinstance(value, dict) or not value:
            raise err(f'expected a table of wrong = "right", got {value!r}')
        pairs = []
        for wrong, right in value.items():
            if not isinstance(right, str) or not wrong.strip():
                raise err(f'{wrong!r}: expected a replacement string, got {right!r}')
            pairs.append((wrong.strip(), right))
        return tuple(pairs)
    if kind == "consistency":
        if not isinstance(value, list) or not value:
            raise err(f'expected a list of spellings to choose between, such as [["e-mail", "email"]], got {value!r}')
        groups = []
        for group in value:
            spellings = strings(group, "spellings")
            if len(spellings) < 2:
                raise err(f"{group!r}: a group needs two spellings or more")
            groups.append(tuple(spellings))
        return tuple(groups)
    return tuple(strings(value, "terms" if kind == "capitalisation" else "words or patterns"))


def _check_template(message: Any, fields: tuple[str, ...], err) -> None:
    if not isinstance(message, str) or not message.strip():
        raise err(f"expected a message template, got {message!r}")
    try:
        names = [field_name for _, field_name, _, _ in string.Formatter().parse(message) if field_name is not None]
        message.format(**{f: "x" for f in fields})
    except (ValueError, KeyError, IndexError, AttributeError) as exc:
        names = [n for n in locals().get("names", []) if n not in fields]
        if names:
            raise err(f"unknown field {{{names[0]}}}; this kind offers {', '.join('{' + f + '}' for f in fields)}") from None
        raise err(f"not a valid template ({exc}); write {{{{ and }}}} for braces") from None


# ------------------------------------------------------------------------ matching


def _flat_entries(spec: RuleSpec) -> list[str]:
    if spec.kind == "substitution":
        return [wrong for wrong, _ in spec.entries]
    if spec.kind == "consistency":
        return [s for group in spec.entries for s in group]
    return list(spec.entries)


@lru_cache(maxsize=256)
def _matcher(spec: RuleSpec) -> Matcher:
    return Matcher(_flat_entries(spec), ignore_case=spec.ignore_case, is_regex=spec.is_regex)


def transfer_case(matched: str, replacement: str) -> str:
    """``replacement`` in the case of ``matched``: all capitals stay all capitals
    ("PERCENT" -> "PER CENT"), a capital first letter stays one ("Kiev" -> "Kyiv");
    otherwise the replacement as written."""
    letters = [c for c in matched if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper():
        i = next((k for k, c in enumerate(replacement) if c.isalpha()), None)
        if i is not None:
            return replacement[:i] + replacement[i].upper() + replacement[i + 1 :]
    return replacement


class HouseRule(Rule):
    """The checker behind every house-style rule; ``spec`` says what it checks."""

    spec: ClassVar[RuleSpec]
    matcher: ClassVar[Matcher]
    category = Category.STYLE

    def check(self, doc):
        spec, matcher = self.spec, self.matcher
        try:
            found = list(matcher.find(doc.prose))
        except TimeoutError:
            raise RuleStopped(
                f"{spec.where(spec.entries_key)}: matching took longer than {_patterns.TIME_LIMIT:g} s "
                "on this document and was stopped; simplify the pattern"
            ) from None
        if found:
            yield from getattr(self, "_" + spec.kind)(doc, matcher, found)

    def _say(self, **fields: Any) -> str:
        return self.spec.message.format(**fields)

    def _fix(self, start: int, end: int, replacement: str, title: str) -> Fix | None:
        if self.spec.fix is None:
            return None
        return self.fix_replace(start, end, replacement, self.spec.fix, title)

    def _substitution(self, doc, matcher: Matcher, found) -> Iterator:
        for start, end, i in found:
            matched = doc.text[start:end]
            wrong, right = self.spec.entries[i]
            replacement = matcher.expand(doc.text, start, end, i, right)
            if replacement is None:
                continue
            if self.spec.ignore_case:
                replacement = transfer_case(matched, replacement)
            if replacement == matched:
                continue
            yield self.diagnostic(
                start,
                end,
                self._say(match=matched, replacement=replacement),
                self._fix(start, end, replacement, f"replace '{matched}' with '{replacement}'"),
            )

    def _existence(self, doc, matcher: Matcher, found) -> Iterator:
        for start, end, _ in found:
            yield self.diagnostic(start, end, self._say(match=doc.text[start:end]))

    def _capitalisation(self, doc, matcher: Matcher, found) -> Iterator:
        for start, end, i in found:
            matched = doc.text[start:end]
            term = self.spec.entries[i]
            if _patterns.normalise(matched, False) == term:
                continue
            letters = [c for c in matched if c.isalpha()]
            if len(letters) >= 2 and all(c.isupper() for c in letters) and not term.isupper():
                continue  # a headline or a label in capitals is a typographic choice
            yield self.diagnostic(
                start,
                end,
                self._say(match=matched, term=term),
                self._fix(start, end, term, f"write '{term}'"),
            )

    def _consistency(self, doc, matcher: Matcher, found) -> Iterator:
        owner = [(g, s) for g, group in enumerate(self.spec.entries) for s in group]
        uses: dict[int, dict[str, list[tuple[int, int]]]] = {}
        for start, end, i in found:
            group, spelling = owner[i]
            uses.setdefault(group, {}).setdefault(spelling, []).append((start, end))
        for spellings in uses.values():
            if len(spellings) < 2:
                continue
            majority = max(spellings, key=lambda s: (len(spellings[s]), -spellings[s][0][0]))
            first_line = doc.line_col(spellings[majority][0][0])[0]
            for spelling, spans in spellings.items():
                if spelling == majority:
                    continue
                for start, end in spans:
                    matched = doc.text[start:end]
                    replacement = transfer_case(matched, majority) if self.spec.ignore_case else majority
                    yield self.diagnostic(
                        start,
                        end,
                        self._say(
                            match=matched,
                            count=len(spans),
                            majority=majority,
                            majority_count=len(spellings[majority]),
                            majority_line=first_line,
                        ),
                        self._fix(start, end, replacement, f"write '{replacement}'"),
                    )

    def _repetition(self, doc, matcher: Matcher, found) -> Iterator:
        previous = None
        for start, end, _ in found:
            key = _patterns.normalise(doc.text[start:end], self.spec.ignore_case)
            if previous is not None and previous[1] == key and _GAP_RE.fullmatch(doc.prose, previous[0], start):
                matched = doc.text[start:end]
                yield self.diagnostic(
                    start,
                    end,
                    self._say(match=matched),
                    self._fix(previous[0], end, "", f"delete the repeated '{matched}'"),
                )
            previous = (end, key)

    def _occurrence(self, doc, matcher: Matcher, found) -> Iterator:
        if len(found) <= self.spec.max:
            return
        start, end, _ = found[self.spec.max]
        yield self.diagnostic(start, end, self._say(match=doc.text[start:end], count=len(found), max=self.spec.max))


# Between two occurrences of a repetition: spaces, and at most one line break.
_GAP_RE = lazy(r"[ \t]*(?:\r?\n)?[ \t]*")


# ------------------------------------------------------------------ rule classes

_KIND_TEXT = {
    "substitution": "Flags a word or phrase the house style replaces, and offers the replacement.",
    "existence": "Flags a word or phrase the house style does not use.",
    "capitalisation": "Flags a term written in a case other than the house style's.",
    "consistency": "Flags the less used of two or more accepted spellings in one document.",
    "repetition": "Flags a word repeated straight after itself.",
    "occurrence": "Flags a document that uses a word or mark more often than the house style allows.",
}


def _documentation(spec: RuleSpec) -> str:
    entries = _flat_entries(spec)
    listed = ", ".join(f"'{e}'" for e in entries[:6]) + (f" and {len(entries) - 6} more" if len(entries) > 6 else "")
    if spec.kind == "substitution":
        wrong, right = spec.entries[0]
        example, instead = f"... {wrong} ...", f"... {right} ..."
    elif spec.kind == "consistency":
        group = spec.entries[0]
        example, instead = f"... {group[0]} ... {group[0]} ... {group[1]} ...", f"... {group[0]} ... {group[0]} ... {group[0]} ..."
    elif spec.kind == "capitalisation":
        example, instead = f"... {spec.entries[0].lower()} ...", f"... {spec.entries[0]} ..."
    elif spec.kind == "repetition":
        example, instead = f"... {entries[0]} {entries[0]} ...", f"... {entries[0]} ..."
    elif spec.kind == "occurrence":
        example, instead = f"{spec.max + 1} times '{entries[0]}' in one document", f"at most {spec.max}"
    else:
        example, instead = f"... {entries[0]} ...", "(rephrase)"
    if spec.fix is None:
        safety = "No fix."
    elif spec.fix == Applicability.DISPLAY:
        safety = "Display: the replacement is shown, never written."
    else:
        safety = f"{str(spec.fix).capitalize()}, as the style file declares."
    case = "ignoring case" if spec.ignore_case else "in the case written"
    how = "patterns" if spec.is_regex else "words"
    summary = spec.description.split(". ")[0].rstrip(".") + "." if spec.description else f"House style ({spec.kind}): {spec.name}."
    return "\n".join(
        [
            summary,
            "",
            "What it does:",
            f"    {_KIND_TEXT[spec.kind]} Matches {how} {case}, as whole words: {listed}.",
            "",
            "Why it matters:",
            f"    {spec.description or 'The house style says so.'} Declared in {spec.source}.",
            "",
            "Example:",
            f"    {example}",
            "",
            "Use instead:",
            f"    {instead}",
            "",
            "Fix safety:",
            f"    {safety}",
            "",
            "Options:",
            f"    none; the rule is configured in {spec.source}.",
        ]
    )


@lru_cache(maxsize=16)
def _rule_classes(specs: tuple[RuleSpec, ...]) -> list[type[Rule]]:
    classes = []
    for spec in specs:
        if spec.fix is None:
            availability, applicability = FixAvailability.NONE, ()
        else:
            availability = FixAvailability.SOMETIMES if spec.is_regex else FixAvailability.ALWAYS
            applicability = (spec.fix,)
        attrs = {
            "__doc__": _documentation(spec),
            "__module__": __name__,
            "code": spec.code,
            "name": spec.name,
            "severity": spec.severity,
            "fix_availability": availability,
            "fix_applicability": applicability,
            "source": spec.source,
            "spec": spec,
            "matcher": _matcher(spec),
        }
        classes.append(type(f"House{spec.code}", (HouseRule,), attrs))
    return classes


# Read by linter.registry: the configuration key this module turns into rules.
CONFIGURED_RULES = {StyleSet.key: load_styles}
