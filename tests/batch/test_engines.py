"""Both engines give identical reports, incidents and verdicts on the same inputs
(100,000 rows: ACLED, GDELT exports, a table of reports derived from text), and the DuckDB
batch gives the store's own answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.batch.conftest import read_output
from tests.conftest import FLAGSHIP
from trucewatch.agreements import add_agreement, load_spec
from trucewatch.assess import assess
from trucewatch.batch import DuckDBEngine, SparkEngine, load_results, run_batch
from trucewatch.incidents import merge_incidents
from trucewatch.sources import ingest_file
from trucewatch.store import open_store

SPEC = FLAGSHIP / "agreement.yaml"
TABLES = ("reports", "incidents", "verdicts")


@pytest.mark.parametrize("source_format", ["acled", "gdelt", "parquet"])
def test_duckdb_and_spark_give_identical_results(
        source_format: str, batch_inputs: dict[str, Path], spark: Any, tmp_path: Path) -> None:
    agreement = load_spec(SPEC)
    inputs = [batch_inputs[source_format]]
    duck = DuckDBEngine(tmp_path)
    try:
        by_duckdb = run_batch(duck, agreement, source_format, inputs, tmp_path / "duckdb")
    finally:
        duck.close()
    engine = SparkEngine(spark)
    try:
        by_spark = run_batch(engine, agreement, source_format, inputs, tmp_path / "spark")
    finally:
        engine.close()
    counts = (by_duckdb.reports, by_duckdb.incidents, by_duckdb.verdicts)
    assert counts == (by_spark.reports, by_spark.incidents, by_spark.verdicts)
    assert by_duckdb.incidents > 100 and by_duckdb.verdicts == 6 * by_duckdb.incidents
    for table in TABLES:
        duckdb_rows = read_output(tmp_path / "duckdb", table)
        assert duckdb_rows == read_output(tmp_path / "spark", table), table


def test_duckdb_batch_gives_the_stores_answers(tmp_path: Path) -> None:
    acled = FLAGSHIP / "inputs" / "acled.csv"
    duck = DuckDBEngine(tmp_path)
    try:
        run_batch(duck, load_spec(SPEC), "acled", [acled], tmp_path / "out")
    finally:
        duck.close()
    query = {"incidents": "SELECT * EXCLUDE (verdict_bits) FROM incidents ORDER BY id",
             "verdicts": "SELECT * FROM verdicts ORDER BY ALL",
             "members": "SELECT * FROM incident_reports ORDER BY ALL",
             "bits": "SELECT id, verdict_bits FROM incidents ORDER BY id"}
    with open_store(tmp_path / "loaded.duckdb") as store:
        loaded = load_results(store, tmp_path / "out")
        assert loaded.copied
        from_batch = {name: store.conn.execute(sql).fetchall() for name, sql in query.items()}
        again = load_results(store, tmp_path / "out")  # the same output twice changes nothing
        assert (again.reports, again.documents) == (0, 0)
        assert {name: store.conn.execute(sql).fetchall()
                for name, sql in query.items()} == from_batch
    with open_store(tmp_path / "ingested.duckdb") as store:
        add_agreement(store, load_spec(SPEC))
        ingest_file(store, "acled", acled)
        merge_incidents(store)
        assess(store)
        assert {name: store.conn.execute(sql).fetchall()
                for name, sql in query.items()} == from_batch
    assert len(from_batch["incidents"]) == loaded.incidents > 0


def test_spark_submit_entry_point_runs_the_batch(spark: Any, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """``spark-submit trucewatch/batch/submit.py ...`` runs in the session spark-submit made
    (here the test's own), with the arguments of ``trucewatch batch``."""
    from trucewatch.batch.submit import main

    acled = FLAGSHIP / "inputs" / "acled.csv"
    assert main(["--agreement", str(SPEC), "--format", "acled", str(acled),
                 "--out", str(tmp_path / "submitted")]) == 0
    assert "20 reports, 18 incidents, 108 verdicts; 0 rows left out" in capsys.readouterr().out
    duck = DuckDBEngine(tmp_path)
    try:
        run_batch(duck, load_spec(SPEC), "acled", [acled], tmp_path / "duckdb")
    finally:
        duck.close()
    for table in TABLES:
        assert read_output(tmp_path / "submitted", table) == read_output(tmp_path / "duckdb",
                                                                          table)


def test_ucdp_goes_through_its_row_reader(tmp_path: Path) -> None:
    """UCDP has no set-based mapping: the batch maps it with the row reader, as the store
    does, and gets the store's incidents."""
    ged = next((FLAGSHIP.parent.parent / "tests" / "fixtures" / "ucdp").glob("*.csv"))
    duck = DuckDBEngine(tmp_path)
    try:
        result = run_batch(duck, load_spec(SPEC), "ucdp", [ged], tmp_path / "out")
    finally:
        duck.close()
    with open_store(tmp_path / "t.duckdb") as store:
        ingested = ingest_file(store, "ucdp", ged)
        merge_incidents(store)
        ids = [row[0] for row in store.conn.execute("SELECT id FROM incidents ORDER BY id")
               .fetchall()]
    assert result.reports == ingested.reports > 0
    assert sorted(row["id"] for row in read_output(tmp_path / "out", "incidents")) == ids
