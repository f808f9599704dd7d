"""lang/ is the bottom layer: it imports nothing of trucewatch but errors.py, and geo/, text/
and readouts/ reach the language tools only through it (no geo <-> text cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import trucewatch

PACKAGE = Path(trucewatch.__file__).parent


def _imports(path: Path) -> set[str]:
    """Absolute trucewatch modules a file imports, at any depth of its code."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m.split(".")[0] == "trucewatch"}


@pytest.mark.parametrize("path", sorted((PACKAGE / "lang").glob("*.py")), ids=lambda p: p.name)
def test_lang_imports_only_errors(path):
    assert _imports(path) <= {"trucewatch.errors"}


@pytest.mark.parametrize("folder", ["geo", "text", "readouts"])
def test_readers_and_geo_use_lang_not_each_others_language_tools(folder):
    imported = set().union(*(_imports(p) for p in (PACKAGE / folder).glob("*.py")))
    assert any(m.startswith("trucewatch.lang") for m in imported)
    if folder == "geo":
        assert not any(m.startswith(("trucewatch.text", "trucewatch.readouts")) for m in imported)
