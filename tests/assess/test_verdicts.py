"""Every verdict, the 18 vs 25 March start dates, the escape clause, ad-hoc readings, CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from tests.incidents.test_merge import MAPPING
from trucewatch.assess import assess, assess_readings, summarise
from trucewatch.cli import app
from trucewatch.incidents import (
    IncidentFilter,
    count_incidents,
    get_incident,
    merge_incidents,
    query_incidents,
)
from trucewatch.model import Reading
from trucewatch.sources import ingest_file
from trucewatch.store import Store, open_store


def _verdicts(store: Store, commitment: str = "energy-halt") -> dict[tuple[str, str], str]:
    rows = store.conn.execute(
        "SELECT i.admin1 || ':' || coalesce(i.perpetrator, '?') || ':' || i.target_class, "
        "v.party, v.verdict || '/' || v.rule FROM verdicts v JOIN incidents i "
        "ON i.id = v.incident_id WHERE v.commitment_id = ?", [commitment]).fetchall()
    return {(key, party): verdict for key, party, verdict in rows}


def test_every_verdict(store: Store) -> None:
    v = _verdicts(store)
    # 19-20 March: a violation under RU's reading (from 18 March), outside UA's (from 25 March)
    assert v["UA-12:RU:energy.power_grid", "RU"] == "violation/violation"
    assert v["UA-12:RU:energy.power_grid", "UA"] == "outside_window/window.before_start"
    assert v["RU-BRY:UA:energy.power_grid", "UA"] == "violation/violation"
    assert v["RU-KRS:UA:energy.oil_gas_network", "RU"] == "disputed/denied"
    # energy.other: possible under RU's closed list, a violation under UA's energy.*
    assert v["UA-65:RU:energy.other", "RU"] == "possible_violation/scope.unspecified_energy"
    assert v["UA-65:RU:energy.other", "UA"] == "violation/violation"
    assert v["UA-63:RU:civilian", "RU"] == "out_of_scope/scope"
    assert v["UA-63:RU:transport.rail", "RU"] == "out_of_scope/scope"
    assert v["UA-63:RU:transport.rail", "UA"] == "violation/violation"
    assert v["UA-59:?:energy.power_generation", "RU"] == "possible_violation/perpetrator_unknown"
    assert v["UA-46:BY:energy.power_grid", "RU"] == "not_bound/bound"
    assert v["UA-53:RU:energy.power_grid", "RU"] == "outside_window/window.after_end"
    # the Black Sea reading states no start date: not in force, whatever the incident
    sea = _verdicts(store, "sea")
    assert set(sea.values()) == {"outside_window/window.no_start"}


def test_a_reading_without_a_start_date_is_not_in_force(store: Store) -> None:
    (reasons,) = {tuple(r) for (r,) in store.conn.execute(
        "SELECT reasons FROM verdicts WHERE commitment_id = 'sea'").fetchall()}
    assert reasons == ("this reading states no start date: not in force",)
    incident = _one_id(store)
    sea = [v for v in get_incident(store, incident)["verdicts"] if v["commitment_id"] == "sea"]
    assert sea[0]["details"] == ["this reading states no start date: not in force"]
    # the same reading with a start date judges the area
    dated = Reading(party="RU", scope=["energy.*"], area=["UA-51", "UA-48"],
                    start=dt.date(2025, 3, 18), quote="Black Sea only", source="s1")
    rules = {row["rule"] for row in assess_readings(store.conn, [dated]).to_pylist()}
    assert "area" in rules and "window.no_start" not in rules


def test_summary_first_violations_and_escape(store: Store) -> None:
    result = summarise(store, "test-halt")
    firsts = {(f["commitment_id"], f["reading"], f["perpetrator"]): f["first_date"]
              for f in result.first_violations}
    assert firsts["energy-halt", "RU", "RU"] == dt.date(2025, 3, 19)
    assert firsts["energy-halt", "UA", "RU"] == dt.date(2025, 3, 29)
    assert firsts["energy-halt", "RU", "UA"] == dt.date(2025, 3, 21)
    escapes = {e["party"]: (e["freed_from"], e["because_of"]) for e in result.escapes}
    assert escapes == {"UA": (dt.date(2025, 3, 19), "RU"), "RU": (dt.date(2025, 3, 21), "UA")}
    start_date_split = [d for d in result.differing if "window.before_start" in d["rules"]]
    assert start_date_split and result.differing_total >= len(start_date_split)


def test_assess_readings_without_storing(store: Store) -> None:
    reading = Reading(party="US", scope=["energy.*", "infrastructure.*"],
                      start=dt.date(2025, 3, 18), quote="energy and infrastructure", source="s1")
    table = assess_readings(store.conn, [reading])
    verdicts = {row["verdict"] for row in table.to_pylist()}
    assert table.num_rows == 10
    assert "out_of_scope" in verdicts and "violation" in verdicts
    assert store.conn.execute("SELECT count(*) FROM verdicts WHERE party = 'US'"
                              ).fetchone()[0] == 0


def test_verdict_filter(store: Store) -> None:
    rows = query_incidents(store, IncidentFilter(verdict="violation", reading="UA",
                                                 commitment="energy-halt"))
    assert {r["admin1"] for r in rows} == {"RU-BRY", "UA-65", "UA-63", "UA-53"}


def test_cli_assess_explain_incidents(store: Store) -> None:
    db = str(store.path)
    incident = _one_id(store)
    store.close()
    runner = CliRunner()
    out = runner.invoke(app, ["--db", db, "assess", "test-halt"])
    assert out.exit_code == 0, out.output
    assert "First violation by each party" in out.output
    assert "escape clause in RU's reading of energy-halt: UA would be freed from 2025-03-19" \
        in out.output
    assert "not yet" not in out.output
    out = runner.invoke(app, ["--db", db, "explain", incident])
    assert out.exit_code == 0, out.output
    assert "rule window.before_start" in out.output
    lines = [line.strip() for line in out.output.splitlines()] + [""]
    for n, line in enumerate(lines):  # a rule's own words are said once, not again below it
        if line.startswith("rule "):
            assert line.partition(": ")[2] != lines[n + 1], line
    out = runner.invoke(app, ["--db", db, "incidents", "--agreement", "nope"])
    assert out.exit_code == 6
    assert out.output.strip() == ("error: no agreement 'nope'; known: test-halt; "
                                  "`trucewatch agreement list` shows them")
    out = runner.invoke(app, ["--db", db, "incidents", "--class", "energy.*", "--format",
                              "geojson"])
    assert out.exit_code == 0 and '"FeatureCollection"' in out.output
    out = runner.invoke(app, ["--db", db, "incidents", "--format", "csv", "--country", "RU"])
    assert out.output.count("\n") == 3
    out = runner.invoke(app, ["--db", db, "explain", "inc-nope"])
    assert out.exit_code == 6


def _one_id(store: Store) -> str:
    return query_incidents(store, IncidentFilter(admin1="UA-12", perpetrator="RU"))[0]["id"]


def test_verdict_filter_sees_new_verdicts(store: Store, tmp_path: Path) -> None:
    flt = IncidentFilter(verdict="violation", reading="UA", commitment="energy-halt")
    before = count_incidents(store, flt)
    extra = tmp_path / "extra.csv"
    extra.write_text("Date,Country,Region,Target,By,Claimed,Denied,Outlet,Url\n"
                     "2025-04-10,UA,UA-51,energy.hydro,RU,UA,no,Ukrinform,https://example.org/x\n",
                     encoding="utf-8")
    ingest_file(store, "table", extra, mapping=MAPPING)
    merge_incidents(store)
    assess(store)
    assert count_incidents(store, flt) == before + 1
    assert query_incidents(store, flt, limit=1)[0]["admin1"] in {"UA-51", "UA-53"}


def test_a_strike_on_an_unstated_target(tmp_path: Path) -> None:
    table = tmp_path / "unknown.csv"
    table.write_text("Date,Country,Region,Target,By,Claimed,Denied,Outlet,Url\n"
                     "2025-03-27,UA,UA-51,unknown,RU,UA,no,Suspilne,https://example.org/u1\n",
                     encoding="utf-8")
    energy = Reading(party="UA", scope=["energy.*"], start=dt.date(2025, 3, 25),
                     duration_days=30, quote="energy facilities", source="s1")
    everything = Reading(party="RU", scope=["*"], start=dt.date(2025, 3, 25),
                         duration_days=30, quote="all strikes", source="s1")
    with open_store(tmp_path / "u.duckdb") as store:
        ingest_file(store, "table", table, mapping=MAPPING)
        merge_incidents(store)
        rows = {row["party"]: row for row in
                assess_readings(store.conn, [energy, everything]).to_pylist()}
    assert (rows["UA"]["verdict"], rows["UA"]["rule"]) == ("out_of_scope", "scope.target_unknown")
    assert rows["UA"]["reasons"] == [
        "the target is not stated, and UA's scope (" + ", ".join(energy.classes)
        + ") does not cover every target"]
    assert (rows["RU"]["verdict"], rows["RU"]["rule"]) == ("violation", "violation")
