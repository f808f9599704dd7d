"""Each alert rule on a real store: what it raises, under which stable key, and only once."""

from __future__ import annotations

import datetime as dt

from tests.watch.conftest import AGREEMENT, SUDZHA_DENIED
from trucewatch.agreements import add_agreement, load_spec
from trucewatch.alerts import RULES
from trucewatch.alerts.rules import describe_incident
from trucewatch.model import StatusEntry
from trucewatch.workflow import set_status

from .conftest import NOW, add_strikes


def _keys(evaluation):
    return sorted(a.key for a in evaluation.sent)


def test_every_rule_is_registered_with_a_summary():
    assert sorted(RULES) == ["disputed", "escape_clause", "expiry", "first_violation",
                             "fulfilment", "new_violation", "overdue", "precondition",
                             "source_failing", "status_change"]
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


def _with_statuses(*entries: dict) -> object:
    """The test agreement, its energy halt given ``entries`` as further statuses."""
    changed = load_spec(AGREEMENT).model_copy(deep=True)
    halt = changed.commitment("energy-halt")
    halt.status.extend(StatusEntry.model_validate(entry) for entry in entries)
    return changed


def test_a_recorded_extension_moves_the_expiry_alert(store, run):
    assert _keys(run(["expiry"])) == ["window_ending:watch-halt:energy-halt:RU:2025-04-16:7"]
    set_status(store, "watch-halt", StatusEntry(date=dt.date(2025, 4, 9), status="extended",
                                                until=dt.date(2025, 5, 16), source="s1"),
               commitment_id="energy-halt")
    found = run(["expiry"])
    assert _keys(found) == ["window_extended:watch-halt:energy-halt:RU:2025-04-16:2025-05-16"]
    assert found.sent[0].text == (
        "RU's reading of energy-halt (watch-halt) is extended until 2025-05-16 (its last day "
        "was 2025-04-16): extended on 2025-04-09 to 2025-05-16; source: "
        "https://example.org/statement")
    assert run(["expiry"]).sent == []  # the same round again: nothing new
    # the old last day passes without an alert; the countdown is to the new one
    assert run(["expiry"], now=dt.datetime(2025, 4, 17, tzinfo=dt.UTC)).sent == []
    week = run(["expiry"], now=dt.datetime(2025, 5, 10, tzinfo=dt.UTC))
    assert _keys(week) == ["window_ending:watch-halt:energy-halt:RU:2025-05-16:7"]


def test_an_expiry_ends_every_reading_and_the_windows_count_down_to_it(store, run):
    add_agreement(store, _with_statuses({"date": "2025-04-15", "status": "expired",
                                         "note": "the halt lapsed", "source": "s1"}))
    ahead = run(["expiry"], now=dt.datetime(2025, 4, 10, tzinfo=dt.UTC))
    # UA's reading states no end: the expiry recorded ahead gives it its last day
    assert _keys(ahead) == ["window_ending:watch-halt:energy-halt:RU:2025-04-14:7",
                            "window_ending:watch-halt:energy-halt:UA:2025-04-14:7"]
    assert "(the commitment expired on 2025-04-15)" in ahead.sent[0].text
    after = run(["expiry"], now=dt.datetime(2025, 4, 20, tzinfo=dt.UTC))
    assert _keys(after) == ["expired:watch-halt:energy-halt:2025-04-15"]
    assert after.sent[0].text == (
        "energy-halt (watch-halt) expired on 2025-04-15: the RU and UA readings no longer "
        "apply from that day (source: https://example.org/statement)")
    assert after.sent[0].detail["readings"] == ["RU", "UA"]


def test_a_denunciation_by_one_party_ends_its_reading_only(store, run):
    add_agreement(store, _with_statuses({"date": "2025-04-05", "status": "denounced",
                                         "declared_by": "UA"}))
    found = run(["expiry"])
    assert _keys(found) == ["denounced:watch-halt:energy-halt:2025-04-05:UA",
                            "window_ending:watch-halt:energy-halt:RU:2025-04-16:7"]
    denounced = next(a for a in found.sent if a.kind == "denounced")
    assert (denounced.reading, denounced.party) == ("UA", "UA")
    assert denounced.detail["unaffected"] == ["RU"]
    assert denounced.text == (
        "energy-halt (watch-halt) was denounced on 2025-04-05 (declared by UA): UA's reading no "
        "longer applies from that day; under RU's reading nothing changes, so a strike by UA "
        "may still be a violation there")


def test_status_changes_with_who_declared_them(store, run):
    changes = run(["status_change"])
    assert _keys(changes) == [
        "status_change:watch-halt:-:2025-03-18:agreed",
        "status_change:watch-halt:energy-halt:2025-03-18:in_force",
        "status_change:watch-halt:exchange:2025-03-18:agreed",
    ]
    add_agreement(store, _with_statuses({"date": "2025-04-02", "status": "suspended",
                                         "declared_by": "RU", "note": "talks paused"}))
    suspended = run(["status_change"])
    assert _keys(suspended) == ["status_change:watch-halt:energy-halt:2025-04-02:suspended:RU"]
    assert suspended.sent[0].text == (
        "energy-halt (watch-halt) is suspended from 2025-04-02 (declared by RU); RU's reading is "
        "out of force until it resumes: talks paused")
    assert suspended.sent[0].party == "RU"


def test_status_change_leaves_window_statuses_to_expiry_when_both_are_on(store, run):
    add_agreement(store, _with_statuses(
        {"date": "2025-04-09", "status": "expired"},
        {"date": "2025-04-08", "status": "extended", "until": "2025-04-30"}))
    both = run(["status_change", "expiry"])
    kinds = [a.kind for a in both.sent]
    assert kinds.count("expired") == 1 and kinds.count("window_extended") == 1
    assert not any(a.key.endswith((":expired", ":extended")) for a in both.sent)
    alone = run(["status_change"], now=NOW + dt.timedelta(days=1))
    assert sorted(a.key for a in alone.sent) == [
        "status_change:watch-halt:energy-halt:2025-04-08:extended",
        "status_change:watch-halt:energy-halt:2025-04-09:expired"]
    extended = next(a for a in alone.sent if a.key.endswith(":extended"))
    assert extended.text == ("energy-halt (watch-halt) is extended until 2025-04-30 from "
                             "2025-04-08; every reading with a last day runs until 2025-04-30")


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
