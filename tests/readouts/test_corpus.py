"""The labeled statements of ../shared/corpus: terms close to the labels (full figures are in
benchmarks/readouts_quality.py)."""

from __future__ import annotations

import json

import pytest

from trucewatch.readouts import Statement, read_statement
from trucewatch.readouts.compare import reference_date
from trucewatch.taxonomy import expand_scope


def _classes(patterns):
    return {c for p in patterns for c in expand_scope(p)}


@pytest.mark.slow
def test_terms_match_most_labels(shared_corpus):
    rows = [json.loads(line) for line in
            (shared_corpus / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    fields = set(Statement.model_fields)
    statements = [Statement.model_validate({k: v for k, v in r.items() if k in fields})
                  for r in rows]
    predicted = [read_statement(s, reference=reference_date(s, statements)).terms
                 for s in statements]
    pairs = list(zip([r["terms"] for r in rows], predicted, strict=True))
    n = len(pairs)
    scope = sum(_classes(g["scope"]) == _classes(p.scope) for g, p in pairs)
    duration = sum(g["duration_days"] == p.duration_days for g, p in pairs)
    bound = sum(sorted(g["bound_parties"]) == p.bound_parties for g, p in pairs)
    assert scope / n >= 0.8
    assert duration / n >= 0.8
    assert bound / n >= 0.7
