"""Recall from error models that know nothing of the rules.

    python -m benchmarks.run slips [--split held-out] [--per-class N] [--seed S]

Misspellings: real human misspellings (the Birkbeck corpus and Wikipedia's list of
common misspellings, ``typos/typo_pairs_unified.jsonl``) put in place of their correct
word in a BBC article, one per article. The pairs are split in two by a hash of the
correct word, like the articles: ``--split dev`` measures the development pairs in
development articles (tune there), the default ``held-out`` the others, the headline
figure. Only non-word errors count: a misspelling
that BBC writes anywhere as a lower-case word (``there`` for ``their``) is left out,
as no list of misspellings can know it. TP005's recall is given beside that of the
typos project's dictionary (``typos-crate/words.csv`` in the same file) on the same
injections, overall and for slips of one or two letters (Damerau-Levenshtein
distance).

Name slips: one mention of a name mentioned three times or more is respelled by a
keyboard and edit model (a vowel changed, a letter dropped, doubled, two neighbours
swapped, a key next to the right one) or by an edit taken from Febrl's corrupted
name pairs (``name_variants/febrl_name_pairs.jsonl``: the change that turned a Febrl
name into its variant, applied at the same relative place). Recall is a finding of
NM001 on the respelled mention.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter, defaultdict

from benchmarks.corpus import bbc_articles, need, split_articles, split_of
from benchmarks.extra import FEBRL
from benchmarks.inject import name_targets

TYPOS = "typos/typo_pairs_unified.jsonl"
HUMAN_SOURCES = ("birkbeck", "wikipedia-common-misspellings")
TYPOS_PROJECT = "typos-crate/words.csv"
_WORD_RE = re.compile(r"[A-Za-z]+")
_VOWELS = "aeiou"
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def damerau(a: str, b: str) -> int:
    """Optimal string alignment distance (adjacent swaps count one)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def _neighbours(c: str) -> str:
    low = c.lower()
    for r, row in enumerate(_KEYBOARD):
        k = row.find(low)
        if k < 0:
            continue
        near = row[max(0, k - 1) : k] + row[k + 1 : k + 2]
        for other in (r - 1, r + 1):
            if 0 <= other < len(_KEYBOARD):
                near += _KEYBOARD[other][max(0, k - 1) : k + 1]
        return "".join(dict.fromkeys(x for x in near if x != low))
    return ""


def keyboard_slip(name: str, kind: str, rng: random.Random) -> str | None:
    """One slip of ``kind`` in ``name``, never in its first letter."""
    n = len(name)
    if kind == "vowel changed":
        spots = [i for i in range(1, n) if name[i] in _VOWELS]
        if not spots:
            return None
        i = rng.choice(spots)
        return name[:i] + rng.choice([v for v in _VOWELS if v != name[i]]) + name[i + 1 :]
    if kind == "letter dropped":
        i = rng.randrange(1, n)
        return name[:i] + name[i + 1 :]
    if kind == "letter doubled":
        i = rng.randrange(1, n)
        return name[:i + 1] + name[i] + name[i + 1 :]
    if kind == "letters swapped":
        spots = [i for i in range(1, n - 1) if name[i] != name[i + 1]]
        if not spots:
            return None
        i = rng.choice(spots)
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if kind == "adjacent key":
        spots = [i for i in range(1, n) if _neighbours(name[i])]
        if not spots:
            return None
        i = rng.choice(spots)
        return name[:i] + rng.choice(_neighbours(name[i])) + name[i + 1 :]
    raise ValueError(kind)


SLIP_KINDS = ("vowel changed", "letter dropped", "letter doubled", "letters swapped", "adjacent key")


def febrl_edits(corpus) -> list[tuple[str, float, str, str]]:
    """The one-edit changes of Febrl's corrupted names: (op, relative place, old, new)."""
    out = []
    for line in need(corpus, FEBRL).open(encoding="utf-8"):
        r = json.loads(line)
        a, b = r["original"], r["variant"]
        if not a or not b or len(a) < 4 or damerau(a, b) != 1:
            continue
        i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        rel = i / len(a)
        if len(b) == len(a) - 1:
            out.append(("drop", rel, a[i], ""))
        elif len(b) == len(a) + 1:
            out.append(("insert", rel, "", b[i]))
        elif i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]:
            out.append(("swap", rel, a[i : i + 2], b[i : i + 2]))
        else:
            out.append(("change", rel, a[i], b[i]))
    return out


def apply_febrl(name: str, edit: tuple[str, float, str, str]) -> str | None:
    op, rel, _old, new = edit
    i = max(1, min(len(name) - 1, round(rel * len(name))))
    if op == "drop":
        return name[:i] + name[i + 1 :]
    if op == "insert":
        return name[:i] + new.lower() + name[i:]
    if op == "swap":
        if i + 1 >= len(name) or name[i] == name[i + 1]:
            return None
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if new.lower() == name[i].lower():
        return None
    return name[:i] + new.lower() + name[i + 1 :]


def pair_split(correct: str) -> str:
    """The half (``dev`` or ``held-out``) of the misspellings of ``correct``, fixed by a
    hash of the word: every misspelling of one word is in the same half, so rules are
    tuned on the development pairs and measured on pairs they never saw."""
    return split_of("misspelling/" + correct)


def human_pairs(corpus, known_words: set[str], split: str = "all") -> tuple[dict[str, list[str]], set[str]]:
    """correct word -> its human non-word misspellings (of the ``split`` half of the
    pairs); and the typos project's list."""
    by_word: dict[str, set[str]] = defaultdict(set)
    project: set[str] = set()
    for line in need(corpus, TYPOS).open(encoding="utf-8"):
        r = json.loads(line)
        typo = r["typo"]
        if r["source"] == TYPOS_PROJECT:
            project.add(typo.lower())
        if r["source"] not in HUMAN_SOURCES or not typo.isalpha() or not typo.islower():
            continue
        for fix in r["corrections"]:
            if fix.isalpha() and fix.islower() and fix != typo and len(fix) >= 3 and typo not in known_words:
                if split == "all" or pair_split(fix) == split:
                    by_word[fix].add(typo)
    return {w: sorted(t) for w, t in by_word.items()}, project


def _overlaps(d, s: int, e: int) -> bool:
    return d.start < e and s < d.end


def run_slips(args) -> dict:
    from linter import Document, Linter

    t0 = time.perf_counter()
    rng = random.Random(args.seed)
    split = args.bbc_split if args.bbc_split != "all" else "held-out"
    every = bbc_articles(args.corpus)
    known = {m.group() for a in every for m in _WORD_RE.finditer(a.text) if m.group().islower()}
    articles = split_articles(every, split)
    per_class = args.per_class
    res: dict = {"split": split, "seed": args.seed, "date": time.strftime("%Y-%m-%d", time.gmtime())}

    # ---- misspellings (TP005)
    pairs, project = human_pairs(args.corpus, known, split)
    tp005 = Linter(["TP005"])
    tp005_unlisted = Linter(["TP005"], rule_options={"TP005": {"unlisted_words": True}})
    rows = []
    order = list(articles)
    rng.shuffle(order)
    for a in order:
        if len(rows) >= per_class * 3:
            break
        spots = [m for m in _WORD_RE.finditer(a.text) if m.group() in pairs]
        if not spots:
            continue
        m = rng.choice(spots)
        typo = rng.choice(pairs[m.group()])
        text = a.text[: m.start()] + typo + a.text[m.end() :]
        s, e = m.start(), m.start() + len(typo)
        doc = Document(text, kind="text")
        found = [d for d in tp005.lint(doc).diagnostics if _overlaps(d, s, e)]
        fixed = bool(found and found[0].fix and text[:s] + found[0].fix.edits[0].replacement + text[e:] == a.text)
        unlisted = any(_overlaps(d, s, e) for d in tp005_unlisted.lint(doc).diagnostics)
        rows.append({"dist": damerau(typo, m.group()), "found": bool(found), "fixed": fixed,
                     "project": typo in project, "unlisted": unlisted})
    def share(sel, key):
        sel = list(sel)
        return (sum(r[key] for r in sel), len(sel))

    res["misspellings"] = {
        "all": {"tp005": share(rows, "found"), "typos_project": share(rows, "project"),
                "fix_restored": share(rows, "fixed"), "tp005_unlisted_words": share(rows, "unlisted")},
        "one_or_two": {"tp005": share((r for r in rows if r["dist"] <= 2), "found"),
                       "typos_project": share((r for r in rows if r["dist"] <= 2), "project")},
        "one": {"tp005": share((r for r in rows if r["dist"] == 1), "found"),
                "typos_project": share((r for r in rows if r["dist"] == 1), "project")},
    }

    # ---- name slips (NM001)
    nm001 = Linter(["NM001"])
    edits = febrl_edits(args.corpus)
    by_kind: dict[str, Counter] = defaultdict(Counter)
    misses: list[str] = []
    kinds = SLIP_KINDS + ("febrl edit",)
    for kind in kinds:
        krng = random.Random(f"{args.seed}:{kind}")
        order = list(articles)
        krng.shuffle(order)
        for a in order:
            if by_kind[kind]["n"] >= per_class:
                break
            words, names, _pairs, all_forms, body = name_targets(a.text)
            if not names:
                continue
            name = krng.choice(names)
            new = apply_febrl(name, krng.choice(edits)) if kind == "febrl edit" else keyboard_slip(name, kind, krng)
            if not new or new == name or new in all_forms or len(new) < 3:
                continue
            occ = [w for w in words if w.text == name and w.start >= body]
            if len(occ) < 2:
                continue
            w = krng.choice(occ[1:])
            text = a.text[: w.start] + new + a.text[w.end :]
            e = w.start + len(new)
            hit = any(_overlaps(d, w.start, e) for d in nm001.lint(Document(text, kind="text")).diagnostics)
            by_kind[kind]["n"] += 1
            by_kind[kind]["found"] += hit
            if not hit and len(misses) < args.samples * len(kinds):
                misses.append(f"{kind}: {name} -> {new} ({a.id})")
    res["names"] = {k: (c["found"], c["n"]) for k, c in by_kind.items()}
    single = [k for k in SLIP_KINDS if k != "adjacent key"]
    res["names_single_letter"] = (sum(by_kind[k]["found"] for k in single), sum(by_kind[k]["n"] for k in single))

    p = print
    pct = lambda hit_n: f"{hit_n[0]}/{hit_n[1]} = {100 * hit_n[0] / max(hit_n[1], 1):.1f}%"  # noqa: E731
    ms = res["misspellings"]
    p(f"== Recall from independent error models, BBC {split} half (seed {args.seed}), {time.perf_counter() - t0:.1f}s")
    p(f"   human misspellings (Birkbeck, Wikipedia; non-word errors; the {split} half of the pairs, "
      f"split by a hash of the correct word), one per article:")
    p(f"     all:              TP005 {pct(ms['all']['tp005'])}; typos project's list {pct(ms['all']['typos_project'])}; "
      f"TP005's fix restores the word {pct(ms['all']['fix_restored'])}")
    p(f"     TP005 with unlisted-words = true: {pct(ms['all']['tp005_unlisted_words'])}")
    p(f"     1-2 letter slips: TP005 {pct(ms['one_or_two']['tp005'])}; typos project's list {pct(ms['one_or_two']['typos_project'])}")
    p(f"     1 letter slips:   TP005 {pct(ms['one']['tp005'])}; typos project's list {pct(ms['one']['typos_project'])}")
    p("   name slips in names mentioned 3+ times (NM001 on the slipped mention):")
    for k in kinds:
        p(f"     {k:<16} {pct(res['names'].get(k, (0, 0)))}")
    p(f"     single-letter slips (vowel, dropped, doubled, swapped): {pct(res['names_single_letter'])}")
    if misses and args.samples:
        p("   sample name misses: " + "; ".join(misses[: args.samples * 2]))
    return res
