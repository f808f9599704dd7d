"""``trucewatch serve --watch``: the watcher runs inside the server that owns the store, its
writes queued on the server's writer while the dashboard answers reads; SIGTERM stops both.

The server runs as its own process, as a user runs it; the feed is served on the loopback."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import yaml

from tests.web.test_serve_cli import Served, _cli
from trucewatch.cli import app
from trucewatch.store import open_store
from trucewatch.store.owner import server_file

from .conftest import KHARKIV, SUDZHA, serve_feed


def _sent(jsonl: Path) -> list[str]:
    if not jsonl.exists():
        return []
    return [json.loads(line)["key"] for line in jsonl.read_text().splitlines()]


def _until(check, what: str, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting for {what}")


def test_the_watcher_runs_inside_the_server(tmp_path, db, site):
    feed = serve_feed(site, "/feed.xml", [KHARKIV])
    jsonl = tmp_path / "alerts.jsonl"
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({
        "interval": "1s", "sources": [{"rss": feed}],
        "alerts": {"rules": ["first_violation"], "first_run": "alerts",
                   "to": [{"jsonl": str(jsonl)}]}}), encoding="utf-8")
    served = Served(db, "--watch", str(sources))
    try:
        assert served.process.stdout.readline().strip() == (
            f"watching 1 source(s) of {sources}")
        first = "first_violation:watch-halt:energy-halt:RU:RU"
        _until(lambda: first in _sent(jsonl), "the first round's alert")

        # a new entry comes in while the dashboard keeps answering reads
        serve_feed(site, "/feed.xml", [KHARKIV, SUDZHA])
        reads = []

        def read_and_check() -> bool:
            answer = httpx.get(served.url + "api/incidents", params={"agreement": "watch-halt"},
                               timeout=30)
            reads.append(answer.status_code)
            return "first_violation:watch-halt:energy-halt:RU:UA" in _sent(jsonl)

        _until(read_and_check, "the new entry's alert")
        assert reads and set(reads) == {200}
        listed = httpx.get(served.url + "api/incidents",
                           params={"agreement": "watch-halt"}).json()
        assert listed["total"] == 2
        alerts = httpx.get(served.url + "api/alerts").json()
        assert {a["key"] for a in alerts["alerts"]} >= {
            first, "first_violation:watch-halt:energy-halt:RU:UA"}
        # a command from another shell still goes through the server meanwhile
        status = _cli("status", "--format", "json", db=db)
        assert status.returncode == 0, status.stderr
        assert _sent(jsonl).count(first) == 1  # later rounds send nothing again
    finally:
        served.process.terminate()  # SIGTERM
        _, log = served.process.communicate(timeout=120)
    assert served.process.returncode == 0, log
    assert "round: 1 source(s) polled, 1 with news, 0 failing" in log
    assert "Traceback" not in log
    assert not server_file(db).exists()
    with open_store(db) as store:  # the file is free, and the watcher's writes are its own
        actors = {row[0] for row in store.conn.execute(
            "SELECT DISTINCT actor FROM audit_log WHERE action = 'ingest'").fetchall()}
        health = store.conn.execute("SELECT count(*) FROM watch_sources").fetchone()[0]
    assert actors == {"watch"} and health == 1


def test_a_bad_watch_file_is_refused_before_serving(runner, tmp_path, db):
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - rss: https://example.org/feed.xml\n    every: often\n")
    result = runner.invoke(app, ["--db", str(db), "serve", "--port", "0", "--watch",
                                 str(sources)])
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: {sources}:3: sources.0.every: 'often' is not a "
                                     "duration such as 30s, 15m, 2h or 1d")
    assert not server_file(db).exists()
