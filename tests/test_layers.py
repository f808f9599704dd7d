"""The import contract: the package's layers import one way, and no modules import each other
in a loop. docs/design.md draws the layers; this test is what holds the code to them.

Every ``import`` and ``from ... import`` anywhere in a module counts, function-level ones too:
an import deferred into a function is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "src" / "trucewatch"

#: Top to bottom. A module may import its own layer's package and any layer below; names on
#: one line are siblings, which must not import each other. ``trucewatch/__init__.py`` (the
#: public API, which re-exports every layer) is above them all and imported by none.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("cli",),
    ("web",),
    ("service",),
    ("report",),
    ("demo",),
    ("watch",),
    ("workflow",),
    ("batch",),
    ("alerts",),
    ("commitments",),
    ("incidents",),
    ("assess",),
    ("sources",),
    ("readouts",),
    ("agreements", "text"),
    ("geo",),
    ("lang",),
    ("accounts",),
    ("store", "model"),
    ("taxonomy",),
    ("profiles",),
    ("errors", "safe_text"),
)
_LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every trucewatch import in the file."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            submodules = [f"{target}.{a.name}" for a in node.names]
            # "from pkg import module" depends on the module; "from pkg import name" on pkg
            found += [(node.lineno, s if _exists(s) else target) for s in submodules]
    return [(line, name) for line, name in found
            if name == "trucewatch" or name.startswith("trucewatch.")]


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return ((PACKAGE / relative).with_suffix(".py").exists()
            or (PACKAGE / relative / "__init__.py").exists())


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def _graph() -> dict[str, list[tuple[int, str]]]:
    return {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_top_level_module_has_a_layer():
    tops = {_layer(m) for m in _graph()} - {None}
    assert sorted(tops - set(_LEVEL)) == []


def test_layers_import_one_way():
    wrong = []
    for module, imports in _graph().items():
        source = _layer(module)
        if source is None:
            continue
        for line, target in imports:
            layer = _layer(target)
            if layer is None:
                wrong.append(f"{module}:{line} imports the public API package trucewatch")
            elif layer != source and _LEVEL[layer] <= _LEVEL[source]:
                kind = "a sibling" if _LEVEL[layer] == _LEVEL[source] else "a higher layer"
                wrong.append(f"{module}:{line} imports {target} ({kind}: {layer})")
    assert wrong == []


def _with_packages(module: str, targets: set[str]) -> list[str]:
    """``targets`` plus, for each, the packages above it that ``module`` is not inside:
    importing ``trucewatch.text.lemmas`` runs ``trucewatch/text/__init__.py`` first."""
    found = set(targets)
    for target in targets:
        parts = target.split(".")
        for depth in range(2, len(parts)):
            package = ".".join(parts[:depth])
            if not (module == package or module.startswith(package + ".")):
                found.add(package)
    return sorted(found - {module})


def test_no_modules_import_each_other_in_a_loop():
    graph = {m: _with_packages(m, {t for _, t in imports})
             for m, imports in _graph().items()}
    loops: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in graph.get(module, []):
            if state.get(target) == 1:
                loops.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in graph:
        if module not in state:
            visit(module, [module])
    assert [" -> ".join(loop) for loop in loops] == []


@pytest.mark.parametrize("layer", sorted(_LEVEL))
def test_layer_exists(layer):
    assert _exists(f"trucewatch.{layer}"), f"layer {layer} has no module or package"
