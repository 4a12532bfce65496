"""Precision on clean articles and recall / fix accuracy on injected defects.

The work is spread over processes (``jobs``) by :mod:`linter.executor`; each worker
builds its own Linter once.
Results are plain dicts so they can be written as JSON and rendered by ``report``.
"""

from __future__ import annotations

import random
import time
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from linter.diagnostic import Applicability, Category
from linter.document import Document
from linter.engine import Linter, locate
from linter.executor import Executor, make_backend
from linter.fixer import MAX_ITERATIONS, apply_edits, choose_fixes
from linter.registry import all_rules, select_codes

from benchmarks.corpus import Article
from benchmarks.inject import CLASS_CATEGORY, CLASSES, Injection, inject

SEVERITIES = ("info", "warning", "error")
MAX_FIX_PASSES = MAX_ITERATIONS

# ------------------------------------------------------------------ workers


class Rules:
    """The executor's state here: the configured rules, built on first use in each
    worker (and in this process before a fork, so the workers share them), and the
    one-rule linters the fix check re-lints with."""

    def __init__(self, codes: Sequence[str]) -> None:
        self.codes = list(codes)
        self._linter: Linter | None = None
        self._single: dict[str, Linter] = {}

    def __getstate__(self) -> dict:
        return {"codes": self.codes}  # a worker that unpickles rebuilds the rules

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["codes"])

    @property
    def linter(self) -> Linter:
        if self._linter is None:
            self._linter = Linter(self.codes)
        return self._linter

    def single(self, code: str) -> Linter:
        if code not in self._single:
            self._single[code] = Linter([code])
        return self._single[code]


def _run_rules(rules: Rules, doc: Document):
    """Run every configured rule on ``doc``: (diagnostics, errors, seconds per rule)."""
    if doc.kind == "markdown":  # suppression comments apply: use the engine as is
        res = rules.linter.lint(doc)
        return res.diagnostics, [(e.code, e.error) for e in res.errors], {}
    diags, errors, times = [], [], {}
    for rule in rules.linter.rules:
        if rule.code == "ST001":  # reports unused suppression comments (Markdown only)
            continue
        t0 = time.perf_counter()
        try:
            found = list(rule.run(doc))
        except Exception as exc:  # reported per rule, never fatal
            errors.append((rule.code, f"{type(exc).__name__}: {exc}"))
            found = []
        times[rule.code] = time.perf_counter() - t0
        diags.extend(found)
    locate(doc, diags)
    diags.sort(key=lambda d: (d.start, d.end, d.code))
    return diags, errors, times


def _finding(d) -> dict:
    return {
        "code": d.code,
        "category": str(d.category),
        "severity": str(d.severity),
        "start": d.start,
        "end": d.end,
        "line": d.line,
        "message": d.message,
        "fix": str(d.fix.applicability) if d.fix else None,
    }


def _precision_worker(rules: Rules, article: Article) -> dict:
    doc = Document(article.text, article.id, kind=article.kind, doc_id=article.id)
    diags, errors, times = _run_rules(rules, doc)
    return {
        "id": article.id,
        "findings": [_finding(d) for d in diags],
        "errors": errors,
        "times": times,
    }


def _overlaps(d_start: int, d_end: int, s: int, e: int) -> bool:
    if d_start == d_end:
        return s <= d_start <= e
    if s == e:
        return d_start <= s <= d_end
    return d_start < e and s < d_end


def _fix_restores(rules: Rules, inj: Injection, diag) -> tuple[bool, str]:
    """Apply ``diag``'s fix, then that rule's fixes inside the defect's window until
    nothing changes (as the fixer does: non-overlapping fixes per pass, capped);
    return whether the original text came back, and the result."""
    text = inj.text
    lo, hi = inj.start, inj.end
    edits = list(diag.fix.edits)
    for _ in range(MAX_FIX_PASSES):
        text = apply_edits(text, edits)
        for e in sorted(edits, key=lambda e: e.start, reverse=True):
            delta = len(e.replacement) - (e.end - e.start)
            if e.start <= hi:
                hi = max(e.start, hi + delta)
            if e.end <= lo:
                lo += delta
        lo, hi = max(0, min(lo, hi)), max(lo, hi)
        if text == inj.original:
            return True, text
        doc = Document(text, kind="text")
        again = [
            d
            for d in rules.single(diag.code).lint(doc).diagnostics
            if d.fix is not None and _overlaps(d.start, d.end, lo, hi)
        ]
        chosen = choose_fixes(again, Applicability.DISPLAY)
        if not chosen:
            break
        edits = [e for d in chosen for e in d.fix.edits]
    return text == inj.original, text


def _injection_worker(rules: Rules, item: tuple[str, dict]) -> dict:
    article_id, data = item
    inj = Injection(**data)
    doc = Document(inj.text, article_id, kind="text", doc_id=article_id)
    diags, errors, _ = _run_rules(rules, doc)
    want = CLASS_CATEGORY[inj.cls]
    overlapping = [d for d in diags if _overlaps(d.start, d.end, inj.start, inj.end)]
    matched = [d for d in overlapping if str(d.category) == want]
    result = {
        "id": article_id,
        "cls": inj.cls,
        "detail": inj.detail,
        "kind": inj.kind,
        "start": inj.start,
        "end": inj.end,
        "detected": bool(matched),
        "any_category": sorted({f"{d.code}" for d in overlapping}),
        "codes": sorted({d.code for d in matched}),
        "fix_offered": False,
        "fix_restored": False,
        "fix_applicability": None,
        "fixed_piece": None,
        "elsewhere": sum(1 for d in diags if d not in overlapping),
        "errors": errors,
        # foreign_line: did a finding name the injected line's language?
        "language_named": inj.cls == "foreign_line"
        and any(d.evidence.get("language") == inj.detail.split(":")[0].split()[0] for d in matched),
    }
    with_fix = [d for d in matched if d.fix is not None]
    if with_fix:
        with_fix.sort(key=lambda d: (-int(d.fix.applicability), d.start))
        best = with_fix[0]
        result["fix_offered"] = True
        result["fix_applicability"] = str(best.fix.applicability)
        ok, fixed = _fix_restores(rules, inj, best)
        result["fix_restored"] = ok
        if not ok:
            a = max(0, inj.start - 40)
            result["fixed_piece"] = fixed[a : inj.end + 40]
    return result


def _each(rules: Rules, task: tuple) -> list:
    """The executor's task: one worker function over a batch of items."""
    func, batch = task
    return [func(rules, x) for x in batch]


def _map(func, items: list, codes: Sequence[str], jobs: int) -> list:
    rules = Rules(codes)
    size = max(1, min(16, len(items) // (jobs * 8) or 1))
    batches = ((func, items[i : i + size]) for i in range(0, len(items), size))
    with Executor(rules, make_backend("processes", jobs)) as executor:
        return [row for rows in executor.map(_each, batches, parallel=len(items) >= 20) for row in rows]


def resolve_codes(rules: Iterable[str] | None) -> list[str]:
    """The default rule set, or the rules named (even those off by default)."""
    if not rules:
        return select_codes()
    return select_codes(list(rules))


def precision(articles: list[Article], codes: Sequence[str], jobs: int = 1) -> dict:
    t0 = time.perf_counter()
    rows = _map(_precision_worker, articles, codes, jobs)
    elapsed = time.perf_counter() - t0
    registry = all_rules()
    n = len(articles)
    by_rule: dict[str, Counter] = defaultdict(Counter)
    by_cat: dict[str, Counter] = defaultdict(Counter)
    docs_with: Counter = Counter()
    rule_time: Counter = Counter()
    errors: dict[str, list] = defaultdict(list)
    for row in rows:
        seen = set()
        for f in row["findings"]:
            by_rule[f["code"]][f["severity"]] += 1
            by_cat[f["category"]][f["severity"]] += 1
            seen.add(f["code"])
        for code in seen:
            docs_with[code] += 1
        for code, t in row["times"].items():
            rule_time[code] += t
        for code, err in row["errors"]:
            errors[code].append((row["id"], err))
    total = sum(sum(c.values()) for c in by_rule.values())
    rules = []
    for code in codes:
        cls = registry[code]
        c = by_rule.get(code, Counter())
        cnt = sum(c.values())
        rules.append(
            {
                "code": code,
                "name": cls.name,
                "category": str(cls.category),
                "default": cls.default_enabled,
                "findings": cnt,
                "per100": 100.0 * cnt / n if n else 0.0,
                "by_severity": {s: c.get(s, 0) for s in SEVERITIES},
                "articles": docs_with.get(code, 0),
                "seconds": rule_time.get(code, 0.0),
                "errors": len(errors.get(code, [])),
            }
        )
    categories = {
        cat: {
            **{s: 100.0 * by_cat[cat].get(s, 0) / n if n else 0.0 for s in SEVERITIES},
            "total": 100.0 * sum(by_cat[cat].values()) / n if n else 0.0,
        }
        for cat in [c.value for c in Category]
        if cat in by_cat or any(str(registry[c].category) == cat for c in codes)
    }
    return {
        "articles": n,
        "chars": sum(len(a.text) for a in articles),
        "seconds": elapsed,
        "codes": list(codes),
        "total_findings": total,
        "per100": 100.0 * total / n if n else 0.0,
        "clean_articles": sum(1 for r in rows if not r["findings"]),
        "categories": categories,
        "rules": rules,
        "errors": {k: v[:5] for k, v in errors.items()},
        "_rows": rows,
    }


def sample_findings(result: dict, articles: list[Article], per_rule: int, only: set[str] | None = None) -> dict:
    """Up to ``per_rule`` findings per rule (spread over the corpus), with context."""
    if not per_rule and not only:
        return {}
    text_of = {a.id: a.text for a in articles}
    all_by_rule: dict[str, list] = defaultdict(list)
    for row in result["_rows"]:
        for f in row["findings"]:
            if only is None or f["code"] in only:
                all_by_rule[f["code"]].append((row["id"], f))
    out = {}
    for code, items in sorted(all_by_rule.items()):
        if per_rule and len(items) > per_rule and not (only and code in only):
            step = len(items) / per_rule
            items = [items[int(i * step)] for i in range(per_rule)]
        out[code] = [
            {**f, "id": doc_id, "context": context(text_of[doc_id], f["start"], f["end"])}
            for doc_id, f in items
        ]
    return out


def context(text: str, start: int, end: int, width: int = 60) -> str:
    """The finding's span marked ``[[...]]`` with some text either side, on one line."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    s = text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]
    s = s.replace("\n", "⏎")
    s = "".join(c if c.isprintable() or c == "⏎" else f"<U+{ord(c):04X}>" for c in s)
    return ("…" if a > 0 else "") + s + ("…" if b < len(text) else "")


# ------------------------------------------------------------------ injection
def make_injections(
    articles: list[Article],
    classes: Sequence[str],
    per_class: int | None,
    seed: int,
    ctx: dict,
) -> list[tuple[str, Injection]]:
    """Up to ``per_class`` injected articles per class, one defect each.

    Articles are visited in a seeded order per class; those that offer no place for
    the defect (no "an", no name mentioned three times, no non-ASCII paragraph...)
    are skipped.
    """
    out = []
    for cls in classes:
        order = list(range(len(articles)))
        random.Random(f"{seed}:order:{cls}").shuffle(order)
        taken = 0
        seen: set[str] = set()  # the BBC file repeats some bodies: inject each text once
        for i in order:
            if per_class is not None and taken >= per_class:
                break
            a = articles[i]
            if a.kind != "text" or a.text in seen:
                continue
            seen.add(a.text)
            inj = inject(cls, a.text, seed, a.id, ctx)
            if inj is None:
                continue
            out.append((a.id, inj))
            taken += 1
    return out


def injection(
    injections: list[tuple[str, Injection]], codes: Sequence[str], jobs: int = 1
) -> dict:
    t0 = time.perf_counter()
    items = [(aid, inj.to_dict()) for aid, inj in injections]
    rows = _map(_injection_worker, items, codes, jobs)
    elapsed = time.perf_counter() - t0
    classes = {}
    for cls in CLASSES:
        rs = [r for r in rows if r["cls"] == cls]
        n = len(rs)
        det = sum(r["detected"] for r in rs)
        offered = sum(r["fix_offered"] for r in rs)
        restored = sum(r["fix_restored"] for r in rs)
        classes[cls] = {
            "category": CLASS_CATEGORY[cls],
            "n": n,
            "detected": det,
            "recall": det / n if n else None,
            "any_category": sum(bool(r["any_category"]) for r in rs),
            "fix_offered": offered,
            "fix_restored": restored,
            # Of the defects found, the share whose fix gives back the original exactly.
            "fix_accuracy": restored / det if det else None,
            "end_to_end": restored / n if n else None,
            "by_code": dict(Counter(c for r in rs for c in r["codes"])),
            "language_named": sum(r.get("language_named", False) for r in rs),
            "elsewhere_per100": 100.0 * sum(r["elsewhere"] for r in rs) / n if n else 0.0,
            "by_kind": {
                kind: {
                    "n": len(ks),
                    "detected": sum(r["detected"] for r in ks),
                    "fix_restored": sum(r["fix_restored"] for r in ks),
                }
                for kind in sorted({r["kind"] for r in rs if r["kind"]})
                for ks in [[r for r in rs if r["kind"] == kind]]
            },
        }
    return {"seconds": elapsed, "injected": len(rows), "classes": classes, "_rows": rows}
