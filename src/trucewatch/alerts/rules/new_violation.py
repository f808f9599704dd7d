"""Each new violation (and, if configured, possible violation) of a commitment: one alert per
incident and commitment, naming the readings under which it is one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import Alert
from .base import AlertRule, RuleContext, describe_incident, register

_KEY = ("'new_' || strongest || ':' || agreement_id || ':' || commitment_id || ':' "
        "|| incident_id")

_QUERY = """
WITH judged AS (
    SELECT agreement_id, commitment_id, incident_id,
           coalesce(list(party ORDER BY party) FILTER (WHERE verdict = 'violation'), [])
               AS violation,
           coalesce(list(party ORDER BY party) FILTER (WHERE verdict = 'possible_violation'),
                    []) AS possible
    FROM verdicts WHERE agreement_id = $1 AND list_contains($2, verdict)
    GROUP BY ALL
), keyed AS (
    SELECT *, CASE WHEN len(violation) > 0 THEN 'violation' ELSE 'possible_violation' END
                  AS strongest
    FROM judged
)
SELECT k.*, {key} AS key, i.id, i.event_date, i.country, i.admin1, i.place, i.target_class,
       i.perpetrator
FROM keyed k JOIN incidents i ON i.id = k.incident_id
WHERE {unseen}
ORDER BY i.event_date, k.incident_id, k.commitment_id
"""


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verdicts: list[Literal["violation", "possible_violation"]] = Field(
        default_factory=lambda: ["violation"], min_length=1)


def _under(parties: list[str]) -> str:
    """``the RU reading``, ``the RU and UA readings``, ``the RU, UA and US readings``."""
    named = parties[0] if len(parties) == 1 else f"{', '.join(parties[:-1])} and {parties[-1]}"
    return f"the {named} reading{'s' if len(parties) > 1 else ''}"


def _readings(row: dict[str, Any]) -> str:
    parts = []
    if row["violation"]:
        parts.append(f"a violation under {_under(row['violation'])}")
    if row["possible"]:
        parts.append(f"a possible violation under {_under(row['possible'])}")
    return "; ".join(parts)


@register
class NewViolation(AlertRule):
    name = "new_violation"
    summary = ("each new violation (options: verdicts: [violation, possible_violation]), "
               "once per incident and commitment")
    Options = Options

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        options = context.options
        assert isinstance(options, Options)
        for agreement in context.agreements:
            cursor = context.store.conn.execute(
                _QUERY.format(key=_KEY, unseen=context.unseen(_KEY)),
                [agreement.id, list(options.verdicts)])
            names = [d[0] for d in cursor.description]
            for values in cursor.fetchall():
                row = dict(zip(names, values, strict=True))
                readings = sorted({*row["violation"], *row["possible"]})
                what = "violation" if row["strongest"] == "violation" else "possible violation"
                by = f" by {row['perpetrator']}" if row["perpetrator"] else ""
                yield Alert(
                    key=row["key"], kind=f"new_{row['strongest']}", rule=self.name,
                    agreement=agreement.id, commitment=row["commitment_id"],
                    reading=readings[0] if len(readings) == 1 else None,
                    party=row["perpetrator"], incidents=[row["incident_id"]],
                    text=f"New {what} of {row['commitment_id']} ({agreement.id}){by}: "
                         f"{describe_incident(row)}; {_readings(row)}",
                    detail={"readings": readings, "violation": row["violation"],
                            "possible_violation": row["possible"]})
