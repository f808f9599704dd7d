"""Input files of a batch as one relation of reports, per format, on either engine.

ACLED and GDELT are mapped set-based (:mod:`trucewatch.sources.acled_map`,
:mod:`trucewatch.sources.gdelt_map`: SQL over lookups the row reader's functions fill); GDELT
exports are filtered to the agreement's parties' countries as they are parsed. UCDP goes
through its row reader on the driver (a whole GED release is a few hundred thousand rows).
``parquet`` reads reports as the batch writes them (or any table with ``id`` and
``target_class`` and some of the other report columns), e.g. reports extracted from text.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from trucewatch.batch.engines import Engine
from trucewatch.errors import InputError
from trucewatch.sources import acled_map, gdelt_map
from trucewatch.sources.acled_layout import COLUMNS as ACLED_COLUMNS
from trucewatch.sources.base import REPORT_FIELDS, read_header
from trucewatch.sources.registry import reader

__all__ = ["REPORT_COLUMNS", "report_relation"]

#: The columns of a batch's reports and their SQL types (``STRING`` and ``TIMESTAMP`` are
#: spelled by the engine's dialect: a timestamp is an instant in UTC without a zone).
REPORT_COLUMNS = {
    "id": "STRING", "document_id": "STRING", "source_format": "STRING",
    "source_key": "STRING", "source_version": "BIGINT", "event_date": "DATE",
    "date_precision": "STRING", "country": "STRING", "admin1": "STRING", "place": "STRING",
    "lat": "DOUBLE", "lon": "DOUBLE", "geo_precision": "STRING", "target_class": "STRING",
    "target_text": "STRING", "weapon": "STRING", "perpetrator": "STRING",
    "claimed_by": "STRING", "negated": "BOOLEAN", "evidence": "STRING", "confidence": "DOUBLE",
    "reasons": "STRING", "outlet": "STRING", "source": "STRING", "url": "STRING",
    "event_at": "TIMESTAMP", "event_offset": "STRING",
}
_ARROW = {"STRING": pa.string(), "BIGINT": pa.int64(), "DATE": pa.date32(),
          "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "TIMESTAMP": pa.timestamp("us")}


def _typed(engine: Engine, relation: str, source_format: str | None,
           present: Sequence[str] | None = None) -> str:
    """SELECT of :data:`REPORT_COLUMNS` from ``relation``, each cast to its type; columns not
    ``present`` are NULL, and ``source_format`` (when given) is a constant."""
    columns = []
    for name, kind in REPORT_COLUMNS.items():
        sql_type = engine.dialect.type_named(kind)
        value = name if present is None or name in present else "NULL"
        if name == "source_format" and source_format is not None:
            value = f"'{source_format}'"
        columns.append(f"CAST({value} AS {sql_type}) AS {name}")
    return f"SELECT {', '.join(columns)} FROM {relation}"


def _count(engine: Engine, relation: str) -> int:
    return int(engine.rows(f"SELECT count(*) FROM {relation}")[0][0])


def _lookup(engine: Engine, name: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    engine.register(name, pa.Table.from_pylist(rows, schema=schema))


def _local(paths: Sequence[str]) -> list[Path]:
    return [Path(p) for p in paths if "://" not in p]


def _acled(engine: Engine, paths: Sequence[str]) -> tuple[str, int]:
    local = _local(paths)
    if not local:
        raise InputError("the first ACLED file must be local: its header fixes the layout",
                         hint="copy one export beside the job, or list a local one first")
    header = read_header(local[0])
    for path in local:
        if sorted(read_header(path)) != sorted(ACLED_COLUMNS):
            raise InputError("not an ACLED export (its 31 columns)", path=path, line=1)
        if read_header(path) != header:
            raise InputError(f"columns in another order than {local[0]}", path=path, line=1,
                             hint="give files of one layout to one batch")
    engine.read_csv("_acled_raw", paths, header, ("", *acled_map.missing_values()))
    engine.table("_acled", acled_map.rows_sql("_acled_raw", header))
    engine.view("_acled_ok", f"SELECT * FROM _acled WHERE NOT {acled_map.BAD_ROW}")
    lookups = {
        "_acled_dates": acled_map.date_rows(
            text for (text,) in engine.rows("SELECT DISTINCT event_date FROM _acled_ok"))[0],
        "_acled_places": acled_map.place_rows(
            engine.rows("SELECT DISTINCT iso, country, admin1 FROM _acled_ok")),
        "_acled_sources": acled_map.source_rows(
            text for (text,) in engine.rows("SELECT DISTINCT source FROM _acled_ok")),
    }
    # a row whose date reads in no form is left out (and counted so), not given no date
    lookups["_acled_dates"] = [row for row in lookups["_acled_dates"] if row["day"]]
    for name, rows in lookups.items():
        _lookup(engine, name, rows, acled_map.LOOKUPS[name])
    located = engine.rows(acled_map.unlocated_sql("_acled_ok", engine.dialect))
    _lookup(engine, "_acled_located", acled_map.located_rows(located), acled_map.LOCATED_SCHEMA)
    keys = engine.rows("SELECT DISTINCT note_key, tags FROM _acled_ok "
                       f"WHERE {acled_map.ATTACK_ROW}")
    _lookup(engine, "_acled_notes", acled_map.note_rows(keys), acled_map.NOTES_SCHEMA)
    engine.view("_acled_joined", acled_map.joined_sql("_acled_ok", engine.dialect))
    engine.view("_acled_reports", acled_map.reports_sql("_acled_joined", engine.dialect))
    attacks = _count(engine, f"_acled WHERE {acled_map.ATTACK_ROW}")
    return "_acled_reports", attacks


def _gdelt(engine: Engine, paths: Sequence[str], parties: Sequence[str]) -> tuple[str, int]:
    files = gdelt_map.export_files(paths)
    fips = gdelt_map.fips_codes(parties)
    engine.read_files("_gdelt_raw", files, functools.partial(gdelt_map.read_export, fips=fips),
                      gdelt_map.RAW_SCHEMA)
    engine.table("_gdelt", gdelt_map.keyed_sql("_gdelt_raw"))
    for name in gdelt_map.LOOKUPS:  # in order: places need the codes
        rows = gdelt_map.lookup_rows(name, engine.rows(gdelt_map.distinct_sql(name, "_gdelt")))
        _lookup(engine, name, rows, gdelt_map.LOOKUPS[name])
    engine.view("_gdelt_reports", gdelt_map.reports_sql("_gdelt", engine.dialect))
    return "_gdelt_reports", _count(engine, "_gdelt")


def _rows(engine: Engine, source_format: str, paths: Sequence[str]) -> tuple[str, int]:
    """Reports through the format's row reader (on this process)."""
    rows: list[dict[str, Any]] = []
    for path in paths:
        for record in reader(source_format)(path):
            digest = hashlib.md5(record["content"].encode(), usedforsecurity=False).hexdigest()
            doc_id = f"{source_format}-{digest[:20]}"
            document = record["document"]
            for n, report in enumerate(record["reports"]):
                rows.append({
                    **{name: report[name] for name in REPORT_FIELDS if name != "reasons"},
                    "reasons": json.dumps(report["reasons"] or {}, ensure_ascii=False),
                    "id": f"{doc_id}#{n}", "document_id": doc_id,
                    "source_key": record.get("source_key"),
                    "source_version": record.get("source_version"),
                    "outlet": document.get("outlet"), "url": document.get("url"),
                    "source": document.get("outlet") or document.get("url") or doc_id})
    schema = pa.schema([(n, _ARROW[t]) for n, t in REPORT_COLUMNS.items()
                        if n != "source_format"])
    engine.register("_row_reports", pa.Table.from_pylist(rows, schema=schema))
    return "_row_reports", len(rows)


def _parquet(engine: Engine, paths: Sequence[str]) -> tuple[str, list[str]]:
    present = engine.read_parquet("_parquet_raw", paths)
    missing = [name for name in ("id", "target_class") if name not in present]
    if missing:
        raise InputError(f"a table of reports needs the column(s) {', '.join(missing)}",
                         path=paths[0], hint="write reports as `trucewatch batch` does")
    return "_parquet_raw", present


def report_relation(engine: Engine, source_format: str, paths: Sequence[str | Path],
                    parties: Sequence[str]) -> tuple[str, int | None]:
    """Name the relation ``_mapped`` with the reports of ``paths`` (:data:`REPORT_COLUMNS`);
    return it and how many reports the input's rows should give (those with a bad date or
    coordinates are missing from ``_mapped``)."""
    if not paths:
        raise InputError("no input files given")
    paths = [str(p) for p in paths]
    present: Sequence[str] | None = None
    if source_format == "acled":
        relation, expected = _acled(engine, paths)
    elif source_format == "gdelt":
        relation, expected = _gdelt(engine, paths, parties)
    elif source_format == "parquet":
        (relation, present), expected = _parquet(engine, paths), None
    else:
        relation, expected = _rows(engine, source_format, paths)
    engine.view("_mapped", _typed(engine, relation,
                                  None if source_format == "parquet" else source_format,
                                  present))
    return "_mapped", expected
