"""The issue's 'done when': against a feed served on the loopback, a new entry reporting a
strike in scope produces, within one round, the first-violation alert in every configured sink;
running the round again produces nothing new; the dashboard lists the alert and /alerts.atom
carries it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from fastapi.testclient import TestClient

from trucewatch.web import create_app

from .conftest import KHARKIV, SUDZHA, serve_feed

KEY = "first_violation:watch-halt:energy-halt:RU:UA"
ATOM = "{http://www.w3.org/2005/Atom}"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_a_new_strike_in_scope_alerts_every_sink_once(
        tmp_path, db, site, hook, smtp, tls_files, make_watcher, capsys):
    inbox, port = smtp
    feed = serve_feed(site, "/feed.xml", [KHARKIV])
    jsonl = tmp_path / "alerts.jsonl"
    watcher = make_watcher({
        "interval": "5m",
        "sources": [{"rss": feed}],
        "alerts": {"dashboard_url": "http://127.0.0.1:8000", "to": [
            {"stdout": "json"},
            {"jsonl": "alerts.jsonl"},
            {"webhook": hook.url, "secret_env": "TW_HOOK_SECRET"},
            {"email": "analysts@example.org", "smtp": f"127.0.0.1:{port}",
             "ca_file": str(tls_files[0])},
        ]},
    })

    first = watcher.run_once(force=True)  # the history so far: one summary, nothing else
    assert [a.kind for a in first.alerts] == ["summary"]
    assert first.baselined > 0
    assert first.delivery.delivered == 4 and not first.delivery.failed

    serve_feed(site, "/feed.xml", [KHARKIV, SUDZHA])
    second = watcher.run_once(force=True)
    keys = {a.key for a in second.alerts}
    assert KEY in keys
    assert not second.delivery.failed
    alert = next(a for a in second.alerts if a.key == KEY)
    assert (alert.kind, alert.agreement, alert.commitment, alert.reading, alert.party) == (
        "first_violation", "watch-halt", "energy-halt", "RU", "UA")
    assert alert.incidents and alert.text.startswith("First violation by UA under RU's reading")

    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    written = _lines(jsonl)
    mails = [" ".join(str(message["Subject"]).split()) for message, _ in inbox.messages]
    for got in (printed, written, [a for _, _, a in hook.received]):
        assert [a["key"] for a in got].count(KEY) == 1
        assert [a["key"] for a in got].count(first.alerts[0].key) == 1
    assert all(valid for _, valid, _ in hook.received)
    assert sum(alert.text[:60] in subject for subject in mails) == 1
    assert all(tls for _, tls in inbox.messages)
    line = next(a for a in written if a["key"] == KEY)
    assert {"key", "kind", "agreement", "commitment", "reading", "party", "incidents", "text",
            "created"} <= set(line)
    assert line["links"]["explain"] == f"trucewatch explain {alert.incidents[0]}"
    assert line["links"]["dashboard"] == f"http://127.0.0.1:8000/incidents/{alert.incidents[0]}"

    third = watcher.run_once(force=True)
    assert third.alerts == [] and third.delivery.delivered == 0
    assert len(_lines(jsonl)) == len(written)
    assert len(hook.received) == len(written)
    assert len(inbox.messages) == len(written)
    assert capsys.readouterr().out == ""

    watcher.release()
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as client:
        page = client.get("/alerts")
        assert page.status_code == 200
        assert alert.text.replace("'", "&#39;") in page.text
        feed_xml = client.get("/alerts.atom")
        assert feed_xml.headers["content-type"].startswith("application/atom+xml")
        titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(feed_xml.content)
                  .iter(f"{ATOM}entry")]
        assert alert.text in titles
