"""The HTML reports' structure, read back with html.parser (no browser needed):
highlights in place and well nested, escaping, charts that draw the counts, the clean
report's numbers equal to the summary clean prints."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from linter.cli import main
from linter.diagnostic import Category, Diagnostic, Severity
from linter.report.html import HtmlReporter, highlight
from linter.report import DocumentResult, Summary

VOID = {"meta", "link", "br", "input", "img", "hr", "wbr", "source", "col", "area", "base", "embed", "param", "track"}
SVG_EMPTY = {"rect", "line", "path", "circle"}

DIRTY = (
    "The council said the the plan would go ahead on Monday.\n"
    'She said it was a <b>good</b> day & "fine" for everyone , really.\n'
    "The mayor\u200b spoke.\n"
)
CLEAN = "The council met on Monday. It agreed the budget for the coming year.\n"


class Tree(HTMLParser):
    """Elements with their attributes, their text (tips included or not) and a check
    that every tag closes in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.elements: list[dict] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": [], "parents": [e["tag"] for e in self.stack],
              "classes": [c for e in self.stack for c in (e["attrs"].get("class") or "").split()],
              "parent": self.stack[-1] if self.stack else None}
        self.elements.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": [], "parents": [], "classes": []})

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1]["tag"] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1]['tag'] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        in_tip = any("tip" in (e["attrs"].get("class") or "").split() for e in self.stack)
        for el in self.stack:
            el["text"].append(("tip" if in_tip else "text", data))

    def find(self, tag=None, **attrs):
        out = []
        for el in self.elements:
            if tag and el["tag"] != tag:
                continue
            if all((el["attrs"].get(k.replace("_", "-")) == v) if v is not True else (k.replace("_", "-") in el["attrs"])
                   for k, v in attrs.items()):
                out.append(el)
        return out


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert not tree.errors, tree.errors[:5]
    assert not tree.stack, [e["tag"] for e in tree.stack]
    return tree


def tiles(tree) -> dict[str, str]:
    """The summary tiles: label -> the figure shown in bold."""
    return {b["parent"]["attrs"]["data-tile"]: text_of(b) for b in tree.find("b")
            if b["parent"] and "data-tile" in b["parent"]["attrs"]}


def text_of(el, tips=False) -> str:
    return "".join(t for kind, t in el["text"] if tips or kind == "text")


def diag(start, end, code="TP001", severity=Severity.WARNING, message="m", category=Category.TYPO):
    return Diagnostic(code, "name-" + code, category, severity, message, start, end)


# ------------------------------------------------------------------ highlighting


def _pre(text, diagnostics):
    body, ids = highlight(text, diagnostics, "d0")
    tree = parse(f'<pre class="text">{body}</pre>')
    return tree, ids


def test_highlight_keeps_the_text_and_marks_each_finding_in_place():
    text = "one two three four five"
    tree, ids = _pre(text, [diag(4, 7), diag(14, 18, "EN001", Severity.ERROR)])
    pre = tree.find("pre")[0]
    assert text_of(pre) == text
    marks = [m for m in tree.find("mark")]
    assert [text_of(m) for m in marks] == ["two", "four"]
    assert [m["attrs"]["class"] for m in marks] == ["warning", "error"]
    assert [m["attrs"]["data-r"] for m in marks] == ["TP001", "EN001"]
    assert set(ids.values()) == {m["attrs"]["id"] for m in marks}
    assert all(m["attrs"]["tabindex"] == "0" for m in marks)


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 10), (3, 6)],  # nested
        [(0, 6), (3, 10)],  # crossing
        [(2, 8), (2, 8)],  # the same span twice
        [(0, 4), (4, 8)],  # touching
        [(1, 9), (2, 3), (5, 7), (6, 10)],  # nested and crossing together
    ],
)
def test_overlapping_findings_split_into_well_nested_pieces(spans):
    text = "abcdefghijkl"
    findings = [diag(s, e, f"TP00{i}") for i, (s, e) in enumerate(spans)]
    tree, ids = _pre(text, findings)  # parse() fails on any crossed tag
    assert text_of(tree.find("pre")[0]) == text
    marks = tree.find("mark")
    assert not any("mark" in m["parents"] for m in marks)  # flat: no mark inside a mark
    # each character is marked with exactly the findings that cover it
    pos = 0
    covered = {}
    for m in marks:
        piece = text_of(m)
        start = text.index(piece, pos)
        pos = start + len(piece)
        for k in range(start, pos):
            covered[k] = set(m["attrs"]["data-r"].split())
    for k in range(len(text)):
        expected = {f.code for f in findings if f.start <= k < f.end}
        assert covered.get(k, set()) == expected, (k, text[k])
    assert sorted(ids) == list(range(len(findings)))  # every finding has a place to link to
    for m in marks:  # a piece's tip names every finding covering it
        tip = text_of(m, tips=True)[len(text_of(m)):]
        for code in m["attrs"]["data-r"].split():
            assert code in tip


def test_a_finding_of_no_width_is_a_caret_mark_at_its_place():
    tree, ids = _pre("abc", [diag(1, 1), diag(3, 3, "TP009")])
    marks = tree.find("mark")
    assert [m["attrs"]["class"] for m in marks] == ["warning pt", "warning pt"]
    assert text_of(tree.find("pre")[0]) == "abc"
    assert len(ids) == 2


def test_text_and_messages_are_escaped_and_invisible_characters_shown():
    text = "<script>alert(1)</script> & x\u200by\x07"
    message = "'<img src=x onerror=alert(1)>' \"quoted\""
    tree, _ = _pre(text, [diag(0, 8, message=message), diag(29, 30, "EN003")])
    assert not tree.find("script") and not tree.find("img")
    shown = text_of(tree.find("pre")[0])
    assert shown.startswith("<script>alert(1)</script> & x")
    assert "U+200B" in shown and "U+0007" in shown
    assert message in text_of(tree.find("mark")[0], tips=True)


def test_highlight_is_linear_enough_for_many_findings():
    text = "word " * 20_000
    findings = [diag(i * 5, i * 5 + 4) for i in range(0, 20_000, 2)]
    body, ids = highlight(text, findings, "d0")
    assert len(ids) == len(findings) and body.count("<mark") == len(findings)


# ------------------------------------------------------------------------ check


@pytest.fixture
def articles(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "stories" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def _check_html(*args):
    assert main(["check", "stories", "--output-format", "html", "-o", "report.html", "--no-progress", *args]) in (0, 1)
    return open("report.html", encoding="utf-8").read()


def test_check_html_report_shows_every_finding_in_its_text(articles, capsys):
    page = _check_html()
    assert main(["check", "stories", "--output-format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    tree = parse(page)
    assert page.startswith("<!DOCTYPE html>")
    doc = [d for d in tree.find("details") if "dirty.txt" in text_of(d)][0]
    pre = [e for e in tree.find("pre") if "text" in e["attrs"].get("class", "")]
    assert text_of(pre[0]) == DIRTY.replace("\u200b", "U+200B")
    marked = {m["attrs"]["id"]: m for m in tree.find("mark") if "id" in m["attrs"]}
    links = [a["attrs"]["href"][1:] for a in tree.find("a") if a["attrs"].get("href", "").startswith("#d")]
    # every finding is listed, with a link to its highlight, which covers its span
    items = [li for li in tree.find("li") if li["attrs"].get("data-r")]
    assert len(items) == len(found["diagnostics"]) == 5
    for d in found["diagnostics"]:
        expected = DIRTY[d["start"] : d["end"]].replace("\u200b", "U+200B")
        hits = [m for m in tree.find("mark") if d["code"] in m["attrs"]["data-r"].split()]
        assert expected in "".join(text_of(m) for m in hits)
        assert any(d["message"] in text_of(m, tips=True) for m in hits)
        if d["fix"]:
            assert any(d["fix"]["title"] in text_of(m, tips=True) for m in hits)
    assert all(target in marked or target.startswith("d") for target in links)
    assert "open" in doc["attrs"]  # a small run is shown open


def test_check_html_summary_charts_draw_the_counts(articles, capsys):
    page = _check_html()
    assert main(["check", "stories", "--statistics", "--output-format", "json"]) == 1
    stats = json.loads(capsys.readouterr().out)
    tree = parse(page)
    shown = tiles(tree)
    assert shown["findings"] == str(stats["summary"]["findings"])
    assert shown["files checked"] == "2"
    assert shown["files with findings"] == "1"
    by_rule = tree.find("figure", id="by-rule")
    assert by_rule
    rule_bars = {}
    in_rule_chart = False
    for el in tree.elements:
        if el["tag"] == "figure":
            in_rule_chart = el["attrs"].get("id") == "by-rule"
        if in_rule_chart and el["tag"] == "g" and el["attrs"].get("class") == "bar":
            rule_bars[el["attrs"]["data-label"].split()[0]] = int(el["attrs"]["data-value"])
    assert rule_bars == {r["code"]: r["count"] for r in stats["rules"]}
    cat_bars = {}
    in_cat = False
    for el in tree.elements:
        if el["tag"] == "figure":
            in_cat = el["attrs"].get("id") == "by-category"
        if in_cat and el["tag"] == "g" and el["attrs"].get("class") == "bar":
            cat_bars[el["attrs"]["data-label"]] = int(el["attrs"]["data-value"])
    assert cat_bars == {"encoding": 3, "typo": 1, "typography": 1}
    top = tree.find("table", id="top-files")
    assert top and "stories/dirty.txt" in text_of(top[0])
    assert "stories/clean.txt" in text_of(tree.find("section", id="clean")[0])


def test_check_html_is_self_contained(articles):
    page = _check_html()
    tree = parse(page)
    for el in tree.elements:
        for key in ("src", "href", "action", "data"):
            value = el["attrs"].get(key) or ""
            assert not re.match(r"(?i)(https?:)?//", value), (el["tag"], key, value)
    assert not [e for e in tree.find("script") if "src" in e["attrs"]]
    assert not [e for e in tree.find("link") if e["attrs"].get("rel") == "stylesheet"]
    assert "@import" not in page and "url(http" not in page
    # the filters need the script: the page hides them until it runs
    assert "hidden" in tree.find("form", id="filters")[0]["attrs"]


def test_check_html_over_the_text_budget_lists_findings_without_text(tmp_path):
    reporter = HtmlReporter(text_budget=100)
    long_text = "x" * 80 + " the the end"
    for i in range(3):
        d = diag(81, 88)
        d.line, d.column = 1, 82
        result = DocumentResult(path=f"doc{i}.txt", diagnostics=[d], text=long_text)
        reporter.document(result)
    summary = Summary(documents=3, findings=3, with_findings=3)
    summary.by_rule["TP001"] = 3
    summary.names["TP001"] = "doubled-word"
    tree = parse(reporter.end(summary))
    assert len([e for e in tree.find("pre") if "text" in e["attrs"].get("class", "")]) == 1
    assert len([li for li in tree.find("li") if li["attrs"].get("data-r") == "TP001"]) == 3
    assert "2 files shown without their text" in text_of(tree.find("section", id="documents")[0])


def test_check_html_many_documents_are_collapsed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stories").mkdir()
    for i in range(25):
        (tmp_path / "stories" / f"s{i:02}.txt").write_text(DIRTY, encoding="utf-8")
    tree = parse(_check_html("--jobs", "1"))
    docs = [d for d in tree.find("details") if "doc" in d["attrs"].get("class", "") and "data-r" in d["attrs"]]
    assert len(docs) == 25 and not any("open" in d["attrs"] for d in docs)


def test_check_html_records_and_errors(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "r1", "text": DIRTY}) + "\n" + json.dumps({"id": "r2", "text": CLEAN}) + "\n", encoding="utf-8"
    )
    code = main(["check", "a.jsonl", "missing.txt", "--output-format", "html", "-o", "r.html", "--no-progress"])
    assert code == 2
    tree = parse(open("r.html", encoding="utf-8").read())
    assert "a.jsonl:r1" in text_of(tree.find("section", id="documents")[0])
    assert "missing.txt" in text_of(tree.find("section", id="errors")[0])
    assert "documents checked" in text_of(tree.find("section", id="summary")[0])


def test_statistics_is_refused_with_html(articles, capsys):
    assert main(["check", "stories", "--output-format", "html", "--statistics"]) == 2
    assert "--statistics works with" in capsys.readouterr().err


# ------------------------------------------------------------------------ clean

JUNK = "Home\nNews\nSport\nWeather\nContact\nAbout us\nLogin\n" * 4


def _corpus(path):
    rows = []
    body = (
        "The regional council agreed on Monday to spend more on the bus network, and the mayor said "
        "that the change would be felt by the end of the year. Officials said that the plan had "
        "been discussed with residents and that the money was already in the budget. "
    )
    for i in range(12):
        text = (body * (1 + i % 3)).rstrip()
        if i % 4 == 0:
            text = text.replace("the mayor", "the the mayor", 1)
        rows.append({"id": f"a{i}", "text": text, "source": "invented"})
    rows.insert(3, {"id": "short", "text": "Too short to keep."})
    rows.insert(7, {"id": "menu", "text": JUNK})
    rows.insert(9, {"id": "lorem", "text": ("Lorem ipsum dolor sit amet, the consectetur and adipiscing elit. " * 8)})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "not json\n", encoding="utf-8")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path / "in.jsonl")
    return tmp_path


def _clean(*extra):
    return main(["clean", "in.jsonl", "out.jsonl", "--jobs", "1", "--no-progress", *extra])


def test_clean_report_numbers_equal_the_summary(corpus, capsys):
    assert _clean("--report", "report.html", "--format-summary", "json") == 0
    summary = json.loads(capsys.readouterr().out)
    tree = parse(open("report.html", encoding="utf-8").read())
    shown = {k: int(v.replace(",", "")) for k, v in tiles(tree).items()}
    assert shown["read"] == summary["read"] == 16
    assert shown["written"] == summary["written"]
    assert shown["changed"] == summary["changed"] > 0
    assert shown["dropped"] == summary["dropped"] == 4
    assert shown["findings"] == sum(summary["findings_by_rule"].values())
    charts = {}
    current = None
    for el in tree.elements:
        if el["tag"] == "figure":
            current = el["attrs"].get("id")
        if el["tag"] == "g" and el["attrs"].get("class") == "bar":
            charts.setdefault(current, {})[el["attrs"]["data-label"].split()[0]] = int(el["attrs"]["data-value"])
    assert charts["drops"] == summary["dropped_by_reason"]
    assert charts["findings"] == summary["findings_by_rule"]


def test_clean_report_the_same_as_the_text_summary(corpus, capsys):
    assert _clean("--report", "report.html") == 0
    printed = capsys.readouterr().out
    tree = parse(open("report.html", encoding="utf-8").read())
    shown = tiles(tree)
    assert f"{shown['read']} documents read" in printed
    assert f"written: {shown['written']} ({shown['changed']} changed by fixes)" in printed
    assert f"dropped: {shown['dropped']}" in printed
    assert f"findings: {shown['findings']}" in printed


def test_clean_report_histograms_draw_every_judged_score_with_its_threshold(corpus):
    from linter.rules.support.quality import GATES

    assert _clean("--report", "report.html") == 0
    tree = parse(open("report.html", encoding="utf-8").read())
    figures = {f["attrs"]["data-signal"]: f for f in tree.find("figure") if "data-signal" in f["attrs"]}
    assert set(figures) == {signal for signal, _ in GATES.values()}
    current = None
    bins: dict[str, int] = {}
    markers: dict[str, list[str]] = {}
    for el in tree.elements:
        if el["tag"] == "figure":
            current = el["attrs"].get("data-signal")
        if current and el["tag"] == "g" and el["attrs"].get("class") == "bin":
            bins[current] = bins.get(current, 0) + int(el["attrs"]["data-value"])
        if current and el["tag"] == "g" and el["attrs"].get("class") == "threshold":
            markers.setdefault(current, []).append(el["attrs"]["data-label"])
    scored = 16 - 1  # the line that is not JSON has no scores
    assert all(n == scored for n in bins.values()), bins
    assert markers["word_count"] == ["min 30", "max 100000"]
    assert markers["alpha_word_share"] == ["min 0.8"]
    assert markers["lorem_ipsum"] == ["max 0"]


def test_clean_report_threshold_sits_where_its_value_is():
    from linter.report.clean_html import _bin, _position

    for signal, value in (("word_count", 30), ("short_line_share", 0.9), ("mean_word_length", 3.0), ("stop_words", 2)):
        assert int(_position(signal, value)) == _bin(signal, value)
    assert _position("word_count", 30) < _position("word_count", 31) < _position("word_count", 100_000)


def test_clean_report_samples_dropped_and_changed_documents(corpus):
    assert _clean("--report", "report.html") == 0
    tree = parse(open("report.html", encoding="utf-8").read())
    rows = {}
    section = None
    for el in tree.elements:
        if el["tag"] == "section":
            section = el["attrs"].get("id")
        if el["tag"] == "tr" and "data-id" in el["attrs"]:
            rows.setdefault(section, {})[el["attrs"]["data-id"]] = el
    assert set(rows["dropped"]) == {"short", "menu", "lorem", "16"}
    assert "min_words" in text_of(rows["dropped"]["short"])
    assert "Too short to keep." in text_of(rows["dropped"]["short"])
    assert "unreadable_record" in text_of(rows["dropped"]["16"])
    changed = rows["changed"]
    assert set(changed) == {"a0", "a4", "a8"}
    dels = [d for d in tree.find("del") if "table" in d["parents"]]
    assert len(dels) == 3 and all(text_of(d).strip() == "the" for d in dels)
    assert all("the mayor" in text_of(changed[k]) for k in changed)  # the context around the change


def test_clean_report_header_names_the_paths_as_given(corpus):
    assert _clean("--report", "report.html", "--rejects", "rejects.jsonl") == 0
    page = open("report.html", encoding="utf-8").read()
    header = page[page.index("<header>") : page.index("</header>")]
    assert "copydesk clean in.jsonl out.jsonl --rejects rejects.jsonl" in header
    assert str(corpus) not in page and "copydesk-tmp" not in page


def test_clean_report_refuses_a_path_of_the_run(corpus, capsys):
    assert _clean("--report", "out.jsonl") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--report is the same file as OUT" in err
    assert _clean("--report", "no/such/dir/report.html") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no/such/dir/report.html" in err
    assert not (corpus / "out.jsonl").exists()


def test_clean_without_report_writes_no_page(corpus):
    assert _clean() == 0
    assert not list(corpus.glob("*.html"))
