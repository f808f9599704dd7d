"""Both engines give identical reports, incidents and verdicts on the same inputs
(100,000 rows: ACLED, GDELT exports, a table of reports derived from text), and on ACLED files
in two layouts both give the answers of the store's own ingest, merge and assessment."""

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
#: ACLED files in two layouts: the flagship's export, and an R export (``NA`` for missing
#: values, day-first timestamps) written for the layout tests.
ACLED_FILES = {"flagship": FLAGSHIP / "inputs" / "acled.csv",
               "r-export": Path(__file__).parents[1] / "fixtures" / "layouts"
               / "acled_r_export_na.csv"}
#: What a store holds after judging: incidents, their members and verdicts.
STORED = {"incidents": "SELECT * EXCLUDE (verdict_bits) FROM incidents ORDER BY id",
          "verdicts": "SELECT * FROM verdicts ORDER BY ALL",
          "members": "SELECT * FROM incident_reports ORDER BY ALL",
          "bits": "SELECT id, verdict_bits FROM incidents ORDER BY id"}


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


def _stored(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    return {name: store.conn.execute(sql).fetchall() for name, sql in STORED.items()}


def _loaded(out: Path, path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What a store holds once a batch's output is loaded; loading it twice changes nothing."""
    with open_store(path) as store:
        loaded = load_results(store, out)
        found = _stored(store)
        assert loaded.copied and loaded.incidents == len(found["incidents"])
        again = load_results(store, out)
        assert (again.reports, again.documents) == (0, 0)
        assert _stored(store) == found
    return found


@pytest.mark.parametrize("name", sorted(ACLED_FILES))
def test_both_engines_and_the_store_find_the_same_incidents_and_verdicts(
        name: str, spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One ACLED file three ways: ``spark-submit``'s entry point (Spark, in the
    session spark-submit made: here the test's own), the DuckDB engine, and the store's own
    ingest -> merge -> assess. The two batches write the same tables, and either loaded into
    a store holds the incidents, members and verdicts the store found itself."""
    from trucewatch.batch.submit import main

    acled = ACLED_FILES[name]
    with open_store(tmp_path / "ingested.duckdb") as store:
        add_agreement(store, load_spec(SPEC))
        ingest_file(store, "acled", acled)
        merge_incidents(store)
        assess(store)
        by_store = _stored(store)
        reports = store.conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    assert main(["--agreement", str(SPEC), "--format", "acled", str(acled),
                 "--out", str(tmp_path / "spark")]) == 0
    assert (f"{reports} reports, {len(by_store['incidents'])} incidents, "
            f"{len(by_store['verdicts'])} verdicts; 0 rows left out") in capsys.readouterr().out
    duck = DuckDBEngine(tmp_path)
    try:
        run_batch(duck, load_spec(SPEC), "acled", [acled], tmp_path / "duckdb")
    finally:
        duck.close()
    for table in TABLES:
        assert read_output(tmp_path / "spark", table) == read_output(tmp_path / "duckdb",
                                                                      table), table
    assert _loaded(tmp_path / "duckdb", tmp_path / "duckdb.duckdb") == by_store
    assert _loaded(tmp_path / "spark", tmp_path / "spark.duckdb") == by_store
    assert by_store["incidents"] and by_store["verdicts"]


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
