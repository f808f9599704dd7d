"""Polling details against the loopback site, and the watcher's continuous loop."""

from __future__ import annotations

import threading

import httpx
import pytest

from trucewatch.watch.http import PollError, poll_url

from .conftest import KHARKIV, serve_feed


def test_a_body_past_the_limit_is_not_read(site):
    url = serve_feed(site, "/feed.xml", [KHARKIV])
    with httpx.Client() as client, pytest.raises(PollError, match="sent more than"):
        poll_url(client, url, limit=100)


def test_a_client_error_is_not_retried(site):
    waits: list[float] = []
    with httpx.Client() as client, pytest.raises(PollError, match=r"answered 404 Not Found$"):
        poll_url(client, site.url + "/missing.xml", retries=3, sleep=waits.append)
    assert waits == [] and site.count("/missing.xml") == 1


def test_server_errors_are_retried_with_growing_waits(site):
    url = serve_feed(site, "/feed.xml", [KHARKIV], status=503)
    waits: list[float] = []
    with httpx.Client() as client, pytest.raises(PollError, match=r"503.*\(4 attempts\)"):
        poll_url(client, url, retries=3, backoff=0.5, sleep=waits.append)
    assert waits == [0.5, 1.0, 2.0]


def test_run_loops_until_stopped(db, site, make_watcher, clock):
    url = serve_feed(site, "/feed.xml", [KHARKIV])
    watcher = make_watcher({"interval": "1s", "sources": [{"rss": url, "every": "1s"}]})
    stop, rounds = threading.Event(), []

    def on_round(report):
        rounds.append(report)
        clock.advance(seconds=2)  # the next poll is due
        if len(rounds) == 2:
            stop.set()

    thread = threading.Thread(target=watcher.run, args=(stop,), kwargs={"on_round": on_round})
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    assert [r.sources[0].status for r in rounds] == ["new", "unchanged"]
    assert site.count("/feed.xml") == 2


def test_seconds_to_next_follows_the_sources(db, site, make_watcher, clock):
    url = serve_feed(site, "/feed.xml", [KHARKIV])
    watcher = make_watcher({"interval": "1h", "sources": [{"rss": url, "every": "10m"}]})
    assert watcher.seconds_to_next() == 1.0  # never polled: at once
    watcher.run_once()
    clock.advance(minutes=4)
    assert watcher.seconds_to_next() == pytest.approx(330)  # 10 min, less 30 s of slack, less 4
    clock.advance(minutes=20)
    assert watcher.seconds_to_next() == 1.0
