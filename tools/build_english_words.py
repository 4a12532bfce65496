"""Build rules/data/english_words.txt from SCOWL (Spell Checker Oriented Word Lists).

    apt-get install scowl        # Debian/Ubuntu: the lists land in /usr/share/dict/scowl
    python tools/build_english_words.py [/usr/share/dict/scowl]

The output is a sorted ``word<TAB>levels`` table (``rules.support.sorted_table``): the
key is the case-folded spelling, the value ``<lower>/<capitalised>``, the smallest SCOWL
size level (10 = commonest ... 95 = obscure) at which the spelling is listed in lower case
and at which it is listed capitalised (a name, a place, a brand), ``-`` when it is not.
Sizes up to 95 are kept, in the British, American, Canadian and Australian spellings
and their common variants, so a British or an American text reads as English; the
rarer accepted variants and accent-free spellings of loan words are kept at size 95.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "rules" / "data"
OUT = DATA / "english_words.txt"
COMMON_OUT = DATA / "english_common.txt"
MAX_LEVEL = 95
# Lower-case words up to this size level are "common": the corrections a misspelling
# is compared with (english_common.txt, read whole into a set when first needed).
COMMON_LEVEL = 50
SPELLINGS = ("english", "american", "british", "british_z", "canadian", "australian", "variant_1")
# Accepted variant spellings (despatch, focussed, neurone, useable): known words, never
# offered as corrections.
VARIANTS = ("variant_2", "variant_3", "british_variant_1", "british_variant_2",
            "canadian_variant_1", "canadian_variant_2", "australian_variant_1", "australian_variant_2")
KINDS = ("words", "upper", "proper-names", "abbreviations")

HEADER = """\
# English words and names: case-folded spelling<TAB>lower/capitalised SCOWL size level.
#
# Source: SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson, Debian package
# scowl 2020.12.07, sizes 10-{max}, spellings {spellings}, with their
# accepted variants and loan words without accents at size {max}.
# Rebuilt by tools/build_english_words.py. The value gives the smallest size level at
# which the word is listed in lower case, then capitalised ("-": never); a low level is a
# common word (10: the commonest, 50: a medium dictionary, 70: a large one, 80: rare,
# 95: obscure).
#
#   Copyright 2000-2011 by Kevin Atkinson
#
#   Permission to use, copy, modify, distribute and sell these word
#   lists, the associated scripts, the output created from the scripts,
#   and its documentation for any purpose is hereby granted without fee,
#   provided that the above copyright notice appears in all copies and
#   that both that copyright notice and this permission notice appear in
#   supporting documentation. Kevin Atkinson makes no representations
#   about the suitability of this array for any purpose. It is provided
#   "as is" without express or implied warranty.
#
# SCOWL also includes public-domain lists (Moby Words II, Brian Kelk's UK English
# wordlist, 12Dicts) and inflections derived with WordNet 1.6 (Copyright 1997 by
# Princeton University, used under its permissive licence); see the SCOWL README.
"""


def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def build(src: Path) -> dict[str, list[int | None]]:
    table: dict[str, list[int | None]] = {}
    for spelling in SPELLINGS + VARIANTS:
        for kind in KINDS:
            for path in sorted(src.glob(f"{spelling}-{kind}.*")):
                level = int(path.suffix[1:])
                if level > MAX_LEVEL:
                    continue
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                    word = line.strip()
                    if not word or not word.replace("'", "").isalpha() or word.endswith("'s"):
                        continue
                    slot = 0 if word.islower() else 1
                    variant = spelling in VARIANTS
                    # a variant, or a loan word written without its accents (cafe,
                    # cliche, risque), is known at the rare size only
                    plain = strip_accents(word)
                    for key, lvl in ((word, MAX_LEVEL if variant else level), (plain, MAX_LEVEL)):
                        entry = table.setdefault(key.casefold(), [None, None])
                        if entry[slot] is None or lvl < entry[slot]:
                            entry[slot] = lvl
    return table


def main(argv: list[str]) -> int:
    src = Path(argv[1] if len(argv) > 1 else "/usr/share/dict/scowl")
    if not src.is_dir():
        print(f"{src}: no SCOWL lists here; install the scowl package or pass its folder", file=sys.stderr)
        return 2
    table = build(src)
    fmt = lambda v: "-" if v is None else str(v)  # noqa: E731
    lines = [f"{w}\t{fmt(lo)}/{fmt(cap)}" for w, (lo, cap) in table.items()]
    lines.sort(key=lambda s: s.split("\t", 1)[0].encode("utf-8"))
    header = HEADER.format(max=MAX_LEVEL, spellings=", ".join(SPELLINGS))
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} words")
    common = sorted(w for w, (lo, _) in table.items() if lo is not None and lo <= COMMON_LEVEL and w.isascii())
    COMMON_OUT.write_text(
        f"# Common lower-case English words: SCOWL sizes 10-{COMMON_LEVEL}, derived from english_words.txt\n"
        "# (same source and notice); rebuilt by tools/build_english_words.py.\n" + "\n".join(common) + "\n",
        encoding="utf-8",
    )
    print(f"{COMMON_OUT}: {len(common)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
