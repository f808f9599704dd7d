"""A shared dashboard under load: many readers at once, and readers while an ingest runs.

    .venv/bin/python benchmarks/team_load.py --incidents 1000000 --ingest-rows 100000

Builds a store of ``--incidents`` incidents the way ingest leaves them (documents and reports
written in SQL, one report per incident, merged and judged under the flagship agreement by
the library), adds a viewer account, and starts ``trucewatch serve`` on it as its own process.
A loopback load generator in this process (asyncio, HTTP/1.1 keep-alive, the viewer's
session cookie) then asks for two kinds of page, half each:

* one incident: ``GET /api/incidents/{id}`` (reports, sources, verdicts per reading);
* a filtered page of 50: ``GET /api/incidents?...`` (count, page, strongest verdicts), five
  filters in turn.

1. **Throughput without writes**: one client, then ``--clients`` clients at once, each for
   ``--seconds``; requests per second, errors, p50/p95 per kind. The one-client figure is the
   baseline of the same run.
2. **Reads while an ingest runs through the server**: ``trucewatch ingest acled`` of
   ``--ingest-rows`` new ACLED rows from another process (it goes through the server, which
   ingests, merges every report into incidents again and judges them all), while
   ``--readers`` clients read; p95 per kind over the ingest's span, against the same readers
   with no write just before.

The machine is shared: the 1-minute load average is printed before and after each phase.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest_scale import generate  # noqa: E402
from trucewatch.accounts import add_user  # noqa: E402
from trucewatch.agreements import add_agreement, load_spec  # noqa: E402
from trucewatch.assess import assess  # noqa: E402
from trucewatch.geo.outlines import outlines  # noqa: E402
from trucewatch.incidents import merge_incidents  # noqa: E402
from trucewatch.store import open_store  # noqa: E402

SPEC = ROOT / "examples" / "energy-moratorium-2025" / "agreement.yaml"
TRUCEWATCH = str(Path(sys.executable).with_name("trucewatch"))
PASSWORD = "benchmark password"
#: A class per target group (incidents merge by group), energy's varying by day.
GROUPS = ["energy", "transport.rail", "civilian", "military", "infrastructure.other"]
ENERGY = ["energy.oil_refinery", "energy.oil_gas_network", "energy.power_generation",
          "energy.power_grid", "energy.other"]
#: Five filtered pages of 50, asked in turn.
FILTERS = [
    {"agreement": "energy-moratorium-2025", "reading": "UA", "verdict": "violation"},
    {"date_from": "2025-03-18", "date_to": "2025-04-16", "target_class": "energy.*"},
    {"country": "RU", "perpetrator": "UA", "page": "7"},
    {"target_class": "energy.power_grid", "verdict": "possible_violation"},
    {"admin1": "UA-65"},
]

#: One report per incident, each with its own merge key: region, target group and side, on
#: days two apart (so that none chain), from 2021 to past the flagship's 2025 window.
FILL = """
CREATE TEMP TABLE _bench AS
SELECT i, region, day, side,
       CASE WHEN grp = 'energy' THEN $energy[1 + (i // k) % len($energy)] ELSE grp END AS cls
FROM (SELECT i, k, $regions[1 + i % len($regions)] AS region,
             $groups[1 + (i // len($regions)) % len($groups)] AS grp,
             CASE WHEN (i // (len($regions) * len($groups))) % 2 = 0 THEN 'RU' ELSE 'UA' END
                 AS side,
             DATE '2021-01-01' + CAST(2 * (i // k) AS INTEGER) AS day
      FROM (SELECT range AS i, 2 * len($regions) * len($groups) AS k FROM range($n)));
INSERT INTO documents (id, source_format, source_path, source_line, url, outlet,
    published, language, text, ingested_at, source_key, source_version)
SELECT 'doc-' || i, 'acled', 'bench.csv', i + 2,
       'https://example.org/report/' || i, 'Outlet ' || (i % 40), day, 'en',
       'On ' || day || ', forces struck a target in ' || region || '.', now(), 'B' || i, 1
FROM _bench;
INSERT INTO reports (id, document_id, event_date, date_precision, country, admin1, place, lat,
    lon, target_class, target_text, weapon, perpetrator, claimed_by, negated, evidence,
    confidence, reasons, source_key, source_version, geo_precision, superseded, outlet, source)
SELECT 'rep-' || i, 'doc-' || i, day, 'day', split_part(region, '-', 1), region,
       'place ' || (i % 997), lbl[2] + ((i * 7919) % 100 - 50) / 200.0,
       lbl[1] + ((i * 104729) % 100 - 50) / 200.0, cls, 'a target', NULL, side,
       CASE WHEN side = 'RU' THEN 'UA' ELSE 'RU' END, i % 10 = 0,
       'forces struck a target', 0.6, '{}', 'B' || i, 1, '1', false, 'Outlet ' || (i % 40),
       'Outlet ' || (i % 40)
FROM _bench JOIN _labels USING (region);
"""


def kept_store(db: Path, incidents: int) -> Path:
    """``db``, built by :func:`build_store` unless it is there already (a store kept between
    runs with ``--folder``); says how long building took and the machine's load then."""
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build_store(db, incidents)
        print(f"built in {time.perf_counter() - started:.0f} s (load {os.getloadavg()[0]:.1f})")
    return db


def build_store(db: Path, incidents: int) -> None:
    """``incidents`` incidents from as many reports, merged and judged by the library."""
    regions = outlines(["UA", "RU"])["features"]
    codes = [f["properties"]["code"] for f in regions]
    with open_store(db) as store:
        add_agreement(store, load_spec(SPEC))
        add_user(store, "viewer", "viewer", PASSWORD)
        conn = store.conn
        conn.execute("CREATE TEMP TABLE _labels (region VARCHAR, lbl DOUBLE[])")
        conn.executemany("INSERT INTO _labels VALUES (?, ?)",
                         [(f["properties"]["code"], f["properties"]["label"]) for f in regions])
        params = {"regions": codes, "groups": GROUPS, "energy": ENERGY, "n": incidents}
        for statement in FILL.split(";\n"):
            if statement.strip():
                conn.execute(statement, params if "$n" in statement else None)
        merged = merge_incidents(store)
        verdicts = assess(store)
    print(f"store: {merged:,} incidents, {verdicts:,} verdicts")


def _load() -> str:
    return f"{os.getloadavg()[0]:.2f}"


# -- the load generator -------------------------------------------------------------------------


class Client:
    """One keep-alive HTTP/1.1 connection on the loopback, as small as a client can be, so
    that the load generator takes as little of the two cores as it can."""

    def __init__(self, host: str, port: int, cookie: str) -> None:
        self.host, self.port, self.cookie = host, port, cookie
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                          f"Cookie: {self.cookie}\r\nAccept: application/json\r\n\r\n".encode())
        await self.writer.drain()
        status_line = await self.reader.readline()
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return int(status_line.split()[1])

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def _paths(ids: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """An endless-enough list of (kind, path), half one-incident pages, half filtered pages."""
    paths = []
    for n in range(20000):
        if n % 2:
            paths.append(("incident", f"/api/incidents/{rng.choice(ids)}"))
        else:
            query = httpx.QueryParams({**FILTERS[(n // 2) % len(FILTERS)], "per_page": "50"})
            paths.append(("page of 50", f"/api/incidents?{query}"))
    return paths


async def _client_loop(client: Client, paths: list[tuple[str, str]], start: int, stop: float,
                       samples: list[tuple[str, float, float, bool]]) -> None:
    n = start
    while time.perf_counter() < stop:
        kind, path = paths[n % len(paths)]
        n += 7
        began = time.perf_counter()
        try:
            ok = await client.get(path) == 200
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            ok = False
            client.close()
            client.writer = None
        samples.append((kind, began, time.perf_counter(), ok))


async def _run_clients(url: httpx.URL, cookie: str, paths: list[tuple[str, str]], clients: int,
                       seconds: float) -> list[tuple[str, float, float, bool]]:
    samples: list[tuple[str, float, float, bool]] = []
    pool = [Client(url.host, url.port, cookie) for _ in range(clients)]
    stop = time.perf_counter() + seconds
    await asyncio.gather(*(_client_loop(c, paths, 997 * n, stop, samples)
                           for n, c in enumerate(pool)))
    for client in pool:
        client.close()
    return samples


def _summary(samples: list[tuple[str, float, float, bool]], seconds: float) -> dict[str, object]:
    """Requests, errors, answers per second (over the span from the first request to the last
    answer: the last requests finish after the ``seconds`` they were started in) and p50/p95
    per kind."""
    done = [s for s in samples if s[3]]
    span = (max(s[2] for s in samples) - min(s[1] for s in samples)) if samples else seconds
    out: dict[str, object] = {"requests": len(samples), "errors": len(samples) - len(done),
                              "per_second": len(done) / max(span, 1e-9)}
    for kind in ("incident", "page of 50"):
        times = sorted((s[2] - s[1]) * 1000 for s in done if s[0] == kind)
        if len(times) >= 2:
            cuts = statistics.quantiles(times, n=100, method="inclusive")
            out[kind] = {"n": len(times), "p50": cuts[49], "p95": cuts[94]}
    return out


def _show(name: str, summary: dict[str, object]) -> None:
    kinds = "; ".join(f"{kind} p50 {summary[kind]['p50']:.0f} / p95 {summary[kind]['p95']:.0f} ms"
                      f" (n={summary[kind]['n']})" for kind in ("incident", "page of 50")
                      if kind in summary)
    print(f"{name}: {summary['per_second']:.1f} req/s, {summary['errors']} errors; {kinds}")


# -- the phases ---------------------------------------------------------------------------------


def throughput(url: httpx.URL, cookie: str, paths, clients: int, seconds: float) -> None:
    print(f"\n== throughput, no writes (load average {_load()})")
    asyncio.run(_run_clients(url, cookie, paths, 2, 5))  # warm-up
    one = _summary(asyncio.run(_run_clients(url, cookie, paths, 1, seconds)), seconds)
    _show("1 client", one)
    many = _summary(asyncio.run(_run_clients(url, cookie, paths, clients, seconds)), seconds)
    _show(f"{clients} clients", many)
    ratio = many["per_second"] / one["per_second"]
    print(f"{clients} clients / 1 client: {ratio:.2f}x (target >= 1.5x, no errors); "
          f"load average after {_load()}")


def during_ingest(url: httpx.URL, cookie: str, paths, db: Path, rows: Path, readers: int,
                  quiet_seconds: float) -> None:
    print(f"\n== reads while an ingest runs through the server (load average {_load()})")
    quiet = _summary(asyncio.run(_run_clients(url, cookie, paths, readers, quiet_seconds)),
                     quiet_seconds)
    _show(f"{readers} readers, no write", quiet)

    async def with_ingest() -> tuple[list, float, float, str]:
        samples: list[tuple[str, float, float, bool]] = []
        pool = [Client(url.host, url.port, cookie) for _ in range(readers)]
        began = time.perf_counter()
        process = await asyncio.create_subprocess_exec(
            TRUCEWATCH, "--db", str(db), "ingest", "acled", str(rows),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        stop = [float("inf")]

        async def reader(client: Client, start: int) -> None:
            n = start
            while time.perf_counter() < stop[0]:
                await _client_loop(client, paths, n, min(stop[0], time.perf_counter() + 1),
                                   samples)
                n += 1

        tasks = [asyncio.create_task(reader(c, 991 * n)) for n, c in enumerate(pool)]
        out, err = await process.communicate()
        ended = time.perf_counter()
        stop[0] = ended
        await asyncio.gather(*tasks)
        for client in pool:
            client.close()
        if process.returncode != 0:
            raise SystemExit(f"ingest failed: {err.decode()}")
        return samples, began, ended, out.decode() + err.decode()

    samples, began, ended, said = asyncio.run(with_ingest())
    inside = [s for s in samples if began <= s[1] and s[2] <= ended]
    during = _summary(inside, ended - began)
    print(f"ingest through the server: {ended - began:.1f} s; "
          + " ".join(line.strip() for line in said.splitlines() if "rows read" in line
                     or "incidents" in line))
    _show(f"{readers} readers during the ingest", during)
    for kind, target in (("incident", 500), ("page of 50", 1000)):
        if kind in during:
            p95 = during[kind]["p95"]
            print(f"{kind}: p95 {p95:.0f} ms while ingesting (target <= {target} ms: "
                  f"{'meets' if p95 <= target else 'misses'})")
    print(f"load average after {_load()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--ingest-rows", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--folder", type=Path, help="keep the store here (reused if present)")
    parser.add_argument("--skip", choices=["throughput", "ingest"], action="append", default=[])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.folder or Path(scratch)
        db = kept_store(folder / "team.duckdb", args.incidents)
        rows = folder / f"acled-{args.ingest_rows}.csv"
        generate(rows, args.ingest_rows, seed=int(time.time()))  # new rows every run
        with open_store(db) as store:
            ids = [r[0] for r in store.conn.execute(
                "SELECT id FROM incidents USING SAMPLE 5000 ROWS").fetchall()]
        server = subprocess.Popen([TRUCEWATCH, "--db", str(db), "serve", "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            url = httpx.URL(re.search(r"http://\S+", server.stdout.readline())[0])
            cookie = httpx.post(url.join("/api/session"), timeout=60, json={
                "username": "viewer", "password": PASSWORD}).headers["set-cookie"].split(";")[0]
            paths = _paths(ids, random.Random(7))
            print(f"machine: {os.cpu_count()} cores; server pid {server.pid}")
            if "throughput" not in args.skip:
                throughput(url, cookie, paths, args.clients, args.seconds)
            if "ingest" not in args.skip:
                during_ingest(url, cookie, paths, db, rows, args.readers, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=300)
        print(json.dumps({"load_average_end": os.getloadavg()}))


if __name__ == "__main__":
    main()
