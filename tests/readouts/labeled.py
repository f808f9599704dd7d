"""Reading a labeled statements file and pairing each label with what the reader finds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from trucewatch.readouts import Statement, Terms, read_statement
from trucewatch.readouts.compare import reference_date
from trucewatch.taxonomy import expand_scope


def classes(patterns: list[str]) -> set[str]:
    """The target classes a list of scope patterns covers."""
    return {c for p in patterns for c in expand_scope(p)}


def labeled_pairs(path: Path) -> list[tuple[dict[str, Any], Terms]]:
    """(gold terms, predicted terms) for every statement of a labeled JSONL file."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    fields = set(Statement.model_fields)
    statements = [Statement.model_validate({k: v for k, v in r.items() if k in fields})
                  for r in rows]
    predicted = [read_statement(s, reference=reference_date(s, statements)).terms
                 for s in statements]
    return list(zip([r["terms"] for r in rows], predicted, strict=True))
