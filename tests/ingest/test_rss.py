"""RSS and Atom feeds, and inputs fetched by URL from a real local HTTP server."""

from __future__ import annotations

import datetime as dt
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.ingest.helpers import FIXTURES
from trucewatch.cli import app
from trucewatch.errors import InputError, UsageError
from trucewatch.sources import read
from trucewatch.store import open_store
from trucewatch.workflow import ingest

FEEDS = FIXTURES / "rss"

ARTICLE = """<html><head><title>Strike on Odesa port</title></head><body>
<nav>Home | World | Ukraine</nav>
<article><h1>Russian drones hit Odesa port overnight</h1>
<p>Russian drones struck port infrastructure in Odesa overnight, damaging a grain terminal and
two warehouses, the head of the Odesa regional administration said on Thursday.</p>
<p>Firefighters put out the blaze by morning. Nobody was hurt, he said, and the port kept
working. Ukraine's air force said 40 of 65 drones launched overnight were shot down.</p>
</article></body></html>"""


class _Handler(http.server.BaseHTTPRequestHandler):
    """Serves the feed fixtures, one article page, and a page that answers too late."""

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(2)
        routes = {"/feed.xml": ((FEEDS / "news-uk.xml").read_bytes(), "application/rss+xml"),
                  "/article": (ARTICLE.encode(), "text/html; charset=utf-8"),
                  "/slow": (b"late", "text/plain")}
        if self.path not in routes:
            self.send_error(404)
            return
        body, content_type = routes[self.path]
        try:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except BrokenPipeError:  # the client gave up waiting, as the timeout test wants
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_rss_entries_become_documents_in_their_own_zone() -> None:
    strike, alert = read("rss", FEEDS / "news-uk.xml")
    document = strike["document"]
    # 00:40 +02:00 on 26 March is still 25 March in UTC: the feed's own date is kept
    assert (document["published"], document["language"], document["outlet"]) == (
        dt.date(2025, 3, 26), "uk", "Новини регіонів")
    assert document["url"] == "https://news.example.org/2025/03/26/sumy-substation"
    assert document["text"].startswith("Росія атакувала підстанцію на Сумщині\n\nУ ніч на 26")
    assert "\nБез світла" in document["text"]  # paragraphs stay apart
    assert strike["source_key"] == "rss:news-example-10411"
    assert strike["line"] == 11  # where the entry's guid is, for messages
    (report,) = strike["reports"]
    assert (report["event_date"], report["admin1"], report["target_class"],
            report["perpetrator"]) == (dt.date(2025, 3, 26), "UA-59", "energy.power_grid", "RU")
    assert alert["reports"] == []  # an air-raid alert with no target is no report


def test_atom_entry() -> None:
    (entry,) = read("rss", FEEDS / "ministry-en.atom")
    assert (entry["document"]["published"], entry["document"]["language"]) == (
        dt.date(2025, 3, 28), "en")
    (report,) = entry["reports"]
    assert (report["admin1"], report["target_class"], report["perpetrator"],
            report["claimed_by"]) == ("RU-KRS", "energy.oil_gas_network", "UA", "RU")


def test_same_feed_twice_and_a_corrected_entry(tmp_path: Path) -> None:
    feed = FEEDS / "news-uk.xml"
    corrected = tmp_path / "later.xml"
    corrected.write_text(
        feed.read_text(encoding="utf-8")
        .replace("Wed, 26 Mar 2025 00:40:00", "Wed, 26 Mar 2025 09:10:00")
        .replace("понад 3 тисячі", "понад 4 тисячі"), encoding="utf-8")
    with open_store(tmp_path / "t.duckdb") as store:
        first = ingest(store, "rss", [feed], merge=False).files[0]
        again = ingest(store, "rss", [feed], merge=False).files[0]
        later = ingest(store, "rss", [corrected], merge=False).files[0]
        live = store.conn.execute("SELECT count(*) FROM reports WHERE NOT superseded").fetchone()
    assert (first.documents, first.reports) == (2, 1)
    assert again.skipped_unchanged
    # the alert is unchanged; the corrected strike entry supersedes its earlier version
    assert (later.documents, later.reports, later.superseded) == (1, 1, 1)
    assert live == (1,)


def test_a_broken_feed_names_the_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text('<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>x</tit>\n',
                      encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read("rss", broken))
    assert str(caught.value).startswith(f"{broken}:4: not a readable RSS or Atom feed")


def test_a_web_page_is_not_a_feed(tmp_path: Path) -> None:
    page = tmp_path / "page.xml"
    page.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        list(read("rss", page))


def test_feed_and_page_fetched_by_url(tmp_path: Path, server: str) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        feed = ingest(store, "rss", [f"{server}/feed.xml"], merge=False).files[0]
        page = ingest(store, "text", [f"{server}/article"], published=dt.date(2025, 3, 27),
                      language="en", merge=False).files[0]
        again = ingest(store, "rss", [f"{server}/feed.xml"], merge=False).files[0]
        urls = dict(store.conn.execute(
            "SELECT d.source_format, d.url FROM documents d JOIN reports r "
            "ON r.document_id = d.id").fetchall())
        port = store.conn.execute(
            "SELECT admin1, target_class, perpetrator FROM reports r JOIN documents d "
            "ON r.document_id = d.id WHERE d.source_format = 'text'").fetchone()
    assert Path(feed.path).parent == tmp_path / "fetched"
    assert Path(feed.path).name.startswith("127.0.0.1-") and feed.path.endswith(".xml")
    assert page.path.endswith(".html") and feed.documents == 2
    assert again.skipped_unchanged and len(list((tmp_path / "fetched").iterdir())) == 2
    assert urls["text"] == f"{server}/article"
    assert urls["rss"] == "https://news.example.org/2025/03/26/sumy-substation"
    assert port == ("UA-51", "transport.port", "RU")


def test_fetch_errors_name_the_url(tmp_path: Path, server: str) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        with pytest.raises(InputError, match=f"{server}/missing answered 404"):
            ingest(store, "rss", [f"{server}/missing"])
        with pytest.raises(InputError, match=f"no answer from {server}/slow within 0.2 s"):
            ingest(store, "text", [f"{server}/slow"], timeout=0.2)
        with pytest.raises(UsageError, match="the acled format reads files, not URLs"):
            ingest(store, "acled", [f"{server}/feed.xml"])
        assert store.conn.execute("SELECT count(*) FROM documents").fetchone() == (0,)


def test_cli_ingest_by_url(tmp_path: Path, server: str) -> None:
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(app, ["--db", str(db), "ingest", "rss", f"{server}/feed.xml"])
    assert result.exit_code == 0, result.output
    saved = next((tmp_path / "fetched").iterdir())
    assert f"{server}/feed.xml (saved as {saved}): 2 rows read, 2 new documents, 1 new " \
           "report" in result.output
