"""Bringing a batch's Parquet output into a store, for the dashboard, reports and alerts.

The agreement the batch judged under is added (a no-op when stored already); reports new to
the store are added with a document each (id, format, URL, outlet, day; the batch keeps no
text). Into a store that held no reports and no other agreement, the batch's incidents and
verdicts are copied as they are (both engines give the store's own answers); otherwise the
store merges and assesses everything again. One transaction, verdicts current at its end;
loading the same output twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

from trucewatch.agreements import add_agreement
from trucewatch.assess import assess, index_verdicts
from trucewatch.assess.index import register_keys
from trucewatch.assess.readings import register_stored_readings
from trucewatch.assess.reviews import apply_reviews
from trucewatch.errors import InputError
from trucewatch.incidents import merge_incidents
from trucewatch.incidents.merge import INCIDENT_FIELDS
from trucewatch.model import Agreement
from trucewatch.store import Store
from trucewatch.store.bulk import unordered_inserts
from trucewatch.store.memory import bounded_memory

__all__ = ["LoadResult", "load_results"]

_REPORT_COLUMNS = (
    "id", "document_id", "event_date", "date_precision", "country", "admin1", "place", "lat",
    "lon", "target_class", "target_text", "weapon", "perpetrator", "claimed_by", "negated",
    "evidence", "confidence", "reasons", "source_key", "source_version", "geo_precision",
    "superseded", "outlet", "source", "event_at", "event_offset",
)
_VERDICT_COLUMNS = ("incident_id", "agreement_id", "commitment_id", "party", "verdict",
                    "reasons", "confidence", "rule")


@dataclass
class LoadResult:
    """What loading a batch output did."""

    agreement: str
    reports: int
    documents: int
    incidents: int
    verdicts: int
    copied: bool


def _dataset(out: Path, name: str) -> pa.Table:
    folder = out / name
    if not folder.is_dir():
        raise InputError(f"no {name}/ folder: not the output of `trucewatch batch`", path=out)
    return ds.dataset(folder, format="parquet", partitioning="hive").to_table()


def load_results(store: Store, out: str | Path) -> LoadResult:
    """Load the batch output folder ``out`` into ``store`` (see the module docstring)."""
    out = Path(out)
    spec = _dataset(out, "agreement").column("spec")[0].as_py()
    agreement = Agreement.model_validate_json(spec)
    reports_table = _dataset(out, "reports")
    conn = store.conn
    conn.register("_batch_reports", reports_table)
    now = dt.datetime.now(dt.UTC)
    try:
        with unordered_inserts(conn), bounded_memory(conn), store.transaction():
            fresh = not conn.execute("SELECT EXISTS (SELECT 1 FROM reports)").fetchall()[0][0] \
                and not conn.execute("SELECT EXISTS (SELECT 1 FROM agreements WHERE id <> ?)",
                                     [agreement.id]).fetchall()[0][0]
            add_agreement(store, agreement, source_path=out / "agreement")
            version = conn.execute("SELECT max(version) FROM agreements WHERE id = ?",
                                   [agreement.id]).fetchall()[0][0]
            documents = conn.execute(
                "INSERT INTO documents (id, source_format, source_path, url, outlet, published, "
                "ingested_at, source_key, source_version) "
                "SELECT document_id, any_value(source_format), ?, any_value(url), "
                "any_value(outlet), min(event_date), ?, any_value(source_key), "
                "any_value(source_version) FROM _batch_reports r "
                "WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = r.document_id) "
                "GROUP BY document_id", [str(out), now]).fetchall()[0][0]
            columns = ", ".join(_REPORT_COLUMNS)
            reports = conn.execute(
                f"INSERT INTO reports ({columns}) SELECT {columns} FROM _batch_reports r "
                "WHERE NOT EXISTS (SELECT 1 FROM reports s WHERE s.id = r.id)").fetchall()[0][0]
            if fresh:
                incidents, verdicts = _copy_judged(store, out, agreement.id, version)
            else:  # the store's own merge and rules, over everything it now holds
                incidents, verdicts = merge_incidents(store), assess(store)
            store.audit("ingest", "batch", str(out), {
                "agreement": agreement.id, "reports": reports, "documents": documents,
                "copied": fresh})
    finally:
        conn.unregister("_batch_reports")
    return LoadResult(agreement=agreement.id, reports=reports, documents=documents,
                      incidents=incidents, verdicts=verdicts, copied=fresh)


def _copy_judged(store: Store, out: Path, agreement_id: str, version: int) -> tuple[int, int]:
    """Copy the batch's incidents and memberships (in incident id order, as the merge writes
    them) and verdicts (of the agreement's ``version``), and index them as an assessment of
    the stored readings would."""
    conn = store.conn
    conn.register("_batch_incidents", _dataset(out, "incidents"))
    conn.register("_batch_verdicts", _dataset(out, "verdicts"))
    try:
        columns = ", ".join(INCIDENT_FIELDS)
        incidents = conn.execute(f"INSERT INTO incidents ({columns}) "
                                 f"SELECT {columns} FROM _batch_incidents ORDER BY id"
                                 ).fetchall()[0][0]
        conn.execute("INSERT INTO incident_reports (incident_id, report_id) "
                     "SELECT incident_id, id FROM _batch_reports WHERE incident_id IS NOT NULL "
                     "ORDER BY incident_id, id")
        columns = ", ".join(_VERDICT_COLUMNS)
        verdicts = conn.execute(
            f"INSERT INTO verdicts (agreement_version, {columns}) "
            f"SELECT ?, {columns} FROM _batch_verdicts", [version]).fetchall()[0][0]
        # the same bits as an assessment of the stored readings would give
        register_stored_readings(conn, "_load_readings", agreement_id)
        register_keys(conn, "_load_readings")
        index_verdicts(conn)
        apply_reviews(conn)
    finally:
        conn.unregister("_batch_incidents")
        conn.unregister("_batch_verdicts")
        conn.unregister("_load_readings")
    return incidents, verdicts
