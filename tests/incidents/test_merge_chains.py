"""Merging: day chains cut into two-day spans, adoption by the only named perpetrator, and
incident ids that follow from the merge key and the span's first day."""

from __future__ import annotations

import hashlib
from pathlib import Path

from trucewatch.incidents import merge_incidents
from trucewatch.sources import ingest_file
from trucewatch.store import open_store

MAPPING = {"date": "Date", "country": "Country", "admin1": "Region", "target_class": "Target",
           "perpetrator": "By", "claimed_by": "Claimed", "outlet": "Outlet", "url": "Url"}
ROWS = [  # date, region, target, by; every row its own outlet and URL
    ("2025-05-01", "UA-63", "energy.power_grid", "RU"),
    ("2025-05-02", "UA-63", "energy.power_grid", "RU"),
    ("2025-05-03", "UA-63", "energy.power_generation", ""),  # adopts RU (the 2nd, named)
    ("2025-05-04", "UA-63", "energy.power_grid", "RU"),
    ("2025-05-05", "UA-63", "energy.power_grid", "RU"),
    ("2025-05-08", "UA-63", "energy.power_grid", "RU"),  # a gap: a new chain
    ("2025-05-10", "UA-46", "energy.power_grid", "RU"),
    ("2025-05-11", "UA-46", "energy.power_grid", ""),  # RU the day before, UA the day after
    ("2025-05-12", "UA-46", "energy.power_grid", "UA"),
    ("2025-06-30", "UA-46", "energy.power_grid", "RU"),  # its date is removed below
]


def _incident_id(key: str) -> str:
    return "inc-" + hashlib.md5(key.encode()).hexdigest()[:16]


def test_spans_adoption_and_ids(tmp_path: Path) -> None:
    csv = tmp_path / "chains.csv"
    lines = ["Date,Country,Region,Target,By,Claimed,Outlet,Url"] + [
        f"{day},UA,{region},{target},{by},UA,Outlet {n},https://example.org/{n}"
        for n, (day, region, target, by) in enumerate(ROWS)]
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_store(tmp_path / "t.duckdb") as store:
        ingest_file(store, "table", csv, mapping=MAPPING)
        # a report without a date (as a text may give) is an incident of its own
        store.conn.execute("UPDATE reports SET event_date = NULL WHERE event_date = '2025-06-30'")
        merge_incidents(store)
        found = store.conn.execute(
            "SELECT i.id, i.event_date::VARCHAR, i.date_last::VARCHAR, i.perpetrator, "
            "i.report_count, i.source_count FROM incidents i ORDER BY 2 NULLS LAST, 4").fetchall()
        undated = store.conn.execute(
            "SELECT ir.incident_id, r.id FROM incident_reports ir JOIN reports r "
            "ON r.id = ir.report_id WHERE r.event_date IS NULL").fetchall()
    zp, kh = "UA|UA-63|energy|", "UA|UA-46|energy|"
    assert found == [
        (_incident_id(zp + "RU|2025-05-01"), "2025-05-01", "2025-05-02", "RU", 2, 2),
        (_incident_id(zp + "RU|2025-05-03"), "2025-05-03", "2025-05-04", "RU", 2, 2),
        (_incident_id(zp + "RU|2025-05-05"), "2025-05-05", "2025-05-05", "RU", 1, 1),
        (_incident_id(zp + "RU|2025-05-08"), "2025-05-08", "2025-05-08", "RU", 1, 1),
        (_incident_id(kh + "RU|2025-05-10"), "2025-05-10", "2025-05-10", "RU", 1, 1),
        (_incident_id(kh + "?|2025-05-11"), "2025-05-11", "2025-05-11", None, 1, 1),
        (_incident_id(kh + "UA|2025-05-12"), "2025-05-12", "2025-05-12", "UA", 1, 1),
        (undated[0][0], None, None, "RU", 1, 1),
    ]
    assert undated[0][0] == _incident_id("report|" + undated[0][1])
