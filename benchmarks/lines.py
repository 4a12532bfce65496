"""Line-level benchmark of the boilerplate and language rules on raw scraped pages.

    python -m benchmarks.run lines [--split dev|held-out|all] [--samples N]

Each page of ``raw_scraped_news`` has ``naive_text`` (every visible line of the page)
and ``gold_text`` (the article, marked by people). Every non-blank line of the naive
text is labelled from the gold text:

* ``article``: the line (spaces normalised) is a line of the gold text, or a long
  stretch of it (a scraper may join or split paragraphs);
* ``unsure``: a short line found only inside a gold line (``Sport``, ``Email``): left out;
* ``furniture``: a gold line that is page or story furniture by this module's own
  keywords (``Tweet``, ``8 comments``, ``Advertisement``, ``By Jane Doe``, ``© 2012
  Example News``): the gold texts keep what stood inside the article's box, buttons and
  counters included. Such a line is counted neither as article nor as not article; it
  has its own row, and the article-line figures are also printed with it counted as
  article (``strict``). The test (``is_gold_furniture``) is the kinds' keywords below,
  on short lines that are not sentences, and knows nothing of the rules' patterns;
* ``not article``: everything else.

A text that stands more often in the page than in the gold (a headline repeated in a
"recent posts" list, a second row of share buttons) is article only where the article
is: its occurrences nearest to the lines that match the gold once are labelled from the
gold, the others are not article.

Lines that are not article are sorted into kinds by this module's own keyword lists
(``KINDS`` below), written apart from the rules' patterns in ``rules/data`` so that the
benchmark does not measure the rules against themselves. A line is *found* when a
finding of a boilerplate or language rule overlaps it.

A gold text keeps what stood in the article's box, readers' comments included, and some
of those are in another language. A flagged article line that langdetect (not the detector the
rules decide with where CLD2 has a wheel; they ask it only for a second opinion in one
case) reads, on its own, as another language than
English with probability >= ``FOREIGN_MIN_PROB`` is a true foreign line, not a false
boilerplate finding: such lines are counted apart, and the article-line figures are
printed both with them and without them.

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
     r"|\b\d{4}-\d{2}-\d{2}\b|[\w.+-]+@[\w-]+\.[\w.]+"
     # clock times with am/pm, numeric and ordinal dates, "written by", a news agency alone
     r"|\b\d{1,2}(:\d{2})?\s*[ap]\.?m\b|\b\d{1,2}[/.]\d{1,2}[/.](\d{4}|\d{2})\b|\b\d{1,2}(st|nd|rd|th)\b"
     r"|\b(written|submitted|reported|edited) by\b|^\s*by:|^\W*(ap|afp|reuters|associated press|upi|dpa|xinhua)\W*$", 20),
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


# A gold line with at most this many words, that is not a sentence, and that the kinds'
# keywords below put in one of these kinds, is furniture the gold text kept.
_FURNITURE_MAX_WORDS = 10
# A byline with its date and time ("by Jo Lane on Monday, May 4, 2012 at 9:41am") runs longer.
_CREDITS_MAX_WORDS = 16
_BYLINE_START_RE = regex.compile(r"\W*(by|posted|published|updated|written|submitted|filed)\b", regex.I)
_SENTENCE_MAX_WORDS = 5  # a line ending like a sentence counts only when this short
_FURNITURE_KINDS = frozenset(
    ("copyright", "adverts", "subscribe", "share/follow", "comments", "read-more/related", "credits/bylines/timestamps")
)
# Copyright notices are long sentences; these words make one whatever its length.
_NOTICE_RE = regex.compile(r"©|\(c\)\s*\d{4}|\ball rights reserved\b|\bmay not be (re)?published\b|^\W*copyright\s*(\(c\)|©)?\s*\d{4}", regex.I)
_SENTENCE_END_RE = regex.compile(r"[.!?][\"'”’)]*$")


def is_gold_furniture(text: str) -> bool:
    """Whether a line the gold text keeps is furniture by the benchmark's own keywords."""
    n = norm(text)
    if _NOTICE_RE.search(n):
        return True
    words = len(_WORD_RE.findall(n))
    if not words or words > _CREDITS_MAX_WORDS:
        return False
    if words > _SENTENCE_MAX_WORDS and _SENTENCE_END_RE.search(n):
        return False
    kind = kind_of(n)
    if words > _FURNITURE_MAX_WORDS:  # only a line that opens as a byline or a timestamp does
        return kind == "credits/bylines/timestamps" and _BYLINE_START_RE.match(n) is not None
    return kind in _FURNITURE_KINDS


def label_lines(naive_lines: list[str], gold: str) -> list[str]:
    """``article``, ``furniture``, ``unsure`` or ``not`` for each (non-blank) naive line."""
    gold_counts = Counter(norm(x) for x in gold.splitlines() if x.strip())
    gold_flat = norm(gold)
    texts = [norm(line) for line in naive_lines]
    out = []
    for n in texts:
        if n in gold_counts or (len(n) >= _LONG_LINE and n in gold_flat):
            out.append("article")
        elif n in gold_flat:
            out.append("unsure")
        else:
            out.append("not")
    # A text the page repeats more often than the gold: article only at the occurrences
    # nearest to the lines that match the gold once (the article's place in the page).
    seen = Counter(n for n, lab in zip(texts, out) if lab == "article")
    allowed = {n: gold_counts.get(n) or gold_flat.count(n) for n in seen}
    anchors = [i for i, (n, lab) in enumerate(zip(texts, out)) if lab == "article" and seen[n] <= allowed[n]]
    if anchors:
        first, last = anchors[0], anchors[-1]
        places: dict[str, list[int]] = {}
        for i, (n, lab) in enumerate(zip(texts, out)):
            if lab == "article" and seen[n] > allowed[n]:
                places.setdefault(n, []).append(i)
        for n, idx in places.items():
            keep = set(sorted(idx, key=lambda i: (max(first - i, i - last, 0), i))[: allowed[n]])
            for i in idx:
                if i not in keep:
                    out[i] = "not"
    for i, (n, lab) in enumerate(zip(texts, out)):
        if lab == "article" and is_gold_furniture(n):
            out[i] = "furniture"
    return out


# The article's edges: this many lines before and after its first line and its last.
EDGE_LINES = 3


def edge_zone(labels: list[str]) -> set[int]:
    """Indices of the lines within ``EDGE_LINES`` of the article's first or last line."""
    kept = [i for i, lab in enumerate(labels) if lab in ("article", "furniture")]
    if not kept:
        return set()
    first, last = kept[0], kept[-1]
    return set(range(max(first - EDGE_LINES, 0), first + EDGE_LINES + 1)) | set(range(last - EDGE_LINES, last + EDGE_LINES + 1))


def pages(corpus: Path):
    """(page id, naive text, gold text) for every scraped page with a gold text."""
    for _, page_id, r in scraped_rows(corpus):
        naive, gold = r.get("naive_text") or "", r.get("gold_text") or ""
        if naive.strip() and gold.strip():
            yield page_id, naive, gold


# langdetect's probability for another language than English at which a flagged article
# line counts as a foreign line the gold text keeps (see the module docstring).
FOREIGN_MIN_PROB = 0.9
_FOREIGN_MIN_WORDS = 3


def foreign_by_langdetect(text: str) -> str | None:
    """The language langdetect reads ``text`` in, when not English and sure enough."""
    if len(_WORD_RE.findall(text)) < _FOREIGN_MIN_WORDS:
        return None
    from linter.rules.support.langid import detect_langdetect

    guesses = detect_langdetect(text.lower())
    top = guesses[0] if guesses else None
    if top is None or top.code == "en" or top.confidence < FOREIGN_MIN_PROB:
        return None
    return top.code


def _empty() -> dict:
    return {
        "pages": 0,
        "article_lines": 0,
        "not_article_lines": 0,
        "unsure_lines": 0,
        # gold lines that are furniture by the benchmark's keywords (see label_lines)
        "furniture_lines": 0,
        "furniture_flagged_warning": 0,
        "furniture_flagged_info": 0,
        # credits, bylines, timestamps and contact lines at the article's edges: within
        # EDGE_LINES lines of its first or last line (see edge_zone), gold or not
        "edge_credits": {"lines": 0, "found": 0},
        "article_flagged_warning": 0,
        "article_flagged_info": 0,
        "article_flagged_by": Counter(),
        "article_flagged_warning_by": Counter(),  # warnings only, by rule
        # flagged article lines (warnings) that are in another language by langdetect
        "article_flagged_warning_foreign": 0,
        "article_flagged_warning_foreign_by": Counter(),
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
        edges = edge_zone(labels)
        tot["pages"] += 1
        # One pass over lines and findings, both sorted by offset.
        spans = sorted((d.start, d.end, d.code, d.severity) for d in diags)
        j = 0
        for idx, (ln, label) in enumerate(zip(lines, labels)):
            while j < len(spans) and spans[j][1] <= ln.start:
                j += 1
            hits = []
            k = j
            while k < len(spans) and spans[k][0] < ln.end:
                if spans[k][1] > ln.start:
                    hits.append(spans[k])
                k += 1
            warning = any(h[3] >= Severity.WARNING for h in hits)
            if idx in edges and label in ("not", "furniture") and kind_of(ln.text) == "credits/bylines/timestamps":
                tot["edge_credits"]["lines"] += 1
                tot["edge_credits"]["found"] += bool(hits)
            if label == "unsure":
                tot["unsure_lines"] += 1
            elif label == "furniture":
                tot["furniture_lines"] += 1
                tot["furniture_flagged_warning"] += warning
                tot["furniture_flagged_info"] += bool(hits) and not warning
                if hits and samples and part == "dev" and want in ("dev", "all") and len(shown) < samples:
                    shown.append(f"   KEPT  {page_id} [{','.join(h[2] for h in hits)}] {norm(ln.text)[:110]}")
            elif label == "article":
                tot["article_lines"] += 1
                if warning:
                    tot["article_flagged_warning"] += 1
                    codes_here = {h[2] for h in hits if h[3] >= Severity.WARNING}
                    for code in codes_here:
                        tot["article_flagged_warning_by"][code] += 1
                    if foreign_by_langdetect(ln.text):
                        tot["article_flagged_warning_foreign"] += 1
                        for code in codes_here:
                            tot["article_flagged_warning_foreign_by"][code] += 1
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
        tot["article_flagged_warning_by"] = dict(tot["article_flagged_warning_by"])
        tot["article_flagged_warning_kind"] = dict(tot["article_flagged_warning_kind"])
        tot["article_flagged_warning_foreign_by"] = dict(tot["article_flagged_warning_foreign_by"])
        other = tot["article_flagged_warning_kind"].get("other", 0)
        tot["false_warning_other_per100_pages"] = round(100 * other / max(tot["pages"], 1), 2)
        n = max(tot["pages"], 1)
        tot["false_warning_per100_pages"] = round(100 * tot["article_flagged_warning"] / n, 2)
        tot["foreign_warning_per100_pages"] = round(100 * tot["article_flagged_warning_foreign"] / n, 2)
        tot["false_warning_not_foreign_per100_pages"] = round(
            100 * (tot["article_flagged_warning"] - tot["article_flagged_warning_foreign"]) / n, 2
        )
        tot["false_info_per100_pages"] = round(100 * tot["article_flagged_info"] / n, 2)
        strict = tot["article_flagged_warning"] + tot["furniture_flagged_warning"]
        tot["strict_false_warning_per100_pages"] = round(100 * strict / n, 2)
        edge = tot["edge_credits"]
        edge["recall"] = round(edge["found"] / edge["lines"], 4) if edge["lines"] else None
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
    print("    found = any BP/LG finding overlapping it; pages split by a fixed hash of their id;")
    print("    short gold lines the keywords call furniture, like 'Tweet', have their own row)")
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
              f"{', '.join(f'{k}:{v}' for k, v in sorted(tot['article_flagged_by'].items())) or 'none'}; "
              f"warnings by rule {', '.join(f'{k}:{v}' for k, v in sorted(tot['article_flagged_warning_by'].items())) or 'none'}")
        not_foreign = {k: v - tot["article_flagged_warning_foreign_by"].get(k, 0)
                       for k, v in tot["article_flagged_warning_by"].items()}
        print(f"   of those warnings, {tot['article_flagged_warning_foreign']} are lines in another language by "
              f"langdetect (p >= {FOREIGN_MIN_PROB}; readers' comments the gold keeps: true foreign lines, "
              f"{tot['foreign_warning_per100_pages']:.1f} per 100 pages); the other article lines flagged: "
              f"{tot['false_warning_not_foreign_per100_pages']:.1f} per 100 pages, by rule "
              f"{', '.join(f'{k}:{v}' for k, v in sorted(not_foreign.items())) or 'none'}")
        edge = tot["edge_credits"]
        print(f"   credits/bylines/timestamps at the article's edges (within {EDGE_LINES} lines of its first or last "
              f"line): {edge['lines']} lines, {edge['found']} found"
              + (f" ({100 * edge['recall']:.0f}%)" if edge["lines"] else ""))
        print(f"   furniture the gold keeps (its own row, in neither count): {tot['furniture_lines']} lines, "
              f"{tot['furniture_flagged_warning']} flagged as warnings, {tot['furniture_flagged_info']} at info; "
              f"counted as article lines (strict): {tot['strict_false_warning_per100_pages']:.1f} warnings per 100 pages")
        by_kind = tot["article_flagged_warning_kind"]
        print(f"   of the warnings, by the benchmark's own kind of the line: "
              f"{', '.join(f'{k}:{v}' for k, v in sorted(by_kind.items())) or 'none'}; "
              f"lines its keywords call other (no boilerplate keyword): "
              f"{tot['false_warning_other_per100_pages']:.1f} per 100 pages")
