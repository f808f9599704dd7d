"""Alerts and their delivery state in the store (tables ``alerts``, ``alert_deliveries`` and
``alert_baselines`` of migration 0010).

An alert is stored once per key; for every sink configured when it is stored it gets a
``pending`` delivery, which becomes ``delivered`` once that sink took it. Callers hold the
transaction: these functions only read and write rows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import duckdb
import pyarrow as pa

from .model import Alert

__all__ = [
    "alert_deliveries",
    "baselined",
    "count_alerts",
    "insert_alerts",
    "list_alerts",
    "mark_baselined",
    "pending_deliveries",
    "record_delivered",
    "record_failed",
    "stored_keys",
]

_COLUMNS = ("key", "kind", "rule", "agreement_id", "commitment_id", "reading", "party",
            "incidents", "text", "created_at", "baseline", "detail")
_SCHEMA = pa.schema([
    ("n", pa.int64()), ("key", pa.string()), ("kind", pa.string()), ("rule", pa.string()),
    ("agreement_id", pa.string()), ("commitment_id", pa.string()), ("reading", pa.string()),
    ("party", pa.string()), ("incidents", pa.list_(pa.string())), ("text", pa.string()),
    ("created_at", pa.timestamp("us", tz="UTC")), ("baseline", pa.bool_()),
    ("detail", pa.string()),
])


def stored_keys(conn: duckdb.DuckDBPyConnection, keys: Iterable[str]) -> set[str]:
    """Which of ``keys`` are stored already."""
    wanted = sorted(set(keys))
    if not wanted:
        return set()
    rows = conn.execute("SELECT key FROM alerts WHERE list_contains(?, key)", [wanted])
    return {row[0] for row in rows.fetchall()}


def insert_alerts(conn: duckdb.DuckDBPyConnection, alerts: list[Alert], *,
                  now: dt.datetime, sinks: list[str]) -> None:
    """Store ``alerts`` (in their order; a key already stored is left as it is), each created
    ``now``, with a pending delivery to each of ``sinks`` unless it is a baseline alert."""
    if not alerts:
        return
    for alert in alerts:
        alert.created = now
    table = pa.Table.from_pylist([{
        "n": n, "key": a.key, "kind": a.kind, "rule": a.rule, "agreement_id": a.agreement,
        "commitment_id": a.commitment, "reading": a.reading, "party": a.party,
        "incidents": list(a.incidents), "text": a.text, "created_at": now,
        "baseline": a.baseline, "detail": json.dumps(a.detail, ensure_ascii=False, default=str),
    } for n, a in enumerate(alerts)], schema=_SCHEMA)
    conn.register("_new_alerts", table)
    try:
        conn.execute(
            f"INSERT INTO alerts ({', '.join(_COLUMNS)}) "
            f"SELECT {', '.join(_COLUMNS)} FROM _new_alerts n "
            "WHERE NOT EXISTS (SELECT 1 FROM alerts a WHERE a.key = n.key) ORDER BY n")
        if sinks:
            conn.execute(
                "INSERT INTO alert_deliveries (alert_key, sink, state, next_attempt_at) "
                "SELECT n.key, s.sink, 'pending', ? FROM _new_alerts n "
                "CROSS JOIN (SELECT unnest(?) AS sink) s WHERE NOT n.baseline "
                "ON CONFLICT DO NOTHING", [now, sinks])
    finally:
        conn.unregister("_new_alerts")


def baselined(conn: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    """The (agreement, rule) pairs whose history has been evaluated once already."""
    return {(a, r) for a, r in conn.execute(
        "SELECT agreement_id, rule FROM alert_baselines").fetchall()}


def mark_baselined(conn: duckdb.DuckDBPyConnection, pairs: Iterable[tuple[str, str]],
                   now: dt.datetime) -> None:
    for agreement, rule in sorted(set(pairs)):
        conn.execute("INSERT INTO alert_baselines VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                     [agreement, rule, now])


def _alerts(conn: duckdb.DuckDBPyConnection, where: str, params: list[Any],
            tail: str = "") -> list[Alert]:
    rows = conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM alerts WHERE {where} {tail}", params).fetchall()
    return [Alert(key=key, kind=kind, rule=rule, agreement=agreement, commitment=commitment,
                  reading=reading, party=party, incidents=list(incidents), text=text,
                  created=created.astimezone(dt.UTC), baseline=baseline,
                  detail=json.loads(detail) if detail else {})
            for (key, kind, rule, agreement, commitment, reading, party, incidents, text,
                 created, baseline, detail) in rows]


def _filters(agreement: str | None, kind: str | None, history: bool) -> tuple[str, list[Any]]:
    clauses, params = ["true"], []
    if agreement:
        clauses.append("agreement_id = ?")
        params.append(agreement)
    if kind:
        clauses.append("kind = ?")
        params.append(kind)
    if not history:
        clauses.append("NOT baseline")
    return " AND ".join(clauses), params


def list_alerts(conn: duckdb.DuckDBPyConnection, *, agreement: str | None = None,
                kind: str | None = None, history: bool = False, limit: int = 100,
                offset: int = 0) -> list[Alert]:
    """Stored alerts, newest first; ``history`` includes the baseline alerts that were summed
    up instead of sent."""
    where, params = _filters(agreement, kind, history)
    return _alerts(conn, where, [*params, limit, offset], "ORDER BY seq DESC LIMIT ? OFFSET ?")


def count_alerts(conn: duckdb.DuckDBPyConnection, *, agreement: str | None = None,
                 kind: str | None = None, history: bool = False) -> int:
    where, params = _filters(agreement, kind, history)
    return conn.execute(f"SELECT count(*) FROM alerts WHERE {where}", params).fetchone()[0]


def alert_deliveries(conn: duckdb.DuckDBPyConnection, keys: list[str]
                     ) -> dict[str, list[dict[str, Any]]]:
    """The delivery state of each alert in ``keys``, per sink."""
    found: dict[str, list[dict[str, Any]]] = {key: [] for key in keys}
    if not keys:
        return found
    cursor = conn.execute(
        "SELECT alert_key, sink, state, attempts, delivered_at, last_error, next_attempt_at "
        "FROM alert_deliveries WHERE list_contains(?, alert_key) ORDER BY alert_key, sink",
        [keys])
    for key, sink, state, attempts, delivered, error, retry in cursor.fetchall():
        found[key].append({"sink": sink, "state": state, "attempts": attempts,
                           "delivered_at": delivered, "last_error": error,
                           "next_attempt_at": retry if state == "pending" else None})
    return found


def pending_deliveries(conn: duckdb.DuckDBPyConnection, sinks: list[str], now: dt.datetime
                       ) -> list[tuple[Alert, str, int]]:
    """(alert, sink, attempts so far) of every pending delivery to ``sinks``, oldest alert
    first; a sink with a failed delivery waiting for its next try gets nothing before then, so
    that it receives alerts in order."""
    if not sinks:
        return []
    rows = conn.execute(
        "SELECT d.alert_key, d.sink, d.attempts FROM alert_deliveries d "
        "JOIN alerts a ON a.key = d.alert_key "
        "WHERE d.state = 'pending' AND list_contains(?, d.sink) AND d.sink NOT IN ("
        "    SELECT sink FROM alert_deliveries WHERE state = 'pending' AND next_attempt_at > ?)"
        " ORDER BY a.seq, d.sink",
        [sinks, now]).fetchall()
    alerts = {a.key: a for a in _alerts(
        conn, "list_contains(?, key)", [sorted({row[0] for row in rows})])} if rows else {}
    return [(alerts[key], sink, attempts) for key, sink, attempts in rows]


def record_delivered(conn: duckdb.DuckDBPyConnection, key: str, sink: str,
                     now: dt.datetime) -> None:
    conn.execute(
        "UPDATE alert_deliveries SET state = 'delivered', delivered_at = ?, "
        "last_attempt_at = ?, attempts = attempts + 1, next_attempt_at = NULL "
        "WHERE alert_key = ? AND sink = ?", [now, now, key, sink])


def record_failed(conn: duckdb.DuckDBPyConnection, key: str, sink: str, error: str,
                  now: dt.datetime, retry_at: dt.datetime) -> None:
    conn.execute(
        "UPDATE alert_deliveries SET last_error = ?, last_attempt_at = ?, "
        "attempts = attempts + 1, next_attempt_at = ? WHERE alert_key = ? AND sink = ?",
        [error, now, retry_at, key, sink])
