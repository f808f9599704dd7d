"""The commands that write the agreement's life, the events, the watcher's rounds and read
the alerts work on a database a running server owns: each goes through the server as a
service operation (the server in its own process, each command in another, as from another
shell)."""

from __future__ import annotations

import json

import yaml

from tests.web.test_serve_cli import Served, _cli
from trucewatch.store import open_store

from .conftest import AGREEMENT, KHARKIV, serve_feed


def _ok(result) -> str:
    assert result.returncode == 0, result.stderr
    assert "Could not set lock" not in result.stderr
    return result.stdout


def test_life_events_watch_and_alerts_through_a_running_server(tmp_path, db, site):
    spec = yaml.safe_load(AGREEMENT.read_text())
    spec["commitments"][1]["preconditions"] = [
        {"id": "lists", "text": "lists of prisoners agreed", "set_by": "UA"}]
    changed = tmp_path / "agreement.yaml"
    changed.write_text(yaml.safe_dump(spec, sort_keys=False))
    table = tmp_path / "swap.csv"
    table.write_text("kind,date,item,side,quantity,url\n"
                     "exchange,2025-04-05,prisoners,RU,100,https://example.org/swap\n")
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({
        "sources": [{"rss": serve_feed(site, "/feed.xml", [KHARKIV])}],
        "alerts": {"rules": ["first_violation", "expiry"],
                   "first_run": "alerts", "to": [{"stdout": "text"}]}}))

    served = Served(db)
    try:
        assert _ok(_cli("agreement", "add", str(changed), db=db)).strip().endswith(
            "watch-halt version 2 new version")
        assert _ok(_cli("agreement", "status", "watch-halt", "extended", "--date",
                        "2025-04-09", "--until", "2025-05-16", "--commitment", "energy-halt",
                        db=db)).strip() == "watch-halt version 3 new version"
        assert _ok(_cli("agreement", "precondition", "watch-halt", "exchange", "lists", "met",
                        "--date", "2025-03-20", "--by", "UA", db=db)
                   ).strip() == "watch-halt version 4 new version"
        assert _ok(_cli("events", "import", str(table), db=db)).strip() == (
            f"{table}: 1 new events")

        view = json.loads(_ok(_cli("commitments", "watch-halt", "--format", "json",
                                   "--as-of", "2025-04-10", db=db)))
        exchange = next(c for c in view["commitments"] if c["id"] == "exchange")
        assert [(i["side"], i["reported"], i["state"]) for i in
                exchange["fulfilment"]["items"]] == [("RU", 100, "partial"),
                                                     ("UA", 0, "overdue")]
        halt = next(c for c in view["commitments"] if c["id"] == "energy-halt")
        assert halt["status"] == "extended"

        # a watch round runs in the server; the stdout sink's alerts come back to this shell
        watched = _cli("watch", str(sources), "--once", db=db)
        out = _ok(watched)
        assert "round: 1 source(s) polled, 1 with news, 0 failing" in watched.stderr
        assert "[first_violation] First violation by RU under RU's reading" in out
        assert "[window_extended] RU's reading of energy-halt (watch-halt) is extended until " \
               "2025-05-16" in out
        again = _cli("watch", str(sources), "--once", "--all", db=db)
        assert _ok(again) == ""  # the same round twice: nothing new
        assert "round: 1 source(s) polled, 0 with news" in again.stderr

        alerts = json.loads(_ok(_cli("alerts", "--format", "json", db=db)))
        assert {a["kind"] for a in alerts} >= {"first_violation", "window_extended"}
        assert all(a["deliveries"][0]["state"] == "delivered" for a in alerts)
        assert "alert(s), newest first" in _ok(_cli("alerts", db=db))
    finally:
        assert served.stop() == 0
    with open_store(db) as store:
        actions = dict(store.conn.execute(
            "SELECT action, count(*) FROM audit_log GROUP BY action").fetchall())
    assert actions["import_events"] == 1 and actions["ingest"] == 1
