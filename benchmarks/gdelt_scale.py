"""The batch pipeline on GDELT-layout exports at scale: ``--engine duckdb`` against
``--engine spark`` (``local[2]``), time and peak memory, each run in its own process.

    .venv/bin/python benchmarks/gdelt_scale.py --rows 10000000 --files 100 --runs 3

Writes ``--rows`` synthetic rows of GDELT 2.0's 61 columns as ``--files`` zipped daily
exports (about a third of the events are in Russia or Ukraine, half of those attacks; the
rest are elsewhere or not attacks, and the country filter drops them first), then runs
``trucewatch batch`` on each engine and prints the median of ``--runs`` runs, the peak memory
of the process tree (Spark's JVM included) and Spark's time per input file (what a cluster
would divide). The data is generated, not committed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "examples" / "energy-moratorium-2025" / "agreement.yaml"

#: (FIPS country, full names with coordinates)
PLACES = [
    ("UP", [("Kharkiv, Kharkivs'ka Oblast', Ukraine", 49.99, 36.23),
            ("Kherson, Khersons'ka Oblast', Ukraine", 46.635, 32.617),
            ("Odesa, Odes'ka Oblast', Ukraine", 46.48, 30.72),
            ("Kyiv, Kyyiv, Misto, Ukraine", 50.45, 30.52),
            ("Zaporizhzhia, Zaporiz'ka Oblast', Ukraine", 47.84, 35.14),
            ("Ukraine", 49.0, 32.0)]),
    ("RS", [("Belgorod, Belgorodskaya Oblast', Russia", 50.60, 36.59),
            ("Kursk, Kurskaya Oblast', Russia", 51.73, 36.19),
            ("Bryansk, Bryanskaya Oblast', Russia", 53.24, 34.36),
            ("Moscow, Moskva, Russia", 55.75, 37.62)]),
    ("SY", [("Aleppo, Halab, Syria", 36.2, 37.15)]),
    ("IS", [("Gaza, Israel (general), Israel", 31.5, 34.47)]),
    ("US", [("Washington, District of Columbia, United States", 38.9, -77.04)]),
    ("SU", [("Khartoum, Khartoum, Sudan", 15.5, 32.56)]),
]
ACTORS = [("RUS", "RUSSIA"), ("UKR", "UKRAINE"), ("", ""), ("USA", "UNITED STATES")]
ATTACKS = ["190", "193", "194", "195", "1951", "196", "180", "183", "200"]
OTHERS = ["010", "042", "051", "112", "036"]
TYPES = ["CVL", "MIL", "COP", "", "GOV"]


def _row(rng: random.Random, n: int, day: dt.date) -> str:
    fips, places = rng.choices(PLACES, weights=[3, 2, 2, 2, 1, 1])[0]
    name, lat, lon = rng.choice(places)
    code = rng.choice(ATTACKS) if rng.random() < 0.5 else rng.choice(OTHERS)
    actor1, actor2 = rng.choice(ACTORS), rng.choice(ACTORS)
    fields = [""] * 61
    fields[0:5] = [str(n), f"{day:%Y%m%d}", f"{day:%Y%m}", str(day.year),
                   f"{day.year + (day.timetuple().tm_yday / 365):.4f}"]
    fields[5], fields[6], fields[7] = actor1[0], actor1[1], actor1[0]
    fields[15], fields[16], fields[17] = actor2[0], actor2[1], actor2[0]
    fields[22] = rng.choice(TYPES)
    fields[25:35] = ["1", code, code[:3], code[:2], "4", "-10.0", str(rng.randint(1, 50)),
                     str(rng.randint(1, 9)), str(rng.randint(1, 50)),
                     f"{rng.uniform(-9, 1):.2f}"]
    fields[51:59] = ["4", name, fips, f"{fips}{rng.randint(1, 30):02d}", "",
                     f"{lat + rng.uniform(-0.02, 0.02):.4f}",
                     f"{lon + rng.uniform(-0.02, 0.02):.4f}", str(rng.randint(-9, 99999))]
    fields[59] = f"{day:%Y%m%d}{rng.randint(0, 23):02d}{rng.choice(['00', '15', '30', '45'])}00"
    fields[60] = f"https://{rng.choice(['news.example', 'www.wire.example', 'paper.example'])}" \
                 f"/{day:%Y/%m/%d}/story-{n}"
    return "\t".join(fields)


def generate(folder: Path, rows: int, files: int, *, zipped: bool = True, seed: int = 11,
             start: dt.date = dt.date(2024, 1, 1)) -> list[Path]:
    """Write ``rows`` rows as ``files`` daily exports (zipped unless told) under ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written, n = [], 1_200_000_000
    per_file = -(-rows // files)
    for index in range(files):
        day = start + dt.timedelta(days=index)
        count = min(per_file, rows - index * per_file)
        if count <= 0:
            break
        text = io.StringIO()
        for _ in range(count):
            n += 1
            text.write(_row(rng, n, day - dt.timedelta(days=rng.randint(0, 2))) + "\n")
        name = f"{day:%Y%m%d}.export.CSV"
        if zipped:
            path = folder / f"{name}.zip"
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
                archive.writestr(name, text.getvalue())
        else:
            path = folder / name
            path.write_text(text.getvalue(), encoding="utf-8")
        written.append(path)
    return written


def _tree_peak_mb(process: subprocess.Popen[str], stop: threading.Event, peak: list[float]
                  ) -> None:
    """Poll the resident memory of ``process`` and its children (Spark's JVM, its Python
    workers) until ``stop``."""
    import os

    def rss(pid: int) -> float:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def children(pid: int) -> list[int]:
        found: list[int] = []
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:  # the process has just ended
            return found
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as kids:
                    found += [int(k) for k in kids.read().split()]
            except OSError:
                continue
        return found

    while not stop.wait(0.2):
        pids, total = [process.pid], 0.0
        while pids:
            pid = pids.pop()
            total += rss(pid)
            pids += children(pid)
        peak[0] = max(peak[0], total)


def run_engine(engine: str, folder: Path, out: Path) -> dict[str, float]:
    """One ``trucewatch batch`` run in its own process: seconds, peak MB of the tree."""
    command = [str(Path(sys.executable).with_name("trucewatch")), "batch", "--engine", engine,
               "--agreement", str(SPEC), "--format", "gdelt", str(folder), "--out", str(out)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    stop, peak = threading.Event(), [0.0]
    poller = threading.Thread(target=_tree_peak_mb, args=(process, stop, peak), daemon=True)
    poller.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    poller.join()
    if process.returncode:
        raise SystemExit(f"{engine} failed:\n{stderr[-3000:]}")
    return {"seconds": seconds, "peak_mb": peak[0], "line": stdout.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engines", default="duckdb,spark")
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "exports"
        if not folder.exists() or not any(folder.iterdir()):
            started = time.perf_counter()
            generate(folder, args.rows, args.files)
            size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            print(f"generated {args.rows:,} rows in {args.files} zipped exports ({size:.0f} MB) "
                  f"in {time.perf_counter() - started:.0f} s", flush=True)
        results: dict[str, list[dict[str, float]]] = {e: [] for e in args.engines.split(",")}
        for run in range(args.runs):
            for engine, rows in results.items():
                rows.append(run_engine(engine, folder, Path(tmp) / f"out-{engine}"))
                print(f"run {run + 1} {engine}: {rows[-1]['seconds']:.1f} s, "
                      f"peak {rows[-1]['peak_mb']:.0f} MB; {rows[-1]['line']}", flush=True)
    summary = {engine: {"seconds": statistics.median(r["seconds"] for r in rows),
                        "peak_mb": statistics.median(r["peak_mb"] for r in rows)}
               for engine, rows in results.items()}
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(summary))
    for engine, figures in summary.items():
        print(f"{engine}: median {figures['seconds']:.1f} s, peak {figures['peak_mb']:.0f} MB "
              f"({args.rows / figures['seconds']:,.0f} rows/s; "
              f"{figures['seconds'] / args.files:.2f} s per input file)")
    print(f"largest child process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
