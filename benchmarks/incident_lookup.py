"""The one-incident page's lookups over a store of 1,000,000 incidents, one by one.

    .venv/bin/python benchmarks/incident_lookup.py --incidents 1000000 --lookups 30

Builds the store of ``benchmarks/team_load.py`` (documents and reports written in SQL, one
report per incident, merged and judged under the flagship agreement by the library: 6
verdicts per incident), printing how long the merge and the assessment took, then times
what :func:`trucewatch.incidents.get_incident` (``GET /api/incidents/{id}``) does for
``--lookups`` incidents drawn at random, each query on its own:

* ``incident``: the incident's row (``incidents WHERE id = ?``);
* ``memberships``: its rows of ``incident_reports`` (``WHERE incident_id = ?``);
* ``reports``: its reports with their documents (the page's join);
* ``verdicts``: its stored verdicts (``verdicts WHERE incident_id = ?``);
* ``details``: the rules' details recomputed for the incident;
* ``page``: :func:`get_incident` whole.

Prints the median and 95th percentile of each, and how many row groups of ``incidents``,
``incident_reports`` and ``verdicts`` a lookup of one key can skip by their zone maps (those
whose id range does not hold it). Run it on two versions of the code in the same session to
compare them; the machine is shared, so the 1-minute load average is printed too.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from team_load import kept_store  # noqa: E402
from trucewatch.assess.engine import explain_verdicts  # noqa: E402
from trucewatch.incidents import get_incident  # noqa: E402
from trucewatch.store import Store, open_store  # noqa: E402

REPORTS = ("SELECT r.*, d.* FROM incident_reports ir JOIN reports r ON r.id = ir.report_id "
           "JOIN documents d ON d.id = r.document_id WHERE ir.incident_id = ? "
           "ORDER BY r.event_date, d.outlet, r.id")
#: Each lookup of the page, given the store and an incident id.
LOOKUPS: dict[str, Callable[[Store, str], object]] = {
    "incident": lambda s, i: s.conn.execute(
        "SELECT * FROM incidents WHERE id = ?", [i]).fetchall(),
    "memberships": lambda s, i: s.conn.execute(
        "SELECT * FROM incident_reports WHERE incident_id = ?", [i]).fetchall(),
    "reports": lambda s, i: s.conn.execute(REPORTS, [i]).fetchall(),
    "verdicts": lambda s, i: s.conn.execute(
        "SELECT * FROM verdicts WHERE incident_id = ? "
        "ORDER BY agreement_id, commitment_id, party", [i]).fetchall(),
    "details": lambda s, i: explain_verdicts(s.conn, i),
    "page": get_incident,
}
#: The table and column whose zone maps each sorted lookup reads.
ZONED = {"incidents": "id", "incident_reports": "incident_id", "verdicts": "incident_id"}


def skippable(store: Store, table: str, column: str, key: str) -> tuple[int, int]:
    """(row groups of ``table`` whose ``column`` range cannot hold ``key``, row groups)."""
    groups = store.conn.execute(
        "SELECT min(stats['min']), max(stats['max']) FROM pragma_storage_info(?) "
        "WHERE column_name = ? AND column_path = '[' || column_id || ']' "
        "GROUP BY row_group_id", [table, column]).fetchall()
    # the bounds kept are prefixes: a key past a prefix of the maximum may still be inside
    outside = sum(key < low or key[:len(high)] > high for low, high in groups)
    return outside, len(groups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=30)
    parser.add_argument("--folder", type=Path, help="keep the store here (reused if present)")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as scratch:
        db = kept_store((args.folder or Path(scratch)) / "lookup.duckdb", args.incidents)
        with open_store(db) as store:
            ids = sorted(r[0] for r in store.conn.execute(
                "SELECT id FROM incidents").fetchall())
            sample = random.Random(7).sample(ids, args.lookups)
            get_incident(store, sample[0])  # warm the caches
            times: dict[str, list[float]] = {name: [] for name in LOOKUPS}
            for incident_id in sample:
                for name, lookup in LOOKUPS.items():
                    started = time.perf_counter()
                    lookup(store, incident_id)
                    times[name].append((time.perf_counter() - started) * 1000)
            zones = {table: skippable(store, table, column, sample[0])
                     for table, column in ZONED.items()}
    print(f"{args.lookups} incidents of {len(ids):,}, load {os.getloadavg()[0]:.1f}:")
    for name, values in times.items():
        p95 = statistics.quantiles(values, n=20)[-1]
        print(f"  {name:12} p50 {statistics.median(values):7.1f} ms   p95 {p95:7.1f} ms")
    for table, (outside, groups) in zones.items():
        print(f"  {table}: a lookup's zone maps rule out {outside} of {groups} row groups")


if __name__ == "__main__":
    main()
