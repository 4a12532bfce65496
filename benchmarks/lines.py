"""Line-level benchmark of the boilerplate and language rules on raw scraped pages.

    python -m benchmarks.run lines [--split dev|held-out|all] [--samples N]

Each page of ``raw_scraped_news`` has ``naive_text`` (every visible line of the page)
and ``gold_text`` (the article, marked by people). Every non-blank line of the naive
text is labelled from the gold text:

* ``article``: the line (spaces normalised) is a line of the gold text, or a long
  stretch of it (a scraper may join or split paragraphs);
* ``unsure``: a short line found only inside a gold line (``Sport``, ``Email``): left out;
* ``not article``: everything else.

Lines that are not article are sorted into kinds by this module's own keyword lists
(``KINDS`` below), written apart from the rules' patterns in ``rules/data`` so that the
benchmark does not measure the rules against themselves. A line is *found* when a
finding of a boilerplate or language rule overlaps it.

The pages are split by a fixed hash of their id into a development part (``dev``), on
which the patterns may be looked at and tuned, and a ``held-out`` part, never looked
at line by line; the held-out figures are the headline.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import regex

from benchmarks.corpus import scraped_rows, split_of

SPLITS = ("held-out", "dev", "all")
# Lines at least this long that appear inside the gold text are article lines even when
# the gold text joined them with their neighbours.
_LONG_LINE = 25

# The benchmark's kinds, in order of precedence: the first whose keywords a line has is
# its kind. Kept apart from the rules' patterns on purpose (see the module docstring).
KINDS: tuple[tuple[str, str, int], ...] = (
    # (kind, keywords, most words a line of the kind has)
    ("copyright", r"©|\bcopyright\b|\(c\)\s*\d{4}|\ball rights reserved\b|\bmay not be (re)?published\b", 40),
    ("adverts", r"\badvert\w*|\bsponsor\w*|\bads by\b|\badchoices\b|\bad choices\b|\bpromoted (by|content|stories)\b"
     r"|\bpaid (post|content)\b", 12),
    ("subscribe", r"\bsubscri\w*|\bnewsletter\w*|\bsign ?up\b|\brss\b|\binbox\b|\be-?mail alerts?\b|\bnews ?alerts?\b", 20),
    ("share/follow", r"\bshare[sd]?\b|\bsharing\b|\btweet (this|it)\b|\bfollow (us|me|@|\w+ on)\b|\be-?mail (this|to a friend)\b"
     r"|\bprint (this|article|story)\b|\bsend to a friend\b|\blike us\b|\bconnect with us\b|\bdigg\b|\bdel\.icio\.us\b|\bstumbleupon\b", 20),
    # a social network's name alone, or nearly: a share or follow button
    ("share/follow", r"\bfacebook\b|\btwitter\b|\blinkedin\b|\bpinterest\b|\bwhatsapp\b|\breddit\b|\btweet\b|\bgoogle ?(\+|plus)", 4),
    ("comments", r"\bcomment\w*|\brepl(y|ies)\b|\breport abuse\b|\bhave your say\b|\bdiscuss\w*|\breaders'? (say|views)\b", 20),
    ("read-more/related", r"\bread (more|next|full|the full)\b|\brelated\b|\bmore (from|on|in|stories|news|headlines|about|of)\b"
     r"|\bsee also\b|\bexplore further\b|\brecommended\b|\byou (may|might) also\b|\bmost (popular|read|viewed|e-?mailed|commented|shared)\b"
     r"|\btop stories\b|\b(next|previous) (article|story|post)\b|\bcontinue reading\b|\bfull story\b|\bclick here\b|\balso (read|see|on)\b"
     r"|\bin (other|the) news\b|\blatest (news|stories|headlines)\b|\btrending\b|\bmore\s*[»>›]", 20),
    ("credits/bylines/timestamps", r"^\s*by\s+\p{Lu}|\bphoto(graph)?s?\b|\bimage\b|\bpicture\b|\bcredit\b|\bgetty\b|\bap photo\b|\breuters\b"
     r"|\bstaff (writer|reporter)\b|\bcorrespondent\b|\b(posted|published|updated|filed)\b|\b\d{1,2}:\d{2}\b"
     r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
     r"|\b\d{4}-\d{2}-\d{2}\b|[\w.+-]+@[\w-]+\.[\w.]+", 20),
    ("navigation", r"\bhome\b|\bmenu\b|\bsearch\b|\bsite ?map\b|\bskip to\b|\bback to top\b|\blog ?(in|out)\b|\bsign (in|out)\b|\bregister\b"
     r"|\bcontact us\b|\babout us\b|\bprivacy\b|\bterms\b|\bhelp\b|\bfaq\b|\bsections?\b|\barchives?\b|\bweather\b|\btopics?\b"
     r"|\|.*\||\bnext\b|\bprevious\b|\bpage \d+\b", 20),
)
KIND_NAMES = tuple(dict.fromkeys(k for k, _, _ in KINDS)) + ("other",)
_KIND_RES = tuple((name, regex.compile(rx, regex.I), most) for name, rx, most in KINDS)
_SPACE_RE = regex.compile(r"\s+")
_WORD_RE = regex.compile(r"\w+")
# The kinds issue 14 sets targets for, and the kinds reported at info level.
LINE_RULES = ("BP001", "BP002", "LG002")
TARGET_KINDS = ("share/follow", "subscribe", "read-more/related", "copyright", "adverts")


def norm(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def kind_of(text: str) -> str:
    words = len(_WORD_RE.findall(text))
    for name, rx, most in _KIND_RES:
        if words <= most and rx.search(text):
            return name
    return "other"


def label_lines(naive_lines: list[str], gold: str) -> list[str]:
    """``article``, ``unsure`` or ``not`` for each (non-blank) naive line."""
    gold_lines = {norm(x) for x in gold.splitlines() if x.strip()}
    gold_flat = norm(gold)
    out = []
    for line in naive_lines:
        n = norm(line)
        if n in gold_lines or (len(n) >= _LONG_LINE and n in gold_flat):
            out.append("article")
        elif n in gold_flat:
            out.append("unsure")
        else:
            out.append("not")
    return out


def pages(corpus: Path):
    """(page id, naive text, gold text) for every scraped page with a gold text."""
    for _, page_id, r in scraped_rows(corpus):
        naive, gold = r.get("naive_text") or "", r.get("gold_text") or ""
        if naive.strip() and gold.strip():
            yield page_id, naive, gold


def _empty() -> dict:
    return {
        "pages": 0,
        "article_lines": 0,
        "not_article_lines": 0,
        "unsure_lines": 0,
        "article_flagged_warning": 0,
        "article_flagged_info": 0,
        "article_flagged_by": Counter(),
        # flagged article lines by the benchmark's own kind of the line: a gold article
        # that keeps a line its keywords call "Tweet" or "8 comments" is doubtful
        "article_flagged_warning_kind": Counter(),
        "kinds": {k: {"lines": 0, "found": 0, "found_warning": 0} for k in KIND_NAMES},
    }


def run_lines(args) -> dict:
    from linter import Document, Linter
    from linter.diagnostic import Severity
    from linter.registry import select_codes

    # BP003 (a repeated paragraph) is about duplication, not the kind of a line: a page
    # repeats its headline, so it is left out here.
    codes = [c for c in select_codes() if c in LINE_RULES]
    # story furniture (bylines, timestamps, credits) is measured too: it is off in `check`
    linter = Linter(codes, rule_options={"BP001": {"furniture": True}})
    want = getattr(args, "split", None) or "held-out"
    samples = getattr(args, "samples", 0) or 0
    stats = {s: _empty() for s in ("dev", "held-out")}
    shown: list[str] = []
    for page_id, naive, gold in pages(args.corpus):
        part = split_of(page_id)
        tot = stats[part]
        doc = Document(naive, "page", doc_id=page_id)
        diags = linter.lint(doc).diagnostics
        lines = [ln for ln in doc.lines if ln.text.strip()]
        labels = label_lines([ln.text for ln in lines], gold)
        tot["pages"] += 1
        # One pass over lines and findings, both sorted by offset.
        spans = sorted((d.start, d.end, d.code, d.severity) for d in diags)
        j = 0
        for ln, label in zip(lines, labels):
            while j < len(spans) and spans[j][1] <= ln.start:
                j += 1
            hits = []
            k = j
            while k < len(spans) and spans[k][0] < ln.end:
                if spans[k][1] > ln.start:
                    hits.append(spans[k])
                k += 1
            warning = any(h[3] >= Severity.WARNING for h in hits)
            if label == "unsure":
                tot["unsure_lines"] += 1
            elif label == "article":
                tot["article_lines"] += 1
                if warning:
                    tot["article_flagged_warning"] += 1
                    tot["article_flagged_warning_kind"][kind_of(ln.text)] += 1
                elif hits:
                    tot["article_flagged_info"] += 1
                for h in hits:
                    tot["article_flagged_by"][h[2]] += 1
                if hits and samples and part == "dev" and want in ("dev", "all") and len(shown) < samples:
                    shown.append(f"   FALSE {page_id} [{','.join(h[2] for h in hits)}] {norm(ln.text)[:110]}")
            else:
                tot["not_article_lines"] += 1
                kind = kind_of(ln.text)
                row = tot["kinds"][kind]
                row["lines"] += 1
                row["found"] += bool(hits)
                row["found_warning"] += warning
                if (not hits and kind in TARGET_KINDS + ("credits/bylines/timestamps",) and samples
                        and part == "dev" and want in ("dev", "all") and len(shown) < samples):
                    shown.append(f"   MISS  {page_id} [{kind}] {norm(ln.text)[:110]}")
    res = {"splits": {}}
    for part, tot in stats.items():
        tot = dict(tot)
        tot["article_flagged_by"] = dict(tot["article_flagged_by"])
        tot["article_flagged_warning_kind"] = dict(tot["article_flagged_warning_kind"])
        other = tot["article_flagged_warning_kind"].get("other", 0)
        tot["false_warning_other_per100_pages"] = round(100 * other / max(tot["pages"], 1), 2)
        n = max(tot["pages"], 1)
        tot["false_warning_per100_pages"] = round(100 * tot["article_flagged_warning"] / n, 2)
        tot["false_info_per100_pages"] = round(100 * tot["article_flagged_info"] / n, 2)
        for row in tot["kinds"].values():
            row["recall"] = round(row["found"] / row["lines"], 4) if row["lines"] else None
        res["splits"][part] = tot
    _print(res, want)
    for s in shown:
        print(s)
    return res


def _print(res: dict, want: str) -> None:
    parts = ("held-out", "dev") if want == "all" else (want,)
    print("== Scraped pages, line by line: boilerplate and foreign lines found by BP/LG rules")
    print("   (a line not in the gold article, sorted into kinds by the benchmark's own keywords;")
    print("    found = any BP/LG finding overlapping it; pages split by a fixed hash of their id)")
    for part in parts:
        tot = res["splits"][part]
        print(f"\n   {part}: {tot['pages']} pages, {tot['not_article_lines']} lines not article, "
              f"{tot['article_lines']} article lines ({tot['unsure_lines']} short lines left out)")
        print(f"   {'kind':<28} {'lines':>6} {'found':>6} {'recall':>7} {'warning':>8}")
        for kind, row in tot["kinds"].items():
            r = "n/a" if row["recall"] is None else f"{100 * row['recall']:.0f}%"
            w = "n/a" if not row["lines"] else f"{100 * row['found_warning'] / row['lines']:.0f}%"
            print(f"   {kind:<28} {row['lines']:>6} {row['found']:>6} {r:>7} {w:>8}")
        print(f"   article lines flagged: {tot['article_flagged_warning']} as warnings "
              f"({tot['false_warning_per100_pages']:.1f} per 100 pages), {tot['article_flagged_info']} "
              f"at info only ({tot['false_info_per100_pages']:.1f} per 100 pages); by rule "
              f"{', '.join(f'{k}:{v}' for k, v in sorted(tot['article_flagged_by'].items())) or 'none'}")
        by_kind = tot["article_flagged_warning_kind"]
        print(f"   of the warnings, by the benchmark's own kind of the line: "
              f"{', '.join(f'{k}:{v}' for k, v in sorted(by_kind.items())) or 'none'}; "
              f"lines its keywords call other (no boilerplate keyword): "
              f"{tot['false_warning_other_per100_pages']:.1f} per 100 pages")
