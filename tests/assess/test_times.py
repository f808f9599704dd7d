"""Windows with an hour and a time zone: a table's times reach incidents and the rules."""

from __future__ import annotations

from pathlib import Path

from trucewatch.agreements import parse_spec
from trucewatch.store import open_store
from trucewatch.workflow import add_agreement, ingest

SPEC = """
id: hour-truce
title: A truce from 17:00 IST
parties: [IN, PK]
sources: [{id: s, url: "https://example.org/announcement"}]
commitments:
  - id: stop-firing
    kind: halt_strikes
    title: Stop all firing
    readings:
      - party: IN
        scope: ["*"]
        start: 2025-05-10
        start_time: '17:00+05:30'
        quote: stop all firing from 17:00 IST
        source: s
"""

TABLE = """Date,Time,Country,Region,Target,By,Outlet,Url
2025-05-10,16:30+05:30,IN,IN-JK,military,PK,A,https://example.org/a
2025-05-10,2025-05-10T20:40:00+05:30,IN,IN-PB,military,PK,B,https://example.org/b
2025-05-10,,IN,IN-RJ,military,PK,C,https://example.org/c
"""
MAPPING = {"date": "Date", "time": "Time", "country": "Country", "admin1": "Region",
           "target_class": "Target", "perpetrator": "By", "outlet": "Outlet", "url": "Url"}


def test_an_hour_from_a_table_is_judged_against_the_stated_start(tmp_path: Path) -> None:
    table = tmp_path / "firing.csv"
    table.write_text(TABLE, encoding="utf-8")
    with open_store(tmp_path / "t.duckdb") as store:
        add_agreement(store, parse_spec(SPEC))
        ingest(store, "table", [table], mapping=MAPPING)
        rows = dict((admin1, (str(at), offset, verdict, rule)) for admin1, at, offset, verdict,
                    rule in store.conn.execute(
            "SELECT i.admin1, i.event_at, i.event_offset, v.verdict, v.rule FROM incidents i "
            "JOIN verdicts v ON v.incident_id = i.id").fetchall())
    assert rows["IN-JK"] == ("2025-05-10 11:00:00", "+05:30", "outside_window",
                             "window.before_start_time")
    assert rows["IN-PB"] == ("2025-05-10 15:10:00", "+05:30", "violation", "violation")
    assert rows["IN-RJ"] == ("None", None, "possible_violation", "window.start_day")
