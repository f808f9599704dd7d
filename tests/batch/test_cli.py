"""``trucewatch batch`` and ``trucewatch ingest parquet`` from the command line."""

from __future__ import annotations

from pathlib import Path

import httpx
from typer.testing import CliRunner

from tests.conftest import FLAGSHIP
from tests.web.test_serve_cli import Served, _cli
from trucewatch.cli import app
from trucewatch.store import open_store

SPEC = FLAGSHIP / "agreement.yaml"


def test_batch_then_ingest_parquet(runner: CliRunner, tmp_path: Path) -> None:
    db, out = tmp_path / "t.duckdb", tmp_path / "out"
    done = runner.invoke(app, ["batch", "--agreement", str(SPEC), "--format", "acled",
                               str(FLAGSHIP / "inputs" / "acled.csv"), "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert done.output.strip() == f"{out}: 20 reports, 18 incidents, 108 verdicts (duckdb)"
    assert sorted(p.name for p in out.iterdir()) == ["agreement", "incidents", "reports",
                                                     "verdicts"]
    assert (out / "incidents" / "event_month=2025-03" / "event_country=UA").is_dir()
    loaded = runner.invoke(app, ["--db", str(db), "ingest", "parquet", str(out)])
    assert loaded.exit_code == 0, loaded.output
    assert "20 new reports, 20 new documents; 18 incidents, 108 verdicts (copied)" in \
        loaded.output
    listed = runner.invoke(app, ["--db", str(db), "incidents", "--format", "csv"])
    assert listed.output.count("\n") == 19  # a header and the 18 incidents


def test_batch_errors_name_the_problem(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["batch", "--agreement", str(SPEC), "--format", "gdelt",
                                  str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert missing.exit_code == 4
    assert f"error: {tmp_path / 'nowhere'}: no such file or folder" in missing.output
    wrong = runner.invoke(app, ["batch", "--agreement", str(SPEC), "--format", "table",
                                str(SPEC), "--out", str(tmp_path / "out")])
    assert wrong.exit_code == 2
    assert "reads acled, ucdp, gdelt, parquet, not 'table'" in wrong.output
    not_batch = runner.invoke(app, ["--db", str(tmp_path / "t.duckdb"), "ingest", "parquet",
                                    str(tmp_path)])
    assert not_batch.exit_code == 4
    assert "not the output of `trucewatch batch`" in not_batch.output


def test_batch_replaces_only_its_own_output(runner: CliRunner, tmp_path: Path) -> None:
    acled = str(FLAGSHIP / "inputs" / "acled.csv")
    args = ["batch", "--agreement", str(SPEC), "--format", "acled", acled, "--out"]
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    refused = runner.invoke(app, [*args, str(tmp_path)])
    assert refused.exit_code == 2
    assert "holds no earlier batch output" in refused.output
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
    for _ in range(2):  # a second run replaces the first run's output
        assert runner.invoke(app, [*args, str(tmp_path / "out")]).exit_code == 0


def test_ingest_parquet_goes_through_the_server_that_owns_the_store(
        runner: CliRunner, tmp_path: Path) -> None:
    """While ``trucewatch serve`` owns the file, ``ingest parquet`` from another shell is
    queued on the server's writer like any ingest, instead of failing on DuckDB's lock."""
    out, db = tmp_path / "out", tmp_path / "t.duckdb"
    done = runner.invoke(app, ["batch", "--agreement", str(SPEC), "--format", "acled",
                               str(FLAGSHIP / "inputs" / "acled.csv"), "--out", str(out)])
    assert done.exit_code == 0, done.output
    with open_store(db):
        pass
    server = Served(db)
    try:
        loaded = _cli("ingest", "parquet", str(out), db=db)
        assert loaded.returncode == 0, loaded.stderr
        assert "20 new reports, 20 new documents; 18 incidents, 108 verdicts (copied)" in \
            loaded.stdout
        assert "Could not set lock" not in loaded.stderr
        listed = httpx.get(server.url + "api/incidents",
                           params={"agreement": "energy-moratorium-2025"}).json()
        assert listed["total"] == 18
    finally:
        server.stop()
