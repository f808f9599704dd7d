"""The set-based mappings the batch runs (and the ACLED bulk stage) give the row readers'
reports, field for field: ids, places (regions from coordinates or place names when the
region name gives none, with the same reason), classes, parties and reasons."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from benchmarks.gdelt_scale import generate

from tests.batch.conftest import read_output
from tests.conftest import FLAGSHIP
from tests.ingest.helpers import FIXTURES
from trucewatch.agreements import load_spec
from trucewatch.batch import DuckDBEngine, SparkEngine, run_batch
from trucewatch.sources import acled, ingest_file
from trucewatch.store import open_store

SPEC = FLAGSHIP / "agreement.yaml"
FIELDS = ("id", "document_id", "event_date", "date_precision", "country", "admin1", "place",
          "lat", "lon", "geo_precision", "target_class", "target_text", "weapon",
          "perpetrator", "claimed_by", "negated", "evidence", "confidence", "reasons",
          "source_key", "source_version", "outlet", "source", "event_at", "event_offset")


def _batch_reports(source_format: str, inputs: list[Path], tmp_path: Path,
                   spark: Any = None) -> dict[str, tuple[Any, ...]]:
    """The reports of a batch on DuckDB, or on Spark when given its session."""
    engine = DuckDBEngine(tmp_path) if spark is None else SparkEngine(spark)
    out = tmp_path / f"out-{engine.name}"
    try:
        run_batch(engine, load_spec(SPEC), source_format, inputs, out)
    finally:
        engine.close()
    return {row["id"]: tuple(row[f] for f in FIELDS) for row in read_output(out, "reports")}


def _stored_reports(source_format: str, inputs: list[Path], path: Path
                    ) -> dict[str, tuple[Any, ...]]:
    with open_store(path) as store:
        for given in inputs:
            ingest_file(store, source_format, given)
        rows = store.conn.execute(f"SELECT {', '.join(FIELDS)} FROM reports").fetchall()
    return {row[0]: row for row in rows}


def _acled_file(tmp_path: Path) -> Path:
    """The small ACLED fixture with a region that does not exist, R's NA, an event type in
    lower case and a row whose only clue to its region is its second-level name."""
    with (FIXTURES / "acled" / "small.csv").open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    rows[0].update(admin1="Atlantis")  # no such region: the coordinates say which
    rows[1].update(admin1="NA", event_type="explosions/remote violence", admin3="NA")
    rows[3].update(admin1="", latitude="", longitude="", admin2="Khersonskyi")
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=acled.COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_acled_batch_maps_rows_as_the_row_reader(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = _acled_file(tmp_path)
    batch = _batch_reports("acled", [path], tmp_path)
    monkeypatch.setattr(acled, "stage", lambda *a, **k: None)  # the row reader only
    stored = _stored_reports("acled", [path], tmp_path / "rows.duckdb")
    assert batch == stored
    assert {row[5] for row in batch.values()} == {"UA-12", "RU-KDA", "UA-65"}


def test_gdelt_batch_maps_rows_as_the_row_reader(tmp_path: Path) -> None:
    """Every attack the batch keeps (the parties' countries) is the row reader's report;
    among them reports whose place name gives no region take it from the coordinates."""
    files = generate(tmp_path / "exports", 3_000, 2)
    batch = _batch_reports("gdelt", [tmp_path / "exports"], tmp_path)
    stored = _stored_reports("gdelt", files, tmp_path / "rows.duckdb")
    assert len(batch) > 300
    assert {key: stored.get(key) for key in batch} == batch
    parties = {key for key, row in stored.items()
               if any(f"ActionGeo_CountryCode {fips} " in row[18] for fips in ("UP", "RS"))}
    assert parties == set(batch)
    assert any('"admin1": "coordinates' in row[18] for row in batch.values())


def test_spark_maps_those_acled_rows_alike(spark: Any, tmp_path: Path) -> None:
    """Spark's CSV reader knows one missing value: the others (NA) become NULL as on DuckDB."""
    path = _acled_file(tmp_path)
    assert _batch_reports("acled", [path], tmp_path, spark) == _batch_reports(
        "acled", [path], tmp_path)
