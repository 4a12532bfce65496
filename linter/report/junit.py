"""``--output-format junit``: JUnit XML, for CI systems that show test reports
(GitLab, Jenkins, Azure). One ``testsuite`` per checked document; each finding is a
failed ``testcase`` named by its rule, with ``path:line:col`` and the message; a
document without findings is one passing test case."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from linter.diagnostic import Diagnostic
from linter.report.base import DocumentResult, Reporter, Summary
from linter.report.text import location

# Characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _attr(text: str) -> str:
    return quoteattr(_xml(text))


def testcase(d: Diagnostic, suite: str) -> str:
    where = location(d)
    return (
        f'    <testcase name={_attr(f"{d.code} {d.name} at {where}")} classname={_attr(suite)}>\n'
        f"      <failure type={_attr(d.code)} message={_attr(d.message)}>"
        f"{escape(_xml(f'{where}: {d.code} [{d.category}] {d.message}'))}</failure>\n"
        "    </testcase>\n"
    )


class JunitReporter(Reporter):
    def begin(self) -> str:
        return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="copydesk">\n'

    def document(self, result: DocumentResult) -> str:
        suite = result.path if result.doc_id is None else f"{result.path}:{result.doc_id}"
        n = len(result.diagnostics)
        head = f"  <testsuite name={_attr(suite)} tests=\"{max(n, 1)}\" failures=\"{n}\" errors=\"0\">\n"
        if not n:
            body = f'    <testcase name="no findings" classname={_attr(suite)}/>\n'
        else:
            body = "".join(testcase(d, suite) for d in result.diagnostics)
        return head + body + "  </testsuite>\n"

    def end(self, summary: Summary) -> str:
        return "</testsuites>\n"
