"""Real dataset files through the importers: every row accounted for, and the admin-1 region
that coordinates give checked against the region each row names.

Reads the real public exports collected in a folder (``/work/realdata`` by default; see its
MANIFEST.md: ACLED in four layouts, UCDP GED from HDX in three releases and Windows-1252,
GDELT, civilian-harm CSV and JSON, a WHO table with a BOM, a UTF-16 copy). Each file is
ingested into a fresh database and its summary printed: rows read, stored, skipped as not
attacks, rejected, duplicates, encoding and date format. Then, for every row that has
coordinates and names its region in a column, the region of the coordinates
(:func:`trucewatch.geo.reverse.locate`) is compared with the region the name resolves to
(:func:`trucewatch.geo.region_names.admin1_from_name` within the row's country); rows whose
name resolves to no region are counted apart. The baseline in the same run places each point
in the region whose centre (the mean of its outline's points) is nearest.

    python benchmarks/realdata_files.py [FOLDER]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from trucewatch.geo.boundaries import regions  # noqa: E402
from trucewatch.geo.levels import first_level  # noqa: E402
from trucewatch.geo.reverse import locate  # noqa: E402
from trucewatch.sources import ingest_file  # noqa: E402
from trucewatch.sources.regions import admin1_code, country_code  # noqa: E402
from trucewatch.sources.summary import describe  # noqa: E402
from trucewatch.sources.tabular import open_table  # noqa: E402
from trucewatch.store import open_store  # noqa: E402

CIR = {"date": "date", "lat": "lat", "lon": "lon", "country": "country", "admin1": "province",
       "place": "town/city", "text": "brief description", "id": "entry"}
#: (file, format, reader options); the table files with the mapping an analyst would give.
FILES: list[tuple[str, str, dict[str, Any]]] = [
    ("acled/saereplication_acled_benin_31col.csv", "acled", {}),
    ("acled/aschharwood_acled_2016_old_layout.csv", "acled", {}),
    ("acled/katehara_acled_asia2015_uppercase_gwno.csv", "acled", {}),
    ("acled/katehara_acled_asia2015_uppercase_gwno.cp1252.csv", "acled", {}),
    ("acled/joemitchellnelson_acled_usa.xlsx", "acled", {}),
    ("ucdp/hdx_conflict_data_ukr_thesurojit.csv", "ucdp", {}),
    ("ucdp/hdx_conflict_data_ukr_thorbeorn.csv", "ucdp", {}),
    ("ucdp/hdx_conflict_data_ukr_thorbeorn.cp1252.csv", "ucdp", {}),
    ("ucdp/hdx_conflict_data_ukr_tijmenkort.csv", "ucdp", {}),
    ("gdelt/20191024143000.export.CSV", "gdelt", {}),
    ("civharm/cir_bellingcat_russian_ukraine_monitor_events.csv", "table", {"mapping": CIR}),
    ("civharm/cir_bellingcat_russian_ukraine_monitor_events.utf16.csv", "table",
     {"mapping": CIR}),
    ("civharm/bellingcat_civharm_export_events.json", "table", {"mapping": {
        "date": "date", "lat": "latitude", "lon": "longitude", "place": "location",
        "text": "description", "id": "id"}}),
    ("civharm/who_ssa_healthcare_attacks_ukr_thorbeorn.csv", "table", {"mapping": {
        "date": "Attack Date", "country": "Country / Territory", "text": "Attack Type",
        "id": "Attack ID"}}),
]
#: Files whose rows name their region, and the columns: latitude, longitude, region, country.
REGION_COLUMNS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "acled/saereplication_acled_benin_31col.csv": ("latitude", "longitude", "admin1",
                                                   ("iso", "country")),
    "acled/aschharwood_acled_2016_old_layout.csv": ("latitude", "longitude", "admin1",
                                                    ("country",)),
    "acled/katehara_acled_asia2015_uppercase_gwno.csv": ("LATITUDE", "LONGITUDE", "ADMIN1",
                                                         ("COUNTRY",)),
    "acled/joemitchellnelson_acled_usa.xlsx": ("LATITUDE", "LONGITUDE", "ADMIN1",
                                               ("ISO", "COUNTRY")),
    "ucdp/hdx_conflict_data_ukr_thesurojit.csv": ("latitude", "longitude", "adm_1",
                                                  ("country",)),
    "ucdp/hdx_conflict_data_ukr_thorbeorn.csv": ("latitude", "longitude", "adm_1",
                                                 ("country",)),
    "ucdp/hdx_conflict_data_ukr_tijmenkort.csv": ("latitude", "longitude", "adm_1",
                                                  ("country",)),
    "civharm/cir_bellingcat_russian_ukraine_monitor_events.csv": ("lat", "lon", "province",
                                                                  ("country",)),
}


def ingest_all(folder: Path) -> list[dict[str, Any]]:
    """Ingest every file into a fresh database; one summary per file."""
    out = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, fmt, options in FILES:
            path = folder / name
            if not path.exists():
                continue
            with open_store(Path(scratch) / f"{path.stem}.duckdb") as store:
                start = time.perf_counter()
                result = ingest_file(store, fmt, path, skip_bad=True,
                                     rejects_path=Path(scratch) / f"{path.name}.rejects.csv",
                                     **options)
                seconds = time.perf_counter() - start
            out.append({"file": name, "format": fmt, "seconds": round(seconds, 1),
                        "rows": result.rows, "records": result.records,
                        "stored": result.documents, "skipped": sum(result.skipped.values()),
                        "rejected": result.rejected, "duplicates": result.duplicates,
                        "summary": describe(result).replace(scratch + "/", "")})
    return out


_CENTRES: list[Any] = []


def nearest_centre(lat: float, lon: float) -> str:
    """The baseline: the region whose centre is nearest to the point."""
    if not _CENTRES:
        found = regions()
        _CENTRES.extend([[first_level(r.code) for r in found],
                         np.array([np.concatenate(r.rings).mean(axis=0) for r in found])])
    codes, centres = _CENTRES
    squeeze = max(np.cos(np.radians(lat)), 0.05)
    return codes[int(np.argmin(np.hypot((centres[:, 0] - lon) * squeeze,
                                        centres[:, 1] - lat)))]


def region_accuracy(folder: Path, skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Per file (but those whose names end with one of ``skip``): rows with coordinates and a
    region that resolves, and how many of them the coordinates place in that region."""
    out = []
    for name, (lat_col, lon_col, region_col, country_cols) in REGION_COLUMNS.items():
        path = folder / name
        if not path.exists() or name.endswith(skip):
            continue
        with open_table(path) as table:
            at = {n.strip(): i for i, n in enumerate(table.header)}
            counts: Counter[str] = Counter()
            misses: Counter[tuple[str, str]] = Counter()
            for _, row in table.rows:
                if len(row) != len(table.header):
                    continue
                try:
                    lat, lon = float(row[at[lat_col]]), float(row[at[lon_col]])
                except ValueError:
                    counts["no coordinates"] += 1
                    continue
                country = next((c for c in (country_code(row[at[col]]) for col in country_cols)
                                if c), None)
                truth = admin1_code(country, row[at[region_col]]) if country else None
                if truth is None:
                    counts["region name unresolved"] += 1
                    continue
                found = locate(lat, lon)
                counts["checked"] += 1
                counts["baseline"] += nearest_centre(lat, lon) == truth
                if found is not None and found.admin1 == truth:
                    counts["right"] += 1
                else:
                    misses[(truth, found.admin1 if found else "none")] += 1
        out.append({"file": name, "checked": counts["checked"], "right": counts["right"],
                    "baseline": counts["baseline"],
                    "unresolved": counts["region name unresolved"],
                    "no_coordinates": counts["no coordinates"],
                    "top_misses": misses.most_common(5)})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="/work/realdata", type=Path)
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"no real data folder at {args.folder}; nothing measured")
        return
    print("## Files ingested")
    for item in ingest_all(args.folder):
        print(f"- {item['file']} ({item['format']}, {item['seconds']} s): {item['summary']}")
    print("\n## Admin-1 region from coordinates, against the region each row names")
    total = right = baseline = 0
    for item in region_accuracy(args.folder):
        total += item["checked"]
        right += item["right"]
        baseline += item["baseline"]
        share = item["right"] / item["checked"] if item["checked"] else 0.0
        print(f"- {item['file']}: {share:.3f} of {item['checked']:,} rows "
              f"({item['unresolved']:,} rows whose region name resolves to no region left out)"
              f"; baseline {item['baseline'] / max(item['checked'], 1):.3f}"
              f"; most frequent misses (named, found): {item['top_misses']}")
    print(f"\noverall: {right / total:.4f} of {total:,} rows "
          f"(baseline, nearest region centre: {baseline / total:.4f})")


if __name__ == "__main__":
    main()
