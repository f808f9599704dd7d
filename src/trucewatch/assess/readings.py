"""The ``readings`` relation the verdict rules read, built from agreements.

One row per reading of each ``halt_strikes`` commitment, its window bounded by the status
timeline (:func:`trucewatch.agreements.timeline.reading_window`). Any engine can use it: the
DuckDB one registers the Arrow table; a Spark engine can turn it into a DataFrame.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from trucewatch.agreements import bound_parties
from trucewatch.agreements.timeline import reading_window
from trucewatch.model import Agreement, CommitmentKind, Reading
from trucewatch.store import Store

__all__ = ["READINGS_SCHEMA", "adhoc_readings", "reading_rows", "readings_table",
           "register_stored_readings", "stored_agreements"]

_PERIOD = pa.struct([("from_date", pa.date32()), ("until_date", pa.date32()),
                     ("status", pa.string()), ("what", pa.string()), ("source", pa.string())])

#: The columns of the relation, as ``rules.yaml`` describes them.
READINGS_SCHEMA = pa.schema([
    ("agreement_id", pa.string()), ("version", pa.int32()), ("commitment_id", pa.string()),
    ("party", pa.string()), ("classes", pa.list_(pa.string())),
    ("start_date", pa.date32()), ("last_day", pa.date32()),
    ("start_at", pa.timestamp("us")), ("end_at", pa.timestamp("us")),
    ("end_note", pa.string()), ("area", pa.list_(pa.string())),
    ("bound", pa.list_(pa.string())), ("closures", pa.list_(_PERIOD)),
])


def reading_rows(agreement: Agreement, version: int) -> list[dict[str, Any]]:
    """A row per reading of each halt_strikes commitment of ``agreement``."""
    rows = []
    for commitment in agreement.commitments:
        if commitment.kind is not CommitmentKind.HALT_STRIKES:
            continue
        for reading in commitment.readings:
            window = reading_window(agreement, commitment, reading)
            rows.append({
                "agreement_id": agreement.id, "version": version,
                "commitment_id": commitment.id, "party": reading.party,
                "classes": reading.classes, "start_date": reading.start,
                "last_day": window.last_day, "start_at": reading.start_at,
                "end_at": _end_at(reading, window.last_day), "end_note": window.end_note,
                "area": reading.area, "bound": bound_parties(agreement, commitment, reading),
                "closures": [c.as_row() for c in window.closures],
            })
    return rows


def _end_at(reading: Reading, last_day: Any) -> Any:
    """The stated end hour holds unless an extension moved the last day (to a whole day)."""
    return reading.end_at if last_day == reading.last_day else None


def readings_table(agreements: Iterable[tuple[Agreement, int]]) -> pa.Table:
    """The relation for ``(agreement, version)`` pairs, as an Arrow table."""
    rows = [row for agreement, version in agreements for row in reading_rows(agreement, version)]
    return pa.Table.from_pylist(rows, schema=READINGS_SCHEMA)


def adhoc_readings(readings: Sequence[Reading], agreement_id: str, commitment_id: str
                   ) -> pa.Table:
    """The relation for readings that are not stored: no status timeline, bound as given."""
    rows = [{
        "agreement_id": agreement_id, "version": 0, "commitment_id": commitment_id,
        "party": reading.party, "classes": reading.classes, "start_date": reading.start,
        "last_day": reading.last_day, "start_at": reading.start_at, "end_at": reading.end_at,
        "end_note": None, "area": reading.area, "bound": reading.bound or [], "closures": [],
    } for reading in readings]
    return pa.Table.from_pylist(rows, schema=READINGS_SCHEMA)


def stored_agreements(conn: duckdb.DuckDBPyConnection, agreement_id: str | None = None
                      ) -> list[tuple[Agreement, int]]:
    """The newest version of each stored agreement (or of ``agreement_id``), with its number."""
    rows = conn.execute(
        "SELECT spec, version FROM agreements a WHERE version = "
        "(SELECT max(version) FROM agreements b WHERE b.id = a.id) "
        "AND (CAST($1 AS VARCHAR) IS NULL OR id = $1) ORDER BY id", [agreement_id]).fetchall()
    return [(Agreement.model_validate_json(spec), version) for spec, version in rows]


def register_stored_readings(store: Store | duckdb.DuckDBPyConnection, name: str,
                             agreement_id: str | None = None) -> pa.Table:
    """Register the relation of the stored agreements' newest versions as ``name``."""
    conn = store.conn if isinstance(store, Store) else store
    table = readings_table(stored_agreements(conn, agreement_id))
    conn.register(name, table)
    return table
