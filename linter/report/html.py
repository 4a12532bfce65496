"""``--output-format html``: one self-contained page for people.

A summary (counts, findings by category and by rule as bar charts, the documents with
most findings), then every document with findings: the list of its findings and its
text with each finding highlighted in place, coloured by severity, the message and the
fix shown on hover and on keyboard focus (Tab moves from one finding to the next).
Documents without findings follow, collapsed. A little inline script adds filters by
rule and category; without it the page is complete.

Highlights are flat: the text is cut at every start and end of a finding and each
piece is marked with all the findings that cover it, so overlapping and nested
findings never produce crossed tags. Offsets are code points into the text, as in
every format.

Large runs stay light: each document sits in a ``<details>`` (closed when there are
many), and the page carries at most :data:`TEXT_BUDGET` characters of document text;
past that, documents are listed with their findings but without their text.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from linter.diagnostic import Applicability, Diagnostic, Severity
from linter.report import DocumentResult, Reporter, Summary
from linter.report.page import SEVERITY_COLOUR, attr, esc, generated, number, page, plural, text_html
from linter.report.svg import Bar, bar_chart

# Characters of document text the page may carry (about 1.2 bytes of HTML each); the
# documents without findings may use at most half of it.
TEXT_BUDGET = 8_000_000
# With more documents with findings than this, they are shown closed.
OPEN_LIMIT = 20
TOP_FILES = 20
FIX_WORDS = {Applicability.SAFE: "safe fix", Applicability.UNSAFE: "unsafe fix", Applicability.DISPLAY: "suggestion"}


def _where(result: DocumentResult) -> str:
    return result.path + (f":{result.doc_id}" if result.doc_id is not None else "")


def _fix_text(d: Diagnostic) -> str:
    return f"{FIX_WORDS[d.fix.applicability]}: {d.fix.title}" if d.fix is not None else ""


def _tip(diagnostics: Sequence[Diagnostic]) -> str:
    rows = []
    for d in diagnostics:
        fix = f'<br><span class="fx">{esc(_fix_text(d))}</span>' if d.fix is not None else ""
        rows.append(f"<b>{esc(d.code)}</b> {esc(d.name)} \u00b7 {d.severity}<br>{esc(d.message)}{fix}")
    return '<span class="tip" role="tooltip">' + '<span class="sep"></span>'.join(rows) + "</span>"


def highlight(text: str, diagnostics: Sequence[Diagnostic], prefix: str) -> tuple[str, dict[int, str]]:
    """The text as HTML with the findings marked, and the element id of each finding
    (by its index in ``diagnostics``).

    The text is cut at every start and end; each piece covered by findings becomes
    one ``<mark>`` naming them all (``data-r``: their rule codes), coloured by the most
    severe. A finding's first piece is focusable and carries its id. A finding of
    no width is a caret mark at its place."""
    n = len(text)
    spans = [(min(d.start, n), min(max(d.end, d.start), n), i) for i, d in enumerate(diagnostics)]
    ranged = sorted((s for s in spans if s[1] > s[0]), key=lambda s: (s[0], -s[1], s[2]))
    points: dict[int, list[int]] = {}
    for start, end, i in spans:
        if end == start:
            points.setdefault(start, []).append(i)
    bounds = sorted({0, n, *(s[0] for s in ranged), *(s[1] for s in ranged)})
    ids: dict[int, str] = {}
    out: list[str] = []

    def mark(indices: list[int], piece: str, point: bool = False) -> str:
        found = [diagnostics[i] for i in indices]
        worst = max(d.severity for d in found)
        fresh = [i for i in indices if i not in ids]
        extra = ""
        if fresh:
            ident = f"{prefix}-{fresh[0]}"
            for i in fresh:
                ids[i] = ident
            extra = f' id="{ident}" tabindex="0"'
        rules = " ".join(sorted({d.code for d in found}))
        cls = f"{worst}{' pt' if point else ''}"
        return f'<mark class="{cls}" data-r="{rules}"{extra}>{piece}{_tip(found)}</mark>'

    active: list[tuple[int, int, int]] = []
    j = 0
    for a, b in zip(bounds, bounds[1:]):
        if a in points:
            out.append(mark(points.pop(a), "", point=True))
        while j < len(ranged) and ranged[j][0] == a:
            active.append(ranged[j])
            j += 1
        active = [s for s in active if s[1] > a]
        piece = text_html(text[a:b])
        out.append(mark([s[2] for s in active], piece) if active else piece)
    for at in sorted(points):  # at the very end of the text (or an empty text)
        out.append(mark(points[at], "", point=True))
    return "".join(out), ids


class HtmlReporter(Reporter):
    """Collects each document's section as it comes; the page is written at the end
    (the summary, which comes first, needs every count)."""

    def __init__(self, *, paths: Sequence[str] = (), fix_mode: bool = False, text_budget: int = TEXT_BUDGET) -> None:
        self.paths = list(paths)
        self.fix_mode = fix_mode
        self.text_budget = text_budget
        self.text_used = 0
        self.clean_text_used = 0
        self.sections: list[str] = []  # documents with findings
        self.clean: list[str] = []  # documents without
        self.counts: list[tuple[int, str, str]] = []  # (findings, name, anchor)
        self.by_category: Counter = Counter()
        self.by_severity: Counter = Counter()
        self.rule_severity: dict[str, Severity] = {}
        self.rule_category: dict[str, str] = {}
        self.errors: list[str] = []
        self.untexted = 0

    def error(self, message: str) -> None:
        self.errors.append(message)

    # ------------------------------------------------------------------ documents

    def _take_text(self, text: str | None, clean: bool) -> str | None:
        if text is None:
            return None
        size = len(text)
        if clean:
            if self.clean_text_used + size > self.text_budget // 2 or self.text_used + size > self.text_budget:
                return None
            self.clean_text_used += size
        elif self.text_used + size > self.text_budget:
            return None
        self.text_used += size
        return text

    def document(self, result: DocumentResult) -> str:
        index = len(self.sections) + len(self.clean)
        anchor = f"d{index}"
        name = _where(result)
        diagnostics = sorted(result.diagnostics, key=lambda d: (d.start, d.end, d.code))
        text = self._take_text(getattr(result, "text", None), clean=not diagnostics)
        if not diagnostics:
            if text is None:
                self.clean.append(f'<li id="{anchor}">{esc(name)}</li>')
            else:
                body = f'<pre class="text">{text_html(text)}</pre>' if text else '<p class="muted">(empty)</p>'
                self.clean.append(
                    f'<li id="{anchor}"><details class="doc"><summary>{esc(name)}</summary>'
                    f'<div class="docbody">{body}</div></details></li>'
                )
            return ""
        for d in diagnostics:
            self.by_category[str(d.category)] += 1
            self.by_severity[str(d.severity)] += 1
            self.rule_category[d.code] = str(d.category)
            if d.severity > self.rule_severity.get(d.code, Severity.INFO):
                self.rule_severity[d.code] = d.severity
            else:
                self.rule_severity.setdefault(d.code, d.severity)
        self.counts.append((len(diagnostics), name, anchor))
        ids: dict[int, str] = {}
        marked = ""
        if text is not None:
            marked, ids = highlight(text, diagnostics, anchor)
        else:
            self.untexted += 1
        items = []
        for i, d in enumerate(diagnostics):
            place = f"{d.line}:{d.column}"
            place = f'<a href="#{ids[i]}">{place}</a>' if i in ids else place
            fix = f' <span class="fixline">({esc(_fix_text(d))})</span>' if d.fix is not None else ""
            items.append(
                f'<li data-r="{attr(d.code)}">{place} <span class="sev {d.severity}">{d.severity}</span> '
                f'<code>{esc(d.code)}</code> {esc(d.message)}{fix}</li>'
            )
        sev = Counter(str(d.severity) for d in diagnostics)
        counts = ", ".join(plural(sev[s], s, "info" if s == "info" else None) for s in ("error", "warning", "info") if sev[s])
        rules = " ".join(sorted({d.code for d in diagnostics}))
        body = f'<ol class="flist">{"".join(items)}</ol>'
        if text is not None:
            body += f'<pre class="text">{marked}</pre>'
        else:
            body += (
                f'<p class="muted">The text is not shown: this page already carries '
                f"{number(self.text_budget)} characters of text.</p>"
            )
        self.sections.append(
            f'<details class="doc" id="{anchor}" data-r="{rules}"{{open}}><summary>{esc(name)}'
            f'<span class="counts">{plural(len(diagnostics), "finding")}: {counts}</span></summary>'
            f'<div class="docbody">{body}</div></details>'
        )
        return ""

    # ---------------------------------------------------------------------- page

    def end(self, summary: Summary) -> str:
        from linter import __version__

        unit = self.unit = "document" if summary.records else "file"
        target = " ".join(self.paths) if self.paths else "."
        header = (
            f"<h1>copydesk check report</h1>"
            f'<p class="meta"><code>copydesk check {esc(target)}</code> \u00b7 copydesk {esc(__version__)} '
            f"\u00b7 {plural(summary.documents, unit)} \u00b7 {esc(generated())}</p>"
        )
        tiles = [
            ("", summary.documents, f"{unit}s checked"),
            ("", summary.findings, "findings"),
            ("", summary.with_findings, f"{unit}s with findings"),
            ("error", self.by_severity["error"], "errors"),
            ("warning", self.by_severity["warning"], "warnings"),
            ("info", self.by_severity["info"], "info"),
            ("", summary.fixable, "fixable with --fix"),
        ]
        if self.fix_mode:
            tiles.append(("", summary.fixed, "fixed"))
        if summary.errors or self.errors:
            tiles.append(("error", max(summary.errors, len(self.errors)), "could not be checked"))
        parts = ['<section id="summary"><h2>Summary</h2><ul class="tiles">']
        parts += [
            f'<li class="{cls}" data-tile="{attr(label)}"><b>{number(value)}</b><span>{esc(label)}</span></li>'
            for cls, value, label in tiles
        ]
        parts.append("</ul>")
        if summary.findings:
            parts.append(self._charts(summary))
            parts.append(self._top_files())
        parts.append("</section>")
        if self.errors:
            parts.append('<section id="errors"><h2>Errors</h2><ul class="errors">')
            parts += [f"<li>{esc(m)}</li>" for m in self.errors]
            parts.append("</ul></section>")
        if self.sections:
            parts.append(self._filters(summary))
            opened = " open" if len(self.sections) <= OPEN_LIMIT else ""
            parts.append(
                f'<section id="documents"><h2>{plural(len(self.sections), unit.capitalize())} with findings</h2>'
                '<p class="legend">Hover over or Tab to a highlight for its message and fix:'
                f'<i style="background:var(--bg-error)"></i>error<i style="background:var(--bg-warning)"></i>warning'
                f'<i style="background:var(--bg-info)"></i>info</p>'
            )
            if self.untexted:
                parts.append(
                    f'<p class="muted">{plural(self.untexted, unit)} shown without their text, to keep the page '
                    "light; every finding is still listed.</p>"
                )
            parts += [s.replace("{open}", opened, 1) for s in self.sections]
            parts.append("</section>")
        if self.clean:
            parts.append(
                f'<section id="clean"><h2>{plural(len(self.clean), unit.capitalize())} without findings</h2>'
                f'<details><summary>Show the list</summary><ul class="names">{"".join(self.clean)}</ul></details></section>'
            )
        return page("copydesk check report", header, "\n".join(parts), script=SCRIPT if self.sections else "")

    def _charts(self, summary: Summary) -> str:
        cats = [Bar(c, n, "#4e79a7") for c, n in sorted(self.by_category.items(), key=lambda kv: (-kv[1], kv[0]))]
        rules = [
            Bar(f"{code} {summary.names.get(code, '')}".strip(), n, SEVERITY_COLOUR[str(self.rule_severity[code])])
            for code, n in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        return (
            '<div class="charts">'
            f'<figure id="by-category"><figcaption>Findings by category</figcaption>'
            f'{bar_chart(cats, title="Findings by category", width=380)}</figure>'
            f'<figure id="by-rule"><figcaption>Findings by rule</figcaption>'
            f'{bar_chart(rules, title="Findings by rule (colour: severity)", width=560)}'
            f'<p class="legend">colour: most severe finding of the rule'
            f'<i style="background:{SEVERITY_COLOUR["error"]}"></i>error'
            f'<i style="background:{SEVERITY_COLOUR["warning"]}"></i>warning'
            f'<i style="background:{SEVERITY_COLOUR["info"]}"></i>info</p></figure></div>'
        )

    unit = "document"

    def _top_files(self) -> str:
        top = sorted(self.counts, key=lambda c: (-c[0], c[1]))[:TOP_FILES]
        rows = "".join(
            f'<tr><td><a href="#{anchor}">{esc(name)}</a></td><td class="n">{number(n)}</td></tr>'
            for n, name, anchor in top
        )
        return (
            f'<h2>Most findings</h2><table id="top-files"><thead><tr><th>{self.unit}</th>'
            f'<th class="n">findings</th></tr></thead><tbody>{rows}</tbody></table>'
        )

    def _filters(self, summary: Summary) -> str:
        cats = sorted(self.by_category)
        rules = sorted(summary.by_rule)
        cat_boxes = "".join(
            f'<label><input type="checkbox" name="cat" value="{attr(c)}" checked> {esc(c)} '
            f'<span class="muted">({number(self.by_category[c])})</span></label>'
            for c in cats
        )
        rule_boxes = "".join(
            f'<label><input type="checkbox" name="rule" value="{attr(r)}" data-cat="{attr(self.rule_category[r])}" '
            f'checked> <code>{esc(r)}</code> <span class="muted">({number(summary.by_rule[r])})</span></label>'
            for r in rules
        )
        # Hidden until the script runs: without it there is nothing to filter with.
        return (
            '<form id="filters" hidden><fieldset><legend>Categories</legend>'
            f"{cat_boxes}</fieldset><fieldset><legend>Rules</legend>{rule_boxes}</fieldset>"
            '<button type="button" data-all="1">Show all</button>'
            '<button type="button" data-open="1">Expand all</button>'
            '<button type="button" data-open="0">Collapse all</button>'
            f'<span id="filter-status" class="muted" data-unit="{self.unit}s"></span></form>'
        )


# Filters: a finding is shown when its rule and its category are both ticked; a
# highlight when any of its findings is shown; a document when any of its findings is.
SCRIPT = """
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  var boxes = form.querySelectorAll('input[type=checkbox]');
  function shown() {
    var cats = {}, rules = {};
    form.querySelectorAll('input[name=cat]').forEach(function (b) { cats[b.value] = b.checked; });
    form.querySelectorAll('input[name=rule]').forEach(function (b) {
      rules[b.value] = b.checked && cats[b.dataset.cat];
    });
    return rules;
  }
  function any(el, rules) {
    return el.dataset.r.split(' ').some(function (r) { return rules[r]; });
  }
  function apply() {
    var rules = shown(), docs = 0;
    document.querySelectorAll('pre.text mark[data-r]').forEach(function (m) {
      var on = any(m, rules);
      m.classList.toggle('off', !on);
      if (m.hasAttribute('tabindex') || m.dataset.tab) {
        m.dataset.tab = '1';
        if (on) m.setAttribute('tabindex', '0'); else m.removeAttribute('tabindex');
      }
    });
    document.querySelectorAll('ol.flist li[data-r]').forEach(function (li) {
      li.classList.toggle('hidden-by-filter', !any(li, rules));
    });
    document.querySelectorAll('details.doc[data-r]').forEach(function (d) {
      var on = any(d, rules);
      d.classList.toggle('hidden-by-filter', !on);
      if (on) docs++;
    });
    document.getElementById('filter-status').textContent = docs + ' ' + document.getElementById('filter-status').dataset.unit + ' shown';
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  form.addEventListener('click', function (e) {
    var t = e.target;
    if (t.dataset.all) { boxes.forEach(function (b) { b.checked = true; }); apply(); }
    if (t.dataset.open) {
      document.querySelectorAll('details.doc[data-r]').forEach(function (d) { d.open = t.dataset.open === '1'; });
    }
  });
  function reveal() {
    var el = location.hash && document.getElementById(location.hash.slice(1));
    for (var p = el; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
  }
  window.addEventListener('hashchange', reveal);
  reveal();
  apply();
})();
"""
