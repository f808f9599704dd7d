"""The pipeline names no party: party codes are the profiles' data, never string literals in
the code of the packages that read texts, statements, datasets and incidents."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import trucewatch
from trucewatch import profiles

PACKAGE = Path(trucewatch.__file__).parent
#: The packages that must work for any conflict.
PIPELINE = ("text", "readouts", "incidents", "assess", "sources")


def _codes() -> frozenset[str]:
    return frozenset(code for name in profiles.names() for code in profiles.load(name).parties)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def party_literals(path: Path, codes: frozenset[str]) -> list[tuple[int, str]]:
    """(line, code) of every string literal of ``path`` that is a party code, docstrings
    aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip and node.value in codes]


def test_the_scan_finds_a_party_literal(tmp_path):
    module = tmp_path / "example.py"
    module.write_text('"""Doc naming RU."""\nSIDES = ("RU", "UA")\nOTHER = "IN" if x else "no"\n',
                      encoding="utf-8")
    assert party_literals(module, _codes()) == [(2, "RU"), (2, "UA"), (3, "IN")]


@pytest.mark.parametrize("package", PIPELINE)
def test_pipeline_code_names_no_party(package):
    codes = _codes()
    found = [f"{path.relative_to(PACKAGE)}:{line}: {code!r}"
             for path in sorted((PACKAGE / package).rglob("*.py"))
             for line, code in party_literals(path, codes)]
    assert found == [], "party codes belong in a profile (src/trucewatch/profiles/)"
