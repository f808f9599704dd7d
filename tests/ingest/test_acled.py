"""ACLED importer: mapping, bulk/row parity, idempotence, edits, bad rows, CLI."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.ingest.helpers import FIXTURES
from trucewatch.cli import app
from trucewatch.errors import InputError
from trucewatch.sources import acled, acled_bulk, acled_map, ingest_file, read
from trucewatch.store import open_store

SMALL = FIXTURES / "acled" / "small.csv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=acled.COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_read_maps_notes_places_and_skips_non_attacks() -> None:
    records = list(read("acled", SMALL))
    assert [r["line"] for r in records] == [2, 3, 5, 6]  # line 4 is a protest
    first = records[0]["reports"][0]
    assert (first["target_class"], first["perpetrator"], first["claimed_by"]) == (
        "energy.power_grid", "RU", "UA")
    assert (first["country"], first["admin1"], first["place"]) == ("UA", "UA-12", "Kryvyi Rih")
    second = records[1]["reports"][0]
    assert str(second["event_date"]) == "2025-03-20"  # "20 March 2025"
    assert (second["country"], second["admin1"], second["perpetrator"]) == ("RU", "RU-KDA", "UA")
    assert records[0]["source_key"] == "acled:UKR1001"


def _ingest_both_ways(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, order: str
) -> dict[str, tuple[list, list]]:
    """Documents and reports of ``path`` ingested by the bulk stage, then by the row reader."""
    tables = {}
    for mode in ("bulk", "rows"):
        if mode == "rows":
            monkeypatch.setattr(acled, "stage", lambda *a, **k: None)
        with open_store(tmp_path / f"{mode}.duckdb") as store:
            ingest_file(store, "acled", path)
            tables[mode] = (
                store.conn.execute("SELECT * EXCLUDE (ingested_at) FROM documents "
                                   f"ORDER BY {order}").fetchall(),
                store.conn.execute("SELECT * FROM reports ORDER BY id").fetchall())
    return tables


def test_bulk_stage_matches_row_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    closed = []
    close = acled_bulk.AcledStaging.close
    monkeypatch.setattr(acled_bulk.AcledStaging, "close",
                        lambda self: (closed.append(self.rows), close(self)))
    tables = _ingest_both_ways(SMALL, tmp_path, monkeypatch, "id")
    assert tables["bulk"] == tables["rows"]
    assert closed == [4]  # only the bulk run staged, and its staging was closed


def test_bulk_stage_reads_day_first_timestamps_as_the_row_reader_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An R export's dates ("14/08/2020 00:00:00") are read in the file's one format by the
    bulk stage too, which used to give up on them and leave the file to the row reader."""
    r_export = Path(__file__).parents[1] / "fixtures" / "layouts" / "acled_r_export_na.csv"
    staged = []
    stage = acled_bulk.stage
    monkeypatch.setattr(acled, "stage", lambda *a, **k: staged.append(1) or stage(*a, **k))
    tables = _ingest_both_ways(r_export, tmp_path, monkeypatch, "id")
    assert staged == [1]
    assert tables["bulk"] == tables["rows"]
    assert all(report[2] is not None for report in tables["bulk"][1])  # every event dated


def test_distinct_dates_are_read_in_the_format_they_share() -> None:
    rows, label = acled_map.date_rows(
        ["03/08/2020 00:00:00", "14/08/2020 00:00:00", "not a date"])
    assert label is not None and label.startswith("DD/MM/YYYY")
    assert [(row["text"], row["day"]) for row in rows] == [
        ("03/08/2020 00:00:00", dt.date(2020, 8, 3)),
        ("14/08/2020 00:00:00", dt.date(2020, 8, 14)), ("not a date", None)]


def test_bulk_stage_can_be_finished_at_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        with acled_bulk.stage(store.conn, SMALL) as staged:
            assert staged.rows == 4
            staged.finish()  # no result of stage() left open
            staged.finish()  # once is enough
            assert store.conn.execute("SELECT count(*) FROM _stage_reports").fetchone() == (4,)
        tables = store.conn.execute("SELECT table_name FROM duckdb_tables() "
                                    "WHERE temporary AND table_name LIKE '_acled%'").fetchall()
        assert tables == []  # closing dropped what was staged


def test_two_connections_stage_independently(tmp_path: Path) -> None:
    """Staging state belongs to each staging object, not to the module."""
    with open_store(tmp_path / "a.duckdb") as a, open_store(tmp_path / "b.duckdb") as b:
        first, second = acled_bulk.stage(a.conn, SMALL), acled_bulk.stage(b.conn, SMALL)
        with first, second:
            second.finish()
            first.finish()
            for conn in (a.conn, b.conn):
                assert conn.execute("SELECT count(*) FROM _stage_reports").fetchone() == (4,)


def test_reingest_changes_nothing_and_edits_supersede(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        first = ingest_file(store, "acled", SMALL)
        assert (first.rows, first.records, first.documents, first.reports, first.superseded,
                first.skipped) == (5, 4, 4, 4, 1, {"not an attack: Protests": 1})
        assert ingest_file(store, "acled", SMALL).skipped_unchanged
        copy = shutil.copy(SMALL, tmp_path / "copy.csv")
        with open(copy, "a", encoding="utf-8") as stream:
            stream.write("\n")
        again = ingest_file(store, "acled", copy)
        assert (again.documents, again.reports) == (0, 0)
        history = store.conn.execute(
            "SELECT source_version, superseded FROM reports WHERE source_key = 'acled:UKR1001' "
            "ORDER BY source_version").fetchall()
        assert history == [(1742500000, True), (1742900000, False)]


def test_edit_in_a_later_file_supersedes(tmp_path: Path) -> None:
    rows = _rows(SMALL)
    with open_store(tmp_path / "t.duckdb") as store:
        ingest_file(store, "acled", _write(tmp_path / "a.csv", rows[:1]))
        edited = dict(rows[0], fatalities="2", timestamp="1742999999")
        result = ingest_file(store, "acled", _write(tmp_path / "b.csv", [edited]))
        assert result.superseded == 1
        assert store.conn.execute(
            "SELECT count(*) FROM reports WHERE NOT superseded").fetchone()[0] == 1


BAD_ROWS = [
    ({"event_date": "31 Febtober 2025"}, "event_date: '31 Febtober 2025' is not a date in the "
     "file's format (YYYY-MM-DD); fix the row, pass --date-format or --skip-bad"),
    ({"latitude": "123.4"}, "latitude: 123.4 is outside -90..90; fix the row or pass --skip-bad"),
    ({"longitude": "east"}, "longitude: 'east' is not a number; fix the row or pass --skip-bad"),
]


@pytest.mark.parametrize(("change", "message"), BAD_ROWS)
def test_bad_row_aborts_the_file(tmp_path: Path, change: dict[str, str], message: str) -> None:
    rows = _rows(SMALL)
    rows[2] = dict(rows[2], **change)
    path = _write(tmp_path / "bad.csv", rows)
    with open_store(tmp_path / "t.duckdb") as store:
        with pytest.raises(InputError) as caught:
            ingest_file(store, "acled", path)
        assert str(caught.value) == f"{path}:4: {message}"
        assert store.counts()["documents"] == 0


def test_wrong_column_count(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    lines = SMALL.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].rsplit(",", 1)[0]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_store(tmp_path / "t.duckdb") as store:
        with pytest.raises(InputError) as caught:
            ingest_file(store, "acled", path)
        assert str(caught.value) == (f"{path}:3: expected 31 columns, found 30; "
                                     "fix the row or pass --skip-bad")
        result = ingest_file(store, "acled", path, skip_bad=True)
        assert (result.rows, result.records, result.rejected) == (5, 3, 1)
        rejects = _rows(Path(result.rejects_path))
        assert rejects[0]["line"] == "3"
        assert rejects[0]["reason"] == "expected 31 columns, found 30"


def test_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("event_id_cnty,event_date\nA,2025-01-01\n", encoding="utf-8")
    with pytest.raises(InputError, match="the header has no ACLED export column event_type, "
                       "iso or country; the header has: event_id_cnty, event_date"):
        list(read("acled", path))


def test_cli_ingest(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["--db", str(db), "ingest", "acled", str(SMALL)])
    assert result.exit_code == 0, result.output
    assert (f"{SMALL}: 5 rows read, 4 new documents, 4 new reports, 1 earlier version "
            "superseded, 1 skipped as not attacks (Protests 1); dates D Month YYYY and YYYY-MM-DD, "
            "encoding utf-8") in " ".join(result.output.split())
    assert "3 incidents, 0 verdicts" in result.output
    again = runner.invoke(app, ["--db", str(db), "ingest", "acled", str(SMALL)])
    assert "unchanged, already ingested" in again.output
    bad = runner.invoke(app, ["--db", str(db), "ingest", "nope", str(SMALL)])
    assert bad.exit_code == 2
    assert "unknown input format 'nope'" in bad.output


def test_cli_bad_row_and_skip_bad(tmp_path: Path) -> None:
    rows = _rows(SMALL)
    rows[1] = dict(rows[1], latitude="123.4")
    path = _write(tmp_path / "bad.csv", rows)
    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    failed = runner.invoke(app, ["--db", db, "ingest", "acled", str(path)])
    assert failed.exit_code == 4
    assert f"{path}:3: latitude: 123.4 is outside -90..90; fix the row or pass --skip-bad" \
        in " ".join(failed.output.split())
    skipped = runner.invoke(app, ["--db", db, "ingest", "acled", str(path), "--skip-bad"])
    assert skipped.exit_code == 0, skipped.output
    assert "1 rejected (see" in skipped.output
    assert Path(f"{path}.rejects.csv").exists()


def test_bulk_lines_count_line_breaks_inside_fields(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _rows(SMALL)
    rows[0] = dict(rows[0], notes=rows[0]["notes"] + "\nA second paragraph.\nAnd a third.")
    path = _write(tmp_path / "breaks.csv", rows)
    tables = _ingest_both_ways(path, tmp_path, monkeypatch, "source_line")
    assert tables["bulk"] == tables["rows"]
    assert [doc[3] for doc in tables["bulk"][0]] == [2, 5, 7, 8]  # the protest is on line 6


def test_bulk_progress_climbs_to_the_last_line(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    with open_store(tmp_path / "t.duckdb") as store:
        setting = ("SELECT current_setting('enable_progress_bar'), "
                   "current_setting('memory_limit')")
        before = store.conn.execute(setting).fetchone()
        ingest_file(store, "acled", SMALL, progress=lambda line, total: calls.append((line, total)))
        assert store.conn.execute(setting).fetchone() == before
    total = SMALL.read_bytes().count(b"\n")
    assert calls[-1] == (total, total)
    lines = [line for line, _ in calls]
    assert lines == sorted(set(lines))  # never back, never the same line twice
    assert len(lines) >= 4  # read, checked, documents written, reports written, done


def test_a_lower_memory_limit_is_kept(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        store.conn.execute("SET memory_limit = '500MiB'")
        ingest_file(store, "acled", SMALL)
        assert store.conn.execute(
            "SELECT current_setting('memory_limit')").fetchone()[0] == "500.0 MiB"


def test_bulk_stage_reads_r_exports_na_like_the_row_reader(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _rows(SMALL)
    for row in rows:
        row.update(admin3="NA", tags="NA", civilian_targeting="NA", assoc_actor_1="NA")
    rows[0]["location"] = "NA"
    path = _write(tmp_path / "na.csv", rows)
    closed = []
    close = acled_bulk.AcledStaging.close
    monkeypatch.setattr(acled_bulk.AcledStaging, "close",
                        lambda self: (closed.append(self.rows), close(self)))
    tables = _ingest_both_ways(path, tmp_path, monkeypatch, "id")
    assert len(closed) == 1  # the bulk run did stage the file
    assert tables["bulk"] == tables["rows"]
    assert "NA" not in {report[6] for report in tables["rows"][1]}  # place


def test_bulk_stage_finds_regions_and_attacks_as_the_row_reader_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A region name that resolves to nothing, or none at all, gets its region from the
    coordinates (or the place names) on both paths, with the same reason; an event type in
    another case is an attack on both."""
    rows = _rows(SMALL)
    rows[0].update(admin1="Atlantis")  # the coordinates are in Dnipropetrovsk oblast
    rows[1].update(admin1="", event_type="explosions/remote violence")
    rows[3].update(admin1="", latitude="", longitude="", admin2="Khersonskyi")
    path = _write(tmp_path / "regions.csv", rows)
    closed = []
    close = acled_bulk.AcledStaging.close
    monkeypatch.setattr(acled_bulk.AcledStaging, "close",
                        lambda self: (closed.append(self.rows), close(self)))
    tables = _ingest_both_ways(path, tmp_path, monkeypatch, "id")
    assert closed == [4]  # the bulk run staged the file, the lower-case attack included
    assert tables["bulk"] == tables["rows"]
    with open_store(tmp_path / "bulk.duckdb") as store:
        found = dict(store.conn.execute(
            "SELECT source_key, admin1 FROM reports ORDER BY source_key").fetchall())
        reasons = store.conn.execute(
            "SELECT reasons->>'admin1' FROM reports WHERE source_key = 'acled:UKR1003'"
        ).fetchone()[0]
    assert found["acled:RUS2001"] == "RU-KDA" and found["acled:UKR1003"] == "UA-65"
    assert found["acled:UKR1001"] == "UA-12"
    assert reasons
