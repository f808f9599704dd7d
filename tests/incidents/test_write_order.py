"""The merge writes incidents and their memberships in incident id order, for the zone maps
that let one incident's page read one row group of each (issue 13)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from tests.incidents.test_merge import MAPPING
from tests.ingest.helpers import FIXTURES
from trucewatch.agreements import add_agreement, load_spec
from trucewatch.assess import assess
from trucewatch.incidents import get_incident, merge_incidents
from trucewatch.sources import ingest_file
from trucewatch.store import open_store

REGIONS = ["UA-12", "UA-23", "UA-51", "UA-63", "UA-65"]


def _table(path: Path, rows: int) -> Path:
    """``rows`` reports that each make an incident of their own (days two apart per region)."""
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Date", "Country", "Region", "Target", "By", "Claimed", "Denied",
                         "Outlet", "Url"])
        for n in range(rows):
            day = dt.date(2025, 1, 1) + dt.timedelta(days=2 * (n // len(REGIONS)))
            writer.writerow([day.isoformat(), "UA", REGIONS[n % len(REGIONS)],
                             "energy.power_grid", "RU", "UA", "no", "Outlet",
                             f"https://example.org/{n}"])
    return path


def _in_write_order(conn, table: str, column: str) -> list[str]:
    return [r[0] for r in conn.execute(f"SELECT {column} FROM {table} ORDER BY rowid").fetchall()]


def test_incidents_and_memberships_are_written_in_incident_order(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        add_agreement(store, load_spec(FIXTURES / "agreement.yaml"))
        ingest_file(store, "table", _table(tmp_path / "many.csv", 3000), mapping=MAPPING)
        assert merge_incidents(store) == 3000
        assert assess(store) > 3000
        for table, column in [("incidents", "id"), ("incident_reports", "incident_id")]:
            written = _in_write_order(store.conn, table, column)
            assert written == sorted(written), table
        some = _in_write_order(store.conn, "incidents", "id")[1234]
        assert get_incident(store, some)["verdicts"]
