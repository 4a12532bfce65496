"""The renderers: pure functions of diagnostics (and source lines)."""

from __future__ import annotations

import json
import re

from linter import Document
from linter.diagnostic import Applicability, Category, Diagnostic, Fix, Severity
from linter.engine import locate
from linter.report import DocumentResult, Summary, diagnostic_record, make_reporter
from linter.report.github import format_annotation
from linter.report.jsondoc import render_json
from linter.report.jsonl import render_jsonl
from linter.report.sarif import artifact_uri, render_sarif
from linter.report.text import format_diagnostic, format_statistics, format_summary, snippet

JSONL_KEYS = {
    "path", "code", "name", "category", "severity", "message", "start", "end",
    "line", "column", "end_line", "end_column", "fix",
}


def diag(text, start, end, *, code="TP001", severity=Severity.WARNING, fix=None, path="a.txt", doc_id=None):
    d = Diagnostic(code, "doubled-word", Category.TYPO, severity, f"'{text[start:end]}' here", start, end, fix,
                   evidence={"n": 1})
    locate(Document(text, path, doc_id=doc_id), [d])
    return d


TEXT = "First line.\nThe the slip, 50% sure: yes, no\n"


def test_jsonl_contract():
    fix = Fix.replace(12, 16, "", Applicability.SAFE, "Remove it")
    d = diag(TEXT, 16, 19, fix=fix)
    rec = json.loads(render_jsonl([d]))
    assert set(rec) == JSONL_KEYS
    assert rec["fix"] == {"applicability": "safe", "title": "Remove it", "edits": [{"start": 12, "end": 16, "replacement": ""}]}
    assert (rec["line"], rec["column"], rec["end_line"], rec["end_column"]) == (2, 5, 2, 8)
    d2 = diag(TEXT, 0, 5, doc_id="rec-1")
    assert set(json.loads(render_jsonl([d2]))) == JSONL_KEYS | {"doc_id"}
    assert diagnostic_record(d2)["fix"] is None


def test_json_document():
    d = diag(TEXT, 16, 19)
    s = Summary()
    s.add(DocumentResult("a.txt", diagnostics=[d]))
    doc = json.loads(render_json([d], s))
    assert set(doc) == {"diagnostics", "summary"}
    assert doc["diagnostics"][0] == diagnostic_record(d)
    assert doc["summary"]["findings"] == 1 and doc["summary"]["by_rule"] == {"TP001": 1}


def test_streamed_json_equals_rendered():
    d1, d2 = diag(TEXT, 16, 19), diag(TEXT, 0, 5)
    for results in ([], [DocumentResult("a.txt", diagnostics=[d1, d2])]):
        s = Summary()
        for r in results:
            s.add(r)
        rep = make_reporter("json")
        streamed = rep.begin() + "".join(rep.document(r) for r in results) + rep.end(s)
        assert json.loads(streamed) == json.loads(render_json([d for r in results for d in r.diagnostics], s))


def test_sarif_structure():
    fix = Fix.replace(12, 16, "", Applicability.SAFE, "Remove it")
    diags = [diag(TEXT, 16, 19, fix=fix), diag(TEXT, 0, 5, severity=Severity.ERROR), diag(TEXT, 0, 5, severity=Severity.INFO, doc_id="r1")]
    log = json.loads(render_sarif(diags))
    assert log["version"] == "2.1.0" and "sarif" in log["$schema"]
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["TP001"]
    assert rules[0]["shortDescription"]["text"] and "What it does" in rules[0]["help"]["text"]
    r0, r1, r2 = run["results"]
    assert r0["ruleId"] == "TP001" and r0["level"] == "warning" and r0["message"]["text"] == "'the' here"
    loc = r0["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "a.txt"
    assert loc["region"] == {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 8}
    assert r1["level"] == "error" and r2["level"] == "note"
    assert r2["locations"][0]["logicalLocations"][0]["name"] == "r1"
    assert r2["properties"]["doc_id"] == "r1"
    assert run["columnKind"] == "unicodeCodePoints"


def test_streamed_sarif_is_valid_json():
    d = diag(TEXT, 16, 19)
    s = Summary()
    r = DocumentResult("a.txt", diagnostics=[d])
    s.add(r)
    rep = make_reporter("sarif")
    log = json.loads(rep.begin() + rep.document(r) + rep.end(s))
    assert log["runs"][0]["results"][0]["ruleId"] == "TP001"
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "TP001"
    empty = make_reporter("sarif")
    assert json.loads(empty.begin() + empty.end(Summary()))["runs"][0]["results"] == []


def test_artifact_uri():
    assert artifact_uri("dir/a b.txt") == "dir/a%20b.txt"
    assert artifact_uri("/abs/x.txt") == "file:///abs/x.txt"
    assert artifact_uri("-") == "stdin"


def test_github_annotation():
    d = diag(TEXT, 16, 19)
    d.message = "50% sure: a, b\nnext"
    line = format_annotation(d)
    assert line == "::warning file=a.txt,line=2,col=5,endLine=2,endColumn=8,title=TP001::50%25 sure: a, b%0Anext\n"
    assert format_annotation(diag(TEXT, 0, 5, severity=Severity.ERROR)).startswith("::error ")
    assert format_annotation(diag(TEXT, 0, 5, severity=Severity.INFO)).startswith("::notice ")
    odd = diag(TEXT, 0, 5, path="dir/a,b:c.txt")
    assert "file=dir/a%2Cb%3Ac.txt," in format_annotation(odd)
    rec = format_annotation(diag(TEXT, 16, 19, doc_id="r9"))
    assert re.match(r"::warning file=a.txt,title=TP001::\[r9:2:5\] ", rec)


def test_text_diagnostic():
    fix = Fix.replace(12, 16, "", Applicability.UNSAFE, "Remove it")
    d = diag(TEXT, 16, 19, fix=fix)
    out = format_diagnostic(d, "The the slip, 50% sure: yes, no")
    assert out == (
        "a.txt:2:5: TP001 [typo] 'the' here\n"
        "2 | The the slip, 50% sure: yes, no\n"
        "  |     ^^^\n"
        "= unsafe fix: Remove it\n"
    )
    assert "\033[" not in out
    assert "\033[" in format_diagnostic(d, "The the slip", color=True)
    rec = format_diagnostic(diag(TEXT, 16, 19, doc_id="b/7"), None)
    assert rec.startswith("a.txt:b/7:2:5: TP001 [typo]")


def test_snippet_wide_and_long_lines():
    shown, carets = snippet("日本 the the", 8, 11)
    assert shown == "日本 the the" and carets == " " * 9 + "^^^"
    shown, carets = snippet("a\tb", 3, 4)
    assert shown == "a b" and carets == "  ^"
    long = "x" * 300 + " target " + "y" * 300
    shown, carets = snippet(long, 302, 308)
    assert len(shown) <= 102 and shown.startswith("…") and shown.endswith("…")
    assert shown[carets.index("^") : carets.index("^") + 6] == "target"
    shown, carets = snippet("abc", 4, 4)  # at the end of the line
    assert carets == "   ^"
    shown, _ = snippet("bad \udce9 byte", 5, 6)
    assert "\udce9" not in shown


def test_summary_lines():
    s = Summary()
    assert format_summary(s) == "All checks passed (0 files checked).\n"
    safe = Fix.replace(0, 1, "", Applicability.SAFE, "t")
    unsafe = Fix.replace(0, 1, "", Applicability.UNSAFE, "t")
    s.add(DocumentResult("a.txt", diagnostics=[diag(TEXT, 0, 5, fix=safe), diag(TEXT, 0, 5, fix=unsafe), diag(TEXT, 0, 5)]))
    s.add(DocumentResult("b.txt"))
    assert format_summary(s) == "Found 3 findings in 1 file (1 fixable with --fix, 1 more with --unsafe-fixes).\n"
    assert format_summary(s, unsafe_fixes=True) == "Found 3 findings in 1 file (2 fixable with --fix --unsafe-fixes).\n"
    assert format_statistics(s) == "3  TP001  [*] doubled-word\n"
    s.fixed, s.changed_files = 2, 1
    assert format_summary(s, fix_mode=True) == "Fixed 2 findings in 1 file; 3 remaining.\n"


def test_progress_line_only_on_long_tty_runs():
    import io

    from linter.progress import Progress

    class Clock:
        now = 0.0

        def __call__(self):
            return self.now

    clock, stream = Clock(), io.StringIO()
    p = Progress(100, "files", enabled=True, stream=stream, clock=clock)
    p.update(10)
    assert stream.getvalue() == ""  # not shown in the first second
    clock.now = 2.0
    p.update(10)
    line = stream.getvalue()
    assert "20/100 files" in line and "10 files/s" in line and "ETA 8s" in line
    p.close()
    assert stream.getvalue().endswith("\r\033[K")
    quiet = io.StringIO()
    q = Progress(None, "docs", stream=quiet, clock=clock)  # StringIO is not a TTY
    clock.now = 10.0
    q.update(5)
    assert quiet.getvalue() == ""
    assert "5 docs" in q.line()


def test_progress_by_bytes_for_record_files():
    import io

    from linter.progress import Progress

    p = Progress(None, "docs", enabled=True, stream=io.StringIO(), clock=lambda: 4.0)
    p.started = 0.0
    p.bytes_total, p.bytes_done, p.done = 1000, 250, 100
    line = p.line(4.0)
    assert "100 docs" in line and "25%" in line and "25 docs/s" in line and "ETA 12s" in line
