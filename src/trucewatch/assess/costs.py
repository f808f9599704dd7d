"""What a difference in wording costs: incidents that are violations under one reading only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import permutations
from typing import Any

import duckdb

from trucewatch.assess import assess_readings
from trucewatch.model import Reading

__all__ = ["ReadingCost", "reading_costs"]

#: Incident ids listed per pair of readings.
EXAMPLES = 5


@dataclass(frozen=True)
class ReadingCost:
    """Incidents that are violations under ``violation_under``'s reading, not ``not_under``'s."""

    violation_under: str
    not_under: str
    incidents: int
    examples: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {"violation_under": self.violation_under, "not_under": self.not_under,
                "incidents": self.incidents, "examples": self.examples}


def reading_costs(
    conn: duckdb.DuckDBPyConnection, readings: Sequence[Reading]
) -> list[ReadingCost]:
    """For each ordered pair of readings, the stored incidents violating one but not the other.

    ``[]`` when the store holds no incidents or the readings judge every incident alike.
    """
    if len(readings) < 2:
        return []
    table = assess_readings(conn, readings, agreement_id="readouts", commitment_id="compare")
    violations: dict[str, set[str]] = {r.party: set() for r in readings}
    for row in table.select(["incident_id", "party", "verdict"]).to_pylist():
        if row["verdict"] == "violation":
            violations[row["party"]].add(str(row["incident_id"]))
    costs = []
    for first, second in permutations(violations, 2):
        only = sorted(violations[first] - violations[second])
        if only:
            costs.append(ReadingCost(first, second, len(only), only[:EXAMPLES]))
    return costs
