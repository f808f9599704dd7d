"""Analysts' reviews survive a new assessment and a re-ingest, and explain says so."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.incidents.test_merge import MAPPING
from trucewatch.assess import assess, summarise
from trucewatch.assess.reviews import add_review
from trucewatch.cli import app
from trucewatch.incidents import IncidentFilter, count_incidents, get_incident, query_incidents
from trucewatch.store import Store
from trucewatch.workflow import ingest

DISPUTED_UNDER_RU = IncidentFilter(verdict="disputed", reading="RU", commitment="energy-halt")


def _violation(store: Store) -> str:
    """The 19-20 March strike in UA-12 by RU: a violation under RU's reading."""
    (row,) = query_incidents(store, IncidentFilter(admin1="UA-12", perpetrator="RU"))
    return row["id"]


def _ru_verdict(store: Store, incident: str) -> dict:
    (verdict,) = [v for v in get_incident(store, incident)["verdicts"]
                  if (v["commitment_id"], v["party"]) == ("energy-halt", "RU")]
    return verdict


def test_a_dispute_survives_reassessment_and_reingest(store: Store, tmp_path: Path) -> None:
    incident = _violation(store)
    assert _ru_verdict(store, incident)["verdict"] == "violation"
    disputed_before = count_incidents(store, DISPUTED_UNDER_RU)
    add_review(store, incident, "dispute", "the footage is from 2024", reviewer="analyst-1")
    assert count_incidents(store, DISPUTED_UNDER_RU) == disputed_before + 1

    assess(store)
    assess(store, "test-halt")
    extra = tmp_path / "extra.csv"
    extra.write_text("Date,Country,Region,Target,By,Claimed,Denied,Outlet,Url\n"
                     "2025-04-10,UA,UA-51,energy.hydro,RU,UA,no,Ukrinform,https://example.org/x\n",
                     encoding="utf-8")
    assert ingest(store, "table", [extra], mapping=MAPPING).verdicts  # merged and assessed
    verdict = _ru_verdict(store, incident)
    assert (verdict["verdict"], verdict["rule"]) == ("disputed", "analyst_review")
    assert verdict["details"][0].startswith(
        "an analyst's review decided it: disputed by analyst-1 on ")
    assert verdict["details"][0].endswith(": the footage is from 2024")
    assert verdict["details"][1].startswith("before the review: energy.power_grid on 2025-03-19")
    assert verdict["reasons"].count(verdict["reasons"][-1]) == 1
    # the verdict index and the summary see the review too
    assert count_incidents(store, DISPUTED_UNDER_RU) == disputed_before + 1
    assert incident in {r["id"] for r in query_incidents(store, DISPUTED_UNDER_RU)}
    violations = {(f["reading"], f["perpetrator"]): f["incident_id"]
                  for f in summarise(store, "test-halt").first_violations}
    assert violations.get(("RU", "RU")) != incident

    db = str(store.path)
    store.close()
    out = CliRunner().invoke(app, ["--db", db, "explain", incident])
    assert out.exit_code == 0, out.output
    assert "rule analyst_review: an analyst's review decided it" in out.output
    assert "disputed by analyst-1 on" in out.output


def test_a_later_confirmation_wins_after_reassessment(store: Store) -> None:
    incident = _violation(store)
    add_review(store, incident, "dispute", reviewer="a")
    add_review(store, incident, "confirm", "second source", reviewer="b")
    assess(store)
    verdict = _ru_verdict(store, incident)
    assert (verdict["verdict"], verdict["rule"]) == ("violation", "violation")
    unknown = query_incidents(store, IncidentFilter(admin1="UA-59"))[0]["id"]
    add_review(store, unknown, "confirm", "MoD claim", perpetrator="RU", reviewer="b")
    assess(store)
    verdict = _ru_verdict(store, unknown)
    assert (verdict["verdict"], verdict["rule"]) == ("violation", "analyst_review")
