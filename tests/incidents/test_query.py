"""Filtered pages, counts and daily counts; verdict filters read the verdict index."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.incidents.test_merge import MAPPING
from tests.ingest.helpers import FIXTURES
from trucewatch.agreements import add_agreement, load_spec
from trucewatch.assess import assess
from trucewatch.incidents import (
    IncidentFilter,
    count_incidents,
    daily_counts,
    merge_incidents,
    query_incidents,
)
from trucewatch.sources import ingest_file
from trucewatch.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "q.duckdb") as opened:
        add_agreement(opened, load_spec(FIXTURES / "agreement.yaml"))
        ingest_file(opened, "table", FIXTURES / "table" / "incidents.csv", mapping=MAPPING)
        merge_incidents(opened)
        assess(opened)
        yield opened


def _by_join(store: Store, flt: IncidentFilter) -> list[str]:
    """The ids a verdict filter must give, read straight from ``verdicts``."""
    rows = store.conn.execute(
        "SELECT DISTINCT i.id, i.event_date FROM incidents i JOIN verdicts v "
        "ON v.incident_id = i.id WHERE ($1 IS NULL OR v.verdict = $1) "
        "AND ($2 IS NULL OR v.agreement_id = $2) AND ($3 IS NULL OR v.commitment_id = $3) "
        "AND ($4 IS NULL OR v.party = $4) ORDER BY i.event_date DESC NULLS LAST, i.id",
        [flt.verdict, flt.agreement, flt.commitment, flt.reading]).fetchall()
    return [row[0] for row in rows]


FILTERS = [
    IncidentFilter(verdict=verdict, agreement=agreement, commitment=commitment, reading=reading)
    for verdict, agreement, commitment, reading in itertools.product(
        [None, "violation", "possible_violation", "outside_window", "disputed"],
        [None, "test-halt", "other"], [None, "energy-halt", "sea"], [None, "RU", "UA"])
    if (verdict, agreement, commitment, reading) != (None, None, None, None)
]


def test_verdict_filters_match_the_verdicts(store: Store) -> None:
    for flt in FILTERS:
        expected = _by_join(store, flt)
        assert [r["id"] for r in query_incidents(store, flt)] == expected, flt
        assert count_incidents(store, flt) == len(expected), flt


def test_keys_without_a_bit_read_the_verdicts(store: Store) -> None:
    store.conn.execute("UPDATE verdict_keys SET bit = NULL WHERE party = 'UA'")
    for flt in FILTERS[:40]:
        assert [r["id"] for r in query_incidents(store, flt)] == _by_join(store, flt), flt


def test_verdict_filter_pages_and_other_filters(store: Store) -> None:
    flt = IncidentFilter(verdict="violation", reading="UA", country="UA",
                         date_from=dt.date(2025, 3, 29))
    every = [r["id"] for r in query_incidents(store, flt)]
    assert len(every) == count_incidents(store, flt) >= 2
    assert [r["id"] for r in query_incidents(store, flt, limit=1, offset=1)] == every[1:2]


def test_existing_verdicts_are_indexed_by_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with open_store(path, schema_version=4) as old:
        old.conn.execute(
            "INSERT INTO incidents (id, event_date, target_class, target_group, claimants, "
            "corroborated, negated, report_count, source_count, confidence) VALUES "
            "('inc-a', DATE '2025-03-20', 'energy.power_grid', 'energy', [], false, false, "
            "1, 1, 0.5), ('inc-b', DATE '2025-03-21', 'civilian', 'civilian', [], false, "
            "false, 1, 1, 0.5)")
        old.conn.execute(
            "INSERT INTO verdicts VALUES ('inc-a', 'x', 1, 'halt', 'RU', 'violation', [], 0.5, "
            "'violation'), ('inc-b', 'x', 1, 'halt', 'RU', 'out_of_scope', [], 0.5, 'scope')")
    with open_store(path) as store:
        flt = IncidentFilter(verdict="violation", reading="RU")
        assert [r["id"] for r in query_incidents(store, flt)] == ["inc-a"]
        assert count_incidents(store, IncidentFilter(agreement="x")) == 2


def test_daily_counts(store: Store) -> None:
    daily = daily_counts(store, IncidentFilter(target_class="energy.*"))
    assert daily[0] == {"date": "2025-03-19", "perpetrator": "RU", "incidents": 1}
    assert {"date": "2025-04-01", "perpetrator": "unknown", "incidents": 1} in daily
    assert sum(d["incidents"] for d in daily) == count_incidents(
        store, IncidentFilter(target_class="energy.*"))
    assert [d["date"] for d in daily] == sorted(d["date"] for d in daily)
    under_ua = daily_counts(store, IncidentFilter(verdict="violation", reading="UA"))
    assert sum(d["incidents"] for d in under_ua) == count_incidents(
        store, IncidentFilter(verdict="violation", reading="UA"))
