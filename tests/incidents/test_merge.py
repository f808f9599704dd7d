"""Merging reports into incidents, and the query layer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.ingest.helpers import FIXTURES
from trucewatch.errors import NotFoundError
from trucewatch.incidents import (
    IncidentFilter,
    count_incidents,
    get_incident,
    merge_incidents,
    query_incidents,
)
from trucewatch.sources import ingest_file
from trucewatch.store import Store, open_store

MAPPING = {"date": "Date", "country": "Country", "admin1": "Region", "target_class": "Target",
           "perpetrator": "By", "claimed_by": "Claimed", "negated": "Denied",
           "outlet": "Outlet", "url": "Url"}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with open_store(tmp_path / "t.duckdb") as opened:
        ingest_file(opened, "table", FIXTURES / "table" / "incidents.csv", mapping=MAPPING)
        merge_incidents(opened)
        yield opened


def _one(store: Store, **filters: object) -> dict:
    rows = query_incidents(store, IncidentFilter(**filters))
    assert len(rows) == 1, rows
    return rows[0]


def test_merge_rules(store: Store) -> None:
    assert count_incidents(store) == 10
    merged = _one(store, admin1="UA-12", perpetrator="RU")
    assert merged["report_count"] == 2  # the unattributed report joins RU's claim
    assert merged["claimants"] == ["UA", "media"]
    assert (merged["corroborated"], merged["status"]) == (True, "corroborated")
    apart = _one(store, admin1="UA-12", perpetrator="UA")  # incompatible perpetrator
    assert apart["status"] == "claim"
    bryansk = _one(store, admin1="RU-BRY")  # 26 and 27 March, one day apart
    assert (bryansk["event_date"], bryansk["date_last"], bryansk["source_count"]) == (
        dt.date(2025, 3, 26), dt.date(2025, 3, 27), 2)
    assert len(query_incidents(store, IncidentFilter(admin1="UA-63"))) == 2  # other groups


def test_remerge_is_deterministic(store: Store) -> None:
    before = query_incidents(store)
    merge_incidents(store)
    assert query_incidents(store) == before


def test_query_filters_and_pages(store: Store) -> None:
    assert count_incidents(store, IncidentFilter(target_class="energy.*")) == 8
    assert count_incidents(store, IncidentFilter(country="RU")) == 2
    assert count_incidents(store, IncidentFilter(date_from=dt.date(2025, 3, 29),
                                                 date_to=dt.date(2025, 3, 30))) == 3
    page = query_incidents(store, IncidentFilter(), limit=3, offset=1)
    assert [r["event_date"] for r in page] == sorted((r["event_date"] for r in page),
                                                     reverse=True)
    assert len(page) == 3


def test_get_incident(store: Store) -> None:
    incident = get_incident(store, _one(store, admin1="RU-KRS")["id"])
    assert incident["negated"] is True
    assert [s["url"] for s in incident["sources"]] == ["https://example.org/c1"]
    assert incident["reports"][0]["source_format"] == "table"
    with pytest.raises(NotFoundError, match="no incident 'inc-nope'"):
        get_incident(store, "inc-nope")
