"""Shared character classes and word lists used by the engine's text views."""

from __future__ import annotations

# Quotation marks. A mark may open in one convention and close in another („ “ » «).
OPENING_QUOTES = frozenset("“‘„‚«‹")
CLOSING_QUOTES = frozenset("”’“»›«")
STRAIGHT_QUOTES = frozenset("\"'")
QUOTE_CHARS = OPENING_QUOTES | CLOSING_QUOTES | STRAIGHT_QUOTES | frozenset("‟‛")

# Abbreviations that end with a period without ending a sentence (lower case,
# without the final period).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev
    hon pres supt insp det cpl pte maj brig messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols p pp ch fig figs art sec para ed eds op cit ibid
    inc ltd co corp bros plc llc dept est approx appx etc vs v al cf
    e.g i.e a.m p.m u.s u.k u.n e.u
    ave blvd rd
    """.split()
)

# Markdown's inline markup (code spans, URLs, link targets) is replaced in the prose view
# by this private-use character: no rule reads it as a word, a space, a quote or punctuation.
MASK_PLACEHOLDER = "\ue000"
