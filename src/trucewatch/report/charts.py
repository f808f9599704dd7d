"""The charts of the report and the dashboard, each one Vega-Lite spec built with Altair.

Every function takes plain rows and returns a self-contained Vega-Lite spec (a dict, data
inlined) that both the HTML report and the dashboard hand to vega-embed, so they draw the
same chart from the same code.
"""

from __future__ import annotations

import math
from typing import Any

import altair as alt

from trucewatch.assess.verdicts import verdict_order

from .palette import verdict_colors

__all__ = ["map_spec", "timeline_spec", "violations_spec"]

Spec = dict[str, Any]
Rows = list[dict[str, Any]]


def _verdict_scale() -> alt.Scale:
    colors = verdict_colors()
    return alt.Scale(domain=verdict_order(), range=[colors[v] for v in verdict_order()])


def _spec(chart: alt.TopLevelMixin, *, fit_width: bool = True) -> Spec:
    """The chart as a dict; ``fit_width`` makes a single view fill its container's width."""
    spec = chart.to_dict()
    spec.pop("config", None)
    if fit_width:
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def timeline_spec(daily: Rows, marks: Rows, *, width: int | str = "container") -> Spec:
    """Incidents per day, stacked by alleged perpetrator, with the parties' dates as rules.

    ``daily``: ``{"date", "perpetrator", "incidents"}``; ``marks``: ``{"date", "label"}``,
    e.g. each party's claimed start and last day.
    """
    bars = (
        alt.Chart(alt.Data(values=daily))
        .mark_bar()
        .encode(
            x=alt.X("date:T", title="day", timeUnit="yearmonthdate"),
            y=alt.Y("sum(incidents):Q", title="incidents"),
            color=alt.Color("perpetrator:N", title="alleged perpetrator",
                            legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip("date:T", title="day"),
                alt.Tooltip("perpetrator:N", title="perpetrator"),
                alt.Tooltip("sum(incidents):Q", title="incidents"),
            ],
        )
    )
    rules = alt.Chart(alt.Data(values=marks)).mark_rule(strokeDash=[4, 3], color="#333")
    rules = rules.encode(x="date:T", tooltip=[alt.Tooltip("label:N", title="date claimed")])
    labels = (
        alt.Chart(alt.Data(values=marks))
        .mark_text(align="left", angle=270, dx=4, dy=-4, baseline="top", fontSize=10)
        .encode(x="date:T", y=alt.value(0), text="label:N")
    )
    layers = [bars, rules, labels] if marks else [bars]
    chart = alt.layer(*layers).properties(width=width, height=220)
    return _spec(chart)


def violations_spec(rows: Rows, *, width: int = 520) -> Spec:
    """Incidents per alleged perpetrator and verdict, one panel per party's reading.

    ``rows``: ``{"reading", "perpetrator", "verdict", "incidents"}``.
    """
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            y=alt.Y("perpetrator:N", title=None),
            x=alt.X("sum(incidents):Q", title="incidents"),
            color=alt.Color("verdict:N", scale=_verdict_scale(), title="verdict"),
            row=alt.Row("reading:N", title=None, header=alt.Header(labelAngle=0,
                                                                   labelAlign="left")),
            tooltip=["reading:N", "perpetrator:N", "verdict:N", "sum(incidents):Q"],
        )
        .properties(width=width)
    )
    return _spec(chart, fit_width=False)


#: Region names on the report's map: font size in pixels, and the width the map is laid out
#: for (the report's column), to tell which names would overlap.
LABEL_SIZE = 9
MAP_WIDTH = 1100


def _uncluttered(features: Rows, extent: list[list[float]]) -> Rows:
    """Names to write on the map: inside ``extent``, larger regions first, leaving out any
    whose text (estimated from its length) would overlap a name already written."""
    per_degree = MAP_WIDTH / max(extent[1][0] - extent[0][0], 1e-6)
    written: list[tuple[float, float, float, float]] = []
    labels = []

    def size(feature: dict[str, Any]) -> float:
        ring = feature["geometry"]["coordinates"][0][0]
        xs, ys = [x for x, _ in ring], [y for _, y in ring]
        return (max(xs) - min(xs)) * (max(ys) - min(ys))

    for feature in sorted(features, key=size, reverse=True):
        name, (lon, lat) = feature["properties"]["name"], feature["properties"]["label"]
        if not (extent[0][0] <= lon <= extent[1][0] and extent[0][1] <= lat <= extent[1][1]):
            continue
        half_width = len(name) * LABEL_SIZE * 0.3 / per_degree
        half_height = LABEL_SIZE * 0.6 * math.cos(math.radians(lat)) / per_degree
        box = (lon - half_width, lat - half_height, lon + half_width, lat + half_height)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
               for b in written):
            continue
        written.append(box)
        labels.append({"name": name, "lon": lon, "lat": lat})
    return labels


def _for_d3(feature: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON polygon feature with its rings reversed: d3, under Vega, takes the outer ring
    clockwise (RFC 7946 has it counterclockwise), else it fills the rest of the globe."""
    polygons = [[ring[::-1] for ring in polygon] for polygon in feature["geometry"]["coordinates"]]
    return {**feature, "geometry": {"type": "MultiPolygon", "coordinates": polygons}}


def map_spec(points: Rows, outlines: dict[str, Any] | None = None, *,
             width: int | str = "container") -> Spec:
    """Incidents as dots on a Mercator projection, coloured by their strongest verdict, over
    the admin-1 ``outlines`` (a GeoJSON FeatureCollection with ``name`` and ``label``) and
    their names, so the map reads without a network.

    ``points``: ``{"id", "date", "place", "lat", "lon", "verdict"}``; rows without a position
    are left out. The view is the incidents' extent plus a degree; outlines beyond it are cut.
    """
    placed = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    dots = (
        alt.Chart(alt.Data(values=placed))
        .mark_circle(size=60, opacity=0.85, stroke="#222", strokeWidth=0.5)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            color=alt.Color("verdict:N", scale=_verdict_scale(), title="strongest verdict",
                            legend=alt.Legend(orient="bottom", columns=4)),
            tooltip=["id:N", "date:T", "place:N", "verdict:N"],
        )
    )
    layers: list[alt.Chart] = []
    projection: dict[str, Any] = {"type": "mercator"}
    if placed:
        lons = [p["lon"] for p in placed]
        lats = [p["lat"] for p in placed]
        extent = [[math.floor(min(lons)) - 1, math.floor(min(lats)) - 1],
                  [math.ceil(max(lons)) + 1, math.ceil(max(lats)) + 1]]
        projection["fit"] = {"type": "Feature", "properties": {},
                             "geometry": {"type": "MultiPoint", "coordinates": extent}}
        features = [_for_d3(f) for f in (outlines or {}).get("features", [])]
        if features:
            layers.append(alt.Chart(alt.Data(values=features)).mark_geoshape(
                fill="#ffffff", stroke="#7b8794", strokeWidth=0.6, clip=True))
            labels = _uncluttered(features, extent)
            layers.append(alt.Chart(alt.Data(values=labels)).mark_text(
                fontSize=LABEL_SIZE, color="#56626d", clip=True).encode(
                    longitude="lon:Q", latitude="lat:Q", text="name:N"))
        else:
            grid = alt.Chart(alt.graticule(extent=extent, step=[1, 1]))
            layers.append(grid.mark_geoshape(stroke="#d5dade", strokeWidth=0.5, fill=None))
    layers.append(dots)
    chart = alt.layer(*layers).properties(width=width, height=420)
    spec = _spec(chart)
    spec["projection"] = projection
    return spec
