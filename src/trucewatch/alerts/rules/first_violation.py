"""The first violation by a party under each reading of each commitment."""

from __future__ import annotations

from collections.abc import Iterator

from trucewatch.assess.summary import first_violations

from ..model import Alert
from .base import AlertRule, RuleContext, describe_incident, incident_rows, register


@register
class FirstViolation(AlertRule):
    name = "first_violation"
    summary = "a party's first violation under a reading (once per reading and party)"

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        for agreement in context.agreements:
            firsts = [row for row in first_violations(context.store, agreement.id)
                      if row["perpetrator"] is not None]
            incidents = incident_rows(context.store, [row["incident_id"] for row in firsts])
            for row in firsts:
                commitment, reading, party = (row["commitment_id"], row["reading"],
                                              row["perpetrator"])
                yield Alert(
                    key=f"first_violation:{agreement.id}:{commitment}:{reading}:{party}",
                    kind="first_violation", rule=self.name, agreement=agreement.id,
                    commitment=commitment, reading=reading, party=party,
                    incidents=[row["incident_id"]],
                    text=f"First violation by {party} under {reading}'s reading of "
                         f"{commitment} ({agreement.id}): "
                         f"{describe_incident(incidents[row['incident_id']])}",
                    detail={"first_date": str(row["first_date"]),
                            "violations": row["violations"], "readings": [reading]})
