"""The frame shared by the HTML reports: escaping, the page shell and its stylesheet.

A page is one self-contained file: inline CSS, inline SVG, at most a little inline
script (which only adds conveniences such as filters), nothing from the network, so it
opens from a file:// URL and in a CI artifact viewer.
"""

from __future__ import annotations

import html
import time

import regex

# Characters a reader cannot see or that HTML cannot carry: controls (but tab, line
# feed and carriage return), format characters (but the zero-width joiner of emoji
# sequences), lone surrogates (undecodable bytes), private use, line and paragraph
# separators.
_INVISIBLE = regex.compile(r"[[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]--[\t\n\r\u200d]]", regex.V1)
_SPECIAL = regex.compile(r"[&<>]|[[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]--[\t\n\r\u200d]]", regex.V1)
_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def esc(value: object) -> str:
    """Text content: escaped, with characters HTML cannot carry shown as U+FFFD."""
    return html.escape(_INVISIBLE.sub("\ufffd", str(value)), quote=False)


def attr(value: object) -> str:
    """An attribute value (for double quotes)."""
    return html.escape(_INVISIBLE.sub("\ufffd", str(value)), quote=True)


def _visible(match: "regex.Match[str]") -> str:
    ch = match.group()
    entity = _ENTITY.get(ch)
    if entity is not None:
        return entity
    return f'<span class="cp" title="an invisible character">U+{ord(ch):04X}</span>'


def text_html(text: str) -> str:
    """A document's text for a ``<pre>``: escaped, invisible characters shown by their
    code point (so a finding on a zero-width space or a control character can be seen)."""
    return _SPECIAL.sub(_visible, text)


def number(n: int) -> str:
    return f"{n:,}"


def plural(n: int, word: str, plural_word: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural_word or word + 's')}"


def generated() -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())


SEVERITY_COLOUR = {"error": "#c62828", "warning": "#b86e00", "info": "#1f6fb2"}

CSS = """
:root{--error:#c62828;--warning:#b86e00;--info:#1f6fb2;--bg-error:#fbd5d5;--bg-warning:#ffe7a3;
--bg-info:#d6e8fb;--line:#e1e4e8;--muted:#5f6670}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2127;background:#f6f7f9}
header{background:#1d2433;color:#fff;padding:18px 28px}
header h1{margin:0;font-size:22px;font-weight:600}
header .meta{margin:4px 0 0;color:#c9d1de;font-size:13px}
header code{color:#fff}
main{max-width:1180px;margin:0 auto;padding:20px 28px 60px}
h2{font-size:18px;margin:28px 0 10px}
h3{font-size:15px;margin:0 0 8px}
a{color:#0b57b0}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.tiles{display:flex;flex-wrap:wrap;gap:12px;margin:6px 0 18px;padding:0;list-style:none}
.tiles li{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:130px}
.tiles b{display:block;font-size:22px;font-weight:600}
.tiles span{color:var(--muted);font-size:13px}
.tiles .error b{color:var(--error)}.tiles .warning b{color:var(--warning)}.tiles .info b{color:var(--info)}
.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px;max-width:100%;overflow-x:auto}
figcaption{font-weight:600;margin-bottom:6px}
figcaption .muted{font-weight:400;font-size:12px;margin-left:4px}
figure .note{color:var(--muted);font-size:12px;margin:4px 0 0;max-width:300px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:14px}
table{border-collapse:collapse;background:#fff;border:1px solid var(--line);border-radius:8px}
th,td{text-align:left;padding:5px 12px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef0f3;font-weight:600;font-size:13px}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
details.doc{background:#fff;border:1px solid var(--line);border-radius:8px;margin:8px 0}
details.doc>summary{cursor:pointer;padding:8px 14px;font-weight:600}
details.doc>summary .counts{font-weight:400;color:var(--muted);margin-left:8px;font-size:13px}
details.doc[open]>summary{border-bottom:1px solid var(--line)}
.docbody{padding:10px 16px 14px}
ol.flist{margin:0 0 12px;padding-left:22px;font-size:14px}
ol.flist li{margin:2px 0}
.sev{display:inline-block;font-size:11px;font-weight:600;text-transform:uppercase;padding:0 6px;border-radius:9px;color:#fff;vertical-align:1px}
.sev.error{background:var(--error)}.sev.warning{background:var(--warning)}.sev.info{background:var(--info)}
.fixline{color:#1b6e34}
pre.text{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.65 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
background:#fbfbfc;border:1px solid var(--line);border-radius:6px;padding:12px 14px;margin:0}
mark{color:inherit;position:relative;border-radius:2px;cursor:help}
mark.error{background:var(--bg-error);border-bottom:2px solid var(--error)}
mark.warning{background:var(--bg-warning);border-bottom:2px solid var(--warning)}
mark.info{background:var(--bg-info);border-bottom:2px dotted var(--info)}
mark.pt::before{content:"\\2038";font-weight:700}
mark:focus{outline:2px solid #0b57b0;outline-offset:1px}
mark .tip{display:none;position:absolute;left:0;top:1.55em;z-index:20;width:max-content;max-width:min(34em,80vw);
white-space:normal;background:#1d2433;color:#fff;padding:6px 10px;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.25);
font:13px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;text-align:left}
mark .tip b{color:#ffd666}
mark .tip .fx{color:#a8e6b8}
mark .tip .sep{display:block;border-top:1px solid #4a5368;margin:5px 0}
mark:hover>.tip,mark:focus>.tip,mark:target>.tip{display:block}
mark.off{background:none;border-bottom:0;cursor:auto}
mark.off>.tip{display:none!important}
.cp{font-size:10px;border:1px solid #999;border-radius:3px;padding:0 2px;color:#555;vertical-align:1px}
.muted{color:var(--muted)}
.errors li{color:var(--error)}
#filters{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:10px 0}
#filters fieldset{border:0;margin:0 0 6px;padding:0}
#filters legend{font-weight:600;padding:0;margin-bottom:2px}
#filters label{display:inline-block;margin:2px 12px 2px 0;font-size:14px;white-space:nowrap}
#filters button{margin-right:8px}
.hidden-by-filter{display:none}
ul.names{columns:3 18em;font-size:13px}
table.diff td{font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
del{background:#fbd5d5;text-decoration:line-through}
ins{background:#c9f0d2;text-decoration:none}
.excerpt{white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
background:#fbfbfc;border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:6px 0 0}
.legend{font-size:13px;color:var(--muted)}
.legend i{display:inline-block;width:11px;height:11px;border-radius:2px;margin:0 4px 0 10px;vertical-align:-1px}
"""


def page(title: str, header_html: str, body_html: str, *, script: str = "") -> str:
    """A whole HTML document."""
    tail = f"<script>\n{script}\n</script>\n" if script else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No request leaves the page: not even a favicon.
        '<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header>{header_html}</header>\n<main>\n{body_html}\n</main>\n{tail}</body>\n</html>\n"
    )
