"""Exchanges read from news in three languages, matched to the commitment with numbers and
sources; fulfilment per item; the JSON of ``trucewatch commitments``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests.conftest import FLAGSHIP
from trucewatch.agreements import load_spec
from trucewatch.cli import app
from trucewatch.commitments import commitments_view, import_events
from trucewatch.commitments.exchange import read_exchanges
from trucewatch.errors import InputError
from trucewatch.report import write_report
from trucewatch.store import open_store
from trucewatch.web import create_app
from trucewatch.workflow import add_agreement, ingest

DAY = dt.date(2025, 3, 19)


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Russia and Ukraine exchanged 175 for 175 on Wednesday.",
     [("prisoners", 175, "each", None, None, None)]),
    ("en", "23 seriously wounded were handed over by Russia.",
     [("wounded", 23, None, None, None, None)]),
    ("en", "Russia handed over an additional 22 heavily wounded Ukrainian prisoners.",
     [("wounded", 22, None, None, "RU", None)]),
    ("uk", "Відбувся обмін 175 на 175.", [("prisoners", 175, "each", None, None, None)]),
    ("uk", "Росіяни передали 23 тяжкопоранених.", [("wounded", 23, None, None, "RU", None)]),
    ("ru", "Состоялся обмен 175 на 175.", [("prisoners", 175, "each", None, None, None)]),
    ("ru", "Передали 23 тяжелораненых.", [("wounded", 23, None, None, None, None)]),
    ("ru", "Украине переданы 175 военнопленных.", [("prisoners", 175, None, None, None, "UA")]),
    ("en", "The bodies of 909 fallen soldiers were repatriated.",
     [("bodies", 909, None, None, None, None)]),
])
def test_reads_exchanges(language: str, text: str, expected: list[tuple[object, ...]]) -> None:
    (event,) = read_exchanges(text, language, DAY)
    got = [(i["item"], i["quantity"], i["side"], i["people_of"], i["handed_by"],
            i["received_by"]) for i in event["items"]]
    assert got == expected
    assert event["date"] == DAY


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Russia and Ukraine will exchange 175 for 175 on 19 March."),
    ("en", "Putin promised to release 23 wounded prisoners."),
    ("uk", "Сторони домовилися про обмін 1000 на 1000."),
    ("ru", "В ближайшие дни Россия и Украина обменяются пленными 1000 на 1000."),
    ("en", "Talks were held on 19 March."),
])
def test_promises_and_other_news_are_no_exchange(language: str, text: str) -> None:
    assert read_exchanges(text, language, DAY) == []


@pytest.fixture
def flagship(tmp_path: Path):
    with open_store(tmp_path / "t.duckdb") as store:
        add_agreement(store, load_spec(FLAGSHIP / "agreement.yaml"))
        ingest(store, "text", [FLAGSHIP / "inputs" / "commitments.jsonl"])
        yield store


def test_the_flagship_exchange_is_matched_with_numbers_and_sources(flagship) -> None:
    view = commitments_view(flagship, "energy-moratorium-2025", as_of=dt.date(2025, 5, 1))
    assert set(view) == {"agreement", "commitments"}
    assert all(set(c) == {"id", "kind", "status", "since", "history", "fulfilment"}
               for c in view["commitments"])
    exchange = next(c for c in view["commitments"] if c["kind"] == "exchange")
    items = {(i["item"], i["side"]): i for i in exchange["fulfilment"]["items"]}
    assert all(set(i) == {"item", "side", "agreed", "reported", "state", "sources"}
               for i in items.values())
    assert (items["prisoners", "RU"]["reported"], items["prisoners", "RU"]["state"]) == (
        175, "fulfilled")
    assert items["prisoners", "UA"]["state"] == "fulfilled"
    wounded = items["wounded", "RU"]
    assert (wounded["agreed"], wounded["reported"], wounded["state"]) == (23, 22, "partial")
    languages = {s["url"].split("/")[2] for s in items["prisoners", "UA"]["sources"]}
    assert {"kyivindependent.com", "tsn.ua", "news-ukraine.ru"} <= languages
    sea = next(c for c in view["commitments"] if c["id"] == "black-sea")
    assert sea["status"] == "not in force: precondition unmet"
    assert all(c["status"] for c in view["commitments"])


def test_fulfilment_states_follow_the_due_date(tmp_path: Path) -> None:
    spec = load_spec(FLAGSHIP / "agreement.yaml")
    with open_store(tmp_path / "t.duckdb") as store:
        add_agreement(store, spec)
        before = commitments_view(store, spec.id, as_of=dt.date(2025, 3, 18))
        after = commitments_view(store, spec.id, as_of=dt.date(2025, 3, 25))
    state = {c["id"]: c["fulfilment"].get("state") for c in before["commitments"]}
    assert state["prisoner-exchange"] == "not_started"
    assert {c["id"]: c["fulfilment"].get("state") for c in after["commitments"]}[
        "prisoner-exchange"] == "overdue"


def test_events_from_a_table(tmp_path: Path) -> None:
    table = tmp_path / "events.csv"
    table.write_text("kind,date,item,side,quantity,url\n"
                     "exchange,2025-03-19,wounded,RU,23,https://example.org/w\n", encoding="utf-8")
    spec = load_spec(FLAGSHIP / "agreement.yaml")
    with open_store(tmp_path / "t.duckdb") as store:
        add_agreement(store, spec)
        assert import_events(store, table) == 1
        assert import_events(store, table) == 0
        view = commitments_view(store, spec.id, as_of=dt.date(2025, 4, 1))
    exchange = next(c for c in view["commitments"] if c["kind"] == "exchange")
    wounded = next(i for i in exchange["fulfilment"]["items"] if i["item"] == "wounded")
    assert (wounded["reported"], wounded["state"]) == (23, "fulfilled")
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,date,item,side,quantity\nexchange,2025-03-19,sheep,RU,2\n",
                   encoding="utf-8")
    with open_store(tmp_path / "t.duckdb") as store, pytest.raises(InputError) as caught:
        import_events(store, bad)
    assert str(caught.value).startswith(f"{bad}:2: item: 'sheep' is not one of prisoners")


def test_cli_commitments_json(flagship) -> None:
    db = str(flagship.path)
    flagship.close()
    out = CliRunner().invoke(app, ["--db", db, "commitments", "energy-moratorium-2025",
                                   "--format", "json", "--as-of", "2025-05-01"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["agreement"] == "energy-moratorium-2025"
    assert [c["kind"] for c in data["commitments"]] == [
        "halt_strikes", "exchange", "halt_strikes", "talks"]
    out = CliRunner().invoke(app, ["--db", db, "commitments", "energy-moratorium-2025"])
    assert out.exit_code == 0 and "22" in out.output and "partial" in out.output


def test_report_and_dashboard_show_the_commitments(flagship, tmp_path: Path) -> None:
    out = write_report(flagship, "energy-moratorium-2025", tmp_path / "r.html")
    html = out.read_text(encoding="utf-8")
    assert 'id="commitments"' in html and "not in force: precondition unmet" in html
    assert 'data-commitment="prisoner-exchange"' in html
    markdown = write_report(flagship, "energy-moratorium-2025", tmp_path / "r.md").read_text(
        encoding="utf-8")
    assert "wounded handed over by RU: 22 of 23 reported (partial)" in markdown
    db = flagship.path
    flagship.close()
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as client:
        page = client.get("/agreements/energy-moratorium-2025")
        twin = client.get("/api/agreements/energy-moratorium-2025/commitments").json()
    assert page.status_code == 200 and 'data-kind="exchange"' in page.text
    assert [c["id"] for c in twin["commitments"]] == [
        "energy-halt", "prisoner-exchange", "black-sea", "full-ceasefire-talks"]
