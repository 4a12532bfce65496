from __future__ import annotations

from linter.diagnostic import Category, FixAvailability, Severity
from linter.rules.support.langid import document_language, language_name, same_language
from linter.rule import Option, Rule


class DocumentLanguage(Rule):
    """The document is not in any of the expected languages.

    What it does:
        Identifies the language of the whole document and reports it once when it is
        none of the configured `languages` (default: English). Plainly English text is
        recognised from the density of English function words alone; otherwise every
        paragraph votes with its length, through the language detector (CLD2, or
        langdetect where CLD2 has no wheel; the answer is the same on every run)
        refined for languages it confuses, and paragraphs with no function word of any language (lists of
        names) do not vote. Bosnian, Croatian and Serbian count as one language here.
        Documents shorter than `min-words` words are not judged.

    Why it matters:
        A scraped corpus or a wire feed mixes languages; a story in the wrong
        language slips into a pipeline that expects English, or the linter's
        English-only rules run over text they do not understand.

    Example:
        Example settings: {languages = ["en"]}
        Die Bundesregierung hat am Mittwoch neue Maßnahmen beschlossen, die ab dem
        kommenden Monat gelten sollen. Der Minister sagte, man werde die Lage genau
        beobachten und bei Bedarf weitere Schritte prüfen, bevor der Bundestag im
        Herbst darüber abstimmt.

    Use instead:
        Route the document to a pipeline for its language, or add the language to
        `languages` in the configuration.

    Fix safety:
        No fix: only a person can decide what to do with the document.

    Options:
        min-words: documents with fewer words are not judged (default 20).
    """

    code = "LG001"
    name = "document-language"
    category = Category.LANGUAGE
    severity = Severity.WARNING
    fix_availability = FixAvailability.NONE
    options = {
        "min-words": Option(20, "documents with fewer words are not judged"),
    }

    def check(self, doc):
        found = document_language(doc, self.opts["min-words"])
        if found is None:
            return
        expected = self.settings.languages or ("en",)
        if any(same_language(found.code, e) for e in expected):
            return
        para = doc.paragraphs[0] if doc.paragraphs else None
        start, end = (para.start, para.end) if para else (0, len(doc.text))
        # Point at the first line only: the finding is about the whole document.
        newline = doc.text.find("\n", start, end)
        if newline != -1:
            end = newline
        wanted = " or ".join(language_name(e) for e in expected)
        yield self.diagnostic(
            start,
            end,
            f"the document is in {language_name(found.code)} "
            f"(confidence {found.confidence:.2f}, {found.words} words), not {wanted}",
            evidence={
                "language": found.code,
                "language_name": language_name(found.code),
                "confidence": found.confidence,
                "method": found.method,
                "expected": list(expected),
            },
        )
