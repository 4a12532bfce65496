"""Rebuild rules/data/typos_misspellings.txt and rules/data/typos_english.txt.

The pairs come from the typos project's dictionary (MIT), as collected in the evaluation
corpus's ``typos/typo_pairs_unified.jsonl``; the other lists there are used only to
decide which pairs to keep (a pair is kept when another list records it too). The
human misspellings (Birkbeck, Wikipedia's list) confirm a pair only when its correction
is in the development half of the benchmarks' split (``benchmarks.slips.pair_split``):
the held-out half measures TP005's recall and plays no part in building it.
Filtering needs pyspellchecker's word-frequency lists (``pip install pyspellchecker``;
a build-time tool only, not a dependency of copydesk). The header of the data file
explains the filters.

    python tools/build_misspellings.py ../shared/corpus/typos/typo_pairs_unified.jsonl
"""
import collections
import gzip
import json
import os
import re
import sys

import spellchecker

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from benchmarks.slips import HUMAN_SOURCES, pair_split  # noqa: E402  (the recall benchmark's pairs and split)
from linter.rules.support.lexicon import english_levels  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAIRS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpus", "typos", "typo_pairs_unified.jsonl")
OUT = os.path.join(ROOT, "rules", "data", "typos_misspellings.txt")
ENGLISH = os.path.join(ROOT, "rules", "data", "typos_english.txt")
if not os.path.exists(PAIRS):
    sys.exit(f"build_misspellings: {PAIRS} not found; pass the path of typo_pairs_unified.jsonl")

res = os.path.join(os.path.dirname(spellchecker.__file__), "resources")
def load(lang):
    return json.load(gzip.open(os.path.join(res, f"{lang}.json.gz")))
en = load("en")
foreign = set()
for lang in ("fr", "es", "it", "pt", "de", "nl"):
    foreign |= {w.lower() for w, c in load(lang).items() if c >= 100}

by = collections.defaultdict(dict)
for line in open(PAIRS, encoding="utf-8"):
    r = json.loads(line)
    by[r["typo"].lower()][r["source"]] = [c.lower() for c in r["corrections"]]
gb_variants = {t for t, v in by.items() if "codespell/dictionary_en-GB_to_en-US.txt" in v}

def is_word(w):
    return en.get(w, 0) > 0

BRIT = [("our", "or"), ("ise", "ize"), ("isation", "ization"), ("tre", "ter"), ("yse", "yze"),
        ("ae", "e"), ("oe", "e"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llor", "lor"), ("llery", "lry"), ("ence", "ense"), ("ogue", "og"), ("mme", "m")]
def british_variant(w):
    for a, b in BRIT:
        i = w.find(a)
        while i != -1:
            if is_word(w[:i] + b + w[i + len(a):]):
                return True
            i = w.find(a, i + 1)
    return False

def doubled_variant(typo, corr):
    """'targetting', 'focussed', 'benefitted': accepted British variants, not slips."""
    if len(corr) != 1 or not re.search(r"(ed|ing|er)$", typo) or re.search(r"(.)\1\1", typo):
        return False
    for i in range(1, len(typo)):
        if typo[i] == typo[i - 1] and typo[i] not in "aeiou" and typo[:i] + typo[i + 1:] == corr[0]:
            return True
    return False

# Words of other languages and brands the lists above miss.
MANUAL_DROP = {"hace", "ambien", "moreso"}

kept = {}
drop = collections.Counter()
for typo, srcs in by.items():
    if "typos-crate/words.csv" not in srcs:
        continue
    corr = srcs["typos-crate/words.csv"]
    if not re.fullmatch(r"[a-z]{3,}", typo):
        drop["shape"] += 1; continue
    if len(typo) == 3 and english_levels(typo)[0] is not None:
        drop["short english word"] += 1; continue  # "fro", "mush", "tat": SCOWL's lower-case words, any size
    if any(not re.fullmatch(r"[a-z][a-z' -]*", c) for c in corr):
        drop["correction shape"] += 1; continue
    if typo in gb_variants or british_variant(typo):
        drop["british"] += 1; continue
    if typo in MANUAL_DROP:
        drop["manual"] += 1; continue
    if len(corr) == 1 and typo.endswith("in") and corr[0] == typo + "g":
        drop["dropped g"] += 1; continue
    if doubled_variant(typo, corr):
        drop["doubled-consonant variant"] += 1; continue
    if is_word(typo):
        drop["english word"] += 1; continue
    if typo in foreign:
        drop["foreign word"] += 1; continue
    if not all(is_word(c) or " " in c for c in corr):
        drop["rare correction"] += 1; continue
    # Another list must record it too: codespell's or misspell's, or, for the development
    # half of the words only, the human misspellings (Birkbeck, Wikipedia's list); the
    # held-out half of those measures the rule's recall and never chooses what it keeps.
    human_ok = all(pair_split(c) == "dev" for c in corr)
    if not any(s.startswith(("codespell/", "misspell")) or (human_ok and s in HUMAN_SOURCES) for s in srcs):
        drop["single source"] += 1; continue
    kept[typo] = corr
print(len(kept), dict(drop), file=sys.stderr)
header = "".join(l for l in open(OUT, encoding="utf-8") if l.startswith("#"))  # keep the existing header
with open(OUT, "w", encoding="utf-8") as f:
    f.write(header)
    for t in sorted(kept):
        f.write(f"{t}\t{','.join(kept[t])}\n")
english = sorted({c for cs in kept.values() for c in cs if c.isalpha()})
english_header = "".join(l for l in open(ENGLISH, encoding="utf-8") if l.startswith("#"))
with open(ENGLISH, "w", encoding="utf-8") as f:
    f.write(english_header + "".join(w + "\n" for w in english))
