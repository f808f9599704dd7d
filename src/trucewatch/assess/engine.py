"""Judging incidents: stored readings into ``verdicts``, or any readings into an Arrow table."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pyarrow as pa

from trucewatch.assess.index import index_judged, register_keys
from trucewatch.assess.readings import adhoc_readings, register_stored_readings
from trucewatch.assess.reviews import apply_reviews
from trucewatch.assess.rules import verdicts_sql
from trucewatch.errors import NotFoundError
from trucewatch.model import Reading
from trucewatch.store import Store
from trucewatch.store.bulk import unordered_inserts
from trucewatch.store.memory import bounded_memory

__all__ = ["assess", "assess_readings", "explain_verdicts"]


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
        register_stored_readings(conn, "_assess_readings", agreement_id)
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
        conn.unregister("_assess_readings")
    return count


def explain_verdicts(conn: duckdb.DuckDBPyConnection, incident_id: str
                     ) -> dict[tuple[str, str, str], list[str]]:
    """The detailed reasons of one incident's verdicts under the stored readings, by
    (agreement_id, commitment_id, party)."""
    register_stored_readings(conn, "_explain_readings")
    try:
        rows = conn.execute(
            "SELECT agreement_id, commitment_id, party, reasons FROM ("
            + verdicts_sql("_explain_readings", "(SELECT * FROM incidents WHERE id = $1)")
            + ")", [incident_id]).fetchall()
    finally:
        conn.unregister("_explain_readings")
    return {(a, c, p): reasons for a, c, p, reasons in rows}


def assess_readings(
    conn: duckdb.DuckDBPyConnection, readings: Sequence[Reading], *,
    agreement_id: str = "adhoc", commitment_id: str = "adhoc",
) -> pa.Table:
    """Judge the stored incidents under readings that need not be stored.

    Returns one row per incident × reading with the columns of ``verdicts``
    (incident_id, agreement_id, agreement_version 0, commitment_id, party, verdict, reasons,
    confidence, rule). Two readings with the same party need different ``commitment_id`` runs.
    """
    table = adhoc_readings(readings, agreement_id, commitment_id)
    conn.register("_adhoc_readings", table)
    try:
        return conn.sql(verdicts_sql("_adhoc_readings")).to_arrow_table()
    finally:
        conn.unregister("_adhoc_readings")
