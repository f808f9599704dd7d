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
            color=alt.Color("perpetrator:N", title="alleged perpetrator"),
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


def map_spec(points: Rows, *, width: int | str = "container") -> Spec:
    """Incidents as dots on a Mercator projection, coloured by their strongest verdict.

    ``points``: ``{"id", "date", "place", "lat", "lon", "verdict"}``; rows without a position
    are left out. No base map (the report must open without network): a one-degree graticule
    over the incidents' extent gives the bearings.
    """
    placed = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    dots = (
        alt.Chart(alt.Data(values=placed))
        .mark_circle(size=60, opacity=0.8, stroke="#222", strokeWidth=0.5)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            color=alt.Color("verdict:N", scale=_verdict_scale(), title="strongest verdict"),
            tooltip=["id:N", "date:T", "place:N", "verdict:N"],
        )
    )
    layers: list[alt.Chart] = [dots]
    if placed:
        lons = [p["lon"] for p in placed]
        lats = [p["lat"] for p in placed]
        extent = [[math.floor(min(lons)) - 1, math.floor(min(lats)) - 1],
                  [math.ceil(max(lons)) + 1, math.ceil(max(lats)) + 1]]
        grid = alt.Chart(alt.graticule(extent=extent, step=[1, 1]))
        layers.insert(0, grid.mark_geoshape(stroke="#d5dade", strokeWidth=0.5, fill=None))
    chart = alt.layer(*layers).project(type="mercator").properties(width=width, height=360)
    return _spec(chart)
