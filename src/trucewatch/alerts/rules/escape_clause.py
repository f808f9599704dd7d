"""A reading's escape clause becomes available to a party: another bound party violated
first under that reading (the same reckoning as ``trucewatch assess``)."""

from __future__ import annotations

from collections.abc import Iterator

from trucewatch.assess.summary import escapes, first_violations

from ..model import Alert
from .base import AlertRule, RuleContext, register


@register
class EscapeClause(AlertRule):
    name = "escape_clause"
    summary = "an escape clause of a reading becomes available to a party"

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        for agreement in context.agreements:
            firsts = first_violations(context.store, agreement.id)
            for row in escapes(context.store, agreement.id, firsts):
                if row["freed_from"] is None:
                    continue
                commitment, reading, party = (row["commitment_id"], row["reading"],
                                              row["party"])
                yield Alert(
                    key=f"escape_clause:{agreement.id}:{commitment}:{reading}:{party}",
                    kind="escape_clause", rule=self.name, agreement=agreement.id,
                    commitment=commitment, reading=reading, party=party,
                    incidents=[row["incident_id"]],
                    text=f"Escape clause of {reading}'s reading of {commitment} "
                         f"({agreement.id}) is available to {party}: {row['because_of']} "
                         f"violated first, on {row['freed_from']} ({row['incident_id']})",
                    detail={"freed_from": str(row["freed_from"]),
                            "because_of": row["because_of"], "readings": [reading]})
