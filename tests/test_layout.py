"""The house layout, checked from the source: the import graph of the project's
modules (every Import/ImportFrom at any depth, function-level ones included)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (("linter", "linter"), ("rules", "linter.rules"))
ENGINE = ("engine", "document", "rule", "registry", "fixer", "diagnostic")
RULE_CODE = re.compile(r"\b[A-Z]{2}\d{3}\b")
RULE_MODULE = re.compile(r"\.[A-Z]{2}\d{3}$")

def modules() -> dict[str, Path]:
    found = {}
    for folder, package in PACKAGES:
        for path in (ROOT / folder).rglob("*.py"):
            parts = [package, *path.relative_to(ROOT / folder).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imports(mods: dict[str, Path]) -> tuple[dict[str, set[str]], list[tuple[str, str, str]]]:
    """module -> the project modules it imports; and (module, from, name) private imports."""
    edges: dict[str, set[str]] = {m: set() for m in mods}
    private = []
    for mod, path in mods.items():
        package = mod.split(".") if path.name == "__init__.py" else mod.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges[mod].update(a.name for a in node.names if a.name in mods)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[: len(package) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                for alias in node.names:
                    if f"{target}.{alias.name}" in mods:
                        edges[mod].add(f"{target}.{alias.name}")
                    elif target in mods:
                        edges[mod].add(target)
                        name = alias.name
                        if name.startswith("_") and not name.startswith("__") and target != mod:
                            private.append((mod, target, name))
    return edges, private


def cycles(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in edges:
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges[node]:
                    found.append(frozenset(component))
    return found


def test_cycle_finder_finds_a_function_level_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    assert cycles(imports(modules())[0]) == []


def private_attributes(mods: dict[str, Path]) -> list[tuple[str, str, str]]:
    """(module, other module, name) for each ``other._name`` read through an imported
    module (``import linter.x as x; x._helper``): a private import by another road."""
    found = []
    for mod, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bound: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name in mods:
                        bound[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for a in node.names:
                    if f"{node.module}.{a.name}" in mods:
                        bound[a.asname or a.name] = f"{node.module}.{a.name}"
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")):
                continue
            chain, value = [], node.value
            while isinstance(value, ast.Attribute):
                chain.append(value.attr)
                value = value.value
            if isinstance(value, ast.Name) and value.id in bound:
                target = ".".join([bound[value.id], *reversed(chain)])
                if target in mods and target != mod:
                    found.append((mod, target, node.attr))
    return found


def test_private_name_finders_find_both_roads(tmp_path):
    (tmp_path / "a.py").write_text("from pkg.b import _hidden\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("def f():\n    import pkg.b as b\n    return b._hidden\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("_hidden = 1\n", encoding="utf-8")
    mods = {f"pkg.{n}": tmp_path / f"{n}.py" for n in "abc"}
    assert imports(mods)[1] == [("pkg.a", "pkg.b", "_hidden")]
    assert private_attributes(mods) == [("pkg.c", "pkg.b", "_hidden")]


def test_no_module_imports_a_private_name_of_another():
    mods = modules()
    assert imports(mods)[1] == []
    assert private_attributes(mods) == []


def test_no_rule_imports_another_rule():
    edges, _ = imports(modules())
    crossing = [
        (mod, target)
        for mod, targets in edges.items()
        for target in targets
        if mod.startswith("linter.rules.") and RULE_MODULE.search(target) and target != mod
    ]
    assert crossing == []


def test_the_engine_names_no_rule_code():
    mods = modules()
    for name in ENGINE:
        codes = set(RULE_CODE.findall(mods[f"linter.{name}"].read_text(encoding="utf-8")))
        assert codes == set(), name


# What sits below the rules in the one-way flow: the engine, the readers, the writer and
# the pure renderers. None of them may reach into linter.rules (rules and their support
# are found by the registry's discovery, never imported by name from below).
BELOW_THE_RULES = tuple(f"linter.{m}" for m in (*ENGINE, "text", "errors", "globs", "sources", "corpus", "markdown", "writer"))


def test_nothing_below_the_rules_imports_rule_code():
    edges, _ = imports(modules())
    upward = [
        (mod, target)
        for mod, targets in edges.items()
        if mod.startswith(tuple(m + "." for m in BELOW_THE_RULES)) or mod in BELOW_THE_RULES
        or mod.startswith("linter.report")
        for target in targets
        # the registry imports the rules package itself to discover the rules in it
        if target.startswith("linter.rules") and (mod, target) != ("linter.registry", "linter.rules")
    ]
    assert upward == []


def test_rule_support_lives_beside_the_rules():
    mods = modules()
    for name in ("names", "langid", "quality"):
        assert f"linter.rules.support.{name}" in mods
        assert f"linter.{name}" not in mods
