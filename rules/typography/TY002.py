from __future__ import annotations

from bisect import bisect_right


from linter.diagnostic import Category, FixAvailability, Severity
from linter.rule import Rule

from linter.rules.typography._quotes import analyse
from linter.rules.support.patterns import lazy

# A paragraph left open for a quotation that runs on ends with a complete sentence
# (or a dash or colon introducing more).
_RUN_ON_END_RE = lazy(r"[.?!…:—–-][)\]’']?\s*\Z")
# An unclosed quoted sentence followed by a fresh opening quote: "... 2000. "We ...
_SENTENCE_BREAK_RE = lazy(r"[.?!…:—–-][)\]’']?\s+\Z")

# A paragraph ending in an excerpt mark: the quotation in it was cut short on purpose.
_EXCERPT_END_RE = lazy(r"[\[(](?:\.\.\.|…)[\])]\s*\Z")

# A quotation nested in one opened with the same mark ("a review of "Skyfall" here",
# “he said “never” twice”) is closed by this mark after the inner one.
_NESTED_CLOSER = {'"': '"', "“": "”"}

# How many paragraphs a quotation may run over with no marks in between.
_MAX_RUN_PARAGRAPHS = 12


def _partnered(qa, paras, text: str) -> set[int]:
    """Offsets of unclosed openers and stray closers that are partners after all:

    - quotes nested in quotes opened with the same mark ("in "The Dark Knight,"",
      “call them “ninjas”, it grates”): the inner opening mark closed the outer
      quotation's chance, and a closer of that kind is left over later in the
      same paragraph;
    - a quotation running over paragraphs that do not reopen it: an opener left
      open at the end of a paragraph ending with a complete sentence, paragraphs
      with no quotation marks (list items among them), and a paragraph whose first
      mark is a closer
      (a quotation cut by stray paragraph breaks, "I\n\nwas\n\nprime minister",
      is still reported).
    Each stray closer is used once; linear in the marks (bisect, and used closers
    skipped with path compression).
    """
    strays = qa.stray_closes
    if not strays or not qa.unclosed:
        return set()
    offsets = [m.offset for m, _ in strays]
    skip: dict[int, int] = {}  # a used stray -> a later index to look from
    out: set[int] = set()

    def first_free(after: int) -> int:
        k = bisect_right(offsets, after)
        path = []
        while k in skip:
            path.append(k)
            k = skip[k]
        for j in path:  # path compression: each used stray is walked past about once
            skip[j] = k
        return k

    def use(k: int) -> None:
        skip[k] = k + 1

    for mark, para, superseded_by in qa.unclosed:
        if superseded_by is not None:
            closer = _NESTED_CLOSER.get(mark.char)
            if closer is None or superseded_by.char != mark.char:
                continue
            k = first_free(superseded_by.offset)
            if k < len(strays) and strays[k][1] == para and strays[k][0].char == closer:
                use(k)
                out.update((mark.offset, strays[k][0].offset))
            continue
        k = first_free(mark.offset)
        if k >= len(strays):
            continue
        close, cpara = strays[k]
        if (
            para < cpara <= para + _MAX_RUN_PARAGRAPHS
            and qa.para_first_mark.get(cpara) is close
            and not any(q in qa.para_first_mark for q in range(para + 1, cpara))
            and _RUN_ON_END_RE.search(text, paras[para].start, paras[para].end)
        ):
            use(k)
            out.update((mark.offset, close.offset))
    return out


def _excerpt(text: str, start: int, width: int = 40) -> str:
    return " ".join(text[start : start + width].split())


class UnbalancedQuotes(Rule):
    """A quotation mark with no partner in its paragraph.

    What it does:
        Pairs the double quotation marks of each paragraph (straight, curly, „“,
        «») and flags an opening mark never closed and a closing mark never
        opened. News style lets a quotation run over several paragraphs: each
        paragraph but the last is left unclosed and the next one reopens with an
        opening mark; such an unclosed paragraph is not flagged, nor is a
        quotation opened in one paragraph and closed a few paragraphs later with
        no marks between (web copy often does not reopen), nor
        one in a paragraph ending in an excerpt mark ("[...]": the quotation was cut
        short), nor quotes nested
        in quotes of the same kind ("a review of "Skyfall" here", “stop calling
        us “ninjas”, it grates”). Apostrophes
        (Turkey's, players’, ’90s) and single quotes are not counted.

    Why it matters:
        A lost quotation mark changes who is speaking: the reader cannot tell
        where a quotation ends and the reporter's words resume, which matters for
        attribution and for anything that extracts quotations.

    Example:
        "We will mend the roof by spring, said the warden.

    Use instead:
        "We will mend the roof by spring," said the warden.

    Fix safety:
        No fix: where the missing mark belongs is a judgement.

    Options:
        none.
    """

    code = "TY002"
    name = "unbalanced-quotes"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE

    def check(self, doc):
        qa = analyse(doc)
        paras = doc.paragraphs
        text = doc.text
        partnered = _partnered(qa, paras, text)
        for mark, para, superseded_by in qa.unclosed:
            if mark.offset in partnered:
                continue
            if superseded_by is None:
                if _EXCERPT_END_RE.search(text, paras[para].start, paras[para].end):
                    continue  # “I do think there’s an opportunity for [...]: a quotation cut short
                nxt = qa.para_first_mark.get(para + 1)
                if (
                    para + 1 < len(paras)
                    and nxt is not None
                    and nxt.offset == paras[para + 1].start
                    and nxt.role in ("open", "ambiguous")
                    and _RUN_ON_END_RE.search(text, paras[para].start, paras[para].end)
                ):
                    continue  # a quotation running on into the next paragraph
            elif _SENTENCE_BREAK_RE.search(text, mark.offset, superseded_by.offset):
                # The same convention with the paragraph break lost (common in
                # scraped and flattened text): a quoted sentence ends, a new one
                # reopens: "... in 2000. "We are now ..."
                continue
            yield self.diagnostic(
                mark.offset,
                mark.offset + 1,
                f"opening {mark.char} before '{_excerpt(text, mark.offset + 1)}' is never closed in its paragraph",
                evidence={"mark": mark.char, "kind": "unclosed"},
            )
        for mark, para in qa.stray_closes:
            if mark.offset in partnered:
                continue
            lo = paras[para].start if para < len(paras) else 0
            before = " ".join(text[max(lo, mark.offset - 40) : mark.offset].split())
            yield self.diagnostic(
                mark.offset,
                mark.offset + 1,
                f"closing {mark.char} after '{before}' has no opening mark in its paragraph",
                evidence={"mark": mark.char, "kind": "unopened"},
            )
