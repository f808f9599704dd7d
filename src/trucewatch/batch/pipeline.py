"""The batch pipeline: input files -> reports -> incidents -> verdicts, written as Parquet.

Every step is SQL defined once and spelled for the engine by the one dialect map
(:mod:`trucewatch.store.dialect`): the mapping of each format
(:mod:`trucewatch.sources.acled_map`, :mod:`trucewatch.sources.gdelt_map`, or the row reader
itself for UCDP), the merge (:mod:`trucewatch.incidents.merge`) and the verdict rules, the
rule table of ``assess/rules.yaml`` (:func:`trucewatch.assess.rules.rules_sql`) over the
readings relation the store's assessment reads (:mod:`trucewatch.assess.readings`).
A repeated row (same document id) counts once; an older version of a row's source key (an
edited ACLED event) is kept, marked superseded and not merged, as in the store.

``OUT`` gets ``reports/``, ``incidents/`` and ``verdicts/``, each partitioned by
``event_month`` (``YYYY-MM``, ``undated``) and ``event_country`` (ISO code, ``unknown``), and
``agreement/``, one row holding the spec the verdicts were judged under (as JSON). ``OUT`` and
the inputs may be object-storage URIs (``s3a://``, ``gs://``, ``abfss://``) on Spark.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from trucewatch.assess.readings import readings_table
from trucewatch.assess.rules import verdicts_sql
from trucewatch.batch.engines import Engine
from trucewatch.batch.inputs import REPORT_COLUMNS, report_relation
from trucewatch.errors import UsageError
from trucewatch.incidents.merge import cells_sql, incidents_sql, members_sql
from trucewatch.model import Agreement

__all__ = ["FORMATS", "PARTITIONS", "BatchResult", "run_batch"]

FORMATS = ("acled", "ucdp", "gdelt", "parquet")
PARTITIONS = ("event_month", "event_country")


@dataclass
class BatchResult:
    """What a batch run wrote."""

    engine: str
    out: str | Path
    reports: int
    incidents: int
    verdicts: int
    left_out: int


def _partitions(date: str, country: str) -> str:
    return (f"coalesce(substr(CAST({date} AS STRING_TYPE), 1, 7), 'undated') AS event_month, "
            f"coalesce({country}, 'unknown') AS event_country")


def is_remote(path: str | Path) -> bool:
    """Whether ``path`` is a URI (object storage, HDFS) rather than a local path."""
    return "://" in str(path)


def _fresh_folder(out: Path) -> Path:
    """``out`` emptied for a new output: only an earlier batch's output is replaced."""
    if out.exists() and any(out.iterdir()):
        if not (out / "agreement").is_dir():
            raise UsageError(f"{out} is not empty and holds no earlier batch output",
                             hint="give --out a new or empty folder")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    return out


def run_batch(engine: Engine, agreement: Agreement, source_format: str,
              inputs: Sequence[str | Path], out: str | Path) -> BatchResult:
    """Map ``inputs`` (``source_format``) to reports, merge them into incidents, judge those
    under every reading of ``agreement``, and write the three as Parquet under ``out`` (a new
    or empty folder, or an earlier batch's output, which is replaced)."""
    if source_format not in FORMATS:
        raise UsageError(f"the batch pipeline reads {', '.join(FORMATS)}, not {source_format!r}")
    d = engine.dialect
    mapped, expected = report_relation(engine, source_format, list(inputs), agreement.parties)
    engine.table("_batch_mapped", f"SELECT * FROM {mapped}")
    found = engine.rows("SELECT count(*) FROM _batch_mapped")[0][0]
    left_out = 0 if expected is None else expected - found
    columns = ", ".join(REPORT_COLUMNS)
    engine.table("_batch_reports", f"""
        SELECT {columns}, coalesce(source_version < max(source_version) OVER (
                      PARTITION BY source_key), false) AS superseded
        FROM (SELECT *, row_number() OVER (PARTITION BY id ORDER BY id) AS copy
              FROM _batch_mapped) numbered
        WHERE copy = 1""")
    engine.table("_batch_cells", cells_sql("_batch_reports", d))
    engine.table("_batch_members", members_sql("_batch_reports", "_batch_cells", d))
    engine.table("_batch_incidents", incidents_sql("_batch_cells", "_batch_members", d))
    # the relation the rule table reads, with the status timeline's windows, as the store's
    engine.register("_batch_readings", readings_table([(agreement, 1)]))
    engine.table("_batch_verdicts", verdicts_sql("_batch_readings", "_batch_incidents",
                                                 detailed=False, dialect=d))
    if not is_remote(out):
        out = _fresh_folder(Path(out))
    engine.register("_batch_agreement", pa.table({
        "id": [agreement.id], "spec": [agreement.model_dump_json()], "partition": ["all"]}))
    writes = {
        "reports": f"""
            SELECT r.*, m.incident_id, {_partitions("r.event_date", "r.country")}
            FROM _batch_reports r LEFT JOIN _batch_members m ON m.report_id = r.id""",
        "incidents": f"""
            SELECT i.*, {_partitions("i.event_date", "i.country")} FROM _batch_incidents i""",
        "verdicts": f"""
            SELECT v.*, {_partitions("i.event_date", "i.country")}
            FROM _batch_verdicts v JOIN _batch_incidents i ON i.id = v.incident_id""",
    }
    for name, query in writes.items():
        engine.write(query.replace("STRING_TYPE", d.string_type()), f"{out}/{name}", PARTITIONS)
    engine.write("SELECT * FROM _batch_agreement", f"{out}/agreement", ("partition",))
    counts = {name: engine.rows(f"SELECT count(*) FROM _batch_{name}")[0][0]
              for name in ("reports", "incidents", "verdicts")}
    return BatchResult(engine=engine.name, out=out, left_out=left_out, **counts)
