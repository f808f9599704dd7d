"""What the verdicts add up to: differing incidents (limited, with a total) and escapes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import FLAGSHIP
from trucewatch.agreements import add_agreement, load_spec
from trucewatch.assess import assess, summarise
from trucewatch.cli import app
from trucewatch.store import Store, open_store


def test_differing_is_limited_and_counted(store: Store) -> None:
    full = summarise(store, "test-halt", differing_limit=100)
    first = summarise(store, "test-halt", differing_limit=2)
    assert first.differing_total == full.differing_total == len(full.differing) > 2
    assert first.differing == full.differing[:2]
    dates = [d["event_date"] for d in full.differing]
    assert dates == sorted(dates)
    row = full.differing[0]
    assert set(row["verdicts"]) == {"RU", "UA"} and len(set(row["verdicts"].values())) == 2
    assert summarise(store, "test-halt", differing_limit=0).differing == []


def test_an_unattributed_violation_on_the_first_day_frees_nobody(store: Store) -> None:
    # a violation with no named perpetrator (as an analyst's confirmation can leave it) on the
    # day of RU's first violation under RU's reading
    store.conn.execute(
        "INSERT INTO incidents (id, event_date, country, admin1, target_class, target_group, "
        "claimants, corroborated, negated, report_count, source_count, confidence) VALUES "
        "('inc-unattributed', DATE '2025-03-19', 'UA', 'UA-18', 'energy.power_grid', "
        "'energy', [], false, false, 1, 1, 0.5)")
    store.conn.execute(
        "INSERT INTO verdicts VALUES ('inc-unattributed', 'test-halt', 1, 'energy-halt', 'RU', "
        "'violation', ['confirmed by an analyst'], 0.5, 'analyst_review')")
    result = summarise(store, "test-halt")
    escapes = {e["party"]: (e["freed_from"], e["because_of"]) for e in result.escapes}
    assert escapes == {"UA": (dt.date(2025, 3, 19), "RU"), "RU": (dt.date(2025, 3, 21), "UA")}


def test_cli_says_who_is_still_bound(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with open_store(db) as opened:
        add_agreement(opened, load_spec(FLAGSHIP / "agreement.yaml"))
        assess(opened)
    out = CliRunner().invoke(app, ["--db", str(db), "assess", "energy-moratorium-2025"])
    assert out.exit_code == 0, out.output
    text = " ".join(out.output.split())
    assert ("escape clause in UA's reading of black-sea: no violation by UA yet, so RU is "
            "still bound") in text
    assert "freed not yet" not in text
