"""The package layout: no import cycle inside ``toolkit/`` and no module over 400 lines.

The check reads the source with ``ast`` and imports nothing: every ``import`` and
``from … import`` of every module (relative or absolute, at the top, inside a
function or under ``TYPE_CHECKING``) that names a module of the package is an
edge of the graph. ``from .x import y`` points to the module ``x.y`` when there
is one, else to ``x``; the old flat paths that ``toolkit/__init__.py`` keeps
importable (``_MOVED``: ``toolkit.tokenize`` …) point to where the code is now.
"""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "toolkit"
MAX_LINES = 400


def modules() -> dict[str, Path]:
    """Dotted module name → file, for every module of the package (a package is its ``__init__.py``)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def moved(found: dict[str, Path]) -> dict[str, str]:
    """``_MOVED`` of ``toolkit/__init__.py`` as full module names: old path → new one."""
    tree = ast.parse(found["toolkit"].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if any(isinstance(t, ast.Name) and t.id == "_MOVED" for t in targets):
            return {f"toolkit.{old}": f"toolkit.{new}" for old, new in ast.literal_eval(node.value).items()}
    return {}


def imports(found: dict[str, Path]) -> dict[str, dict[str, int]]:
    """For every module, the package modules it imports, each with the line of its first import."""
    aliases = moved(found)

    def known(name: str) -> str | None:
        name = aliases.get(name, name)
        return name if name in found else None

    def target(name: str) -> str | None:
        """The module ``import name`` runs last: the longest prefix of ``name`` that is a module."""
        parts = name.split(".")
        return next((m for k in range(len(parts), 0, -1) if (m := known(".".join(parts[:k])))), None)

    graph: dict[str, dict[str, int]] = {}
    for module, path in found.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        edges: dict[str, int] = {}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [target(a.name) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                names = [known(f"{base}.{a.name}") or target(base) for a in node.names]
            else:
                continue
            for name in names:
                if name is not None and name != module:
                    edges.setdefault(name, node.lineno)
        graph[module] = edges
    return graph


def cycle(graph: dict[str, dict[str, int]]) -> list[str] | None:
    """One import cycle as ``[a, b, …, a]``, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for other in sorted(graph.get(module, {})):
            if state.get(other) == 1:
                return path[path.index(other):] + [other]
            if other not in state and (found := visit(other)):
                return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_import_cycles():
    found = modules()
    graph = imports(found)
    loop = cycle(graph)
    if loop:
        steps = [f"  {a} → {b}  ({found[a].relative_to(PACKAGE.parent)}, line {graph[a][b]})"
                 for a, b in zip(loop, loop[1:])]
        raise AssertionError("import cycle (move what both modules need into a module below them):\n"
                             + "\n".join(steps))


def test_no_module_over_400_lines():
    found = modules()
    long = {str(path.relative_to(PACKAGE.parent)): n for path in found.values()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, (f"modules over {MAX_LINES} lines (split them along a seam): "
                      + ", ".join(f"{p} ({n})" for p, n in sorted(long.items())))


def test_the_check_sees_imports_of_every_kind():
    found = modules()
    graph = imports(found)
    assert "toolkit.text.tokenize" in graph["toolkit.text.parts"]              # from .tokenize import …
    assert "toolkit.framing" in graph["toolkit.compare"]                     # inside a function
    assert "toolkit.load" in graph["toolkit.report.cli"]                     # from ..load import LoadError
    assert "toolkit.discourse.label_families" in graph["toolkit.discourse.label_rules"]
    assert cycle({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b": 1}, "b": {}}) is None


def test_old_module_paths_still_import():
    import toolkit

    for old, new in toolkit._MOVED.items():
        assert importlib.import_module(f"toolkit.{old}") is importlib.import_module(f"toolkit.{new}"), old
    assert toolkit.tokenize.tokens is toolkit.tokens  # module attributes of the flat layout stay too
