"""``copydesk clean IN OUT --report FILE``: the cleaning run as one HTML page.

Documents read, written, changed and dropped, drops by reason and findings by rule
(the very counts of the summary ``clean`` prints, taken from the same
:class:`linter.run.clean.CleanSummary`), a histogram of every quality score that a gate judges,
with the gate's threshold drawn on it and the dropped documents stacked on the kept
ones, and samples of dropped documents (their reasons) and of changed ones (a word
diff of what the fixes did).

:class:`CleanReport` is fed one document at a time and keeps only bin counts and the
samples, so memory stays flat on any corpus. Histograms of shares have 20 bins over
0-1; counts (words, stop words, the longest word) have bins growing as 0, 1, 2, 5,
10, 20, 50, ..., so a threshold of 30 words and one of 100,000 fit one chart. Bars
stand side by side (kept, dropped) on a square-root scale, so that the few dropped
documents of a bin stay visible beside thousands kept.
"""

from __future__ import annotations

import bisect
import difflib
import math
from collections import Counter
from typing import Any, Callable

import regex

from linter.report.page import attr, esc, generated, number, page, plural, text_html
from linter.report.svg import Bar, Marker, bar_chart, histogram

DROPPED_PER_REASON = 5
DROPPED_SAMPLES = 30
CHANGED_SAMPLES = 20
EXCERPT_CHARS = 600
DIFF_CONTEXT = 50  # characters of unchanged text shown around each change
DIFF_MAX_CHARS = 200_000  # longer texts are not diffed in the report
SHARE_BINS = 20
LINEAR_BINS = {"mean_word_length": (0.0, 20.0, 20)}  # (low, high, bins)
KEPT, DROPPED = ("kept", "#4e79a7"), ("dropped", "#e15759")
_TOKEN = regex.compile(r"\s+|\w+|[^\w\s]")


def _signals(gates: dict[str, tuple[str, str]]) -> dict[str, list[str]]:
    """Each judged signal and its gates, in the order of the gate table."""
    out: dict[str, list[str]] = {}
    for gate, (signal, _kind) in gates.items():
        out.setdefault(signal, []).append(gate)
    return out


def _scale(signal: str) -> str:
    if signal in LINEAR_BINS:
        return "linear"
    if signal.endswith("_share") or signal.endswith("_ratio"):
        return "share"
    return "log"


def _edges() -> list[float]:
    """Bin edges of the count scales: 0, 1, 2, 5, 10, 20, 50, ... up to 5e9."""
    out: list[float] = [0, 1]
    while out[-1] < 5e9:
        last = out[-1]
        out.append(last * 2.5 if str(int(last)).startswith("2") else last * 2)
    return out


EDGES = _edges()


def _bin(signal: str, value: float) -> int:
    scale = _scale(signal)
    if scale == "share":
        return min(max(int(value * SHARE_BINS), 0), SHARE_BINS - 1)
    if scale == "linear":
        lo, hi, n = LINEAR_BINS[signal]
        return min(max(int((value - lo) / (hi - lo) * n), 0), n - 1)
    return min(max(bisect.bisect_right(EDGES, value) - 1, 0), len(EDGES) - 2)


def _position(signal: str, value: float) -> float:
    """Where ``value`` sits on the signal's axis, in bins from the left edge (count
    scales: linear from 0 to 1, then logarithmic within each bin)."""
    scale = _scale(signal)
    if scale == "share":
        return value * SHARE_BINS
    if scale == "linear":
        lo, hi, n = LINEAR_BINS[signal]
        return (value - lo) / (hi - lo) * n
    if value < 1:
        return max(value, 0.0)
    k = _bin(signal, value)
    lo, hi = EDGES[k], EDGES[k + 1]
    return k + (math.log(value) - math.log(lo)) / (math.log(hi) - math.log(lo))


def _compact(v: float) -> str:
    if v >= 1_000_000_000:
        return f"{v / 1_000_000_000:g}G"
    if v >= 1_000_000:
        return f"{v / 1_000_000:g}M"
    if v >= 1000:
        return f"{v / 1000:g}k"
    return f"{v:g}"


class CleanReport:
    """Collects what the page needs while ``clean_file`` runs (``add`` per document)."""

    def __init__(self, gate, gates: dict[str, tuple[str, str]]) -> None:
        """``gate`` is the run's quality gate (its ``thresholds`` and ``ignore``);
        ``gates`` maps each gate name to its (signal, "min" | "max"), as the quality
        support's ``GATES`` does: the runner passes both, so the page knows no rule code."""
        self.gate = gate
        self.gates = gates
        self.signals = _signals(gates)
        self.bins: dict[str, dict[int, list[int]]] = {s: {} for s in self.signals}
        self.scored = 0
        self.dropped: list[dict[str, Any]] = []
        self.dropped_per_reason: Counter = Counter()
        self.changed: list[dict[str, Any]] = []

    def add(self, result, original: Callable[[], str | None]) -> None:
        """One document's :class:`linter.report.base.DocumentResult`; ``original()`` gives the
        text as read (asked for only for the documents sampled)."""
        keep = result.keep
        if result.scores:
            self.scored += 1
            for signal, store in self.bins.items():
                value = result.scores.get(signal)
                if value is None:
                    continue
                store.setdefault(_bin(signal, value), [0, 0])[0 if keep else 1] += 1
        if not keep:
            reason = result.reasons[0]
            if len(self.dropped) < DROPPED_SAMPLES and self.dropped_per_reason[reason] < DROPPED_PER_REASON:
                self.dropped_per_reason[reason] += 1
                self.dropped.append(
                    {
                        "id": result.doc_id,
                        "reasons": list(result.reasons),
                        "details": list(result.details),
                        "text": (result.text or "")[:EXCERPT_CHARS],
                        "more": max(0, len(result.text or "") - EXCERPT_CHARS),
                    }
                )
        elif result.changed and len(self.changed) < CHANGED_SAMPLES:
            self.changed.append(
                {"id": result.doc_id, "diff": word_diff(original() or "", result.text or ""), "findings": result.findings}
            )

    # ---------------------------------------------------------------------- page

    def render(self, summary) -> str:
        from linter import __version__
        from linter.registry import all_rules

        command = f"copydesk clean {summary.input} {summary.output}"
        if summary.rejects:
            command += f" --rejects {summary.rejects}"
        header = (
            "<h1>copydesk clean report</h1>"
            f'<p class="meta"><code>{esc(command)}</code> \u00b7 copydesk {esc(__version__)} \u00b7 '
            f"{summary.seconds:.1f} s, {plural(summary.jobs, 'process', 'processes')} ({esc(summary.engine)}) "
            f"\u00b7 {esc(generated())}</p>"
        )
        total_findings = sum(summary.findings_by_rule.values())
        tiles = [
            ("read", summary.read, "documents read"),
            ("written", summary.written, "written"),
            ("changed", summary.changed, "changed by fixes"),
            ("dropped", summary.dropped, "dropped"),
            ("findings", total_findings, "findings"),
        ]
        if summary.rule_errors:
            tiles.append(("rule_errors", summary.rule_errors, "rule errors"))
        parts = ['<section id="summary"><h2>Summary</h2><ul class="tiles">']
        parts += [
            f'<li class="{"error" if key in ("dropped", "rule_errors") and value else ""}" data-tile="{key}">'
            f"<b>{number(value)}</b><span>{esc(label)}</span></li>"
            for key, value, label in tiles
        ]
        parts.append("</ul>")
        registry = all_rules()
        reasons = [Bar(r, n, DROPPED[1]) for r, n in sorted(summary.dropped_by_reason.items(), key=lambda kv: (-kv[1], kv[0]))]
        rules = [
            Bar(f"{code} {registry[code].name if code in registry else ''}".strip(), n)
            for code, n in sorted(summary.findings_by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        parts.append('<div class="charts">')
        parts.append(
            '<figure id="drops"><figcaption>Dropped, by reason</figcaption>'
            + (bar_chart(reasons, title="Documents dropped, by reason", width=420) if reasons else '<p class="muted">None dropped.</p>')
            + "</figure>"
        )
        parts.append(
            '<figure id="findings"><figcaption>Findings by rule (in the text as read)</figcaption>'
            + (bar_chart(rules, title="Findings by rule", width=480) if rules else '<p class="muted">No findings.</p>')
            + "</figure></div>"
        )
        if summary.rule_errors:
            parts.append('<h3>Rule errors (first few)</h3><ul class="errors">')
            parts += [f"<li>{esc(e)}</li>" for e in summary.error_examples]
            parts.append("</ul>")
        parts.append("</section>")
        parts.append(self._histograms())
        parts.append(self._dropped_section(summary))
        parts.append(self._changed_section(summary))
        return page("copydesk clean report", header, "\n".join(parts))

    def _histograms(self) -> str:
        active = set(self.gate.active)
        figures = []
        for signal, gates in self.signals.items():
            store = self.bins[signal]
            figures.append(self._histogram(signal, gates, store, active))
        return (
            f'<section id="scores"><h2>Quality scores</h2><p class="legend">{plural(self.scored, "document")} scored '
            "(after fixes); each chart counts them by score (bar heights on a square-root scale, so that small counts "
            f'show) and the dashed line is the threshold of the gate:<i style="background:{KEPT[1]}"></i>kept'
            f'<i style="background:{DROPPED[1]}"></i>dropped</p><div class="grid">{"".join(figures)}</div></section>'
        )

    def _histogram(self, signal: str, gates: list[str], store: dict[int, list[int]], active: set[str]) -> str:
        thresholds = self.gate.thresholds
        scale = _scale(signal)
        markers, notes = [], []
        for gate in gates:
            value = getattr(thresholds, gate)
            label = f"{'min' if self.gates[gate][1] == 'min' else 'max'} {value:g}"
            if gate not in active:
                notes.append(f"{gate} = {value:g} is not applied (ignored)")
                continue
            edge = value + 1 if self.gates[gate][1] == "max" and isinstance(value, int) else value
            markers.append(Marker(_position(signal, edge), label))
        if scale == "share":
            n = SHARE_BINS
            labels = [f"{i / n:.2f}-{(i + 1) / n:.2f}" for i in range(n)]
            ticks = [(p, f"{p / n:g}") for p in (0, 5, 10, 15, 20)]
        elif scale == "linear":
            lo, hi, n = LINEAR_BINS[signal]
            step = (hi - lo) / n
            labels = [f"{lo + i * step:g}-{lo + (i + 1) * step:g}" for i in range(n)]
            labels[-1] = f"{lo + (n - 1) * step:g} or more"
            ticks = [(p, f"{lo + p * step:g}") for p in range(0, n + 1, 5)]
        else:
            n = max([*store, *(math.ceil(m.position) - 1 for m in markers), 1]) + 1
            labels = []
            for k in range(n):
                lo, hi = int(EDGES[k]), int(EDGES[k + 1])
                labels.append(f"{lo:,}" if hi - lo == 1 else f"{lo:,}-{hi - 1:,}")
            every = max(1, math.ceil((n + 1) / 8))
            ticks = [(k, _compact(EDGES[k])) for k in range(0, n + 1, every)]
        counts = [store.get(i, [0, 0]) for i in range(n)]
        chart = histogram(
            counts,
            title=f"{signal}: documents by score",
            series=(KEPT, DROPPED),
            ticks=ticks,
            markers=markers,
            bin_labels=labels,
        )
        note = "".join(f'<p class="note">{esc(t)}</p>' for t in notes)
        axis = " (bins 0, 1, 2, 5, 10, 20, ...)" if scale == "log" else ""
        return (
            f'<figure class="score" data-signal="{attr(signal)}"><figcaption><code>{esc(signal)}</code>'
            f'<span class="muted">{esc(axis)}</span></figcaption>{chart}{note}</figure>'
        )

    def _dropped_section(self, summary) -> str:
        head = f'<section id="dropped"><h2>Dropped documents (sample: {number(len(self.dropped))} of {number(summary.dropped)})</h2>'
        if not self.dropped:
            return head + '<p class="muted">None dropped.</p></section>'
        rows = []
        for s in self.dropped:
            details = "<br>".join(esc(d) for d in s["details"])
            more = f'<span class="muted"> \u2026 ({number(s["more"])} more characters)</span>' if s["more"] else ""
            excerpt = f'<div class="excerpt">{text_html(s["text"])}{more}</div>' if s["text"] else ""
            rows.append(
                f'<tr data-id="{attr(s["id"])}"><td><code>{esc(s["id"])}</code></td>'
                f'<td>{esc(", ".join(s["reasons"]))}</td><td>{details}{excerpt}</td></tr>'
            )
        return (
            head + f"<p class=\"legend\">Up to {DROPPED_PER_REASON} per first reason, in input order.</p>"
            '<table class="samples"><thead><tr><th>id</th><th>reasons</th><th>details and text</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></section>"
        )

    def _changed_section(self, summary) -> str:
        head = f'<section id="changed"><h2>Changed documents (sample: {number(len(self.changed))} of {number(summary.changed)})</h2>'
        if not self.changed:
            return head + '<p class="muted">No document was changed.</p></section>'
        rows = []
        for s in self.changed:
            found = ", ".join(f"{code} \u00d7{n}" for code, n in s["findings"].items())
            rows.append(
                f'<tr data-id="{attr(s["id"])}"><td><code>{esc(s["id"])}</code><br>'
                f'<span class="muted">{esc(found)}</span></td><td>{s["diff"]}</td></tr>'
            )
        return (
            head + '<p class="legend">What the fixes changed, with a little of the text around each change:'
            '<del>removed</del> <ins>added</ins></p><table class="samples diff"><thead><tr><th>id (findings)</th>'
            f"<th>changes</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
        )


def word_diff(before: str, after: str) -> str:
    """The changes from ``before`` to ``after`` as HTML, word by word (difflib), each
    with up to :data:`DIFF_CONTEXT` characters of unchanged text around it."""
    if len(before) > DIFF_MAX_CHARS or len(after) > DIFF_MAX_CHARS:
        return esc(f"(too long to show here: {len(before):,} characters)")
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    hunks: list[str] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        lead = "".join(a[ops[k - 1][1] : ops[k - 1][2]]) if k and ops[k - 1][0] == "equal" else ""
        trail = "".join(a[ops[k + 1][1] : ops[k + 1][2]]) if k + 1 < len(ops) and ops[k + 1][0] == "equal" else ""
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        lead = ("\u2026" if len(lead) > DIFF_CONTEXT else "") + lead[-DIFF_CONTEXT:]
        trail = trail[:DIFF_CONTEXT] + ("\u2026" if len(trail) > DIFF_CONTEXT else "")
        change = (f"<del>{text_html(old)}</del>" if old else "") + (f"<ins>{text_html(new)}</ins>" if new else "")
        hunks.append(f'<div class="hunk">{text_html(lead)}{change}{text_html(trail)}</div>')
    return "".join(hunks) or '<span class="muted">(no visible change)</span>'
