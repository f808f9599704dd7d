"""The rules that read a commitment's fulfilment (exchanges, meetings) and its preconditions,
on a real store: events imported from a table, statements recorded as new versions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.watch.conftest import AGREEMENT
from trucewatch.agreements import add_agreement, load_spec
from trucewatch.commitments import import_events
from trucewatch.model import Agreement, Commitment, PreconditionState
from trucewatch.store import Store
from trucewatch.workflow import set_precondition

from .conftest import NOW

_COLUMNS = "kind,date,item,side,quantity,state,place,delegations,url,outlet,note\n"


def _keys(evaluation) -> list[str]:
    return sorted(a.key for a in evaluation.sent)


def _events(store: Store, folder: Path, name: str, *rows: str) -> None:
    path = folder / name
    path.write_text(_COLUMNS + "".join(row + "\n" for row in rows), encoding="utf-8")
    import_events(store, path)


def _with(**commitment: object) -> Agreement:
    """The test agreement with one more commitment."""
    spec = load_spec(AGREEMENT).model_dump(mode="json")
    spec["commitments"].append(Commitment.model_validate(commitment).model_dump(mode="json"))
    return Agreement.model_validate(spec)


def test_an_overdue_exchange_fires_once_per_item(store, run):
    assert run([{"overdue": {"grace_days": 30}}]).sent == []  # within the grace
    found = run(["overdue"])
    assert _keys(found) == ["overdue:watch-halt:exchange:prisoners:RU:2025-03-30",
                            "overdue:watch-halt:exchange:prisoners:UA:2025-03-30"]
    ru = next(a for a in found.sent if a.party == "RU")
    assert ru.kind == "exchange_overdue" and ru.commitment == "exchange"
    assert ru.text == ("Exchange exchange (watch-halt) is overdue: prisoners handed over by RU: "
                       "0 of 175 reported, due 2025-03-30, 11 days ago")
    assert run(["overdue"]).sent == []  # the same round twice: nothing new
    assert run(["overdue"], now=NOW + dt.timedelta(days=3)).sent == []


def test_a_reported_exchange_is_partial_not_overdue(store, run, tmp_path):
    _events(store, tmp_path, "swap.csv",
            "exchange,2025-04-05,prisoners,RU,100,,,,https://example.org/swap,Outlet,")
    found = run(["overdue", "fulfilment"])
    assert _keys(found) == ["exchange_partial:watch-halt:exchange:prisoners:RU:100",
                            "overdue:watch-halt:exchange:prisoners:UA:2025-03-30"]
    partial = next(a for a in found.sent if a.kind == "exchange_partial")
    assert partial.text == ("Exchange exchange (watch-halt) is partial: prisoners handed over "
                            "by RU: 100 of 175 reported, due 2025-03-30 (sources: 2025-04-05 "
                            "Outlet)")
    assert partial.detail["sources"] == [{"date": "2025-04-05", "url": "https://example.org/swap",
                                          "outlet": "Outlet"}]
    assert run(["overdue", "fulfilment"]).sent == []
    # a second handover on another day adds up: the whole number is no alert at all
    _events(store, tmp_path, "rest.csv", "exchange,2025-04-06,prisoners,RU,75,,,,,,")
    assert run(["overdue", "fulfilment"]).sent == []
    # the same table imported again changes nothing
    _events(store, tmp_path, "swap.csv",
            "exchange,2025-04-05,prisoners,RU,100,,,,https://example.org/swap,Outlet,")
    assert run(["overdue", "fulfilment"]).sent == []


def test_a_promised_meeting_overdue_then_cancelled(store, run, tmp_path):
    add_agreement(store, _with(id="talks", kind="talks", title="Technical talks",
                               status=[{"date": "2025-03-18", "status": "agreed"}],
                               meetings=[{"id": "riyadh", "title": "Talks in Riyadh",
                                          "due": "2025-03-31", "place": "Riyadh",
                                          "parties": ["RU", "UA"]}]))
    found = run(["overdue"])
    assert _keys(found) == ["overdue:watch-halt:exchange:prisoners:RU:2025-03-30",
                            "overdue:watch-halt:exchange:prisoners:UA:2025-03-30",
                            "overdue:watch-halt:talks:riyadh:2025-03-31"]
    meeting = next(a for a in found.sent if a.kind == "meeting_overdue")
    assert meeting.text == ("Meeting riyadh of talks (watch-halt) is overdue: Talks in Riyadh in "
                            "Riyadh, due 2025-03-31, 10 days ago; no report of it held, "
                            "scheduled or cancelled")
    _events(store, tmp_path, "talks.csv",
            "meeting,2025-04-08,,,,cancelled,Riyadh,RU;UA,https://example.org/off,Outlet,")
    cancelled = run(["overdue", "fulfilment"])
    assert _keys(cancelled) == ["meeting_cancelled:watch-halt:talks:riyadh"]
    assert cancelled.sent[0].text == (
        "Meeting riyadh of talks (watch-halt) was reported cancelled or postponed on 2025-04-08:"
        " Talks in Riyadh (sources: 2025-04-08 Outlet)")
    assert run(["overdue", "fulfilment"]).sent == []


def test_a_precondition_declared_once_per_statement(store, run):
    add_agreement(store, _with(
        id="sea", kind="halt_strikes", title="Black Sea ceasefire", bound=["RU", "UA"],
        status=[{"date": "2025-03-25", "status": "agreed"}],
        preconditions=[{"id": "sanctions", "text": "sanctions on farm exports lifted",
                        "set_by": "RU"}],
        readings=[{"party": party, "scope": ["transport.port"], "start": "2025-03-25",
                   "quote": "no strikes on ports", "source": "s1"} for party in ("RU", "UA")]))
    assert run(["precondition"]).sent == []  # nobody has said anything yet
    set_precondition(store, "watch-halt", "sea", "sanctions",
                     PreconditionState(date=dt.date(2025, 3, 26), state="unmet", by="RU",
                                       source="s1"))
    found = run(["precondition"])
    assert _keys(found) == ["precondition:watch-halt:sea:sanctions:2025-03-26:RU:unmet"]
    alert = found.sent[0]
    assert (alert.kind, alert.party) == ("precondition_unmet", "RU")
    assert alert.text.startswith(
        "RU says the precondition sanctions of sea (watch-halt) is unmet on 2025-03-26: sea is "
        "then not in force: precondition unmet")
    assert alert.text.endswith("(source: https://example.org/statement)")
    assert run(["precondition"]).sent == []
    set_precondition(store, "watch-halt", "sea", "sanctions",
                     PreconditionState(date=dt.date(2025, 4, 8), state="met", by="RU"))
    met = run(["precondition"])
    assert _keys(met) == ["precondition:watch-halt:sea:sanctions:2025-04-08:RU:met"]
    assert met.sent[0].detail["not_in_force"] == []
