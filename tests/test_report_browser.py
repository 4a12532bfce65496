"""The HTML reports rendered in a real headless browser (Chromium over the DevTools
protocol): they load with no console error, show the findings highlighted and the
charts drawn, give a finding's message and fix on keyboard focus and on hover, work
with scripts off, and filter. Skipped, saying why, where Chromium is not installed
(.ci/run installs Debian's chromium package)."""

from __future__ import annotations

import pytest

from benchmarks.browser import Browser, unavailable_reason
from linter.cli import main
from test_report_html import CLEAN, DIRTY, _corpus

REASON = unavailable_reason()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"browser tests need Chromium: {REASON}")


@pytest.fixture(scope="module")
def browser():
    with Browser(1280, 900) as b:
        yield b


@pytest.fixture
def check_page(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "stories" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    assert main(["check", "stories", "--output-format", "html", "-o", "report.html", "--no-progress"]) == 1
    return tmp_path / "report.html"


def _fresh(browser, page, scripts=True):
    browser.call("Emulation.setScriptExecutionDisabled", value=not scripts)
    browser.open(page)
    browser.events.clear()
    browser.open(page)  # a second load: the error list is this page's alone
    return browser


def _tab_to_a_finding(b) -> None:
    for _ in range(200):
        b.key("Tab")
        if b.evaluate("document.activeElement.tagName") == "MARK":
            return
    pytest.fail("Tab never reached a highlighted finding")


def test_check_report_loads_without_errors_and_shows_highlights_and_charts(browser, check_page):
    b = _fresh(browser, check_page)
    assert b.console_errors() == []
    marks = b.evaluate(
        "[...document.querySelectorAll('pre.text mark')].map(m => {const r = m.getBoundingClientRect();"
        "return [m.dataset.r, r.width, r.height, getComputedStyle(m).backgroundColor]})"
    )
    assert sorted(code for code, *_ in marks) == ["EN003", "EN006", "EN006", "TP001", "TY006"]
    assert all(w > 0 and h > 0 for _, w, h, _ in marks)
    assert all(bg != "rgba(0, 0, 0, 0)" for *_, bg in marks)  # coloured
    bars = b.evaluate(
        "[...document.querySelectorAll('#by-rule svg rect')].map(r => r.getBoundingClientRect().width)"
    )
    assert len(bars) == 4 and all(w > 0 for w in bars)
    assert b.evaluate("document.getElementById('filters').hidden") is False


def test_a_finding_shows_its_message_and_fix_on_keyboard_focus_and_on_hover(browser, check_page):
    b = _fresh(browser, check_page)
    _tab_to_a_finding(b)
    tip = b.evaluate(
        "(() => {const t = document.activeElement.querySelector('.tip'); const r = t.getBoundingClientRect();"
        "return [getComputedStyle(t).display, t.innerText, r.width, r.height]})()"
    )
    assert tip[0] == "block" and tip[2] > 0 and tip[3] > 0
    assert "TP001" in tip[1] and "'the' is repeated" in tip[1]
    # Tab goes on to the next finding
    b.key("Tab")
    assert b.evaluate("document.activeElement.tagName") == "MARK"
    # hover, away from the focused one
    b.evaluate("document.activeElement.blur()")
    x, y = b.evaluate(
        "(() => {const m = [...document.querySelectorAll('pre.text mark')].find(m => m.dataset.r === 'EN003');"
        "m.scrollIntoView({block: 'center'}); const r = m.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]})()"
    )
    b.hover(x, y)
    shown = b.evaluate(
        "[...document.querySelectorAll('mark .tip')].filter(t => getComputedStyle(t).display === 'block').map(t => t.innerText)"
    )
    assert len(shown) == 1 and "zero-width space" in shown[0] and "fix" in shown[0]


def test_check_report_works_with_scripts_off(browser, check_page):
    b = _fresh(browser, check_page, scripts=False)
    try:
        assert b.evaluate("document.getElementById('filters').hidden") is True
        assert b.evaluate("document.querySelectorAll('pre.text mark').length") == 5
        _tab_to_a_finding(b)
        assert b.evaluate("getComputedStyle(document.activeElement.querySelector('.tip')).display") == "block"
    finally:
        b.call("Emulation.setScriptExecutionDisabled", value=False)


def test_check_report_filters_by_rule_and_category(browser, check_page):
    b = _fresh(browser, check_page)
    b.evaluate("document.querySelector('#filters input[name=rule][value=EN006]').click()")
    off = b.evaluate("[...document.querySelectorAll('pre.text mark.off')].map(m => m.dataset.r)")
    assert off == ["EN006", "EN006"]
    hidden = b.evaluate("[...document.querySelectorAll('ol.flist li.hidden-by-filter')].map(l => l.dataset.r)")
    assert hidden == ["EN006", "EN006"]
    b.evaluate("document.querySelector('#filters input[name=cat][value=encoding]').click()")
    off = b.evaluate("[...document.querySelectorAll('pre.text mark.off')].map(m => m.dataset.r).sort()")
    assert off == ["EN003", "EN006", "EN006"]
    b.evaluate("document.querySelector('#filters input[name=cat][value=typo]').click()")
    b.evaluate("document.querySelector('#filters input[name=cat][value=typography]').click()")
    assert b.evaluate("document.querySelector('details.doc[data-r]').classList.contains('hidden-by-filter')") is True
    b.evaluate("document.querySelector('#filters button[data-all]').click()")
    assert b.evaluate("document.querySelectorAll('pre.text mark.off, .hidden-by-filter').length") == 0
    assert b.console_errors() == []


def test_a_link_to_a_collapsed_document_opens_it(browser, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stories").mkdir()
    for i in range(25):
        (tmp_path / "stories" / f"s{i:02}.txt").write_text(DIRTY, encoding="utf-8")
    assert main(["check", "stories", "--output-format", "html", "-o", "r.html", "--no-progress", "--jobs", "1"]) == 1
    b = _fresh(browser, tmp_path / "r.html")
    assert b.evaluate("document.querySelectorAll('details.doc[open]').length") == 0
    b.evaluate("document.querySelector('#top-files a').click()")
    assert b.evaluate("document.querySelectorAll('details.doc[open]').length") == 1
    assert b.console_errors() == []


def test_clean_report_loads_without_errors_and_draws_the_histograms(browser, tmp_path, monkeypatch):
    from linter.rules.support.quality import GATES

    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path / "in.jsonl")
    assert main(["clean", "in.jsonl", "out.jsonl", "--jobs", "1", "--report", "report.html"]) == 0
    b = _fresh(browser, tmp_path / "report.html")
    assert b.console_errors() == []
    charts = b.evaluate(
        "[...document.querySelectorAll('figure.score svg')].map(s => {const r = s.getBoundingClientRect();"
        "return [s.closest('figure').dataset.signal, r.width, r.height, s.querySelectorAll('.threshold line').length,"
        "[...s.querySelectorAll('rect')].filter(x => x.getBoundingClientRect().height > 0).length]})"
    )
    assert {c[0] for c in charts} == {signal for signal, _ in GATES.values()}
    assert all(w > 0 and h > 0 and bars > 0 for _, w, h, _, bars in charts)
    lines = {c[0]: c[3] for c in charts}
    assert lines["word_count"] == 2 and lines["stop_words"] == 1
    # charts do not overlap one another
    boxes = b.evaluate(
        "[...document.querySelectorAll('figure')].map(f => {const r = f.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]})"
    )
    for i, p in enumerate(boxes):
        for q in boxes[i + 1 :]:
            assert p[2] <= q[0] or q[2] <= p[0] or p[3] <= q[1] or q[3] <= p[1], (p, q)
    assert b.evaluate("document.querySelectorAll('#changed table del').length") == 3
