"""The ``halt_strikes`` kind: incidents judged under each reading by the verdict rules
(:mod:`trucewatch.assess`); its fulfilment is what those verdicts add up to."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from trucewatch.assess import summarise
from trucewatch.model import Agreement, Commitment
from trucewatch.store import Store

__all__ = ["evaluate_halt", "explain_halt"]


def evaluate_halt(store: Store, agreement: Agreement, commitment: Commitment, as_of: dt.date
                  ) -> dict[str, Any]:
    """Verdict counts per reading and each party's first violation under it."""
    summary = summarise(store, agreement.id, differing_limit=0)
    readings: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in summary.counts:
        if row["commitment_id"] == commitment.id:
            readings[row["reading"]][row["verdict"]] += row["incidents"]
    for reading in commitment.readings:
        readings.setdefault(reading.party, defaultdict(int))
    return {
        "readings": {party: dict(sorted(counts.items())) for party, counts in
                     sorted(readings.items())},
        "first_violations": [
            {"reading": f["reading"], "perpetrator": f["perpetrator"], "date": f["first_date"],
             "incident_id": f["incident_id"], "violations": f["violations"]}
            for f in summary.first_violations if f["commitment_id"] == commitment.id],
    }


def explain_halt(fulfilment: dict[str, Any]) -> str:
    parts = [f"{party}'s reading: {counts.get('violation', 0)} violation(s)"
             for party, counts in fulfilment["readings"].items()]
    return "; ".join(parts)
