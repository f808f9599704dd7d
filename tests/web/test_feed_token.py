"""A feed token opens ``/alerts.atom`` for a reader that cannot log in, and nothing else:
made, replaced and revoked with ``trucewatch users feed-token``, stored hashed, refused for a
disabled account. The server runs as its own process; the reader is a real HTTP client."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from trucewatch.alerts import Alert
from trucewatch.alerts.store import insert_alerts
from trucewatch.store import open_store

from .test_serve_cli import Served, _cli


def _token(db: Path, name: str) -> str:
    made = _cli("users", "feed-token", name, db=db)
    assert made.returncode == 0, made.stderr
    lines = made.stdout.splitlines()
    assert lines[0] == f"feed token of {name} (shown once; a new one replaces it):"
    assert lines[2] == f"feed: /alerts.atom?token={lines[1]} on the dashboard"
    return lines[1]


@pytest.fixture
def served(team_db: Path) -> Iterator[Served]:
    with open_store(team_db) as store:
        insert_alerts(store.conn, [Alert(key="first_violation:test", kind="first_violation",
                                         rule="first_violation", agreement="test",
                                         text="First violation by RU under UA's reading")],
                      now=dt.datetime(2025, 4, 10, tzinfo=dt.UTC), sinks=[])
    server = Served(team_db)
    yield server
    if server.process.poll() is None:
        server.stop()


def test_a_feed_token_opens_the_feed_and_nothing_else(served, team_db):
    feed = served.url + "alerts.atom"
    with httpx.Client(follow_redirects=False) as reader:
        assert reader.get(feed).status_code in (302, 303)  # no token: log in first
        token = _token(team_db, "vera")
        answer = reader.get(feed, params={"token": token})
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"].startswith("application/atom+xml")
        assert "<title>First violation by RU under UA" in answer.text
        assert token not in answer.text  # the feed's own link leaves it out
        assert "set-cookie" not in answer.headers  # never a session
        assert reader.cookies == httpx.Cookies()

        # the token opens no other route, page or JSON
        assert reader.get(served.url + "api/alerts", params={"token": token}).status_code == 401
        assert reader.get(served.url + "api/incidents",
                          params={"token": token}).status_code == 401
        assert reader.get(served.url + "alerts", params={"token": token}).status_code in (
            302, 303)
        assert reader.get(feed, headers={"Authorization": f"Bearer {token}"}).status_code in (
            302, 303)

        # wrong, replaced, revoked, or of a disabled account: refused
        assert reader.get(feed, params={"token": token[:-2] + "xx"}).status_code == 401
        assert reader.get(feed, params={"token": "x" * 5000}).status_code == 401
        newer = _token(team_db, "vera")
        assert reader.get(feed, params={"token": token}).status_code == 401
        assert reader.get(feed, params={"token": newer}).status_code == 200
        revoked = _cli("users", "feed-token", "vera", "--revoke", db=team_db)
        assert revoked.stdout.strip() == "revoked the feed token of vera"
        assert reader.get(feed, params={"token": newer}).status_code == 401
        assert _cli("users", "feed-token", "vera", "--revoke",
                    db=team_db).stdout.strip() == "vera had no feed token"
        ana = _token(team_db, "ana")
        assert reader.get(feed, params={"token": ana}).status_code == 200
        assert _cli("users", "disable", "ana", db=team_db).returncode == 0
        assert reader.get(feed, params={"token": ana}).status_code == 401
    assert served.stop() == 0
    with open_store(team_db) as store:  # only the hash is kept
        stored = store.conn.execute("SELECT name, token_hash FROM feed_tokens").fetchall()
    assert stored == [("ana", hashlib.sha256(ana.encode()).hexdigest())]


def test_feed_token_for_an_unknown_account(team_db):
    made = _cli("users", "feed-token", "nobody", db=team_db)
    assert made.returncode != 0
    assert "no account 'nobody'" in made.stderr
