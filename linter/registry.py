"""Rule discovery and selection by code, code prefix, name or category.

Built-in rules live in ``linter.rules`` (the repository's ``rules/`` folder), one
module per rule. Third-party rules register under the ``copydesk.rules`` entry-point
group, each entry point naming a Rule subclass or a module that defines some.
"""

from __future__ import annotations

import difflib
import importlib
import inspect
import pkgutil
from functools import lru_cache
from typing import Iterable

from linter.diagnostic import Category
from linter.rule import CODE_RE, Rule


class SelectionError(ValueError):
    """A selector names no rule."""


def _rules_in_module(module) -> list[type[Rule]]:
    found = []
    for _, obj in inspect.getmembers(module, inspect.isclass):
        if issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__:
            if getattr(obj, "code", None):
                found.append(obj)
    return found


@lru_cache(maxsize=1)
def all_rules() -> dict[str, type[Rule]]:
    """Every known rule class by code, built-ins first, then plugins."""
    import linter.rules as pkg

    registry: dict[str, type[Rule]] = {}

    def add(cls: type[Rule], origin: str) -> None:
        if not CODE_RE.match(cls.code):
            raise RuntimeError(f"{origin}: rule code {cls.code!r} is not two letters + three digits")
        if cls.code in registry and registry[cls.code] is not cls:
            raise RuntimeError(f"{origin}: rule code {cls.code} is already used by {registry[cls.code].__module__}")
        registry[cls.code] = cls

    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        for cls in _rules_in_module(module):
            add(cls, info.name)

    try:
        eps = []
        if _any_plugin_declared():
            from importlib.metadata import entry_points

            eps = entry_points(group="copydesk.rules")
        for ep in eps:
            obj = ep.load()
            classes = [obj] if inspect.isclass(obj) else _rules_in_module(obj)
            for cls in classes:
                add(cls, f"plugin {ep.name}")
    except Exception as exc:  # a broken plugin must not take the built-ins down
        import sys

        print(f"copydesk: warning: could not load rule plugins: {exc}", file=sys.stderr)

    names = {}
    for code, cls in registry.items():
        if cls.name in names:
            raise RuntimeError(f"rule name {cls.name!r} is used by {names[cls.name]} and {code}")
        names[cls.name] = code
    return dict(sorted(registry.items()))


def _any_plugin_declared() -> bool:
    """A cheap look through the installed distributions' ``entry_points.txt`` for a
    ``[copydesk.rules]`` group, so that ``importlib.metadata`` (slow to import) is
    loaded only when some plugin exists."""
    import os
    import sys

    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(entry or ".", name, "entry_points.txt"), encoding="utf-8") as fh:
                    if "[copydesk.rules]" in fh.read():
                        return True
            except OSError:
                continue
    return False


def resolve(selector: str, registry: dict[str, type[Rule]] | None = None) -> set[str]:
    """Codes matched by one selector: ALL, a code, a code prefix, a name or a category."""
    registry = registry or all_rules()
    token = selector.strip()
    if not token:
        raise SelectionError("empty rule selector")
    if token.upper() == "ALL":
        return set(registry)
    upper = token.upper()
    if upper in registry:
        return {upper}
    by_prefix = {c for c in registry if c.startswith(upper)} if upper[:2].isalpha() and upper.isalnum() else set()
    if by_prefix:
        return by_prefix
    lower = token.lower()
    by_name = {c for c, cls in registry.items() if cls.name == lower}
    if by_name:
        return by_name
    if lower in {c.value for c in Category}:
        return {c for c, cls in registry.items() if cls.category.value == lower}
    candidates = list(registry) + [cls.name for cls in registry.values()] + [c.value for c in Category]
    close = difflib.get_close_matches(token, candidates, n=1, cutoff=0.6) or difflib.get_close_matches(
        upper, candidates, n=1, cutoff=0.6
    )
    hint = f"; did you mean {close[0]!r}?" if close else "; run `copydesk rules` to list them"
    raise SelectionError(f"unknown rule {token!r}{hint}")


def select_codes(
    select: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    registry: dict[str, type[Rule]] | None = None,
    base: Iterable[str] | None = None,
) -> list[str]:
    """The codes to run. Without ``select``, ``base`` (default: the rules enabled by
    default) with ``extend_select`` added and ``ignore`` removed."""
    registry = registry or all_rules()
    if select is None:
        chosen = (
            {c for c, cls in registry.items() if cls.default_enabled} if base is None else set(base)
        )
    else:
        chosen = set()
        for s in select:
            chosen |= resolve(s, registry)
    for s in extend_select:
        chosen |= resolve(s, registry)
    for s in ignore:
        chosen -= resolve(s, registry)
    return sorted(chosen)
