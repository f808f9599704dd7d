"""The watcher against a real web site on the loopback whose feed changes between polls, and
against folders where exports are dropped."""

from __future__ import annotations

import os
import shutil
import threading
import time

import duckdb

from tests.ingest.helpers import FIXTURES
from trucewatch.watch.config import SourceEntry

from .conftest import KHARKIV, ODESA, SUDZHA, SUDZHA_DENIED, TALKS, serve_feed


def _query(db, sql, params=()):
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return conn.execute(sql, list(params)).fetchall()
    finally:
        conn.close()


def _health(db, source_id):
    rows = _query(db, "SELECT last_success_at, last_error, failing_since, failures, polls, "
                      "items_read, new_items, etag FROM watch_sources WHERE id = ?", [source_id])
    names = ("success", "error", "failing_since", "failures", "polls", "items", "new", "etag")
    return dict(zip(names, rows[0], strict=True)) if rows else None


def _active_reports(db):
    return _query(db, "SELECT count(*) FROM reports WHERE NOT superseded")[0][0]


def test_a_feed_that_changes_between_polls(db, site, make_watcher, clock):
    feed = serve_feed(site, "/feed.xml", [KHARKIV, TALKS])
    watcher = make_watcher({"sources": [{"rss": feed, "every": "5m", "timeout": "0.5s",
                                         "retries": 1}],
                            "alerts": {"rules": ["disputed",
                                                 {"source_failing": {"after": "10m"}}]}})
    source = f"rss:{feed}"

    first = watcher.run_once()
    assert [(s.status, s.rows, s.documents, s.reports) for s in first.sources] == [
        ("new", 2, 2, 1)]
    health = _health(db, source)
    assert (health["items"], health["new"], health["failures"]) == (2, 2, 0)
    assert health["etag"]

    clock.advance(minutes=1)  # not due yet: nothing is asked of the site
    asked = site.count("/feed.xml")
    assert watcher.run_once().sources == []
    assert site.count("/feed.xml") == asked

    clock.advance(minutes=5)  # due, and unchanged: a conditional request, answered 304
    assert [s.status for s in watcher.run_once().sources] == ["unchanged"]
    assert site.requests[-1][1].get("If-None-Match") == health["etag"]
    assert _active_reports(db) == 1

    serve_feed(site, "/feed.xml", [KHARKIV, TALKS, SUDZHA])  # a new entry
    clock.advance(minutes=5)
    third = watcher.run_once()
    assert [(s.status, s.rows, s.documents, s.reports) for s in third.sources] == [
        ("new", 3, 1, 1)]
    assert _active_reports(db) == 2

    serve_feed(site, "/feed.xml", [KHARKIV, TALKS, SUDZHA_DENIED])  # an entry corrected
    clock.advance(minutes=5)
    fourth = watcher.run_once()
    assert [(s.documents, s.reports) for s in fourth.sources] == [(1, 1)]
    assert _active_reports(db) == 2  # the corrected version supersedes the first
    assert [a.kind for a in fourth.alerts] == ["disputed"]

    site.routes["/feed.xml"].status = 500  # the site fails: retried, then recorded
    clock.advance(minutes=5)
    asked = site.count("/feed.xml")
    fifth = watcher.run_once()
    assert fifth.sources[0].status == "error"
    assert "answered 500" in fifth.sources[0].error and "(2 attempts)" in fifth.sources[0].error
    assert site.count("/feed.xml") == asked + 2
    failing = _health(db, source)
    assert failing["failures"] == 1 and failing["failing_since"] is not None
    assert "500" in failing["error"]

    site.routes["/feed.xml"].status, site.routes["/feed.xml"].delay = 200, 1.5  # too slow
    clock.advance(minutes=11)
    sixth = watcher.run_once()
    assert "no answer from" in sixth.sources[0].error and "within 0.5 s" in sixth.sources[0].error
    assert _health(db, source)["failures"] == 2
    assert [a.kind for a in sixth.alerts] == ["source_failing"]  # failing for 11 minutes
    assert sixth.alerts[0].detail["failures"] == 2

    site.routes["/feed.xml"].delay = 0.0  # back: healthy again, and the alert is not repeated
    clock.advance(minutes=5)
    seventh = watcher.run_once()
    assert seventh.sources[0].status == "unchanged" and seventh.alerts == []
    healthy = _health(db, source)
    assert (healthy["failures"], healthy["failing_since"]) == (0, None)
    assert healthy["error"] and "no answer" in healthy["error"]  # the last error is kept
    assert _active_reports(db) == 2


def test_last_modified_is_sent_when_there_is_no_etag(db, site, make_watcher):
    feed = serve_feed(site, "/feed.xml", [KHARKIV], etag=False)
    watcher = make_watcher({"sources": [{"rss": feed}]})
    watcher.run_once(force=True)
    second = watcher.run_once(force=True)
    assert [s.status for s in second.sources] == ["unchanged"]
    assert site.requests[-1][1].get("If-Modified-Since") == "Fri, 28 Mar 2025 09:00:00 GMT"


def test_a_server_without_conditional_requests_changes_nothing(db, site, make_watcher):
    feed = serve_feed(site, "/feed.xml", [KHARKIV], etag=False, last_modified=None)
    watcher = make_watcher({"sources": [{"rss": feed}]})
    watcher.run_once(force=True)
    counts = _query(db, "SELECT count(*) FROM documents")[0][0], _active_reports(db)
    again = watcher.run_once(force=True)
    assert [s.status for s in again.sources] == ["unchanged"]  # same bytes, same file hash
    assert (_query(db, "SELECT count(*) FROM documents")[0][0], _active_reports(db)) == counts


def test_a_page_that_is_not_a_feed_is_an_error_naming_it(db, site, make_watcher):
    feed = serve_feed(site, "/feed.xml", [KHARKIV], content_type="text/html")
    site.routes["/feed.xml"].body = b"<html><body><p>Maintenance</p></body></html>"
    watcher = make_watcher({"sources": [{"rss": feed}]})
    report = watcher.run_once(force=True)
    assert report.sources[0].status == "error"
    assert "not an RSS or Atom feed" in report.sources[0].error


def test_a_web_page_is_read_and_a_changed_text_supersedes_it(db, site, make_watcher, clock):
    from tests.ingest.test_rss import ARTICLE

    from .servers import Route

    site.routes["/news/1"] = Route(body=ARTICLE.encode(), content_type="text/html")
    watcher = make_watcher({"sources": [{"page": site.url + "/news/1"}]})
    first = watcher.run_once(force=True)
    assert first.sources[0].documents == 1 and first.sources[0].reports >= 1
    keys = _query(db, "SELECT DISTINCT source_key FROM reports")
    assert keys == [(f"url:{site.url}/news/1",)]
    site.routes["/news/1"].body = ARTICLE.replace("overnight,", "overnight on Thursday,").encode()
    before = _active_reports(db)
    clock.advance(minutes=15)
    watcher.run_once(force=True)
    assert _active_reports(db) == before  # the new version replaces the old one's reports
    assert _query(db, "SELECT count(*) FROM reports WHERE superseded")[0][0] == before


def test_dropped_files_are_read_once_and_bad_ones_reported(tmp_path, db, make_watcher):
    drops = tmp_path / "drops"
    drops.mkdir()
    acled = sorted((FIXTURES / "acled").glob("*.csv"))[0]
    shutil.copy(acled, drops / "week1.csv")
    (drops / "week2.csv.part").write_text("still downloading")
    watcher = make_watcher({"sources": [{"folder": "drops", "format": "acled",
                                         "pattern": "*.csv", "settle": 0}]})
    first = watcher.run_once(force=True)
    assert first.sources[0].status == "new" and first.sources[0].files == 1
    documents = _query(db, "SELECT count(*) FROM documents")[0][0]
    assert documents == first.sources[0].documents > 0

    assert watcher.run_once(force=True).sources[0].status == "unchanged"  # nothing re-read

    shutil.copy(acled, drops / "week1-again.csv")  # the same export under another name
    (drops / "broken.csv").write_text("event_id_cnty,event_date\nX,not a date\n")
    third = watcher.run_once(force=True)
    assert third.sources[0].status == "unchanged"
    assert any("broken.csv:1" in p and "the header has no ACLED export column" in p
               for p in third.sources[0].problems)
    assert _query(db, "SELECT count(*) FROM documents")[0][0] == documents
    health = _health(db, SourceEntry(folder=drops, format="acled", pattern="*.csv").id)
    assert health["failures"] == 0 and "broken.csv" in health["error"]
    states = dict(_query(db, "SELECT path, state FROM watch_files"))
    assert states[str(drops / "broken.csv")] == "error"
    assert watcher.run_once(force=True).sources[0].problems == []  # refused once, not again


def test_a_file_still_being_written_waits(tmp_path, db, make_watcher):
    drops = tmp_path / "drops"
    drops.mkdir()
    shutil.copy(sorted((FIXTURES / "acled").glob("*.csv"))[0], drops / "new.csv")
    watcher = make_watcher({"sources": [{"folder": "drops", "format": "acled", "settle": "1h"}]})
    assert watcher.run_once(force=True).sources[0].files == 0
    old = time.time() - 7200
    os.utime(drops / "new.csv", (old, old))
    assert watcher.run_once(force=True).sources[0].files == 1


def test_a_missing_folder_is_a_failing_source(tmp_path, db, make_watcher):
    watcher = make_watcher({"sources": [{"folder": "nowhere", "format": "acled"}]})
    report = watcher.run_once(force=True)
    assert report.sources[0].status == "error"
    assert "does not exist" in report.sources[0].error


def test_stopping_finishes_the_current_item_and_the_next_round_resumes(db, site, make_watcher):
    feeds = [serve_feed(site, f"/f{n}.xml", [entry])
             for n, entry in enumerate([KHARKIV, SUDZHA, ODESA])]
    stop = threading.Event()
    watcher = make_watcher({"sources": [{"rss": f} for f in feeds]},
                           log=lambda line: stop.set() if "new documents" in line else None)
    stopped = watcher.run_once(stop, force=True)
    assert stopped.stopped and len(stopped.sources) == 1  # the first item, then it stopped
    assert stopped.incidents is None and stopped.alerts == []  # no judging while stopping
    assert _query(db, "SELECT count(*) FROM watch_sources")[0][0] == 1

    watcher.log = lambda line: None
    resumed = watcher.run_once()  # the others are due; the first is not
    assert [s.id for s in resumed.sources] == [f"rss:{f}" for f in feeds[1:]]
    assert resumed.incidents is not None  # verdicts brought up to date, for all three
    assert _active_reports(db) == 3
    assert _query(db, "SELECT count(*) FROM incidents")[0][0] == 3
