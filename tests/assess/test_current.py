"""Verdicts are always current: every write they depend on judges again in its transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import FLAGSHIP
from tests.incidents.test_merge import MAPPING
from tests.ingest.helpers import FIXTURES
from trucewatch.agreements import load_spec
from trucewatch.cli import app
from trucewatch.errors import InputError
from trucewatch.incidents import IncidentFilter, count_incidents, get_incident
from trucewatch.model import PreconditionState, StatusEntry
from trucewatch.store import Store, open_store
from trucewatch.workflow import add_agreement, ingest, review, set_precondition, set_status

SPEC = FIXTURES / "agreement.yaml"
TABLE = FIXTURES / "table" / "incidents.csv"
VIOLATIONS = IncidentFilter(verdict="violation")


def _rules(store: Store, party: str, commitment: str = "energy-halt") -> dict[str, str]:
    return dict(store.conn.execute(
        "SELECT i.admin1 || ':' || i.event_date, v.rule FROM verdicts v "
        "JOIN incidents i ON i.id = v.incident_id WHERE v.party = ? AND v.commitment_id = ?",
        [party, commitment]).fetchall())


def test_adding_an_agreement_after_the_ingest_judges_at_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        ingest(store, "table", [TABLE], mapping=MAPPING)
        assert count_incidents(store, VIOLATIONS) == 0
        add_agreement(store, load_spec(SPEC))
        assert count_incidents(store, VIOLATIONS) > 0


def test_a_new_version_judges_again_and_explain_agrees(tmp_path: Path) -> None:
    agreement = load_spec(SPEC)
    with open_store(tmp_path / "t.duckdb") as store:
        add_agreement(store, agreement)
        ingest(store, "table", [TABLE], mapping=MAPPING)
        before = _rules(store, "UA")
        assert "violation" in before.values()
        halt = agreement.commitment("energy-halt")
        moved = halt.model_copy(update={"readings": [
            r.model_copy(update={"start": dt.date(2025, 4, 30)}) if r.party == "UA" else r
            for r in halt.readings]})
        result = add_agreement(store, agreement.model_copy(update={"commitments": [
            moved if c.id == "energy-halt" else c for c in agreement.commitments]}))
        assert result.version == 2
        after = _rules(store, "UA")
        assert "violation" not in after.values()
        incident = store.conn.execute(
            "SELECT incident_id FROM verdicts WHERE party = 'UA' AND commitment_id = "
            "'energy-halt' AND rule = 'window.before_start' LIMIT 1").fetchone()[0]
        verdict = next(v for v in get_incident(store, incident)["verdicts"]
                       if v["party"] == "UA" and v["commitment_id"] == "energy-halt")
        assert verdict["verdict"] == "outside_window"
        assert "before the start date 2025-04-30" in verdict["details"][0]


def test_a_status_change_bounds_the_readings(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        add_agreement(store, load_spec(SPEC))
        ingest(store, "table", [TABLE], mapping=MAPPING)
        assert "window.expired" not in _rules(store, "UA").values()
        set_status(store, "test-halt", StatusEntry(
            date=dt.date(2025, 3, 28), status="denounced", declared_by="UA",
            source="https://example.org/denounced"), commitment_id="energy-halt")
        ua, ru = _rules(store, "UA"), _rules(store, "RU")
        assert "window.expired" in ua.values()
        assert "window.expired" not in ru.values()  # UA's denunciation ends UA's reading only
        assert any(rule == "violation" for key, rule in ru.items() if key > "UA-")


def test_a_precondition_met_puts_the_commitment_in_force(tmp_path: Path) -> None:
    spec = load_spec(FLAGSHIP / "agreement.yaml")
    with open_store(tmp_path / "t.duckdb") as store:
        add_agreement(store, spec)
        ingest(store, "acled", [FLAGSHIP / "inputs" / "acled.csv"])
        rules = set(_rules(store, "RU", "black-sea").values())
        assert rules == {"window.precondition_unmet"}
        set_precondition(store, spec.id, "black-sea", "sanctions-relief", PreconditionState(
            date=dt.date(2025, 3, 26), state="met", by="RU"))
        after = _rules(store, "RU", "black-sea")
        assert {rule for key, rule in after.items() if key[-10:] >= "2025-03-26"} == {
            "window.no_start"}  # in force from then on, but no reading states a start
        assert {rule for key, rule in after.items() if key[-10:] < "2025-03-26"} == {
            "window.precondition_unmet"}


def test_a_failed_file_leaves_what_came_before_judged(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Date,Country,Region,Target,By,Claimed,Denied,Outlet,Url\n"
                   "not a date,UA,UA-51,energy.hydro,RU,UA,no,X,https://example.org/x\n",
                   encoding="utf-8")
    with open_store(tmp_path / "t.duckdb") as store:
        add_agreement(store, load_spec(SPEC))
        with pytest.raises(InputError):
            ingest(store, "table", [TABLE, bad], mapping=MAPPING)
        assert count_incidents(store, VIOLATIONS) > 0  # the first file is merged and judged


def test_a_review_through_the_workflow_changes_verdicts_at_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        add_agreement(store, load_spec(SPEC))
        ingest(store, "table", [TABLE], mapping=MAPPING)
        incident = store.conn.execute(
            "SELECT incident_id FROM verdicts WHERE verdict = 'violation' LIMIT 1").fetchone()[0]
        saved = review(store, incident, "dispute", "footage from 2024", reviewer="a")
        assert saved["verdicts_changed"]
        assert {v["verdict"] for v in get_incident(store, incident)["verdicts"]} >= {"disputed"}


def test_a_transaction_inside_another_joins_it(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        with pytest.raises(RuntimeError), store.transaction():
            with store.transaction():
                store.audit("x", "note", "inner")
            raise RuntimeError("outer fails")
        assert store.counts()["audit_log"] == 0


def test_cli_status_change_and_assess_as_a_report(tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "agreement", "add", str(SPEC)]).exit_code == 0
    with open_store(db) as store:
        ingest(store, "table", [TABLE], mapping=MAPPING)
    before = runner.invoke(app, ["--db", db, "incidents", "--verdict", "violation", "--reading",
                                 "UA", "--format", "csv"]).output.count("\n")
    out = runner.invoke(app, ["--db", db, "agreement", "status", "test-halt", "expired",
                              "--date", "2025-03-20", "--commitment", "energy-halt",
                              "--source", "https://example.org/expired"])
    assert out.exit_code == 0, out.output
    assert "test-halt version 2 new version" in out.output
    after = runner.invoke(app, ["--db", db, "incidents", "--verdict", "violation", "--reading",
                                "UA", "--format", "csv"]).output.count("\n")
    assert after < before
    out = runner.invoke(app, ["--db", db, "agreement", "status", "test-halt", "extended",
                              "--date", "2025-03-20"])
    assert out.exit_code == 2 and "until" in out.output
    out = runner.invoke(app, ["--db", db, "assess", "test-halt"])
    assert out.exit_code == 0 and "verdicts" in out.output
