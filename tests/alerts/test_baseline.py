"""The first evaluation over an existing history sends one summary, not hundreds of alerts; what
comes after is sent one by one."""

from __future__ import annotations

from tests.watch.conftest import AGREEMENT
from trucewatch.agreements import add_agreement, load_spec
from trucewatch.alerts import list_alerts

from .conftest import add_strikes


def test_the_history_is_one_summary(strikes, run, tmp_path):
    first = run(first_run="summary", sinks=["stdout"])
    assert [a.kind for a in first.sent] == ["summary"]
    summary = first.summary
    assert summary is not None and len(first.baselined) > 10
    assert summary.text.startswith(f"Watching from now on: {len(first.baselined)} alert(s)")
    counts = summary.detail["counts"]["watch-halt"]
    assert counts["first_violation"] == 4 and counts["new_violation"] == 3
    listed = [item["kind"] for item in summary.detail["alerts"]]
    assert listed[:4] == ["first_violation"] * 4  # what changes obligations comes first
    stored = list_alerts(strikes.conn, history=True, limit=1000)
    assert len(stored) == len(first.baselined) + 1
    assert [a.key for a in list_alerts(strikes.conn)] == [summary.key]
    delivered_to = strikes.conn.execute(
        "SELECT alert_key FROM alert_deliveries").fetchall()
    assert delivered_to == [(summary.key,)]  # only the summary goes to the sinks

    assert run(first_run="summary").sent == []
    from tests.watch.conftest import SUDZHA_DENIED
    add_strikes(strikes, tmp_path, [SUDZHA_DENIED], "later.jsonl")
    later = run(first_run="summary")
    assert [a.kind for a in later.sent] == ["disputed"] and later.summary is None


def test_a_rule_switched_on_later_sums_up_its_own_history(strikes, run):
    run(["first_violation"], first_run="summary")
    later = run(["first_violation", "new_violation"], first_run="summary")
    assert later.summary is not None
    assert {a.rule for a in later.baselined} == {"new_violation"}
    assert later.summary.detail["counts"] == {"watch-halt": {"new_violation": 3}}


def test_a_new_agreement_sums_up_its_own_history(strikes, run):
    run(first_run="summary")
    other = load_spec(AGREEMENT).model_copy(update={"id": "watch-halt-2"}, deep=True)
    add_agreement(strikes, other)
    from trucewatch.assess import assess

    assess(strikes)
    later = run(first_run="summary")
    assert later.summary is not None and later.summary.agreement == "watch-halt-2"
    assert {a.agreement for a in later.baselined} == {"watch-halt-2"}


def test_first_run_alerts_sends_everything(strikes, run):
    everything = run(first_run="alerts")
    assert everything.summary is None and everything.baselined == []
    assert len(everything.sent) > 10
