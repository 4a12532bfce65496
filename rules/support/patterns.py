"""Regular expressions compiled on first use.

Compiling a pattern with the ``regex`` module costs a fraction of a millisecond, and the
rules hold more than a hundred at module level: compiled at import, they cost a
noticeable part of checking one short article, though most of them never run on it
(the patterns for foreign lines, mojibake, comment headers...). ``lazy`` stands in for
``regex.compile`` at module level: the pattern is compiled the first time one of its
attributes is read, and each attribute read once is kept on the stand-in, so a later
``PATTERN.match`` costs what it costs on the compiled pattern itself.
"""

from __future__ import annotations

import regex


class LazyPattern:
    """A ``regex`` pattern compiled on first use (see the module's docstring).

    Pass it where a method of the pattern is called (``P.match(text)``,
    ``P.finditer(text)``, ``P.pattern``); not to ``regex.sub(P, ...)`` and the like,
    which want the compiled pattern (``P.compiled``)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.__dict__["_args"] = (pattern, flags)

    @property
    def compiled(self) -> regex.Pattern:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = regex.compile(*self._args)
        return compiled

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        self.__dict__[name] = value  # found in the instance's dict from now on
        return value

    def __reduce__(self):
        return (LazyPattern, self._args)

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``regex.compile(pattern, flags)``, done the first time the pattern is used."""
    return LazyPattern(pattern, flags)
