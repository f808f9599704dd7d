"""The dashboard's alerts page, its JSON twin and the Atom feed, over a store with alerts whose
text carries markup from a source."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from fastapi.testclient import TestClient

from trucewatch.alerts import Alert
from trucewatch.alerts.store import insert_alerts
from trucewatch.store import open_store
from trucewatch.web import create_app

from .seed import SCRIPT, XSS_ID

ATOM = "{http://www.w3.org/2005/Atom}"
NOW = dt.datetime(2025, 4, 10, 12, tzinfo=dt.UTC)


def _seed_alerts(db):
    alerts = [
        Alert(key="first_violation:test-halt:energy-halt:RU:RU", kind="first_violation",
              rule="first_violation", agreement="test-halt", commitment="energy-halt",
              reading="RU", party="RU", incidents=[XSS_ID],
              text=f"First violation by RU under RU's reading: {SCRIPT} in <b>Bold</b> town"),
        Alert(key="status_change:test-halt:-:2025-03-18:agreed", kind="status_change",
              rule="status_change", agreement="test-halt", text="test-halt is agreed",
              baseline=True),
    ]
    with open_store(db) as store, store.transaction() as conn:
        insert_alerts(conn, alerts[1:], now=NOW, sinks=[])
        insert_alerts(conn, alerts[:1], now=NOW, sinks=["stdout"])


def test_alerts_page_escapes_and_links(db):
    _seed_alerts(db)
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as client:
        page = client.get("/alerts")
        assert page.status_code == 200
        assert SCRIPT not in page.text and "&lt;script&gt;" in page.text
        assert f'href="/incidents/{XSS_ID}"' in page.text
        assert "trucewatch explain inc-xss" in page.text
        assert "stdout: pending" in page.text
        assert "test-halt is agreed" not in page.text  # history only on request
        assert "test-halt is agreed" in client.get("/alerts?history=true").text
        assert 'href="/alerts" aria-current="page"' in page.text
        data = client.get("/api/alerts?kind=first_violation").json()
        assert data["total"] == 1 and data["alerts"][0]["party"] == "RU"
        assert data["alerts"][0]["links"]["dashboard"] == f"http://127.0.0.1:8000/incidents/{XSS_ID}"
        assert client.get("/api/alerts?per_page=0").status_code == 422


def test_alerts_atom_is_a_valid_feed(db):
    _seed_alerts(db)
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as client:
        response = client.get("/alerts.atom")
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    entries = list(feed.iter(f"{ATOM}entry"))
    assert len(entries) == 1
    entry = entries[0]
    assert entry.findtext(f"{ATOM}title").startswith("First violation by RU")
    assert SCRIPT in entry.findtext(f"{ATOM}title")  # text, escaped by XML, not markup
    assert entry.find(f"{ATOM}link").get("href") == f"http://127.0.0.1:8000/incidents/{XSS_ID}"
    assert entry.findtext(f"{ATOM}id").startswith("urn:uuid:")
    assert entry.findtext(f"{ATOM}updated") == "2025-04-10T12:00:00Z"
