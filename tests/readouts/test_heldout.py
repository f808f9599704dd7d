"""The held-out statements (tests/readouts/heldout/heldout.jsonl, written and labeled apart
from the corpus): figures a little below those measured (benchmarks/readouts_quality.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trucewatch.readouts import Statement, read_statement
from trucewatch.readouts.compare import reference_date
from trucewatch.taxonomy import expand_scope

HELDOUT = Path(__file__).parent / "heldout" / "heldout.jsonl"


def _classes(patterns):
    return {c for p in patterns for c in expand_scope(p)}


def _share(pairs, test):
    return sum(test(g, p) for g, p in pairs) / len(pairs)


@pytest.mark.slow
def test_heldout_figures():
    rows = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines()]
    fields = set(Statement.model_fields)
    statements = [Statement.model_validate({k: v for k, v in r.items() if k in fields})
                  for r in rows]
    predicted = [read_statement(s, reference=reference_date(s, statements)).terms
                 for s in statements]
    pairs = list(zip([r["terms"] for r in rows], predicted, strict=True))
    assert len(pairs) == 24
    assert _share(pairs, lambda g, p: _classes(g["scope"]) == _classes(p.scope)) >= 0.85
    assert _share(pairs, lambda g, p: g["duration_days"] == p.duration_days) >= 0.9
    assert _share(pairs, lambda g, p: g["start"] == (p.start and p.start.isoformat())) >= 0.9
    assert _share(pairs, lambda g, p: sorted(g["bound_parties"]) == p.bound_parties) >= 0.8
    assert _share(pairs, lambda g, p: set(g["follow_on"]) == set(p.follow_on)) >= 0.9
    assert _share(pairs, lambda g, p: g["numbers"] == p.numbers) >= 0.9
