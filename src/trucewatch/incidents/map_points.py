"""Map data for every incident matching a filter: the incidents themselves when few, grid cells
when many, as a GeoJSON FeatureCollection computed in DuckDB.

The filter is :func:`~trucewatch.incidents.query.filter_sql`, the one every incident query
uses. Each incident is coloured by one verdict: its verdict under the selected reading (and
agreement, commitment) when a reading is selected, otherwise its strongest verdict (under the
selected agreement, commitment), read from the verdict index bits of the incidents table.
Cells are squares of ``360 / 2**k`` degrees (so the grid stays put while the map pans) whose
side follows the map's zoom, or the extent when no zoom is given.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from trucewatch.assess.index import verdict_mask
from trucewatch.assess.verdicts import verdict_order
from trucewatch.incidents.query import IncidentFilter, filter_sql
from trucewatch.store import Store

__all__ = ["CELLS_ACROSS", "MAX_CELLS_ACROSS", "POINT_LIMIT", "BBox", "map_features"]

#: At most this many located incidents in view are sent one by one; more become cells.
POINT_LIMIT = 2000
#: Cells across the wider side of the extent when the client gives no zoom.
CELLS_ACROSS = 24
#: Never more cells than this across the wider side of the view, whatever the zoom.
MAX_CELLS_ACROSS = 64
#: At zoom z a cell's side is 360 / 2**(z + ZOOM_SHIFT) degrees: 32 screen pixels.
ZOOM_SHIFT = 3
#: The smallest cell side, in degrees (about 40 m).
MIN_CELL = 360 / 2**23

_LOCATED = "i.lat IS NOT NULL AND i.lon IS NOT NULL"


@dataclass(frozen=True)
class BBox:
    """A view in degrees: west < east, south < north (no crossing of the antimeridian)."""

    west: float
    south: float
    east: float
    north: float

    @property
    def span(self) -> float:
        return max(self.east - self.west, self.north - self.south)


def _verdict_sql(store: Store, flt: IncidentFilter) -> tuple[str, list[Any], str, list[Any]]:
    """The SQL expression of each incident's colouring verdict, as its position in
    ``verdict_order()`` (an integer groups faster than a string), with its parameters; and a
    join, with its parameters, that it needs when the verdict index cannot answer."""
    kinds = verdict_order()
    names = {"agreement": flt.agreement, "commitment": flt.commitment, "party": flt.reading}
    masks = [verdict_mask(store.conn, verdict=kind, **names) for kind in kinds[:-1]]
    if all(mask is not None for mask in masks):
        used = [(rank, mask) for rank, mask in enumerate(masks) if mask]
        cases = " ".join("WHEN (i.verdict_bits & CAST(? AS UHUGEINT)) <> 0 THEN ?" for _ in used)
        expression = f"CASE {cases} ELSE ? END" if used else "?"
        values = [value for rank, mask in used for value in (mask, rank)]
        return expression, [*values, len(masks)], "", []
    join = (
        "LEFT JOIN (SELECT v.incident_id, min(list_position(?, v.verdict)) - 1 AS rank"
        " FROM verdicts v WHERE (CAST(? AS VARCHAR) IS NULL OR v.agreement_id = ?)"
        " AND (CAST(? AS VARCHAR) IS NULL OR v.commitment_id = ?)"
        " AND (CAST(? AS VARCHAR) IS NULL OR v.party = ?) GROUP BY v.incident_id) vk"
        " ON vk.incident_id = i.id"
    )
    values = [value for value in names.values() for _ in range(2)]
    return "coalesce(vk.rank, ?)", [len(masks)], join, [kinds, *values]


def _colour_by(flt: IncidentFilter) -> str:
    under = [f"agreement {flt.agreement}" if flt.agreement else "",
             f"commitment {flt.commitment}" if flt.commitment else ""]
    scope = " of ".join(part for part in under[::-1] if part)
    if flt.reading:
        return f"verdict under {flt.reading}'s reading" + (f" of {scope}" if scope else "")
    return "strongest verdict" + (f" under {scope}" if scope else "")


def _view_sql(bbox: BBox | None) -> tuple[str, list[Any]]:
    if bbox is None:
        return _LOCATED, []
    return (f"{_LOCATED} AND i.lat BETWEEN ? AND ? AND i.lon BETWEEN ? AND ?",
            [bbox.south, bbox.north, bbox.west, bbox.east])


def _cell_size(span: float, zoom: int | None) -> float:
    """A cell side of ``360 / 2**k`` degrees, no smaller than the zoom or span asks."""
    wanted = span / CELLS_ACROSS if zoom is None else 360 / 2 ** (zoom + ZOOM_SHIFT)
    wanted = max(wanted, span / MAX_CELLS_ACROSS, MIN_CELL)
    return 360 / 2 ** math.floor(math.log2(360 / wanted))


def _feature(lon: float, lat: float, properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "Feature", **extra,
            "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}


def _points(store: Store, source: str, params: list[Any], verdict: str, verdict_params: list[Any]
            ) -> list[dict[str, Any]]:
    kinds = verdict_order()
    rows = store.conn.execute(
        f"SELECT i.id, i.lon, i.lat, strftime(i.event_date, '%Y-%m-%d'), i.place, "
        f"i.target_class, i.perpetrator, {verdict} {source} "
        "ORDER BY i.event_date DESC NULLS LAST, i.id", verdict_params + params).fetchall()
    return [_feature(lon, lat, {"kind": "incident", "id": iid, "date": day, "place": place,
                                "target_class": target, "perpetrator": perpetrator,
                                "verdict": kinds[rank]}, id=iid)
            for iid, lon, lat, day, place, target, perpetrator, rank in rows]


def _cells(store: Store, source: str, params: list[Any], verdict: str, verdict_params: list[Any],
           size: float) -> list[dict[str, Any]]:
    kinds = verdict_order()
    per_kind = ", ".join(f"count(*) FILTER (WHERE rank = {rank})" for rank in range(len(kinds)))
    rows = store.conn.execute(
        f"SELECT x, y, count(*), avg(lon), avg(lat), {per_kind} "
        "FROM (SELECT CAST(floor(i.lon / ?) AS INTEGER) AS x, CAST(floor(i.lat / ?) AS INTEGER) "
        f"AS y, i.lon, i.lat, {verdict} AS rank {source}) GROUP BY x, y ORDER BY y, x",
        [size, size, *verdict_params, *params]).fetchall()
    return [_feature(round(lon, 5), round(lat, 5), {
        "kind": "cell", "count": count,
        "verdicts": {kind: n for kind, n in zip(kinds, counts, strict=True) if n},
        "bounds": [x * size, y * size, (x + 1) * size, (y + 1) * size],
    }) for x, y, count, lon, lat, *counts in rows]


def _sentence(summary: dict[str, Any]) -> str:
    def n(count: int, what: str = "incident") -> str:
        return f"{count:,} {what}{'' if count == 1 else 's'}"

    if summary["mode"] == "cells":
        parts = [f"{n(summary['shown'])} in {n(summary['cells'], 'cell')} (zoom in to see "
                 f"each incident; up to {summary['point_limit']:,} are shown one by one)"]
    else:
        parts = [f"{n(summary['shown'])} shown"]
    if summary["outside_view"]:
        parts.append(f"{summary['outside_view']:,} outside this area")
    if summary["without_coordinates"]:
        parts.append(f"{n(summary['without_coordinates'])} without coordinates")
    return "; ".join(parts)


def map_features(
    store: Store, flt: IncidentFilter | None = None, *, bbox: BBox | None = None,
    zoom: int | None = None, point_limit: int = POINT_LIMIT,
) -> dict[str, Any]:
    """Every incident matching ``flt`` (inside ``bbox`` if given) as a GeoJSON
    FeatureCollection.

    Up to ``point_limit`` located incidents in view are Point features with ``id``, ``date``,
    ``place``, ``target_class``, ``perpetrator`` and ``verdict``; more are grouped into cells,
    Point features at the cell's centroid with ``count``, ``verdicts`` (count per colouring
    verdict, strongest first) and ``bounds`` ``[west, south, east, north]``. The collection's
    ``summary`` says how many match, are located, are in view, are shown and have no
    coordinates, the mode, the cell size, the extent of the located matches and one sentence
    saying all that.
    """
    flt = flt or IncidentFilter()
    where, where_params = filter_sql(store, flt)
    view, view_params = _view_sql(bbox)
    matching, located, in_view, west, south, east, north = store.conn.execute(
        f"SELECT count(*), count(*) FILTER (WHERE {_LOCATED}), count(*) FILTER (WHERE {view}), "
        f"min(i.lon), min(i.lat), max(i.lon), max(i.lat) FROM incidents i{where}",
        view_params + where_params).fetchone()
    verdict, verdict_params, join, join_params = _verdict_sql(store, flt)
    source = (f"FROM incidents i {join}{where}{' AND' if where else ' WHERE'} {view}")
    params = join_params + where_params + view_params
    extent = None if west is None else BBox(west, south, east, north)
    summary: dict[str, Any] = {
        "matching": matching, "located": located, "without_coordinates": matching - located,
        "in_view": in_view, "outside_view": located - in_view, "shown": in_view,
        "point_limit": point_limit, "colour_by": _colour_by(flt),
        "extent": None if extent is None else [west, south, east, north],
    }
    if in_view <= point_limit:
        features = _points(store, source, params, verdict, verdict_params)
        summary.update(mode="points", points=len(features), cells=0, cell_size=None)
    else:
        size = _cell_size((bbox or extent).span, zoom)
        features = _cells(store, source, params, verdict, verdict_params, size)
        summary.update(mode="cells", points=0, cells=len(features), cell_size=size)
    summary["text"] = _sentence(summary)
    return {"type": "FeatureCollection", "summary": summary, "features": features}
