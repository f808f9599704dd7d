"""What the verdicts add up to: counts, readings that disagree, first violations, escapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trucewatch.store import Store

__all__ = ["Assessment", "summarise"]


@dataclass
class Assessment:
    """The verdicts of one agreement (or all), summed up for the CLI, reports and the web."""

    counts: list[dict[str, Any]] = field(default_factory=list)
    differing: list[dict[str, Any]] = field(default_factory=list)
    differing_total: int = 0
    first_violations: list[dict[str, Any]] = field(default_factory=list)
    escapes: list[dict[str, Any]] = field(default_factory=list)


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = store.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


_FILTER = "(CAST($1 AS VARCHAR) IS NULL OR v.agreement_id = $1)"


def summarise(store: Store, agreement_id: str | None = None, *, differing_limit: int = 20
              ) -> Assessment:
    """Counts per reading, perpetrator and verdict; incidents whose verdict differs between
    readings (with the rules that split them); each party's first violation per reading; and,
    for readings with an escape clause, from when the other side would be freed."""
    params: list[Any] = [agreement_id]
    result = Assessment()
    result.counts = _rows(store, f"""
        SELECT v.agreement_id, v.commitment_id, v.party AS reading,
               coalesce(i.perpetrator, '?') AS perpetrator, v.verdict, count(*) AS incidents
        FROM verdicts v JOIN incidents i ON i.id = v.incident_id WHERE {_FILTER}
        GROUP BY ALL ORDER BY ALL""", params)
    differing = f"""
        SELECT v.incident_id, v.agreement_id, v.commitment_id,
               any_value(i.event_date) AS event_date, any_value(i.admin1) AS admin1,
               any_value(i.target_class) AS target_class,
               any_value(i.perpetrator) AS perpetrator,
               map_from_entries(list((v.party, v.verdict) ORDER BY v.party)) AS verdicts,
               list_sort(list(DISTINCT v.rule)) AS rules
        FROM verdicts v JOIN incidents i ON i.id = v.incident_id WHERE {_FILTER}
        GROUP BY v.incident_id, v.agreement_id, v.commitment_id
        HAVING count(DISTINCT v.verdict) > 1"""
    result.differing_total = store.conn.execute(
        f"SELECT count(*) FROM ({differing})", params).fetchone()[0]
    result.differing = _rows(
        store, f"{differing} ORDER BY event_date, incident_id LIMIT {int(differing_limit)}",
        params)
    result.first_violations = _rows(store, f"""
        SELECT v.agreement_id, v.commitment_id, v.party AS reading, i.perpetrator,
               min(i.event_date) AS first_date,
               arg_min(i.id, strftime(i.event_date, '%Y%m%d') || i.id) AS incident_id,
               count(*) AS violations
        FROM verdicts v JOIN incidents i ON i.id = v.incident_id
        WHERE {_FILTER} AND v.verdict = 'violation'
        GROUP BY ALL ORDER BY ALL""", params)
    result.escapes = _escapes(store, agreement_id, result.first_violations)
    return result


def _escapes(store: Store, agreement_id: str | None, firsts: list[dict[str, Any]]
             ) -> list[dict[str, Any]]:
    """For readings with an escape clause: each bound party is freed from the day another bound
    party first violated (under that reading)."""
    readings = _rows(store, """
        SELECT r.agreement_id, r.commitment_id, r.party AS reading, r.bound
        FROM readings r WHERE r.escape_clause
          AND r.version = (SELECT max(version) FROM agreements a WHERE a.id = r.agreement_id)
          AND (CAST($1 AS VARCHAR) IS NULL OR r.agreement_id = $1)
        ORDER BY ALL""", [agreement_id])
    escapes = []
    for reading in readings:
        key = (reading["agreement_id"], reading["commitment_id"], reading["reading"])
        mine = [f for f in firsts
                if (f["agreement_id"], f["commitment_id"], f["reading"]) == key]
        for party in reading["bound"]:
            others = [f for f in mine if f["perpetrator"] != party]
            first = min(others, key=lambda f: (f["first_date"], f["perpetrator"]), default=None)
            escapes.append({
                "agreement_id": key[0], "commitment_id": key[1], "reading": key[2],
                "party": party,
                "freed_from": first["first_date"] if first else None,
                "because_of": first["perpetrator"] if first else None,
                "incident_id": first["incident_id"] if first else None,
            })
    return escapes
