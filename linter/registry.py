"""Rule discovery and selection by code, code prefix, name or category.

Built-in rules live in ``linter.rules`` (the repository's ``rules/`` folder), one
module per rule. Third-party rules register under the ``copydesk.rules`` entry-point
group, each entry point naming a Rule subclass or a module that defines some.
A configuration can declare rules as data too (house styles): a rule module claims
the configuration key through ``CONFIGURED_RULES`` and the configuration installs the
rules it builds with :func:`use_configured_rules`.
"""

from __future__ import annotations

import difflib
import importlib
import inspect
import pkgutil
from functools import lru_cache
from typing import Any, Callable, Iterable

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
def _discovered() -> tuple[dict[str, type[Rule]], dict[str, Callable[..., Any]]]:
    """The rules written in Python (built-ins, then plugins) by code, and the
    configuration keys that rule modules turn into rules (``CONFIGURED_RULES``)."""
    import linter.rules as pkg

    registry: dict[str, type[Rule]] = {}
    builders: dict[str, Callable[..., Any]] = {}

    def add(cls: type[Rule], origin: str) -> None:
        if not CODE_RE.match(cls.code):
            raise RuntimeError(f"{origin}: rule code {cls.code!r} is not two letters + three digits")
        if cls.code in registry and registry[cls.code] is not cls:
            raise RuntimeError(f"{origin}: rule code {cls.code} is already used by {registry[cls.code].__module__}")
        registry[cls.code] = cls

    def add_builders(module, origin: str) -> None:
        for key, builder in (getattr(module, "CONFIGURED_RULES", None) or {}).items():
            if key in builders and builders[key] is not builder:
                raise RuntimeError(f"{origin}: configuration key {key!r} is already claimed")
            builders[key] = builder

    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        for cls in _rules_in_module(module):
            add(cls, info.name)
        add_builders(module, info.name)

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
            if not inspect.isclass(obj):
                add_builders(obj, f"plugin {ep.name}")
    except Exception as exc:  # a broken plugin must not take the built-ins down
        import sys

        print(f"copydesk: warning: could not load rule plugins: {exc}", file=sys.stderr)

    names = {}
    for code, cls in registry.items():
        if cls.name in names:
            raise RuntimeError(f"rule name {cls.name!r} is used by {names[cls.name]} and {code}")
        names[cls.name] = code
    return dict(sorted(registry.items())), builders


def builtin_rules() -> dict[str, type[Rule]]:
    """The rules written in Python (the built-ins and plugins), by code: what the
    README's table documents."""
    return dict(_discovered()[0])


# Rules a configuration declares as data (house styles), installed by
# ``use_configured_rules`` for the configuration in force.
_configured: tuple[Any, ...] = ()
_configured_rules: dict[str, type[Rule]] = {}


def all_rules() -> dict[str, type[Rule]]:
    """Every known rule class by code: the built-ins, the plugins and the rules of
    the configuration in force (see :func:`use_configured_rules`)."""
    builtin = _discovered()[0]
    if not _configured_rules:
        return dict(builtin)
    return dict(sorted({**builtin, **_configured_rules}.items()))


def configured_rule_keys() -> dict[str, Callable[..., Any]]:
    """Configuration keys whose values a rule module turns into rules, with the
    function that does it: a module under ``linter.rules`` (or a plugin module)
    declares ``CONFIGURED_RULES = {"key": load}``; ``load(value, config_path)``
    returns a picklable rule set (``rules()``: the Rule classes it declares;
    ``key``; ``describe()``: its value for --show-settings; ``files``: the files it
    read) and raises ``ValueError`` with a one-line message for bad data."""
    return dict(_discovered()[1])


def use_configured_rules(rule_sets: Iterable[Any]) -> None:
    """Make the rules of ``rule_sets`` (from :func:`configured_rule_keys`'
    loaders) known to every look-up, in place of the previous configuration's.
    Raises ``ValueError`` when one's code, prefix or name is taken already."""
    global _configured, _configured_rules
    rule_sets = tuple(rule_sets)
    if rule_sets == _configured:
        return
    builtin = _discovered()[0]
    builtin_prefixes = {code[:2] for code in builtin}
    names = {cls.name: code for code, cls in builtin.items()}
    found: dict[str, type[Rule]] = {}
    for rule_set in rule_sets:
        for cls in rule_set.rules():
            where = getattr(cls, "source", None) or cls.__module__
            if cls.code[:2] in builtin_prefixes:
                raise ValueError(
                    f"{where}: rule {cls.code}: the prefix {cls.code[:2]} belongs to the built-in rules; choose another"
                )
            if cls.code in found:
                other = getattr(found[cls.code], "source", None) or found[cls.code].__module__
                raise ValueError(f"{where}: rule {cls.code}: the code is already declared in {other}")
            if cls.name in names:
                raise ValueError(f"{where}: rule {cls.code}: the name {cls.name!r} is already used by {names[cls.name]}")
            found[cls.code] = cls
            names[cls.name] = cls.code
    _configured, _configured_rules = rule_sets, found


def configured_rule_sets() -> tuple[Any, ...]:
    """The rule sets in force (picklable: a worker process installs them again)."""
    return _configured


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
    # Every rule's category is a Category (a name given as text is made one), so the
    # families named so far are all there is to match, the built-in ones first.
    families = [str(c) for c in Category]
    if lower in families:
        return {c for c, cls in registry.items() if str(cls.category) == lower}
    candidates = list(registry) + [cls.name for cls in registry.values()] + families
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
