"""Offline reverse geocoding: coordinates -> country and ISO 3166-2 first-level region.

A point inside a region's outline (even-odd rule over its rings) is in that region; a point
just outside every outline (a coast, a river border, a naval event near the shore) gets the
nearest region within ``NEAR_KM``, and says so. Outlines come from
:mod:`trucewatch.geo.boundaries`.

>>> locate(47.84, 35.14).admin1        # Zaporizhzhia
'UA-23'
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np

from trucewatch.geo.boundaries import Region, regions
from trucewatch.geo.levels import first_level
from trucewatch.geo.settlements import nearest_settlement

__all__ = ["NEAR_KM", "Located", "locate"]

#: How far outside every outline a point may lie and still get the nearest region.
NEAR_KM = 25.0
#: Within this distance of its region's outline, a point whose nearest gazetteer settlement
#: (within SETTLEMENT_KM) lies in a neighbouring region of the same country gets that region:
#: the 1:10 million outlines are coarse around small regions such as Kyiv city (Irpin and
#: Bucha would fall inside it).
BORDER_KM = 6.0
SETTLEMENT_KM = 3.0
_CELL = 1.0  # degrees per side of a cell of the index
_KM_PER_DEGREE = 111.2


@dataclass(frozen=True, slots=True)
class Located:
    """Where a point is: the country, the region, and how that was decided."""

    country: str
    admin1: str
    how: str  # "inside" the outline, "nearest" (outside every outline, within NEAR_KM) or
    #          "settlement" (near the outline, in the region of the nearest settlement)
    km: float = 0.0  # for "nearest": the distance to the region's outline
    settlement: str | None = None

    @property
    def reason(self) -> str:
        if self.how == "inside":
            return f"coordinates inside the outline of {self.admin1}"
        if self.how == "settlement":
            return (f"coordinates near a region's outline, {self.km:.1f} km from "
                    f"{self.settlement}, in {self.admin1}")
        return f"coordinates {self.km:.1f} km outside the outline of {self.admin1}, the nearest"


def _cells(west: float, south: float, east: float, north: float) -> list[tuple[int, int]]:
    return [(x, y)
            for x in range(math.floor(west / _CELL), math.floor(east / _CELL) + 1)
            for y in range(math.floor(south / _CELL), math.floor(north / _CELL) + 1)]


@cache
def _index() -> dict[tuple[int, int], tuple[tuple[Region, int, tuple[float, ...]], ...]]:
    """Per 1-degree cell, the (region, ring number, ring bbox) of each ring that touches it."""
    cells: dict[tuple[int, int], list[tuple[Region, int, tuple[float, ...]]]] = defaultdict(list)
    for region in regions():
        for n, ring in enumerate(region.rings):
            (west, south), (east, north) = ring.min(axis=0), ring.max(axis=0)
            box = (float(west), float(south), float(east), float(north))
            for cell in _cells(*box):
                cells[cell].append((region, n, box))
    return {cell: tuple(entries) for cell, entries in cells.items()}


def _crossings(ring: np.ndarray, lon: float, lat: float) -> int:
    """How many edges of ``ring`` a ray from the point eastwards crosses."""
    x1, y1 = ring[:-1, 0], ring[:-1, 1]
    x2, y2 = ring[1:, 0], ring[1:, 1]
    spans = (y1 > lat) != (y2 > lat)
    if not spans.any():
        return 0
    x1, y1, x2, y2 = x1[spans], y1[spans], x2[spans], y2[spans]
    at = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
    return int(np.count_nonzero(at > lon))


def _inside(lat: float, lon: float) -> Region | None:
    parity: dict[str, int] = {}
    by_code: dict[str, Region] = {}
    cell = (math.floor(lon / _CELL), math.floor(lat / _CELL))
    for region, n, (west, south, east, north) in _index().get(cell, ()):
        if west <= lon <= east and south <= lat <= north:
            parity[region.code] = parity.get(region.code, 0) + _crossings(
                region.rings[n], lon, lat)
            by_code[region.code] = region
    inside = sorted(code for code, count in parity.items() if count % 2)
    return by_code[inside[0]] if inside else None


def _nearest(lat: float, lon: float) -> tuple[Region, float] | None:
    reach = NEAR_KM / _KM_PER_DEGREE
    squeeze = max(math.cos(math.radians(lat)), 0.05)
    best: tuple[float, str, Region] | None = None
    seen: set[tuple[str, int]] = set()
    span = reach / squeeze
    for cell in _cells(lon - span, lat - reach, lon + span, lat + reach):
        for region, n, (west, south, east, north) in _index().get(cell, ()):
            if (region.code, n) in seen or not (
                    west - span <= lon <= east + span and south - reach <= lat <= north + reach):
                continue
            seen.add((region.code, n))
            ring = region.rings[n]
            km = float(np.min(np.hypot((ring[:, 0] - lon) * squeeze, ring[:, 1] - lat))
                       ) * _KM_PER_DEGREE
            if best is None or (km, region.code) < best[:2]:
                best = (km, region.code, region)
    if best is None or best[0] > NEAR_KM:
        return None
    return best[2], best[0]


def _outline_km(region: Region, lat: float, lon: float) -> float:
    squeeze = max(math.cos(math.radians(lat)), 0.05)
    return min(float(np.min(np.hypot((ring[:, 0] - lon) * squeeze, ring[:, 1] - lat)))
               for ring in region.rings) * _KM_PER_DEGREE


def _settled(lat: float, lon: float, region: Region) -> Located | None:
    """The region of the nearest settlement, for a point near its region's outline whose
    nearest settlement lies in another region of the same country."""
    near = nearest_settlement(lat, lon, SETTLEMENT_KM)
    code = first_level(region.code)
    if near is None or near[0].admin1 in (code, region.code):
        return None
    place, km = near
    if place.admin1[:2] != region.country or _outline_km(region, lat, lon) > BORDER_KM:
        return None
    return Located(region.country, place.admin1, "settlement", round(km, 1), place.name)


@lru_cache(maxsize=200_000)
def locate(lat: float, lon: float) -> Located | None:
    """The country and ISO 3166-2 region at (``lat``, ``lon``), or None when the point is
    farther than ``NEAR_KM`` from every region (open sea) or not a coordinate."""
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90
            and -180 <= lon <= 180):
        return None
    region = _inside(lat, lon)
    if region is not None:
        return _settled(lat, lon, region) or Located(region.country, first_level(region.code),
                                                     "inside")
    near = _nearest(lat, lon)
    if near is None:
        return None
    region, km = near
    return Located(region.country, first_level(region.code), "nearest", round(km, 1))
