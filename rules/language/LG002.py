from __future__ import annotations

from bisect import bisect_left

import regex

from linter.diagnostic import Applicability, Category, Fix, FixAvailability, Severity
from linter.rules.support.langid import (
    Guess,
    confirmed,
    cues,
    distribution,
    document_language,
    identify,
    language_name,
    profile,
    same_language,
    tokens_of,
)
from linter.rule import Option, Rule
from linter.rules.support.patterns import lazy

# Lines that name people or places rather than say anything in a language.
_BYLINE_RE = lazy(r"^\s*(?:by|from|par|von|por|di|od)\s+\p{Lu}", regex.I)
_DATELINE_RE = lazy(r"^\s*\p{Lu}[\p{Lu}\s.'’-]+,[^.!?]{0,40}(?:\([^)]{1,20}\))?\s*[-–—:]?\s*$")
_NON_ASCII_LETTER_RE = lazy(r"(?=\p{L})[^\x00-\x7f]")
_QUOTE_RE = lazy(r"[\"“”„«»]")
_URL_RE = lazy(r"(?:\b(?:https?|ftp)://|\bwww\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|(?<!\w)@\w+")


class ForeignSegment(Rule):
    """A line or paragraph in another language than the document's.

    What it does:
        Looks at every line and reports those written in a language other than the
        document's (see LG001), naming the language and the detector's confidence.
        Consecutive foreign lines are reported together. Cheap cues decide most
        lines: hits against per-language stop-word lists, letters specific to a
        language (`İ ş ğ ı` Turkish, `ë` Albanian, `ß` German, `ñ ¿` Spanish, `ђ ћ`
        Serbian, `ѓ ќ` Macedonian) and the script of the letters; only lines whose cues
        point away from the document's language go to the detector (CLD2), on
        case-folded text (all capitals fool it), and so do lines in which several words
        carry letters outside ASCII (Czech, Polish, Hungarian...) and lines of running
        text with almost none of the document's function words but some of another
        language's; those are foreign when the detector is sure (0.95). Web and e-mail
        addresses are in no language and are left out. At the edges, a line with none of the
        document's function words and several of another language's is that
        language when the detector, unsure on a few words, does not read it as the
        document's language either; the last line with no function word of any
        known language needs the detector at 0.95 confidence (and, when the line is
        plain ASCII that nothing else speaks for, langdetect's agreement). A line needs at least `min-words` words at the
        edges of the document (its first and last `edge-lines` non-blank lines, where
        scrapers glue headers and trailers) and `min-words-inside` words elsewhere,
        plus stronger evidence inside the article. Bylines (`By Selin Aydemir`),
        datelines, and foreign names, places or short quotations inside a sentence of
        the document's language are not flagged: the line as a whole must read as
        foreign.

    Why it matters:
        Scrapers glue related-story links, captions and navigation in other
        languages to articles (a Turkish clickbait headline under an English story);
        they pollute corpora and embarrass a republished story.

    Example:
        ... The talks will continue next month in the capital, officials said.

        YENİ AİLE ÜYELERİ NE DİYOR?

    Use instead:
        ... The talks will continue next month in the capital, officials said.

    Fix safety:
        Unsafe, for trailers and headers only: the foreign lines at the very end (or
        start) of the document are deleted with the line breaks that join them to
        the article, restoring the article as it was before the scraper added them.
        Foreign lines inside the article get no fix: a quotation in another language
        may be meant. A line that BP001 also takes for boilerplate is reported once,
        here, naming its language.

    Options:
        min-words: words a line needs at the edges of the document (default 3).
        min-words-inside: words a line needs elsewhere (default 6).
        edge-lines: non-blank lines at each end that count as edges (default 3).
        min-confidence: detector confidence needed at the edges (default 0.8); inside
        the article it must be at least 0.95.
    """

    code = "LG002"
    name = "foreign-segment"
    category = Category.LANGUAGE
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = (Applicability.UNSAFE,)
    supersedes = ("BP001",)
    options = {
        "min-words": Option(3, "words a line needs at the edges of the document"),
        "min-words-inside": Option(6, "words a line needs inside the article"),
        "edge-lines": Option(3, "non-blank lines at each end that count as edges"),
        "min-confidence": Option(0.8, "detector confidence needed at the edges", float),
    }

    def check(self, doc):
        expected = self.settings.languages or ("en",)
        found = document_language(doc)
        doc_lang = found.code if found is not None else expected[0]
        lines = [ln for ln in doc.lines if ln.text.strip()]
        if len(lines) < 2:
            return
        word_starts = [w.start for w in doc.words]
        words = doc.words
        edge_n = self.opts["edge-lines"]
        flagged: list[tuple[int, object]] = []
        for i, line in enumerate(lines):
            edge = i < edge_n or i >= len(lines) - edge_n
            lo = bisect_left(word_starts, line.start)
            hi = bisect_left(word_starts, line.end)
            line_words = [w.text for w in words[lo:hi]]
            last = i == len(lines) - 1
            verdict = self._judge(line.text, line_words, doc_lang, edge, last)
            if verdict is not None and _QUOTE_RE.search(line.text):
                # A short quotation in another language inside a sentence is meant:
                # judge the line by its words outside quotation marks.
                outside = [w.text for w in words[lo:hi] if not doc.in_quotes(w.start)]
                if len(outside) >= len(line_words) / 2:
                    verdict = self._judge(line.text, outside, doc_lang, edge, last)
            if verdict is not None:
                flagged.append((i, verdict))
        if not flagged:
            return
        # Group consecutive foreign lines.
        groups: list[list[tuple[int, object]]] = []
        for item in flagged:
            if groups and groups[-1][-1][0] == item[0] - 1:
                groups[-1].append(item)
            else:
                groups.append([item])
        for group in groups:
            yield self._report(doc, lines, group, doc_lang)

    # ------------------------------------------------------------------ judging
    def _judge(self, text: str, words: list[str], doc_lang: str, edge: bool, trailing: bool = False):
        if _URL_RE.search(text):
            # Addresses are in no language: judge the words around them.
            text = _URL_RE.sub(" ", text)
            kept = set(tokens_of(text))
            words = [w for w in words if w in kept]
        doc_profile = profile(doc_lang)
        # Without letters outside ASCII, a line cannot be in another script or
        # carry another language's special letters: the cheap tests suffice.
        plain = text.isascii() or _NON_ASCII_LETTER_RE.search(text) is None
        if plain and len(words) < (self.opts["min-words"] if edge else self.opts["min-words-inside"]):
            return None
        if doc_profile is not None and words and plain:
            # Fast path for the common case: a plain line full of the document's
            # function words needs no further look.
            stop = doc_profile.stopwords
            own = sum(1 for w in words if w.lower() in stop)
            if own / len(words) >= 0.25:
                return None
        c = cues(text, words)
        if c.letters < 8:
            return None
        doc_script = doc_profile.script if doc_profile else "Latin"
        foreign_script = c.script not in (doc_script, "Latin", "Other") and c.script_share >= 0.6
        if doc_script != "Latin" and c.script == "Latin" and c.script_share >= 0.6:
            foreign_script = True
        if foreign_script:
            guess = identify(text, c)
            if guess is None or same_language(guess.code, doc_lang):
                return None
            if guess.confidence < (self.opts["min-confidence"] if edge else 0.95):
                return None
            return guess
        min_words = self.opts["min-words"] if edge else self.opts["min-words-inside"]
        if c.words < min_words:
            return None
        if len(words) <= 6 and (_BYLINE_RE.match(text) or _DATELINE_RE.match(text)):
            return None
        own = c.hits[doc_lang]
        group = frozenset({"hr", "bs", "sr"}) if doc_lang in ("hr", "bs", "sr") else frozenset()
        other, other_score = c.best_other(doc_lang, group)
        alpha = [w for w in words if w[0].isalpha()]
        capitalised = sum(1 for w in alpha if w[0].isupper())
        all_caps = c.letters and sum(1 for ch in text if ch.isupper()) / c.letters > 0.7
        if (
            alpha
            and not all_caps
            and capitalised / len(alpha) > 0.6
            and (other is None or c.hits[other] < 2)
            and not any(w.islower() and len(w) >= 4 for w in alpha)
        ):
            # A list of names and places (a team sheet, a credit line), not prose;
            # German capitalises its nouns, but its lines still have function words
            # or lower-case verbs and adjectives.
            return None
        # Distinct function words: a table repeating "mi" (miles) is not Slovene.
        suspicious = (
            other is not None
            and other_score > own
            and c.kinds[other] + c.markers[other] + min(c.letter_hits[other], 1) >= 2
        )
        # No profile speaks for the line, but nothing English (or whatever the
        # document's language is) either: at the very end of the document, where
        # scrapers glue trailers, let the detector decide with high confidence.
        fallback = (
            edge
            and (own == 0 or (own == 1 and c.words >= 7))
            and c.words >= 4
            and (trailing or _NON_ASCII_LETTER_RE.search(text) is not None)
        )
        # Letters outside ASCII in several words, and few of the document's function
        # words: a language the document's does not write this way (Czech, Polish,
        # Hungarian have no profile, so no function-word cue speaks for them; the
        # detector does).
        accented = sum(1 for w in alpha if not w.isascii())
        diacritics = own < 0.2 * c.words and accented >= 2 and accented >= 0.15 * len(alpha)
        # Running text (lower-case words) with almost none of the document's function
        # words: the detector decides, but on plain ASCII it also names rare languages
        # for lists and fragments (Latin for a headline, Hmong for a table of
        # distances), so its answer needs a profile's function words beside it.
        lower = sum(1 for w in alpha if w.islower())
        running = (
            c.words >= 6
            and own <= 0.1 * c.words
            and lower >= 0.5 * len(alpha)
            and other_score >= 1  # else no answer could be accepted: spare the detector
        )
        if not (suspicious or fallback or diacritics or running):
            return None
        if not edge and not (diacritics or running):
            if c.hits[other] + c.markers[other] < 2 or own / max(c.words, 1) >= 0.15:
                return None
        pooled = distribution(text, c)
        if not pooled:
            return None
        top = max(pooled, key=lambda k: pooled[k])
        if same_language(top, doc_lang):
            return None
        guess = Guess(top, pooled[top])
        threshold = self.opts["min-confidence"] if edge else 0.95
        support = c.score(top)
        if (diacritics or (running and support >= 1)) and guess.confidence >= max(threshold, 0.95):
            return guess
        if guess.confidence >= threshold and (
            same_language(top, other)
            or support >= 2
            or (support >= 1 and guess.confidence >= 0.95)
        ):
            return guess
        if fallback and guess.confidence >= max(threshold, 0.95):
            # A language without a profile (Czech, Hungarian...): the detector alone,
            # unless no letter and no function word speaks for it either: on a plain
            # ASCII fragment CLD2 names rare languages (Icelandic for a camera's
            # model names), so the second detector must agree.
            if support > 0 or accented or not plain or confirmed(text, top):
                return guess
            return None
        # Cues and detector together: at an edge, a line with none of the document's
        # function words and two or more of another language's, which the detector
        # does not read as the document's language either, is that other language
        # (the detector is unsure on a few words; it often picks a neighbour).
        if not (edge and suspicious and own == 0):
            return None
        if c.hits[other] + c.markers[other] < 2:
            return None
        p_doc = sum(p for code, p in pooled.items() if same_language(code, doc_lang))
        if p_doc >= 0.2:
            return None
        if same_language(top, other):
            return guess
        p_other = sum(p for code, p in pooled.items() if same_language(code, other))
        if p_other >= 0.2 or c.kinds[other] + c.markers[other] >= 3:
            return Guess(other, max(p_other, 0.01))
        return None

    # ---------------------------------------------------------------- reporting
    def _report(self, doc, lines, group, doc_lang: str):
        first_i, last_i = group[0][0], group[-1][0]
        start, end = lines[first_i].start, lines[last_i].end
        guesses = [g for _, g in group]
        codes = [g.code for g in guesses]
        code = max(set(codes), key=codes.count)
        confidence = min(g.confidence for g in guesses if g.code == code)
        name = language_name(code)
        snippet = doc.text[start:end].replace("\n", " ")
        if len(snippet) > 60:
            snippet = snippet[:57].rstrip() + "..."
        count = len(group)
        what = "line" if count == 1 else f"{count} lines"
        fix = None
        position = "inside"
        if last_i == len(lines) - 1 and first_i > 0:
            position = "trailer"
            fix = Fix.delete(
                lines[first_i - 1].end,
                end,
                Applicability.UNSAFE,
                f"Delete the {name} trailer",
            )
        elif first_i == 0 and last_i < len(lines) - 1:
            position = "header"
            fix = Fix.delete(
                start,
                lines[last_i + 1].start,
                Applicability.UNSAFE,
                f"Delete the {name} header",
            )
        where = {"trailer": " at the end of the document", "header": " at the start of the document"}.get(
            position, ""
        )
        return self.diagnostic(
            start,
            end,
            f"{what} in {name} (confidence {confidence:.2f}){where}, not "
            f"{language_name(doc_lang)}: '{snippet}'",
            fix,
            evidence={
                "language": code,
                "language_name": name,
                "confidence": round(confidence, 3),
                "document_language": doc_lang,
                "position": position,
                "lines": count,
            },
        )
