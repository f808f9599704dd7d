"""An agreement as the report and the dashboard show it: readings side by side, differences."""

from __future__ import annotations

from typing import Any

from trucewatch.agreements import bound_parties, describe_classes, reading_differences
from trucewatch.agreements.timeline import status_differences
from trucewatch.model import Agreement, Commitment, Reading
from trucewatch.taxonomy import party_name

__all__ = ["agreement_view", "window_marks"]


def agreement_view(agreement: Agreement) -> dict[str, Any]:
    """Plain data for one agreement: commitments, each reading's terms and their differences."""
    return {
        "id": agreement.id,
        "title": agreement.title,
        "parties": [{"code": p, "name": party_name(p)} for p in agreement.parties],
        "mediators": [{"code": p, "name": party_name(p)} for p in agreement.mediators],
        "status": [s.model_dump(mode="json") for s in agreement.status],
        "sources": [s.model_dump(mode="json") for s in agreement.sources],
        "commitments": [_commitment_view(agreement, c) for c in agreement.commitments],
    }


def _commitment_view(agreement: Agreement, commitment: Commitment) -> dict[str, Any]:
    bound = {r.party: bound_parties(agreement, commitment, r) for r in commitment.readings}
    return {
        "id": commitment.id,
        "kind": commitment.kind.value,
        "title": commitment.title,
        "bound": commitment.bound or agreement.parties,
        "due": commitment.due.isoformat() if commitment.due else None,
        "numbers": commitment.numbers,
        "status": [s.model_dump(mode="json") for s in commitment.status],
        "readings": [_reading_view(agreement, r, bound[r.party]) for r in commitment.readings],
        "differences": [
            d.as_dict() for d in (*reading_differences(commitment.readings, bound=bound),
                                  *status_differences(agreement, commitment))
        ],
    }


def _reading_view(agreement: Agreement, reading: Reading, bound: list[str]) -> dict[str, Any]:
    return {
        "party": reading.party,
        "party_name": party_name(reading.party),
        "scope": reading.scope,
        "classes": reading.classes,
        "scope_text": describe_classes(reading.classes),
        "start": reading.start.isoformat() if reading.start else None,
        "last_day": reading.last_day.isoformat() if reading.last_day else None,
        "duration_days": reading.duration_days,
        "area": reading.area,
        "bound": bound,
        "conditions": [c.model_dump() for c in reading.conditions],
        "escape_clause": reading.has_escape_clause,
        "quote": reading.quote,
        "source_url": agreement.source_url(reading.source) or reading.source,
    }


def window_marks(view: dict[str, Any]) -> list[dict[str, str]]:
    """Each party's claimed start and last day of every halt, as timeline rules."""
    marks: dict[tuple[str, str], list[str]] = {}
    for commitment in view["commitments"]:
        for reading in commitment["readings"]:
            for key, word in (("start", "start"), ("last_day", "last day")):
                if reading[key]:
                    marks.setdefault((reading[key], word), []).append(reading["party"])
    return [
        {"date": day, "label": f"{word} per {', '.join(parties)}"}
        for (day, word), parties in sorted(marks.items())
    ]
