"""A new disputed incident: in scope and window, but the accused side denies it."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Alert
from .base import AlertRule, RuleContext, describe_incident, register

_KEY = "'disputed:' || agreement_id || ':' || commitment_id || ':' || incident_id"

_QUERY = """
WITH disputed AS (
    SELECT agreement_id, commitment_id, incident_id, list(party ORDER BY party) AS readings
    FROM verdicts WHERE agreement_id = $1 AND verdict = 'disputed'
    GROUP BY ALL
)
SELECT d.*, {key} AS key, i.id, i.event_date, i.country, i.admin1, i.place, i.target_class,
       i.perpetrator, i.claimants
FROM disputed d JOIN incidents i ON i.id = d.incident_id
WHERE {unseen}
ORDER BY i.event_date, d.incident_id, d.commitment_id
"""


@register
class Disputed(AlertRule):
    name = "disputed"
    summary = "a new disputed incident (the accused side denies it), once per commitment"

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        for agreement in context.agreements:
            cursor = context.store.conn.execute(
                _QUERY.format(key=_KEY, unseen=context.unseen(_KEY)), [agreement.id])
            names = [d[0] for d in cursor.description]
            for values in cursor.fetchall():
                row = dict(zip(names, values, strict=True))
                accused = row["perpetrator"] or "the accused side"
                claimed = ", ".join(row["claimants"] or []) or "a source"
                yield Alert(
                    key=row["key"], kind="disputed", rule=self.name, agreement=agreement.id,
                    commitment=row["commitment_id"],
                    reading=row["readings"][0] if len(row["readings"]) == 1 else None,
                    party=row["perpetrator"], incidents=[row["incident_id"]],
                    text=f"New disputed incident under {row['commitment_id']} "
                         f"({agreement.id}): {describe_incident(row)}, claimed by {claimed}, "
                         f"denied by {accused}",
                    detail={"readings": row["readings"], "claimants": row["claimants"]})
