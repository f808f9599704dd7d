"""Ingest and assess a synthetic ACLED-layout export at scale, against DuckDB's own load.

    .venv/bin/python benchmarks/ingest_scale.py --rows 1000000 --runs 3

Writes a CSV of ``--rows`` rows in ACLED's 31 columns (realistic notes from templates; about
one row in ten is not an attack and is skipped), then, each phase in its own process so that
peak memory is its own:

* baseline: ``CREATE TABLE t AS SELECT * FROM read_csv(...)`` into a database file;
* ingest: ``trucewatch.sources.ingest_file`` (parse, classify notes, hash, store), then merge
  into incidents;
* assess: every incident under the flagship agreement's readings.

Prints the median of ``--runs`` runs of each phase and the ratio to the baseline.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from trucewatch.sources.acled import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "examples" / "energy-moratorium-2025" / "agreement.yaml"

#: (iso, country, admin1, [(location, lat, lon)])
PLACES = [
    ("804", "Ukraine", "Kherson", [("Kherson", 46.635, 32.617), ("Beryslav", 46.84, 33.42)]),
    ("804", "Ukraine", "Kharkiv", [("Kharkiv", 49.993, 36.23), ("Kupiansk", 49.71, 37.61)]),
    ("804", "Ukraine", "Dnipropetrovsk", [("Nikopol", 47.567, 34.396),
                                          ("Kryvyi Rih", 47.91, 33.39)]),
    ("804", "Ukraine", "Zaporizhia", [("Zaporizhzhia", 47.84, 35.14), ("Vasylivka", 47.44,
                                                                       35.27)]),
    ("804", "Ukraine", "Sumy", [("Sumy", 50.91, 34.80), ("Krasnopillia", 50.77, 35.27)]),
    ("804", "Ukraine", "Odesa", [("Odesa", 46.48, 30.72), ("Izmail", 45.35, 28.84)]),
    ("804", "Ukraine", "Donetsk", [("Kramatorsk", 48.72, 37.56), ("Pokrovsk", 48.28, 37.18)]),
    ("804", "Ukraine", "Poltava", [("Poltava", 49.59, 34.55), ("Kremenchuk", 49.07, 33.42)]),
    ("643", "Russia", "Kursk", [("Sudzha", 51.19, 35.27), ("Kursk", 51.73, 36.19)]),
    ("643", "Russia", "Belgorod", [("Belgorod", 50.60, 36.59), ("Shebekino", 50.41, 36.89)]),
    ("643", "Russia", "Bryansk", [("Bryansk", 53.24, 34.36), ("Suzemka", 52.32, 34.08)]),
    ("643", "Russia", "Krasnodar", [("Kavkazskaya", 45.44, 40.67), ("Tuapse", 44.10, 39.08)]),
]
TARGETS = [
    "a power substation", "power lines", "a thermal power plant", "an oil refinery",
    "an oil depot", "a gas pipeline", "a gas compressor station", "an energy facility",
    "energy infrastructure", "a boiler house", "the railway station", "a bridge",
    "port infrastructure", "residential buildings", "a school", "a military airfield",
    "a hydroelectric power plant", "a grain warehouse",
]
ATTACKERS = [("Russian forces", "RU"), ("Ukrainian forces", "UA"), ("Russian drones", "RU"),
             ("Ukrainian drones", "UA"), ("unidentified drones", None)]
VERBS = ["struck", "shelled", "hit", "attacked"]
CLAIMANTS = ["", ", according to Ukrainian officials", ", according to the Russian MoD",
             ", local authorities reported"]
AFTER = ["No casualties were reported.", "{n} people were injured.",
         "Power outages followed in parts of the area.", "A fire broke out and was put out.",
         "The extent of the damage is unknown.", "{n} people were killed."]
OTHER_EVENTS = [("Battles", "Armed clash"), ("Protests", "Peaceful protest"),
                ("Strategic developments", "Disrupted weapons use")]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """Write ``rows`` rows of synthetic ACLED-layout data."""
    rng = random.Random(seed)
    start = dt.date(2022, 3, 1)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for n in range(rows):
            iso, country, admin1, towns = rng.choice(PLACES)
            location, lat, lon = rng.choice(towns)
            day = start + dt.timedelta(days=rng.randrange(1300))
            attacker, _ = rng.choice(ATTACKERS)
            if rng.random() < 0.1:
                event_type, sub = rng.choice(OTHER_EVENTS)
            else:
                event_type, sub = "Explosions/Remote violence", rng.choice(
                    ["Shelling/artillery/missile attack", "Air/drone strike"])
            notes = (f"On {day.day} {day:%B %Y}, {attacker} {rng.choice(VERBS)} "
                     f"{rng.choice(TARGETS)} in {location} ({admin1}){rng.choice(CLAIMANTS)}. "
                     + rng.choice(AFTER).format(n=rng.randint(1, 12)))
            writer.writerow([
                f"{'UKR' if iso == '804' else 'RUS'}{n + 1}",
                day.isoformat() if n % 2 else f"{day.day} {day:%B %Y}", day.year,
                rng.choice("1112"), "Political violence", event_type, sub,
                "Military Forces of Russia (2000-)", "", "State forces",
                "Military Forces of Ukraine (2019-)", "", "State forces",
                "State forces-State forces", "", iso, "Europe", country, admin1, location, "",
                location, f"{lat + rng.uniform(-0.05, 0.05):.4f}",
                f"{lon + rng.uniform(-0.05, 0.05):.4f}", rng.choice("123"),
                rng.choice(["Ukrinform", "Suspilne", "RIA Novosti", "TASS", "Ukrainska Pravda"]),
                "National", notes, rng.choice("00001"), "", 1_700_000_000 + n,
            ])


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """User + system CPU time of this process so far (less sensitive than wall time to other
    work on the machine)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def phase_baseline(csv_path: Path, work: Path) -> dict[str, float]:
    import duckdb

    db = work / "baseline.duckdb"
    db.unlink(missing_ok=True)
    started, cpu = time.perf_counter(), _cpu_seconds()
    with duckdb.connect(str(db)) as conn:
        conn.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{csv_path}')")
    return {"seconds": time.perf_counter() - started, "cpu_seconds": _cpu_seconds() - cpu,
            "peak_mb": _peak_mb()}


def phase_ingest(csv_path: Path, work: Path) -> dict[str, float]:
    from trucewatch.agreements import add_agreement, load_spec
    from trucewatch.incidents import merge_incidents
    from trucewatch.sources import ingest_file
    from trucewatch.store import open_store

    db = work / "trucewatch.duckdb"
    db.unlink(missing_ok=True)
    with open_store(db) as store:
        add_agreement(store, load_spec(SPEC))
        started, cpu = time.perf_counter(), _cpu_seconds()
        result = ingest_file(store, "acled", csv_path)
        ingested = time.perf_counter()
        incidents = merge_incidents(store)
        done = time.perf_counter()
    return {"seconds": done - started, "cpu_seconds": _cpu_seconds() - cpu,
            "load_seconds": ingested - started,
            "merge_seconds": done - ingested, "reports": result.reports,
            "incidents": incidents, "peak_mb": _peak_mb()}


def phase_assess(work: Path) -> dict[str, float]:
    from trucewatch.assess import assess
    from trucewatch.store import open_store

    with open_store(work / "trucewatch.duckdb") as store:
        incidents = store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
        started = time.perf_counter()
        verdicts = assess(store)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "incidents": incidents, "verdicts": verdicts,
            "peak_mb": _peak_mb()}


def _child(phase: str, csv_path: Path, work: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--phase", phase, "--csv", str(csv_path), "--work", str(work)],
        check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--phase", choices=["baseline", "ingest", "assess"])
    parser.add_argument("--csv", type=Path)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    if args.phase:
        if args.phase == "assess":
            print(json.dumps(phase_assess(args.work)))
        else:
            run = phase_baseline if args.phase == "baseline" else phase_ingest
            print(json.dumps(run(args.csv, args.work)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        csv_path = work / "acled.csv"
        started = time.perf_counter()
        generate(csv_path, args.rows)
        print(f"generated {args.rows:,} rows ({csv_path.stat().st_size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - started:.1f} s")
        results: dict[str, list[dict[str, float]]] = {"baseline": [], "ingest": [], "assess": []}
        for run in range(args.runs):
            for phase in results:
                results[phase].append(_child(phase, csv_path, work))
            ratio = results["ingest"][-1]["seconds"] / results["baseline"][-1]["seconds"]
            print(f"run {run + 1} ({ratio:.2f}x): " + ", ".join(
                f"{phase} {rows[-1]['seconds']:.1f} s / {rows[-1]['peak_mb']:.0f} MB"
                for phase, rows in results.items()))
    median = {phase: {key: statistics.median(r[key] for r in rows) for key in rows[0]}
              for phase, rows in results.items()}
    base, ingest, judged = median["baseline"], median["ingest"], median["assess"]
    print(f"baseline (DuckDB read_csv into a table): {base['seconds']:.1f} s "
          f"({base['cpu_seconds']:.1f} s CPU), peak {base['peak_mb']:.0f} MB")
    print(f"ingest + merge: {ingest['seconds']:.1f} s (load {ingest['load_seconds']:.1f} s = "
          f"{ingest['load_seconds'] / base['seconds']:.2f}x, "
          f"merge {ingest['merge_seconds']:.1f} s; {ingest['cpu_seconds']:.1f} s CPU = "
          f"{ingest['cpu_seconds'] / base['cpu_seconds']:.2f}x), peak {ingest['peak_mb']:.0f} MB, "
          f"{ingest['seconds'] / base['seconds']:.2f}x baseline; "
          f"{ingest['reports']:,.0f} reports -> {ingest['incidents']:,.0f} incidents")
    print(f"assess: {judged['seconds']:.2f} s for {judged['incidents']:,.0f} incidents "
          f"({judged['verdicts']:,.0f} verdicts), peak {judged['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
