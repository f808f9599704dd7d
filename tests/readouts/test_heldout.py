"""The held-out statements (tests/readouts/heldout/heldout.jsonl, written and labeled apart
from the corpus): figures a little below those measured (benchmarks/readouts_quality.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .labeled import classes, labeled_pairs

HELDOUT = Path(__file__).parent / "heldout" / "heldout.jsonl"


def _share(pairs, test):
    return sum(test(g, p) for g, p in pairs) / len(pairs)


@pytest.mark.slow
def test_heldout_figures():
    pairs = labeled_pairs(HELDOUT)
    assert len(pairs) == 24
    assert _share(pairs, lambda g, p: classes(g["scope"]) == classes(p.scope)) >= 0.85
    assert _share(pairs, lambda g, p: g["duration_days"] == p.duration_days) >= 0.9
    assert _share(pairs, lambda g, p: g["start"] == (p.start and p.start.isoformat())) >= 0.9
    assert _share(pairs, lambda g, p: sorted(g["bound_parties"]) == p.bound_parties) >= 0.8
    assert _share(pairs, lambda g, p: set(g["follow_on"]) == set(p.follow_on)) >= 0.9
    assert _share(pairs, lambda g, p: g["numbers"] == p.numbers) >= 0.9
