"""copydesk: a text-quality and data-cleaning linter for article text."""

import os as _os

# In a source checkout run without installing (``python -m linter`` from the repository
# root), the built-in rules sit beside this package in ``rules/``; installed, they
# are the subpackage ``linter.rules``. Let the import system find either.
_here = _os.path.dirname(_os.path.abspath(__file__))
if not _os.path.isdir(_os.path.join(_here, "rules")) and _os.path.isfile(
    _os.path.join(_here, _os.pardir, "rules", "__init__.py")
):
    __path__.append(_os.path.join(_here, _os.pardir))  # type: ignore[name-defined]

from linter.diagnostic import (
    Applicability,
    Category,
    Diagnostic,
    Edit,
    Fix,
    FixAvailability,
    Severity,
)
from linter.document import Document
from linter.engine import Linter, fix_text, lint_text
from linter.rule import Option, Rule, Settings

__version__ = "0.1.0"

__all__ = [
    "Applicability",
    "Category",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "FixAvailability",
    "Linter",
    "Option",
    "Rule",
    "Settings",
    "Severity",
    "fix_text",
    "lint_text",
    "Cleaner",
    "clean_file",
    "clean_text",
    "make_cleaner",
    "quality_scores",
]

# The corpus API, imported on first use.
_CORPUS_API = {
    "Cleaner": "linter.clean",
    "clean_file": "linter.run.clean",
    "clean_text": "linter.api",
    "make_cleaner": "linter.api",
    "quality_scores": "linter.api",
}


def __getattr__(name: str):
    module = _CORPUS_API.get(name)
    if module is None:
        raise AttributeError(f"module 'linter' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
