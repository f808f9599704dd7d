"""Assess 1,000,000 synthetic incidents against the flagship agreement.

    .venv/bin/python benchmarks/assess_scale.py --incidents 1000000 --runs 3

Fills a fresh store with the flagship spec and ``--incidents`` incidents (dates over 2025,
every target class, perpetrators RU/UA/none, some denied) generated in SQL, then times
:func:`trucewatch.assess.assess` (all halt_strikes readings, verdicts written) and prints the
median of ``--runs`` runs; then :func:`trucewatch.assess.summarise` (what ``trucewatch assess``
prints after judging), and the dashboard's queries (a filtered page of 50 with its count, and
one incident with its verdicts), printing their 95th percentile.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import tempfile
import time
from pathlib import Path

from trucewatch.agreements import add_agreement, load_spec
from trucewatch.assess import assess, summarise
from trucewatch.incidents import IncidentFilter, count_incidents, get_incident, query_incidents
from trucewatch.store import Store, open_store
from trucewatch.taxonomy import target_classes

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "examples" / "energy-moratorium-2025" / "agreement.yaml"
REGIONS = ["UA-65", "UA-63", "UA-12", "UA-23", "UA-59", "UA-51", "UA-43", "RU-KRS", "RU-BEL",
           "RU-BRY", "RU-KDA", "RU-VOR"]

FILL = """
INSERT INTO incidents (id, event_date, date_last, date_precision, country, admin1, place, lat,
    lon, target_class, target_group, perpetrator, claimants, corroborated, status, negated,
    report_count, source_count, outlets, confidence, place_key)
SELECT 'inc-' || lpad(CAST(i AS VARCHAR), 16, '0'),
       DATE '2025-01-01' + CAST(hash(i, 1) % 365 AS INTEGER) AS d, NULL, 'day',
       substr(region, 1, 2), region, NULL, 48.0 + (hash(i, 2) % 500) / 100.0,
       33.0 + (hash(i, 3) % 500) / 100.0, cls, split_part(cls, '.', 1),
       [NULL, 'RU', 'UA', 'RU', 'UA'][1 + CAST(hash(i, 4) % 5 AS INTEGER)],
       ['UA'], false, 'claim', hash(i, 5) % 10 = 0, 1, 1, ['outlet'], 0.5, region
FROM (SELECT i, $1[1 + CAST(hash(i, 6) % len($1) AS INTEGER)] AS region,
             $2[1 + CAST(hash(i, 7) % len($2) AS INTEGER)] AS cls
      FROM range($3) t(i))
"""


FILTERS = [
    IncidentFilter(),
    IncidentFilter(target_class="energy.*", country="UA"),
    IncidentFilter(admin1="RU-KRS", date_from=dt.date(2025, 3, 18), date_to=dt.date(2025, 4, 16)),
    IncidentFilter(verdict="violation", reading="UA", agreement="energy-moratorium-2025"),
    IncidentFilter(perpetrator="RU", verdict="possible_violation"),
]


def _query_p95(store: Store, rounds: int = 5) -> tuple[float, float]:
    pages, details = [], []
    for n in range(rounds):
        for flt in FILTERS:
            started = time.perf_counter()
            rows = query_incidents(store, flt, limit=50, offset=50 * n)
            count_incidents(store, flt)
            pages.append(time.perf_counter() - started)
            if rows:
                started = time.perf_counter()
                get_incident(store, rows[0]["id"])
                details.append(time.perf_counter() - started)
    return (statistics.quantiles(pages, n=20)[-1] * 1000,
            statistics.quantiles(details, n=20)[-1] * 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "a.duckdb") as store:
        add_agreement(store, load_spec(SPEC))
        store.conn.execute(FILL, [REGIONS, list(target_classes()), args.incidents])
        seconds = []
        for run in range(args.runs):
            started = time.perf_counter()
            verdicts = assess(store)
            seconds.append(time.perf_counter() - started)
            print(f"run {run + 1}: {seconds[-1]:.2f} s, {verdicts:,} verdicts")
        started = time.perf_counter()
        summary = summarise(store)
        summary_s = time.perf_counter() - started
        page_ms, detail_ms = _query_p95(store)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"assess {args.incidents:,} incidents: median {statistics.median(seconds):.2f} s, "
          f"peak memory {peak:.0f} MB")
    print(f"summarise: {summary_s:.2f} s ({summary.differing_total:,} incidents judged "
          "differently by the readings)")
    print(f"queries, p95: filtered page of 50 + count {page_ms:.0f} ms, "
          f"one incident with verdicts {detail_ms:.0f} ms")


if __name__ == "__main__":
    main()
