"""Incident rows as CSV, JSON or GeoJSON text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from trucewatch.incidents.query import INCIDENT_COLUMNS
from trucewatch.safe_text import csv_cell

__all__ = ["to_csv", "to_geojson", "to_json"]


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(map(str, value))
    return "" if value is None else value


def to_csv(rows: Iterable[dict[str, Any]]) -> str:
    """CSV with a header of INCIDENT_COLUMNS; lists joined with ``;``; a cell a spreadsheet
    would run as a formula (``=``, ``+``, ``-``, ``@``) is prefixed with ``'``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(INCIDENT_COLUMNS)
    for row in rows:
        writer.writerow([csv_cell(_plain(row[c])) for c in INCIDENT_COLUMNS])
    return out.getvalue()


def to_json(rows: Iterable[dict[str, Any]]) -> str:
    """A JSON array of incident objects."""
    return json.dumps(list(rows), indent=2, ensure_ascii=False, default=str)


def to_geojson(rows: Iterable[dict[str, Any]]) -> str:
    """A GeoJSON FeatureCollection; incidents without coordinates have a null geometry."""
    features = [{
        "type": "Feature",
        "id": row["id"],
        "geometry": ({"type": "Point", "coordinates": [row["lon"], row["lat"]]}
                     if row["lat"] is not None and row["lon"] is not None else None),
        "properties": {k: v for k, v in row.items() if k not in ("lat", "lon")},
    } for row in rows]
    return json.dumps({"type": "FeatureCollection", "features": features}, indent=2,
                      ensure_ascii=False, default=str)
