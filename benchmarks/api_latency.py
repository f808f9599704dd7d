"""Dashboard API latency over a store of 1,000,000 incidents, against the library alone.

    .venv/bin/python benchmarks/api_latency.py --incidents 1000000 --requests 60 --runs 3

Builds a store with ``--incidents`` synthetic incidents (Feb-May 2025, 16 regions, the
taxonomy's classes, RU/UA/unknown perpetrators) and two verdicts each (the RU and UA
readings of the test agreement; written in SQL, then indexed as the assessment would),
serves it with uvicorn on 127.0.0.1, and times filtered incident pages over HTTP, each query
``--requests`` times after a warm-up:

* target: ``GET /api/incidents`` (count, page of 50, strongest verdicts, JSON), the HTML
  page ``GET /incidents`` and the map's ``GET /api/incidents/map`` (every matching incident:
  grid cells past 2,000, GeoJSON) with the same filters, plus the map route for two views a
  reader pans to (a region at zoom 8: cells; a city at zoom 11: 1,878 points, near the limit);
* baseline, measured in the same run: the same filter and page computed by calling the
  library directly (``count_incidents`` + ``query_incidents``; ``map_features`` for the
  map), no web layer.

Prints p50 and p95 per query (median over ``--runs`` runs) and the overall p95.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from trucewatch.agreements import add_agreement, load_spec  # noqa: E402
from trucewatch.assess import index_verdicts  # noqa: E402
from trucewatch.incidents import IncidentFilter, count_incidents, query_incidents  # noqa: E402
from trucewatch.incidents.map_points import map_features  # noqa: E402
from trucewatch.store import open_store  # noqa: E402
from trucewatch.web import create_app  # noqa: E402
from trucewatch.web.params import parse_map_query  # noqa: E402

SPEC = ROOT / "tests" / "web" / "agreement.yaml"
REGIONS = ["Kherson", "Kharkiv", "Dnipropetrovsk", "Zaporizhia", "Sumy", "Odesa", "Donetsk",
           "Poltava", "Mykolaiv", "Chernihiv", "Kyiv", "Lviv", "Kursk", "Belgorod", "Bryansk",
           "Krasnodar"]
CLASSES = ["energy.oil_refinery", "energy.oil_gas_network", "energy.power_generation",
           "energy.power_grid", "energy.nuclear", "energy.hydro", "energy.other",
           "transport.rail", "transport.port", "civilian", "military", "unknown"]
VERDICTS = ["violation", "possible_violation", "disputed", "outside_window", "out_of_scope",
            "not_bound"]

#: name -> query string of a filtered page
QUERIES = {
    "violations under UA reading": {"agreement": "test-halt", "reading": "UA",
                                    "verdict": "violation"},
    "date range + energy.*": {"date_from": "2025-03-18", "date_to": "2025-04-16",
                              "target_class": "energy.*"},
    "region + perpetrator, page 40": {"admin1": "Kharkiv", "perpetrator": "RU", "page": "40"},
    "country + class + verdict": {"country": "RU", "target_class": "energy.oil_refinery",
                                  "verdict": "disputed"},
}

#: name -> query string of a map view (no filter): what the map fetches after a pan or zoom
MAP_VIEWS = {
    "map view: region, zoom 8 (cells)": {"bbox": "35,49,37.5,50.5", "zoom": "8"},
    "map view: city, zoom 11 (1,878 points)": {"bbox": "35,48,35.4,48.4", "zoom": "11"},
}


def build_store(path: Path, incidents: int) -> None:
    """Write ``incidents`` synthetic incidents and their verdicts with set-based SQL."""
    with open_store(path) as store:
        add_agreement(store, load_spec(SPEC))
        conn = store.conn
        regions = ", ".join(f"'{r}'" for r in REGIONS)
        classes = ", ".join(f"'{c}'" for c in CLASSES)
        verdicts = ", ".join(f"'{v}'" for v in VERDICTS)
        conn.execute(f"""
            INSERT INTO incidents (id, event_date, date_precision, country, admin1, place, lat,
                lon, target_class, target_group, perpetrator, claimants, corroborated, negated,
                report_count, source_count, confidence, date_last, outlets, status)
            SELECT printf('inc-%07d', i), DATE '2025-02-01' + CAST(hash(i) % 120 AS INTEGER),
                'day', CASE WHEN r >= 12 THEN 'RU' ELSE 'UA' END, [{regions}][r + 1],
                'place ' || (hash(i * 7) % 500), 44 + (hash(i * 3) % 900) / 100.0,
                30 + (hash(i * 5) % 1000) / 100.0, [{classes}][c + 1],
                split_part([{classes}][c + 1], '.', 1),
                [NULL, 'RU', 'RU', 'UA'][CAST(hash(i * 11) % 4 AS INTEGER) + 1], ['UA'],
                false, hash(i * 13) % 10 = 0, 1, 1, 0.7,
                DATE '2025-02-01' + CAST(hash(i) % 120 AS INTEGER), ['outlet'], 'reported'
            FROM (SELECT i, CAST(hash(i * 17) % 16 AS INTEGER) AS r,
                         CAST(hash(i * 19) % 12 AS INTEGER) AS c
                  FROM range({incidents}) t(i))
        """)
        # A verdict per reading; no "violation" without a perpetrator, as the rules decide.
        conn.execute(f"""
            INSERT INTO verdicts (incident_id, agreement_id, agreement_version, commitment_id,
                party, verdict, reasons, confidence, rule)
            SELECT id, 'test-halt', 1, 'energy-halt', p,
                CASE WHEN perpetrator IS NULL AND pick = 'violation' THEN 'possible_violation'
                     ELSE pick END,
                ['synthetic'], 0.7, 'synthetic'
            FROM (SELECT i.id, i.perpetrator, v.p,
                         [{verdicts}][CAST(hash(i.id || v.p) % 6 AS INTEGER) + 1] AS pick
                  FROM incidents i, (VALUES ('RU'), ('UA')) v(p))
        """)
        index_verdicts(conn)  # as the assessment does for the verdicts it writes


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000


def _time(call, requests: int) -> list[float]:
    call()  # warm-up
    samples = []
    for _ in range(requests):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples


def _map_timings(client: httpx.Client, store, params: dict[str, str], requests: int
                 ) -> dict[str, tuple[float, float]]:
    """p50 and p95 of the map route and of ``map_features`` for the same query string."""
    query = parse_map_query(params)
    flt = IncidentFilter(**query.filters)

    def library():
        map_features(store, flt, bbox=query.bbox, zoom=query.zoom)

    def api():
        client.get("/api/incidents/map", params=params).raise_for_status()

    return {"library map_features (baseline)": _percentiles(_time(library, requests)),
            "GET /api/incidents/map": _percentiles(_time(api, requests))}


def run(db: Path, requests: int) -> dict[str, dict[str, tuple[float, float]]]:
    app = create_app(db)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    results: dict[str, dict[str, tuple[float, float]]] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client, \
                open_store(db, create=False) as store:
            for name, params in QUERIES.items():
                filters = {k: v for k, v in params.items() if k != "page"}
                for key in ("date_from", "date_to"):
                    if key in filters:
                        filters[key] = __import__("datetime").date.fromisoformat(filters[key])
                flt = IncidentFilter(**filters)
                offset = (int(params.get("page", 1)) - 1) * 50

                def library(flt=flt, offset=offset):
                    count_incidents(store, flt)
                    query_incidents(store, flt, limit=50, offset=offset)

                def api(params=params):
                    client.get("/api/incidents", params=params).raise_for_status()

                def page(params=params):
                    client.get("/incidents", params=params).raise_for_status()

                results[name] = {
                    "library (baseline)": _percentiles(_time(library, requests)),
                    "GET /api/incidents": _percentiles(_time(api, requests)),
                    "GET /incidents (HTML)": _percentiles(_time(page, requests)),
                    **_map_timings(client, store, params, requests),
                }
            for name, params in MAP_VIEWS.items():
                results[name] = _map_timings(client, store, params, requests)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        app.state.store.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        start = time.perf_counter()
        build_store(db, args.incidents)
        print(f"built {args.incidents:,} incidents, {2 * args.incidents:,} verdicts "
              f"in {time.perf_counter() - start:.1f} s")
        runs = [run(db, args.requests) for _ in range(args.runs)]
    print(f"\nms, median of {args.runs} runs of {args.requests} requests each "
          f"(page of 50, {args.incidents:,} incidents)\n")
    print("| query | what | p50 ms | p95 ms |")
    print("|---|---|---:|---:|")
    worst = 0.0
    worst_map = 0.0
    for name in [*QUERIES, *MAP_VIEWS]:
        for what in runs[0][name]:
            p50 = statistics.median(r[name][what][0] for r in runs)
            p95 = statistics.median(r[name][what][1] for r in runs)
            if what == "GET /api/incidents":
                worst = max(worst, p95)
            if what == "GET /api/incidents/map":
                worst_map = max(worst_map, p95)
            print(f"| {name} | {what} | {p50:.1f} | {p95:.1f} |")
    for route, p95 in (("/api/incidents", worst), ("/api/incidents/map", worst_map)):
        verdict = "meets" if p95 <= 200 else "misses"
        print(f"worst {route} p95: {p95:.1f} ms ({verdict} the 200 ms target)")


if __name__ == "__main__":
    main()
