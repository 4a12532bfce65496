"""The engine: run configured rules over a Document. Pure: no I/O, no printing."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from linter.diagnostic import Applicability, Diagnostic, Fix, Severity
from linter.document import MARKDOWN_BLOCKS, Document
from linter.fixer import FixResult, fix_until_stable
from linter.registry import all_rules, configured_rule_sets, select_codes, use_configured_rules
from linter.rule import Rule, RuleStopped, Settings



@dataclass
class RuleError:
    """A rule raised on a document. Reported, never fatal to the run."""

    code: str
    path: str | None
    doc_id: str | None
    error: str
    # False when the rule stopped for a reason the user can act on (RuleStopped).
    internal: bool = True


class LintCancelled(Exception):
    """``Linter.lint`` was told to stop (its document changed meanwhile)."""


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    errors: list[RuleError] = field(default_factory=list)


def locate(doc: Document, diagnostics: Iterable[Diagnostic]) -> None:
    """Fill in path, doc_id and 1-based line/column of each diagnostic."""
    for d in diagnostics:
        d.path = doc.path if d.path is None else d.path
        d.doc_id = doc.doc_id if d.doc_id is None else d.doc_id
        d.line, d.column = doc.line_col(d.start)
        d.end_line, d.end_column = doc.line_col(d.end)


class Linter:
    """A configured set of rule instances, reusable across documents and processes."""

    def __init__(
        self,
        codes: Iterable[str] | None = None,
        *,
        settings: Settings | None = None,
        rule_options: dict[str, dict[str, Any]] | None = None,
        severities: dict[str, Severity] | None = None,
        unfixable: Iterable[str] = (),
    ) -> None:
        registry = all_rules()
        # Rules whose fixes are only shown (the configuration's fixable/unfixable).
        self.unfixable = frozenset(unfixable)
        self.codes = list(select_codes() if codes is None else codes)
        self.settings = settings or Settings()
        rule_options = rule_options or {}
        severities = severities or {}
        self.rules: list[Rule] = [
            registry[c](rule_options.get(c), self.settings, severities.get(c))
            for c in self.codes
        ]
        self._by_code = {r.code: r for r in self.rules}
        # superseded code -> the selected codes whose findings replace it
        self._supersedes: dict[str, set[str]] = {}
        for r in self.rules:
            for code in r.supersedes:
                if code in self._by_code:
                    self._supersedes.setdefault(code, set()).add(r.code)

    def __getstate__(self) -> dict:
        # Rule instances may hold compiled data; rebuild them in the worker instead.
        return {
            "codes": self.codes,
            "settings": self.settings,
            "rule_options": {r.code: {k: v for k, v in r.opts.items()} for r in self.rules},
            "severities": {
                r.code: r.effective_severity for r in self.rules if r.effective_severity != r.severity
            },
            "unfixable": self.unfixable,
            # Rules declared as data (house styles) are rebuilt from their data there.
            "configured": configured_rule_sets(),
        }

    def __setstate__(self, state: dict) -> None:
        use_configured_rules(state.get("configured", ()))
        self.__init__(
            state["codes"],
            settings=state["settings"],
            rule_options=state["rule_options"],
            severities=state["severities"],
            unfixable=state.get("unfixable", ()),
        )

    def lint(self, doc: Document, stop: Callable[[], bool] | None = None) -> LintResult:
        """Run the rules over ``doc``. ``stop`` is asked between rules; when it
        answers true, :class:`LintCancelled` is raised (an editor's document that
        changed meanwhile: its findings would be stale)."""
        diagnostics: list[Diagnostic] = []
        errors: list[RuleError] = []
        for rule in self.rules:
            if stop is not None and stop():
                raise LintCancelled()
            try:
                diagnostics.extend(rule.run(doc))
            except RuleStopped as exc:
                errors.append(RuleError(rule.code, doc.path, doc.doc_id, str(exc), internal=False))
            except Exception as exc:  # a broken rule must not lose the others' findings
                errors.append(RuleError(rule.code, doc.path, doc.doc_id, f"{type(exc).__name__}: {exc}"))
        if self._supersedes:
            diagnostics = _drop_superseded(diagnostics, self._supersedes)
        if doc.kind == "markdown":
            from linter import suppression  # Markdown only: plain text carries no directives
            from linter.markdown import mask_code, parse

            blocks = doc.memo(MARKDOWN_BLOCKS, lambda: parse(doc.text))
            directives = suppression.parse(mask_code(doc.text, blocks), doc.line_starts)
            diagnostics = suppression.apply(diagnostics, directives)
            for rule in self.rules:
                if rule.reads_directives:
                    diagnostics.extend(rule.check_directives(doc, directives))
        if doc.prose is not doc.text:
            _protect_non_prose(doc, diagnostics)
        if self.unfixable:
            _display_only(diagnostics, self.unfixable)
        locate(doc, diagnostics)
        diagnostics.sort(key=lambda d: (d.start, d.end, d.code))
        return LintResult(diagnostics, errors)

    def fix(
        self,
        doc: Document,
        min_applicability: Applicability = Applicability.SAFE,
    ) -> FixResult:
        """Fix ``doc`` to a fixed point; the returned text is the fixed document. The
        result also holds the first pass's :class:`LintResult` (``first_lint``) and
        the Document of the last pass (``last_document``), whose views are computed."""
        passes: list[tuple[Document, LintResult]] = []

        def lint_text(text: str) -> list[Diagnostic]:
            current = _same_kind(doc, text)
            linted = self.lint(current)
            if not passes:
                passes.append((current, linted))
            passes[1:] = [(current, linted)]
            return linted.diagnostics

        fixed = fix_until_stable(doc.text, lint_text, min_applicability)
        fixed.first_lint = passes[0][1]
        fixed.last_document = passes[-1][0]
        return fixed


def _drop_superseded(diagnostics: list[Diagnostic], supersedes: dict[str, set[str]]) -> list[Diagnostic]:
    """Leave out findings that lie inside a finding of a rule that supersedes theirs."""
    wanted = set().union(*supersedes.values())
    spans: dict[str, list[tuple[int, int]]] = {}
    for d in diagnostics:
        if d.code in wanted:
            spans.setdefault(d.code, []).append((d.start, d.end))
    if not spans:
        return diagnostics
    for v in spans.values():
        v.sort()
    starts = {code: [s for s, _ in v] for code, v in spans.items()}

    def covered(d: Diagnostic) -> bool:
        for code in supersedes.get(d.code, ()):
            v = spans.get(code)
            if not v:
                continue
            # the covering span, if any, starts at or before d.start; spans of one rule
            # do not overlap, so the nearest such start is the only candidate
            i = bisect_right(starts[code], d.start) - 1
            if i >= 0 and v[i][1] >= d.end:
                return True
        return False

    return [d for d in diagnostics if not covered(d)]


def _protect_non_prose(doc: Document, diagnostics: list[Diagnostic]) -> None:
    """Turn fixes that would edit masked text (Markdown code, URLs, comments) into
    suggestions: a rule sees blanks there, so its edit cannot be trusted."""
    text, prose = doc.text, doc.prose
    for d in diagnostics:
        fix = d.fix
        if fix is None or fix.applicability == Applicability.DISPLAY:
            continue
        if any(text[e.start : e.end] != prose[e.start : e.end] for e in fix.edits):
            d.fix = Fix(fix.edits, Applicability.DISPLAY, fix.title)


def _display_only(diagnostics: list[Diagnostic], codes: frozenset[str]) -> None:
    """Fixes of rules the configuration makes unfixable become suggestions: shown,
    never applied, not counted as fixable."""
    for d in diagnostics:
        fix = d.fix
        if fix is not None and d.code in codes and fix.applicability != Applicability.DISPLAY:
            d.fix = Fix(fix.edits, Applicability.DISPLAY, fix.title)


def _same_kind(doc: Document, text: str) -> Document:
    return Document(text, doc.path, kind=doc.kind, doc_id=doc.doc_id)


def lint_text(text: str, *, select: Iterable[str] | None = None, kind: str = "text") -> list[Diagnostic]:
    """Lint a string with the default (or selected) rules. Convenience for pipelines."""
    codes = select_codes(select) if select is not None else None
    return Linter(codes).lint(Document(text, kind=kind)).diagnostics


def fix_text(
    text: str,
    *,
    select: Iterable[str] | None = None,
    unsafe: bool = False,
    kind: str = "text",
) -> str:
    """Return ``text`` with safe fixes applied (and unsafe ones if ``unsafe``)."""
    codes = select_codes(select) if select is not None else None
    level = Applicability.UNSAFE if unsafe else Applicability.SAFE
    return Linter(codes).fix(Document(text, kind=kind), level).text
