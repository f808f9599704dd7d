"""Each alert rule on a real store: what it raises, under which stable key, and only once."""

from __future__ import annotations

import datetime as dt

from tests.watch.conftest import AGREEMENT, SUDZHA_DENIED
from trucewatch.agreements import add_agreement, load_spec
from trucewatch.alerts import RULES
from trucewatch.alerts.rules import describe_incident

from .conftest import NOW, add_strikes


def _keys(evaluation):
    return sorted(a.key for a in evaluation.sent)


def test_every_rule_is_registered_with_a_summary():
    assert sorted(RULES) == ["disputed", "escape_clause", "expiry", "first_violation",
                             "new_violation", "overdue", "source_failing", "status_change"]
    assert all(rule.summary for rule in RULES.values())


def test_first_violation_once_per_reading_and_party(strikes, run):
    first = run(["first_violation"])
    assert _keys(first) == [
        "first_violation:watch-halt:energy-halt:RU:RU",  # Kharkiv, 20 March
        "first_violation:watch-halt:energy-halt:RU:UA",  # Kursk, 28 March
        "first_violation:watch-halt:energy-halt:UA:RU",  # Odesa, 30 March (UA's from 25th)
        "first_violation:watch-halt:energy-halt:UA:UA",
    ]
    by_key = {a.key: a for a in first.sent}
    kharkiv = by_key["first_violation:watch-halt:energy-halt:RU:RU"]
    assert kharkiv.detail["first_date"] == "2025-03-20"
    assert "energy.power_grid in UA-63" in kharkiv.text
    assert run(["first_violation"]).sent == []  # the same history: nothing new


def test_escape_clause_becomes_available(strikes, run):
    found = run(["escape_clause"])
    assert _keys(found) == ["escape_clause:watch-halt:energy-halt:RU:RU",
                            "escape_clause:watch-halt:energy-halt:RU:UA"]
    freed_ua = next(a for a in found.sent if a.party == "UA")
    assert freed_ua.detail == {"freed_from": "2025-03-20", "because_of": "RU",
                               "readings": ["RU"]}
    assert "is available to UA: RU violated first, on 2025-03-20" in freed_ua.text


def test_new_violation_per_incident_and_configurable(strikes, run, tmp_path):
    found = run(["new_violation"])
    assert len(found.sent) == 3
    assert {a.kind for a in found.sent} == {"new_violation"}
    sudzha = next(a for a in found.sent if a.party == "UA")
    assert sudzha.reading is None and sudzha.detail["readings"] == ["RU", "UA"]
    assert sudzha.text.endswith("; a violation under the RU and UA readings")
    assert run(["new_violation"]).sent == []
    possible = run([{"new_violation": {"verdicts": ["violation", "possible_violation"]}}])
    assert possible.sent == []  # no possible violations in the store


def test_disputed_after_a_denial(strikes, run, tmp_path):
    assert run(["disputed"]).sent == []
    add_strikes(strikes, tmp_path, [SUDZHA_DENIED], "denied.jsonl")
    found = run(["disputed"])
    assert [a.kind for a in found.sent] == ["disputed"]
    assert "claimed by RU, denied by UA" in found.sent[0].text


def test_expiry_days_before_and_ended(store, run):
    week = run(["expiry"], now=dt.datetime(2025, 4, 10, tzinfo=dt.UTC))
    assert _keys(week) == ["window_ending:watch-halt:energy-halt:RU:2025-04-16:7"]
    assert "ends in 6 days: its last day is 2025-04-16" in week.sent[0].text
    assert run(["expiry"], now=dt.datetime(2025, 4, 11, tzinfo=dt.UTC)).sent == []
    day = run(["expiry"], now=dt.datetime(2025, 4, 16, 8, tzinfo=dt.UTC))
    assert _keys(day) == ["window_ending:watch-halt:energy-halt:RU:2025-04-16:1"]
    assert "ends today" in day.sent[0].text
    ended = run(["expiry"], now=dt.datetime(2025, 4, 17, tzinfo=dt.UTC))
    assert _keys(ended) == ["window_ended:watch-halt:energy-halt:RU:2025-04-16"]


def test_expiry_sees_an_extension_and_a_declared_expiry(store, run):
    run(["expiry"])
    extended = load_spec(AGREEMENT).model_copy(deep=True)
    reading = extended.commitment("energy-halt").readings[0]
    reading.duration_days = 60
    extended.commitment("energy-halt").status.append(
        extended.status[0].model_copy(update={"date": dt.date(2025, 4, 9), "status": "expired",
                                              "note": "the side says it lapsed"}))
    add_agreement(store, extended)
    found = run(["expiry"])
    assert _keys(found) == [
        "expired:watch-halt:energy-halt:2025-04-09",
        "window_extended:watch-halt:energy-halt:RU:2025-04-16:2025-05-16",
    ]
    assert "is extended until 2025-05-16 (its last day was 2025-04-16)" in found.sent[1].text


def test_overdue_and_status_changes(store, run):
    overdue = run(["overdue"])
    assert _keys(overdue) == ["overdue:watch-halt:exchange:2025-03-30"]
    assert "due 2025-03-30, 11 days ago; agreed" in overdue.sent[0].text
    assert run([{"overdue": {"grace_days": 30}}], now=NOW).sent == []
    changes = run(["status_change"])
    assert _keys(changes) == [
        "status_change:watch-halt:-:2025-03-18:agreed",
        "status_change:watch-halt:energy-halt:2025-03-18:in_force",
        "status_change:watch-halt:exchange:2025-03-18:agreed",
    ]


def test_status_change_leaves_expired_to_expiry_when_both_are_on(store, run):
    extended = load_spec(AGREEMENT).model_copy(deep=True)
    extended.status.append(extended.status[0].model_copy(
        update={"date": dt.date(2025, 4, 9), "status": "expired"}))
    add_agreement(store, extended)
    both = run(["status_change", "expiry"])
    assert [a.kind for a in both.sent].count("expired") == 1
    assert not any(a.key.endswith(":expired") for a in both.sent)
    alone = run(["status_change"], now=NOW + dt.timedelta(days=1))
    assert [a.key for a in alone.sent] == ["status_change:watch-halt:-:2025-04-09:expired"]


def test_source_failing_after_the_threshold_once_per_run_of_failures(store, run):
    since = NOW - dt.timedelta(minutes=90)
    source = {"id": "rss:https://example.org/feed", "failing_since": since, "failures": 4,
              "last_error": "https://example.org/feed answered 503 Service Unavailable"}
    assert run([{"source_failing": {"after": "2h"}}], sources=[source]).sent == []
    found = run(["source_failing"], sources=[source])
    assert [a.kind for a in found.sent] == ["source_failing"]
    assert "failing for 1h 30m (4 failed polls since 2025-04-10 10:30 UTC)" in found.sent[0].text
    assert run(["source_failing"], sources=[source]).sent == []
    again = dict(source, failing_since=NOW - dt.timedelta(hours=3))
    assert len(run(["source_failing"], sources=[again]).sent) == 1  # a new run of failures


def test_describe_incident_without_a_place():
    row = {"id": "inc-1", "target_class": "energy.other", "admin1": None, "country": "UA",
           "place": None, "event_date": None}
    assert describe_incident(row) == "energy.other in UA on an unknown date (inc-1)"
