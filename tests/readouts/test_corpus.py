"""The labeled statements of ../shared/corpus: terms close to the labels (full figures are in
benchmarks/readouts_quality.py)."""

from __future__ import annotations

import pytest

from .labeled import classes, labeled_pairs


@pytest.mark.slow
def test_terms_match_most_labels(shared_corpus):
    pairs = labeled_pairs(shared_corpus / "statements.jsonl")
    n = len(pairs)
    scope = sum(classes(g["scope"]) == classes(p.scope) for g, p in pairs)
    duration = sum(g["duration_days"] == p.duration_days for g, p in pairs)
    bound = sum(sorted(g["bound_parties"]) == p.bound_parties for g, p in pairs)
    assert scope / n >= 0.8
    assert duration / n >= 0.8
    assert bound / n >= 0.7
