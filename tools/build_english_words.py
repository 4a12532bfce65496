"""Build rules/data/english_words.txt from SCOWL (Spell Checker Oriented Word Lists).

    apt-get install scowl        # Debian/Ubuntu: the lists land in /usr/share/dict/scowl
    python tools/build_english_words.py [/usr/share/dict/scowl]

The output is a sorted ``word<TAB>levels`` table (``rules.support.sorted_table``): the
key is the case-folded spelling, the value ``<lower>/<capitalised>``, the smallest SCOWL
size level (10 = commonest ... 80 = rare) at which the spelling is listed in lower case
and at which it is listed capitalised (a name, a place, a brand), ``-`` when it is not.
Sizes up to 80 are kept, in the British, American, Canadian and Australian spellings
and their common variants, so a British or an American text reads as English.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "rules" / "data" / "english_words.txt"
MAX_LEVEL = 80
SPELLINGS = ("english", "american", "british", "british_z", "canadian", "australian", "variant_1")
KINDS = ("words", "upper", "proper-names", "abbreviations")

HEADER = """\
# English words and names: case-folded spelling<TAB>lower/capitalised SCOWL size level.
#
# Source: SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson, Debian package
# scowl 2020.12.07, sizes 10-{max}, spellings {spellings}.
# Rebuilt by tools/build_english_words.py. The value gives the smallest size level at
# which the word is listed in lower case, then capitalised ("-": never); a low level is a
# common word (10: the commonest, 50: a medium dictionary, 70: a large one, 80: rare).
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


def build(src: Path) -> dict[str, list[int | None]]:
    table: dict[str, list[int | None]] = {}
    for spelling in SPELLINGS:
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
                    entry = table.setdefault(word.casefold(), [None, None])
                    if entry[slot] is None or level < entry[slot]:
                        entry[slot] = level
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
