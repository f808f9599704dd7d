"""A watch round through a running server: its time against the same round on the file, and
the dashboard's read latency while it runs against the same server idle, in the same run.

The feeds are those of ``watch_round.py`` (50 Atom feeds of 20 entries, the real published
texts of ``../shared/corpus/dev.jsonl``, served on 127.0.0.1). Each run starts from a fresh
database holding the flagship agreement and runs ``trucewatch watch sources.yaml --once --all``
as its own process, as a user runs it:

* on the file: no server; the command opens the database for the round;
* through the server: ``trucewatch serve`` owns the database; the command sends the round to
  it (``watch.round``), which queues each write on its writer. A reader meanwhile asks for
  ``/api/incidents?agreement=...&per_page=50`` one request after another; its latencies during
  the round are set against those of the same reader on the idle server just before.

    python benchmarks/serve_watch.py [--feeds 50] [--entries 20] [--runs 3]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import yaml

sys.path.insert(0, str(Path(__file__).parent))
import watch_round  # the feeds and their server

TRUCEWATCH = str(Path(sys.executable).with_name("trucewatch"))
AGREEMENT_ID = "energy-moratorium-2025"


def _config(folder: Path, port: int, feeds: dict[str, list[str]]) -> Path:
    path = folder / "sources.yaml"
    path.write_text(yaml.safe_dump({
        "sources": [{"rss": f"http://127.0.0.1:{port}{feed}"} for feed in feeds],
        "alerts": {"to": [{"jsonl": str(folder / "alerts.jsonl")}]}}))
    return path


def _round(db: Path, config: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([TRUCEWATCH, "--db", str(db), "watch", str(config), "--once", "--all"],
                          capture_output=True, text=True, cwd=db.parent)
    elapsed = time.perf_counter() - start
    if done.returncode != 0 or "with news" not in done.stderr:
        sys.exit(f"the round failed: {done.stderr}")
    return elapsed


def _read(url: str, stop: threading.Event, seconds: float | None = None) -> list[float]:
    """Latencies of one reader asking for a page of incidents until ``stop`` (or seconds)."""
    found = []
    end = time.perf_counter() + seconds if seconds else None
    with httpx.Client(timeout=120) as client:
        while not stop.is_set() and (end is None or time.perf_counter() < end):
            start = time.perf_counter()
            answer = client.get(url + "api/incidents",
                                params={"agreement": AGREEMENT_ID, "per_page": 50})
            found.append(time.perf_counter() - start)
            if answer.status_code != 200:
                sys.exit(f"a read failed: {answer.status_code} {answer.text[:200]}")
    return found


def _served_round(folder: Path, config: Path) -> tuple[float, list[float], list[float]]:
    db = watch_round.fresh_store(folder)
    server = subprocess.Popen([TRUCEWATCH, "--db", str(db), "serve", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().split()[2]  # type: ignore[union-attr]
        _read(url, threading.Event(), 2)  # warm the server's cursors
        idle = _read(url, threading.Event(), 10)
        stop = threading.Event()
        during: list[float] = []
        reader = threading.Thread(target=lambda: during.extend(_read(url, stop)))
        reader.start()
        elapsed = _round(db, config)
        stop.set()
        reader.join()
        return elapsed, idle, during
    finally:
        server.terminate()
        server.wait(120)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def main() -> None:
    args = watch_round.feed_arguments(__doc__.splitlines()[0])
    feeds = watch_round.build_feeds(watch_round.corpus_docs(), args.feeds, args.entries)
    site = watch_round.Server(("127.0.0.1", 0), watch_round.Handler)
    site.bodies = {path: watch_round.feed_xml(path, entries)  # type: ignore[attr-defined]
                   for path, entries in feeds.items()}
    threading.Thread(target=site.serve_forever, daemon=True).start()
    port = site.server_address[1]
    on_file, served, idle, during = [], [], [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            on_file.append(_round(watch_round.fresh_store(folder), _config(folder, port, feeds)))
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            elapsed, quiet, busy = _served_round(folder, _config(folder, port, feeds))
            served.append(elapsed)
            idle.extend(quiet)
            during.extend(busy)
    site.shutdown()
    file_median, served_median = statistics.median(on_file), statistics.median(served)
    print(f"{args.feeds} feeds x {args.entries} entries, medians of {args.runs} runs")
    print(f"watch --once on the file          {file_median:7.2f} s  runs "
          f"{[round(v, 1) for v in on_file]}")
    print(f"watch --once through the server   {served_median:7.2f} s  "
          f"({served_median / file_median:.2f}x)  runs {[round(v, 1) for v in served]}")
    print(f"page of 50 incidents, idle server: median {statistics.median(idle) * 1000:6.0f} ms, "
          f"p95 {_p95(idle) * 1000:6.0f} ms ({len(idle)} reads)")
    print(f"... while the round runs in it:    median {statistics.median(during) * 1000:6.0f} ms, "
          f"p95 {_p95(during) * 1000:6.0f} ms ({len(during)} reads, none failed)")


if __name__ == "__main__":
    main()
