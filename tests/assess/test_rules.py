"""The rule table: one source for the SQL of each engine, the explain texts and docs/rules.md;
the windows it judges (stated hours, the status timeline, preconditions)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import REPO
from trucewatch.agreements import parse_spec
from trucewatch.agreements.timeline import status_differences
from trucewatch.assess.readings import adhoc_readings, readings_table
from trucewatch.assess.rules import RULES, rule_table, rules_markdown, rules_sql
from trucewatch.model import Reading
from trucewatch.store.dialect import translate

INCIDENT_COLUMNS = ("id VARCHAR, event_date DATE, event_at TIMESTAMP, country VARCHAR, "
                    "admin1 VARCHAR, target_class VARCHAR, perpetrator VARCHAR, "
                    "negated BOOLEAN, confidence DOUBLE")


def test_docs_rules_md_is_generated_from_the_table() -> None:
    written = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == rules_markdown(), (
        "docs/rules.md is stale: run `trucewatch rules --format markdown > docs/rules.md`")


def test_every_rule_has_its_explain_text_and_reaches_the_sql() -> None:
    sql = rules_sql("duckdb")
    for rule in rule_table().rules:
        assert RULES[rule.code]
        assert f"'{rule.code}'" in sql
    assert RULES["analyst_review"] == "an analyst's review decided it"


@pytest.mark.parametrize(("portable", "duckdb_sql", "spark_sql"), [
    ("list_contains(area, admin1)", "list_contains(area, admin1)",
     "array_contains(area, admin1)"),
    ("len(bound) > 0", "len(bound) > 0", "size(bound) > 0"),
    ("list_has_like(classes, 'energy.%')",
     "(len(list_filter(classes, lambda x: x LIKE 'energy.%')) > 0)",
     "exists(classes, x -> x LIKE 'energy.%')"),
    ("list_of(join(area, ', '))", "[array_to_string(area, ', ')]",
     "array(array_join(area, ', '))"),
    ("'it''s len(a)'", "'it''s len(a)'", "'it\\'s len(a)'"),
])
def test_the_dialect_map(portable: str, duckdb_sql: str, spark_sql: str) -> None:
    assert translate(portable, "duckdb") == duckdb_sql
    assert translate(portable, "spark") == spark_sql


def test_spark_sql_uses_no_duckdb_spelling() -> None:
    spark = rules_sql("spark")
    for duckdb_only in ("list_contains(", "len(", "lambda", "list_filter", "array_to_string",
                        "'''"):
        assert duckdb_only not in spark
    with pytest.raises(ValueError, match="unknown SQL dialect"):
        rules_sql("postgres")


def _judge(readings: list[Reading], incidents: list[tuple[object, ...]]
           ) -> list[tuple[str, str, str]]:
    """(party, verdict, rule) of each incident × reading, incidents in the order given."""
    conn = duckdb.connect()
    conn.execute(f"CREATE TABLE incidents ({INCIDENT_COLUMNS})")
    conn.executemany("INSERT INTO incidents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", incidents)
    conn.register("readings", adhoc_readings(readings, "a", "c"))
    rows = conn.execute(f"SELECT incident_id, party, verdict, rule FROM ({rules_sql()}) "
                        "ORDER BY incident_id, party").fetchall()
    return [(party, verdict, rule) for _, party, verdict, rule in rows]


def _incident(n: int, day: str, at: str | None = None, **fields: object) -> tuple[object, ...]:
    values = {"country": "IN", "admin1": "IN-JK", "target_class": "military",
              "perpetrator": "PK", "negated": False, "confidence": 0.8, **fields}
    return (f"i{n}", dt.date.fromisoformat(day),
            dt.datetime.fromisoformat(at) if at else None, values["country"],
            values["admin1"], values["target_class"], values["perpetrator"],
            values["negated"], values["confidence"])


def test_a_stated_hour_decides_on_the_start_day() -> None:
    # from 17:00 IST (11:30 UTC) on 10 May
    reading = Reading(party="IN", scope=["*"], start=dt.date(2025, 5, 10),
                      start_time="17:00+05:30", quote="from 17:00 IST", source="s")
    judged = _judge([reading], [
        _incident(1, "2025-05-10", "2025-05-10T11:00"),   # 16:30 IST: before the hour
        _incident(2, "2025-05-10", "2025-05-10T15:30"),   # 21:00 IST: in force
        _incident(3, "2025-05-10"),                       # the day only
        _incident(4, "2025-05-09"),                       # the day before
        _incident(5, "2025-05-11"),                       # the day after
    ])
    assert [(v, r) for _, v, r in judged] == [
        ("outside_window", "window.before_start_time"),
        ("violation", "violation"),
        ("possible_violation", "window.start_day"),
        ("outside_window", "window.before_start"),
        ("violation", "violation"),
    ]


def test_a_stated_end_hour() -> None:
    reading = Reading(party="IN", scope=["*"], start=dt.date(2025, 5, 10),
                      end=dt.date(2025, 5, 18), end_time="23:59+05:30", quote="until 18 May",
                      source="s")
    judged = _judge([reading], [
        _incident(1, "2025-05-18", "2025-05-18T10:00"),
        _incident(2, "2025-05-18"),
        _incident(3, "2025-05-19", "2025-05-18T18:40"),   # 00:10 IST on the 19th
    ])
    assert [r for _, _, r in judged] == ["violation", "window.end_day", "window.after_end_time"]


def test_times_are_refused_without_an_offset() -> None:
    with pytest.raises(ValueError, match="UTC offset"):
        Reading(party="IN", start=dt.date(2025, 5, 10), start_time="17:00", quote="q",
                source="s")
    with pytest.raises(ValueError, match="in quotes"):
        Reading(party="IN", start=dt.date(2025, 5, 10), start_time=1020, quote="q", source="s")


TIMELINE = """
id: t
title: t
parties: [RU, UA]
mediators: [US]
sources: [{id: s, url: "https://example.org/s"}, {id: x, url: "https://example.org/expiry"}]
status:
  - {date: 2025-03-18, status: agreed, source: s}
  - {date: 2025-04-18, status: expired, source: x}
commitments:
  - id: halt
    kind: halt_strikes
    title: halt
    status:
      - {date: 2025-04-01, status: suspended, source: s}
      - {date: 2025-04-03, status: in_force, source: s}
      - {date: 2025-04-10, status: denounced, declared_by: UA, source: s}
    readings:
      - {party: US, scope: ["*"], start: 2025-03-18, quote: q, source: s}
      - {party: RU, scope: ["*"], start: 2025-03-18, duration_days: 10, quote: q, source: s}
      - {party: UA, scope: ["*"], start: 2025-03-18, quote: q, source: s}
  - id: sea
    kind: halt_strikes
    title: sea
    preconditions:
      - id: sanctions
        text: sanctions relief
        set_by: RU
        states:
          - {date: 2025-03-25, state: unmet, by: RU, source: s}
          - {date: 2025-04-05, state: met, by: US, source: s}
    readings:
      - {party: US, scope: ["*"], start: 2025-03-25, quote: q, source: s}
      - {party: RU, scope: ["*"], start: 2025-03-25, quote: q, source: s}
"""


def _timeline_verdicts(tmp_path: Path) -> dict[tuple[str, str, str], tuple[str, list[str]]]:
    agreement = parse_spec(TIMELINE)
    conn = duckdb.connect()
    conn.execute(f"CREATE TABLE incidents ({INCIDENT_COLUMNS})")
    for n, day in enumerate(("2025-03-20", "2025-03-30", "2025-04-02", "2025-04-06",
                             "2025-04-12", "2025-04-20")):
        conn.execute("INSERT INTO incidents VALUES (?, ?, NULL, 'UA', 'UA-65', 'energy.other', "
                     "'RU', false, 0.8)", [day, dt.date.fromisoformat(day)])
        del n
    conn.register("readings", readings_table([(agreement, 1)]))
    rows = conn.execute(f"SELECT incident_id, commitment_id, party, rule, reasons "
                        f"FROM ({rules_sql()})").fetchall()
    return {(i, c, p): (rule, reasons) for i, c, p, rule, reasons in rows}


def test_the_status_timeline_bounds_every_reading(tmp_path: Path) -> None:
    v = _timeline_verdicts(tmp_path)
    rule = {key: value[0] for key, value in v.items()}
    assert rule["2025-03-20", "halt", "US"] == "violation"
    assert rule["2025-03-30", "halt", "RU"] == "window.after_end"   # RU's 10 days are over
    assert rule["2025-04-02", "halt", "US"] == "window.suspended"
    assert rule["2025-04-06", "halt", "UA"] == "violation"          # resumed on 3 April
    # UA's denunciation ends UA's reading only
    assert rule["2025-04-12", "halt", "UA"] == "window.expired"
    assert rule["2025-04-12", "halt", "US"] == "violation"
    # the agreement's expiry ends every reading
    assert {rule["2025-04-20", "halt", p] for p in ("US", "RU", "UA")} == {"window.expired"}
    reason = v["2025-04-20", "halt", "US"][1][0]
    assert reason == ("2025-04-20: the commitment expired on 2025-04-18, so US's reading no "
                      "longer applies (source: https://example.org/expiry)")
    assert v["2025-04-12", "halt", "UA"][1][0].startswith(
        "2025-04-12: the commitment was denounced on 2025-04-10 (declared by UA)")


def test_an_unmet_precondition_keeps_a_commitment_out_of_force(tmp_path: Path) -> None:
    v = _timeline_verdicts(tmp_path)
    # RU says the precondition is unmet and never says otherwise; the US says it was met on
    # 5 April: under each reading its own party's word counts
    assert v["2025-04-06", "sea", "RU"][0] == "window.precondition_unmet"
    assert v["2025-04-06", "sea", "US"][0] == "violation"
    assert v["2025-03-30", "sea", "US"][0] == "window.precondition_unmet"
    assert v["2025-03-30", "sea", "RU"][1] == [
        "not in force under RU's reading on 2025-03-30: precondition unmet: sanctions relief "
        "(unmet per RU on 2025-03-25) (source: https://example.org/s)"]


SPARK_READINGS = (
    "agreement_id STRING, version INT, commitment_id STRING, party STRING, "
    "classes ARRAY<STRING>, start_date DATE, last_day DATE, start_at TIMESTAMP_NTZ, "
    "end_at TIMESTAMP_NTZ, end_note STRING, area ARRAY<STRING>, bound ARRAY<STRING>, "
    "closures ARRAY<STRUCT<from_date: DATE, until_date: DATE, status: STRING, what: STRING, "
    "source: STRING>>")
SPARK_INCIDENTS = (
    "id STRING, event_date DATE, event_at TIMESTAMP_NTZ, country STRING, admin1 STRING, "
    "target_class STRING, perpetrator STRING, negated BOOLEAN, confidence DOUBLE")


def test_spark_runs_the_same_rules_as_duckdb(spark: Any) -> None:
    """The Spark dialect on a real local Spark gives DuckDB's verdicts and reasons."""
    agreement = parse_spec(TIMELINE)
    readings = readings_table([(agreement, 1)])
    incidents = [_incident(1, "2025-03-20"), _incident(2, "2025-04-02", country="UA",
                                                       admin1="UA-65"),
                 _incident(3, "2025-04-20", perpetrator=None),
                 _incident(4, "2025-03-30", "2025-03-30T10:00", target_class="energy.other")]
    conn = duckdb.connect()
    conn.execute(f"CREATE TABLE incidents ({INCIDENT_COLUMNS})")
    conn.executemany("INSERT INTO incidents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", incidents)
    conn.register("readings", readings)
    expected = sorted(conn.execute(f"SELECT * FROM ({rules_sql()})").fetchall())
    spark.createDataFrame(readings.to_pylist(), SPARK_READINGS).createOrReplaceTempView(
        "readings")
    spark.createDataFrame(incidents, SPARK_INCIDENTS).createOrReplaceTempView("incidents")
    got = sorted(tuple(row) for row in spark.sql(rules_sql("spark")).collect())
    assert [(r[0], r[4], r[5], list(r[6]), r[8]) for r in got] == [
        (r[0], r[4], r[5], list(r[6]), r[8]) for r in expected]


def test_a_party_declared_status_is_a_difference_between_readings() -> None:
    agreement = parse_spec(TIMELINE)
    (difference,) = status_differences(agreement, agreement.commitment("halt"))
    assert difference.term == "status"
    assert difference.values == {"US": "no such status", "RU": "no such status",
                                 "UA": "denounced on 2025-04-10"}
    assert difference.explanation.startswith(
        "UA denounced it on 2025-04-10: its reading is out of force from that day. Under the "
        "US and RU readings nothing changes")
