"""kill -9 of a watcher mid-round, then a restart: no report is stored twice, no alert is lost
or sent twice. The watcher runs as its own process (``trucewatch watch --once``)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import yaml

from .conftest import KHARKIV, ODESA, SUDZHA, TALKS, serve_feed
from .servers import Entry

CLI = "from trucewatch.cli import main; main()"


def _watch(db: Path, config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CLI, "--db", str(db), "watch", str(config), "--once", "--all"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())


def _wait_for(process: subprocess.Popen[str], needle: str) -> list[str]:
    """Read the watcher's log until a line holds ``needle``; the lines read."""
    lines = []
    assert process.stderr is not None
    for line in process.stderr:
        lines.append(line)
        if needle in line:
            return lines
    raise AssertionError(f"the watcher ended without logging {needle!r}: {''.join(lines)}")


def _finish(process: subprocess.Popen[str]) -> str:
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return err


def _query(db: Path, sql: str) -> list[tuple]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _sent(jsonl: Path) -> list[str]:
    return [json.loads(line)["key"] for line in jsonl.read_text().splitlines()]


def test_kill_9_mid_round_then_restart(tmp_path, db, site, hook):
    held = threading.Event()
    feeds = [serve_feed(site, "/a.xml", [KHARKIV]), serve_feed(site, "/b.xml", [TALKS]),
             serve_feed(site, "/c.xml", [ODESA], hold=held)]
    jsonl = tmp_path / "alerts.jsonl"
    config = tmp_path / "sources.yaml"
    config.write_text(yaml.safe_dump({
        "sources": [{"rss": feed} for feed in feeds],
        "alerts": {"to": [{"jsonl": str(jsonl)},
                          {"webhook": hook.url, "secret_env": "TW_HOOK_SECRET"}]}}))

    # 1. killed while the third feed has not answered: two feeds ingested, nothing judged
    first = _watch(db, config)
    _wait_for(first, "/b.xml: ")
    first.send_signal(signal.SIGKILL)
    first.wait()
    held.set()
    reports = _query(db, "SELECT count(*), count(DISTINCT id) FROM reports")[0]
    assert reports[0] == reports[1] == 1  # Kharkiv's report, once; the talks have none

    # 2. the restart ingests what is left (and nothing twice), judges, and sends one summary
    _finish(_watch(db, config))
    assert _query(db, "SELECT count(*), count(DISTINCT id) FROM reports")[0] == (2, 2)
    assert _query(db, "SELECT count(*) FROM documents")[0][0] == 3
    summary = _sent(jsonl)
    assert len(summary) == 1 and summary[0].startswith("summary:")
    assert hook.keys() == summary

    # 3. new strikes; killed while the webhook has not answered the first new alert
    serve_feed(site, "/a.xml", [KHARKIV, SUDZHA])
    serve_feed(site, "/b.xml", [TALKS, Entry("urn:test:9", "Strike on Kherson power line",
                                             "Russian shelling damaged a power line in the "
                                             "Kherson region on Friday, officials said.",
                                             "2025-03-28T15:00:00+02:00")])
    hook.hold = threading.Event()
    third = _watch(db, config)
    assert hook.arrived.wait(120)
    third.send_signal(signal.SIGKILL)
    third.wait()
    hook.hold.set()
    hook.hold = None

    # 4. the restart sends each alert that was not sent yet, and none twice
    _finish(_watch(db, config))
    stored = {key for (key,) in _query(db, "SELECT key FROM alerts WHERE NOT baseline")}
    written = _sent(jsonl)
    assert sorted(written) == sorted(set(written)) == sorted(stored)
    assert sorted(hook.keys()) == sorted(set(hook.keys())) == sorted(stored)
    assert any(key.startswith("first_violation:") for key in stored)
    assert _query(db, "SELECT count(*) FROM alert_deliveries WHERE state <> 'delivered'") == [(0,)]
    assert _query(db, "SELECT count(*), count(DISTINCT id) FROM reports WHERE NOT superseded"
                  )[0] == (4, 4)


def test_sigterm_finishes_the_current_item_then_stops(tmp_path, db, site):
    held = threading.Event()
    feeds = [serve_feed(site, "/a.xml", [KHARKIV]),
             serve_feed(site, "/b.xml", [SUDZHA], hold=held), serve_feed(site, "/c.xml", [ODESA])]
    config = tmp_path / "sources.yaml"
    config.write_text(yaml.safe_dump({"sources": [{"rss": feed} for feed in feeds]}))
    process = subprocess.Popen(  # not --once: it would watch until stopped
        [sys.executable, "-c", CLI, "--db", str(db), "watch", str(config)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for(process, "/a.xml: ")
    assert site.arrived.wait(30)
    time.sleep(1)  # the watcher moves on to the second feed, which does not answer
    process.send_signal(signal.SIGTERM)
    _wait_for(process, "stopping after the current item")
    held.set()
    err = _finish(process)
    assert "/b.xml: 1 read, 1 new documents" in err  # the current item was finished
    assert "(stopped)" in err
    assert site.count("/c.xml") <= 1  # polled perhaps, but never ingested
    assert _query(db, "SELECT count(*) FROM documents") == [(2,)]
    assert _query(db, "SELECT count(*) FROM alerts") == [(0,)]  # nothing judged while stopping
