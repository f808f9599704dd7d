"""What the verdicts add up to: counts, readings that disagree, first violations, escapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trucewatch.store import Store

__all__ = ["Assessment", "escapes", "first_violations", "summarise"]


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
    result.differing_total, result.differing = _differing(store, params, differing_limit)
    result.first_violations = first_violations(store, agreement_id)
    result.escapes = escapes(store, agreement_id, result.first_violations)
    return result


def first_violations(store: Store, agreement_id: str | None = None) -> list[dict[str, Any]]:
    """Per agreement, commitment, reading and alleged perpetrator (None when no one is named):
    the date and incident of the first violation, and how many there are."""
    return _rows(store, f"""
        SELECT v.agreement_id, v.commitment_id, v.party AS reading, i.perpetrator,
               min(i.event_date) AS first_date,
               arg_min(i.id, strftime(i.event_date, '%Y%m%d') || i.id) AS incident_id,
               count(*) AS violations
        FROM verdicts v JOIN incidents i ON i.id = v.incident_id
        WHERE {_FILTER} AND v.verdict = 'violation'
        GROUP BY ALL ORDER BY ALL""", [agreement_id])


#: Incident × commitment pairs whose readings give different verdicts, one group-by pass.
_SPLIT = f"""
CREATE OR REPLACE TEMP TABLE _split AS
SELECT v.incident_id, v.agreement_id, v.commitment_id FROM verdicts v WHERE {_FILTER}
GROUP BY ALL HAVING min(v.verdict) <> max(v.verdict)
"""


def _differing(store: Store, params: list[Any], limit: int
               ) -> tuple[int, list[dict[str, Any]]]:
    """How many incidents the readings judge differently, and the first ``limit`` of them
    (by date, then id) with each reading's verdict and the rules that split them."""
    store.conn.execute(_SPLIT, params)
    try:
        total = store.conn.execute("SELECT count(*) FROM _split").fetchone()[0]
        rows = _rows(store, """
            WITH first AS (
                SELECT s.*, i.event_date, i.admin1, i.target_class, i.perpetrator
                FROM _split s JOIN incidents i ON i.id = s.incident_id
                ORDER BY i.event_date, s.incident_id, s.agreement_id, s.commitment_id
                LIMIT ?)
            SELECT f.incident_id, f.agreement_id, f.commitment_id, any_value(f.event_date)
                       AS event_date, any_value(f.admin1) AS admin1,
                   any_value(f.target_class) AS target_class,
                   any_value(f.perpetrator) AS perpetrator,
                   map_from_entries(list((v.party, v.verdict) ORDER BY v.party)) AS verdicts,
                   list_sort(list(DISTINCT v.rule)) AS rules
            FROM first f JOIN verdicts v ON v.incident_id = f.incident_id
                 AND v.agreement_id = f.agreement_id AND v.commitment_id = f.commitment_id
            GROUP BY f.incident_id, f.agreement_id, f.commitment_id
            ORDER BY event_date, f.incident_id, f.agreement_id, f.commitment_id""",
                     [max(int(limit), 0)])
    finally:
        store.conn.execute("DROP TABLE _split")
    return total, rows


def escapes(store: Store, agreement_id: str | None, firsts: list[dict[str, Any]]
            ) -> list[dict[str, Any]]:
    """For readings with an escape clause: each bound party is freed from the day another bound
    party first violated (under that reading). A violation with no named perpetrator frees
    nobody. ``others`` are the bound parties whose violation would free ``party``."""
    readings = _rows(store, """
        SELECT r.agreement_id, r.commitment_id, r.party AS reading, r.bound
        FROM readings r WHERE r.escape_clause
          AND r.version = (SELECT max(version) FROM agreements a WHERE a.id = r.agreement_id)
          AND (CAST($1 AS VARCHAR) IS NULL OR r.agreement_id = $1)
        ORDER BY ALL""", [agreement_id])
    escapes = []
    for reading in readings:
        key = (reading["agreement_id"], reading["commitment_id"], reading["reading"])
        mine = [f for f in firsts if f["perpetrator"] is not None
                and (f["agreement_id"], f["commitment_id"], f["reading"]) == key]
        for party in reading["bound"]:
            others = [p for p in reading["bound"] if p != party]
            by_others = [f for f in mine if f["perpetrator"] in others]
            first = min(by_others, key=lambda f: (f["first_date"], f["perpetrator"]),
                        default=None)
            escapes.append({
                "agreement_id": key[0], "commitment_id": key[1], "reading": key[2],
                "party": party, "others": others,
                "freed_from": first["first_date"] if first else None,
                "because_of": first["perpetrator"] if first else None,
                "incident_id": first["incident_id"] if first else None,
            })
    return escapes
