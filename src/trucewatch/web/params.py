"""Query parameters of the incident pages: parsed, checked, and turned into a filter.

Every bad value is refused with a reason naming the parameter and what it accepts; unknown
parameters are refused too, so a misspelt filter never silently shows everything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from trucewatch.errors import UsageError
from trucewatch.incidents.map_points import BBox
from trucewatch.model import VerdictKind
from trucewatch.taxonomy import expand_scope, is_party_code, target_classes

__all__ = ["FILTER_FIELDS", "MAX_PER_PAGE", "MAX_ZOOM", "IncidentQuery", "MapQuery",
           "parse_incident_query", "parse_map_query", "parse_outline_query"]

#: Filter parameters, in the order the form shows them.
FILTER_FIELDS = (
    "date_from", "date_to", "country", "admin1", "target_class", "perpetrator", "verdict",
    "agreement", "commitment", "reading",
)
PAGING_FIELDS = ("page", "per_page")
#: View parameters of the map route.
VIEW_FIELDS = ("bbox", "zoom")
MAX_ZOOM = 22
MAX_PER_PAGE = 500
DEFAULT_PER_PAGE = 50


@dataclass(frozen=True)
class IncidentQuery:
    """Checked filter values (only those given) and the page wanted."""

    filters: dict[str, Any] = field(default_factory=dict)
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def as_params(self, **changes: Any) -> dict[str, str]:
        """The query string values that give this query (with ``changes``), for links."""
        values = {k: str(v) for k, v in self.filters.items()}
        values.update({"page": str(self.page), "per_page": str(self.per_page)})
        values.update({k: str(v) for k, v in changes.items()})
        return values


@dataclass(frozen=True)
class MapQuery:
    """Checked filter values (only those given) and the map's view, if the client sent it."""

    filters: dict[str, Any] = field(default_factory=dict)
    bbox: BBox | None = None
    zoom: int | None = None


#: At most this many countries' outlines in one request.
MAX_COUNTRIES = 20


def _date(name: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{value!r} is not a date; use YYYY-MM-DD", field=name) from None


def _int(name: str, value: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise UsageError(f"{value!r} is not a whole number", field=name) from None
    if not low <= number <= high:
        raise UsageError(f"{number} is outside {low}..{high}", field=name)
    return number


def _party(name: str, value: str) -> str:
    if not is_party_code(value):
        raise UsageError(f"{value!r} is not a party code such as RU, UA, US", field=name)
    return value


def _check(name: str, value: str) -> Any:
    if name in ("date_from", "date_to"):
        return _date(name, value)
    if name == "target_class":
        if value not in target_classes() and not ("*" in value and expand_scope(value)):
            raise UsageError(f"{value!r} is not a target class or wildcard (energy.*); "
                             "see `trucewatch taxonomy`", field=name)
        return value
    if name == "verdict":
        kinds = [v.value for v in VerdictKind]
        if value not in kinds:
            raise UsageError(f"{value!r} is not a verdict; use one of {', '.join(kinds)}",
                             field=name)
        return value
    if name in ("perpetrator", "reading"):
        return _party(name, value)
    if name == "country":
        if len(value) != 2 or not value.isalpha():
            raise UsageError(f"{value!r} is not an ISO 3166-1 alpha-2 country code such as UA",
                             field=name)
        return value.upper()
    if len(value) > 200:
        raise UsageError("is longer than 200 characters", field=name)
    return value


def _bbox(value: str) -> BBox:
    parts = value.split(",")
    if len(parts) != 4:
        raise UsageError(f"{value!r} is not west,south,east,north in degrees, e.g. "
                         "22,44,41,53", field="bbox")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise UsageError(f"{value!r} is not four numbers west,south,east,north",
                         field="bbox") from None
    for what, number, limit in (("west", west, 180), ("south", south, 90), ("east", east, 180),
                                ("north", north, 90)):
        if not -limit <= number <= limit:
            raise UsageError(f"{what} {number:g} is outside -{limit}..{limit}", field="bbox")
    if west >= east or south >= north:
        raise UsageError(f"{value!r} is empty or inverted; west must be less than east and "
                         "south less than north", field="bbox")
    return BBox(west, south, east, north)


def _filters(params: Mapping[str, str], extra: tuple[str, ...], usage: str) -> dict[str, Any]:
    """The checked filters of ``params``, which may also hold the ``extra`` names."""
    unknown = sorted(set(params) - set(FILTER_FIELDS) - set(extra))
    if unknown:
        raise UsageError(
            f"unknown parameter {unknown[0]!r}; filters are {', '.join(FILTER_FIELDS)}, {usage}")
    filters = {n: _check(n, params[n].strip()) for n in FILTER_FIELDS if params.get(n, "").strip()}
    start, end = filters.get("date_from"), filters.get("date_to")
    if start and end and end < start:
        raise UsageError(f"date_to {end} is before date_from {start}", field="date_to")
    return filters


def parse_incident_query(params: Mapping[str, str]) -> IncidentQuery:
    """Check the query string ``params`` of an incident page; empty values mean "any"."""
    filters = _filters(params, PAGING_FIELDS, "paging is page and per_page")
    page = _int("page", params["page"], 1, 10**7) if params.get("page") else 1
    per_page = (_int("per_page", params["per_page"], 1, MAX_PER_PAGE)
                if params.get("per_page") else DEFAULT_PER_PAGE)
    return IncidentQuery(filters=filters, page=page, per_page=per_page)


def parse_map_query(params: Mapping[str, str]) -> MapQuery:
    """Check the query string of the map route: the filters, ``bbox`` and ``zoom``; ``page``
    and ``per_page`` are accepted and ignored, so a page's query string can be passed on."""
    filters = _filters(params, PAGING_FIELDS + VIEW_FIELDS,
                       "the view is bbox and zoom (page and per_page are ignored)")
    bbox = _bbox(params["bbox"].strip()) if params.get("bbox", "").strip() else None
    zoom = _int("zoom", params["zoom"], 0, MAX_ZOOM) if params.get("zoom", "").strip() else None
    return MapQuery(filters=filters, bbox=bbox, zoom=zoom)


def parse_outline_query(params: Mapping[str, str]) -> tuple[list[str], BBox | None]:
    """Check the query string of the outlines route: ``countries`` (comma-separated ISO
    3166-1 alpha-2 codes, at most 20) and an optional ``bbox``."""
    unknown = sorted(set(params) - {"countries", "bbox"})
    if unknown:
        raise UsageError(f"unknown parameter {unknown[0]!r}; the outlines take countries and bbox")
    codes = [c.strip().upper() for c in params.get("countries", "").split(",") if c.strip()]
    if not codes or len(codes) > MAX_COUNTRIES:
        raise UsageError(f"give 1 to {MAX_COUNTRIES} country codes, e.g. UA,RU", field="countries")
    for code in codes:
        _check("country", code)
    bbox = _bbox(params["bbox"].strip()) if params.get("bbox", "").strip() else None
    return codes, bbox
