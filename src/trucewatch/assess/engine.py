"""Judging incidents: stored readings into ``verdicts``, or any readings into an Arrow table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

from trucewatch.assess.index import index_judged, register_keys
from trucewatch.assess.reviews import apply_reviews
from trucewatch.assess.rules import verdicts_sql
from trucewatch.errors import NotFoundError
from trucewatch.model import Reading
from trucewatch.store import Store
from trucewatch.store.bulk import unordered_inserts
from trucewatch.store.memory import bounded_memory

__all__ = ["assess", "assess_readings", "explain_verdicts"]

#: Readings of halt_strikes commitments of each agreement's newest version.
_STORED_READINGS = """
CREATE OR REPLACE TEMP TABLE _assess_readings AS
SELECT r.agreement_id, r.version, r.commitment_id, r.party, r.classes, r.start_date,
       r.last_day, r.area, r.bound
FROM readings r
JOIN commitments c ON c.agreement_id = r.agreement_id AND c.version = r.version
                  AND c.id = r.commitment_id AND c.kind = 'halt_strikes'
WHERE r.version = (SELECT max(version) FROM agreements a WHERE a.id = r.agreement_id)
  AND (CAST($1 AS VARCHAR) IS NULL OR r.agreement_id = $1)
"""


def assess(store: Store, agreement_id: str | None = None) -> int:
    """Judge every incident under every stored halt_strikes reading; return the verdict count.

    The verdicts of ``agreement_id`` (or of every agreement) are replaced in one transaction,
    analysts' reviews are applied to them again, and the verdict index is brought up to date.
    """
    conn = store.conn
    if agreement_id is not None and not conn.execute(
            "SELECT 1 FROM agreements WHERE id = ?", [agreement_id]).fetchone():
        raise NotFoundError(f"no agreement {agreement_id!r}",
                            hint="list them with `trucewatch agreement list`")
    with unordered_inserts(conn), bounded_memory(conn), store.transaction():
        conn.execute(_STORED_READINGS, [agreement_id])
        register_keys(conn, "_assess_readings")
        if agreement_id is None:
            conn.execute("DELETE FROM verdicts")
        else:
            conn.execute("DELETE FROM verdicts WHERE agreement_id = $1", [agreement_id])
        conn.execute("CREATE OR REPLACE TEMP TABLE _judged AS "
                     + verdicts_sql("_assess_readings", detailed=False, with_row=True))
        count = conn.execute(
            "INSERT INTO verdicts (incident_id, agreement_id, agreement_version, "
            "commitment_id, party, verdict, reasons, confidence, rule) "
            "SELECT * EXCLUDE (incident_row) FROM _judged").fetchone()[0]
        index_judged(conn, "_judged", agreement_id)
        apply_reviews(conn)
        store.audit("assess", "agreement", agreement_id, {"verdicts": count})
        conn.execute("DROP TABLE _judged")
        conn.execute("DROP TABLE _assess_readings")
    return count


def explain_verdicts(conn: duckdb.DuckDBPyConnection, incident_id: str
                     ) -> dict[tuple[str, str, str], list[str]]:
    """The detailed reasons of one incident's verdicts under the stored readings, by
    (agreement_id, commitment_id, party)."""
    conn.execute(_STORED_READINGS, [None])
    conn.execute("CREATE OR REPLACE TEMP TABLE _explained AS SELECT * FROM incidents "
                 "WHERE id = $1", [incident_id])
    rows = conn.execute(
        "SELECT agreement_id, commitment_id, party, reasons FROM ("
        + verdicts_sql("_assess_readings", "_explained") + ")").fetchall()
    conn.execute("DROP TABLE _explained")
    conn.execute("DROP TABLE _assess_readings")
    return {(a, c, p): reasons for a, c, p, reasons in rows}


def _readings_table(readings: Sequence[Reading], agreement_id: str, commitment_id: str
                    ) -> pa.Table:
    rows: list[dict[str, Any]] = [{
        "agreement_id": agreement_id, "version": 0, "commitment_id": commitment_id,
        "party": reading.party, "classes": reading.classes, "start_date": reading.start,
        "last_day": reading.last_day, "area": reading.area, "bound": reading.bound or [],
    } for reading in readings]
    return pa.Table.from_pylist(rows, schema=pa.schema([
        ("agreement_id", pa.string()), ("version", pa.int32()), ("commitment_id", pa.string()),
        ("party", pa.string()), ("classes", pa.list_(pa.string())),
        ("start_date", pa.date32()), ("last_day", pa.date32()),
        ("area", pa.list_(pa.string())), ("bound", pa.list_(pa.string())),
    ]))


def assess_readings(
    conn: duckdb.DuckDBPyConnection, readings: Sequence[Reading], *,
    agreement_id: str = "adhoc", commitment_id: str = "adhoc",
) -> pa.Table:
    """Judge the stored incidents under readings that need not be stored.

    Returns one row per incident × reading with the columns of ``verdicts``
    (incident_id, agreement_id, agreement_version 0, commitment_id, party, verdict, reasons,
    confidence, rule). Two readings with the same party need different ``commitment_id`` runs.
    """
    table = _readings_table(readings, agreement_id, commitment_id)
    conn.register("_adhoc_readings", table)
    try:
        return conn.sql(verdicts_sql("_adhoc_readings")).to_arrow_table()
    finally:
        conn.unregister("_adhoc_readings")
