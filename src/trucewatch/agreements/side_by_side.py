"""Each party's reading of a commitment as rows of terms, marking the ones that differ."""

from __future__ import annotations

from dataclasses import dataclass

from trucewatch.model import Agreement, Commitment, Reading

from .differences import Difference, reading_differences
from .storage import bound_parties
from .timeline import status_differences

__all__ = ["SideBySide", "TermRow", "side_by_side"]


@dataclass(frozen=True)
class TermRow:
    """One term, its value under each party's reading, and whether the readings differ."""

    term: str
    values: dict[str, str]
    differs: bool


@dataclass(frozen=True)
class SideBySide:
    parties: list[str]
    rows: list[TermRow]
    differences: list[Difference]


def _conditions(reading: Reading, kind: str) -> str:
    return "\n".join(f"- {c.text}" for c in reading.conditions if c.kind == kind) or "-"


_TERMS = {
    "scope": lambda a, c, r: "\n".join(r.scope) or "-",
    "start": lambda a, c, r: str(r.start or "not stated"),
    "duration_days": lambda a, c, r: str(r.duration_days or "not stated"),
    "last_day": lambda a, c, r: str(r.last_day or "open"),
    "area": lambda a, c, r: ", ".join(r.area) or "anywhere",
    "bound_parties": lambda a, c, r: ", ".join(bound_parties(a, c, r)),
    "escape": lambda a, c, r: _conditions(r, "escape"),
    "reciprocity": lambda a, c, r: _conditions(r, "reciprocity"),
    "preconditions": lambda a, c, r: _conditions(r, "precondition"),
    "demands": lambda a, c, r: _conditions(r, "demand"),
    "extension": lambda a, c, r: _conditions(r, "extension"),
    "quote": lambda a, c, r: f"“{r.quote}”",
    "source": lambda a, c, r: a.source_url(r.source) or r.source,
}
_CONDITION_TERMS = {"escape", "reciprocity", "preconditions", "demands", "extension"}


def side_by_side(agreement: Agreement, commitment: Commitment) -> SideBySide:
    """The readings of ``commitment`` term by term, with the differences between them."""
    readings = commitment.readings
    bound = {r.party: bound_parties(agreement, commitment, r) for r in readings}
    differences = [*reading_differences(readings, bound=bound),
                   *status_differences(agreement, commitment)]
    differing = {d.term for d in differences}
    rows = []
    for term, value in _TERMS.items():
        values = {r.party: value(agreement, commitment, r) for r in readings}
        if term in _CONDITION_TERMS and set(values.values()) == {"-"}:
            continue
        if term in ("quote", "source"):
            differs = False
        elif term in _CONDITION_TERMS:
            differs = "conditions" in differing and len(set(values.values())) > 1
        else:
            differs = term in differing or (term == "last_day" and len(set(values.values())) > 1)
        rows.append(TermRow(term, values, differs))
    return SideBySide([r.party for r in readings], rows, differences)
