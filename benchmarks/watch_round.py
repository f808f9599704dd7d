"""Watching: time for a round over 50 feeds of 20 entries each served on the loopback, and time
from a new entry to its alert, against a baseline measured in the same run.

Entries are the real published texts of the shared corpus (``../shared/corpus/dev.jsonl``),
each feed a different slice, each entry marked with its feed and number so that all 1,000 are
distinct documents. The feeds are served by a threaded HTTP server on 127.0.0.1 that answers
conditional requests. Figures are medians of several runs, each on a fresh database holding the
flagship agreement:

* baseline: ``trucewatch ingest rss`` of the same 50 feeds saved as files, with the merge and
  assessment (the flow without the watcher);
* first round: the watcher's first round over the 50 URLs (fetch, ingest, merge, assess, alert
  rules, the summary of the history to a JSON-lines sink);
* quiet round: a round in which every feed answers 304 Not Modified;
* new entry to alert: one feed gains an entry reporting a strike in scope; a round is started at
  once, and the time runs until its alert is in the JSON-lines file. (A watcher started by its
  interval adds up to ``every`` of waiting before that.)

    python benchmarks/watch_round.py [--feeds 50] [--entries 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import hashlib
import http.server
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from trucewatch.agreements import add_agreement, load_spec
from trucewatch.store import open_store
from trucewatch.store.session import StoreSession
from trucewatch.watch import Watcher, parse_config
from trucewatch.workflow import ingest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus" / "dev.jsonl"
AGREEMENT = REPO / "examples" / "energy-moratorium-2025" / "agreement.yaml"
#: The new entry: a strike in the agreement's scope at a place and day no corpus text reports.
NEW_ENTRY = ("Drones hit substation in Zakarpattia",
             "Russian drones attacked a power substation in the Zakarpattia region overnight, "
             "the regional administration said.", "2025-04-02T08:30:00+03:00")


def entry_xml(entry_id: str, title: str, text: str, published: str) -> str:
    return (f"<entry><title>{escape(title)}</title><id>{escape(entry_id)}</id>"
            f'<link href="https://bench.example.org/{escape(entry_id)}"/>'
            f"<published>{published}</published><updated>{published}</updated>"
            f'<content type="text">{escape(text)}</content></entry>')


def feed_xml(name: str, entries: list[str]) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{name}</title><id>urn:bench:{name}</id>"
            "<updated>2025-04-01T00:00:00Z</updated>" + "".join(entries) + "</feed>").encode()


def build_feeds(docs: list[dict], feeds: int, per_feed: int) -> dict[str, list[str]]:
    out = {}
    for f in range(feeds):
        entries = []
        for e in range(per_feed):
            doc = docs[(f * per_feed + e) % len(docs)]
            title, _, body = doc["text"].partition("\n")
            entries.append(entry_xml(f"urn:bench:{f}:{e}", title[:200],
                                     f"{body.strip()}\n\n[bench feed {f}, entry {e}]",
                                     f"{doc['published']}T09:00:00+00:00"))
        out[f"/feed{f}.xml"] = entries
    return out


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = self.server.bodies.get(self.path)  # type: ignore[attr-defined]
        if body is None:
            self.send_error(404)
            return
        tag = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
        if self.headers.get("If-None-Match") == tag:
            self.send_response(304)
            self.send_header("ETag", tag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/atom+xml")
        self.send_header("ETag", tag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def fresh_store(folder: Path) -> Path:
    path = folder / "bench.duckdb"
    with open_store(path) as store:
        add_agreement(store, load_spec(AGREEMENT))
    return path


def baseline(folder: Path, bodies: dict[str, bytes]) -> float:
    files = []
    for path, body in bodies.items():
        saved = folder / path.strip("/")
        saved.write_bytes(body)
        files.append(saved)
    db = fresh_store(folder)
    with open_store(db) as store:
        start = time.perf_counter()
        ingest(store, "rss", files)
        return time.perf_counter() - start


def watched(folder: Path, server: Server, feeds: dict[str, list[str]]) -> tuple[float, float,
                                                                                  float]:
    """(first round, quiet round, new entry to alert) in seconds, on a fresh database."""
    server.bodies = {path: feed_xml(path, entries)  # type: ignore[attr-defined]
                     for path, entries in feeds.items()}
    db = fresh_store(folder)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    jsonl = folder / "alerts.jsonl"
    config_path = folder / "sources.yaml"
    config_path.write_text(yaml.safe_dump({
        "sources": [{"rss": base + path} for path in feeds],
        "alerts": {"to": [{"jsonl": str(jsonl)}]}}))
    session = StoreSession(db)
    watcher = Watcher(parse_config(config_path.read_text(), path=config_path), session,
                      fetched=folder / "fetched", release=session.release)
    try:
        start = time.perf_counter()
        first = watcher.run_once(force=True)
        first_time = time.perf_counter() - start
        assert sum(s.documents for s in first.sources) == sum(map(len, feeds.values()))
        start = time.perf_counter()
        quiet = watcher.run_once(force=True)
        quiet_time = time.perf_counter() - start
        assert all(s.status == "unchanged" for s in quiet.sources)
        sent = len(jsonl.read_text().splitlines())
        path = next(iter(feeds))
        server.bodies[path] = feed_xml(  # type: ignore[attr-defined]
            path, [*feeds[path], entry_xml("urn:bench:new", *NEW_ENTRY)])
        start = time.perf_counter()
        watcher.run_once(force=True)
        lines = jsonl.read_text().splitlines()[sent:]
        latency = time.perf_counter() - start
        kinds = {json.loads(line)["kind"] for line in lines}
        assert kinds & {"new_violation", "first_violation"}, kinds
        return first_time, quiet_time, latency
    finally:
        watcher.close()


def feed_arguments(description: str) -> argparse.Namespace:
    """The command line of a benchmark of feeds (``--feeds``, ``--entries``, ``--runs``)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    return parser.parse_args()


def corpus_docs() -> list[dict]:
    """The labelled real news the feeds are made of; exits when ``../shared`` is absent."""
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} not found; run from a checkout with ../shared beside it")
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def main() -> None:
    args = feed_arguments(__doc__.splitlines()[0])
    feeds = build_feeds(corpus_docs(), args.feeds, args.entries)
    bodies = {path: feed_xml(path, entries) for path, entries in feeds.items()}
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results: dict[str, list[float]] = {"baseline": [], "first": [], "quiet": [], "latency": []}
    with tempfile.TemporaryDirectory() as warm:  # load the language pipelines once
        baseline(Path(warm), dict(list(bodies.items())[:1]))
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            results["baseline"].append(baseline(Path(tmp), bodies))
        with tempfile.TemporaryDirectory() as tmp:
            first, quiet, latency = watched(Path(tmp), server, feeds)
        results["first"].append(first)
        results["quiet"].append(quiet)
        results["latency"].append(latency)
    server.shutdown()
    median = {name: statistics.median(values) for name, values in results.items()}
    entries = args.feeds * args.entries
    print(f"{args.feeds} feeds x {args.entries} entries ({entries} entries), "
          f"medians of {args.runs} runs")
    print(f"baseline: ingest rss of the saved feeds + merge + assess  {median['baseline']:7.2f} s")
    print(f"watcher first round (fetch, ingest, judge, alert)        {median['first']:7.2f} s"
          f"  ({median['first'] / median['baseline']:.2f}x baseline)")
    print(f"watcher quiet round (every feed 304)                     {median['quiet']:7.2f} s")
    print(f"new entry to its alert in the JSON-lines sink            {median['latency']:7.2f} s")
    print("runs:", {name: [round(v, 2) for v in values] for name, values in results.items()})


if __name__ == "__main__":
    main()
