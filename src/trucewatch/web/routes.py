"""Every dashboard page and its JSON twin under ``/api``, plus the review write.

A page handler gets its data from one function of :mod:`.pages` and renders it; the API
handler returns the same data as JSON. Every route names the permission it needs
(:mod:`.access`): reading needs a viewer, a review an analyst. Reviews go through
:func:`~trucewatch.assess.reviews.add_review` on the server's writer (:mod:`.writes`), in the
name of the account that sends them.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Header, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from trucewatch.assess.reviews import add_review
from trucewatch.errors import UsageError
from trucewatch.store import Store

from . import pages
from .access import Account, Reader, Reviewer
from .context import render, store_of
from .csrf import FIELD, HEADER, check_csrf, csrf_token, set_csrf_cookie
from .params import (
    MAX_ZOOM,
    IncidentQuery,
    MapQuery,
    parse_incident_query,
    parse_map_query,
    parse_outline_query,
)
from .writes import write

__all__ = ["router"]

router = APIRouter()
StoreDep = Annotated[Store, Depends(store_of)]


def incident_filters(
    date_from: Annotated[str | None, Query(description="first day, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="last day, YYYY-MM-DD")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2, e.g. UA")] = None,
    admin1: Annotated[str | None, Query(description="region code, e.g. UA-65")] = None,
    target_class: Annotated[str | None, Query(description="e.g. energy.power_grid")] = None,
    perpetrator: Annotated[str | None, Query(description="party code, e.g. RU")] = None,
    verdict: Annotated[str | None, Query(description="e.g. violation")] = None,
    agreement: Annotated[str | None, Query(description="agreement id")] = None,
    commitment: Annotated[str | None, Query(description="commitment id")] = None,
    reading: Annotated[str | None, Query(description="party whose reading")] = None,
) -> None:
    """Declares the filter parameters for OpenAPI; the parse functions of .params check them."""


def paging(
    page: Annotated[str | None, Query(description="page number, from 1")] = None,
    per_page: Annotated[str | None, Query(description="rows per page, 1..500")] = None,
) -> None:
    """Declares the paging parameters for OpenAPI."""


def map_view(
    bbox: Annotated[str | None, Query(
        description="the map's view: west,south,east,north in degrees, e.g. 22,44,41,53; "
        "only incidents inside it are sent")] = None,
    zoom: Annotated[str | None, Query(
        description=f"the map's zoom, 0..{MAX_ZOOM}; sets the cell size (32 px)")] = None,
) -> None:
    """Declares the map's view parameters for OpenAPI."""


FiltersDoc = Annotated[None, Depends(incident_filters)]
PagingDoc = Annotated[None, Depends(paging)]


def incident_query(request: Request, _filters: FiltersDoc, _paging: PagingDoc) -> IncidentQuery:
    """Checked incident filters and paging; a bad or unknown parameter is a 400 with a reason."""
    return parse_incident_query(request.query_params)


def map_query(request: Request, _filters: FiltersDoc, _paging: PagingDoc,
              _view: Annotated[None, Depends(map_view)]) -> MapQuery:
    """Checked filters and map view (paging is ignored); a bad parameter is a 400."""
    return parse_map_query(request.query_params)


QueryDep = Annotated[IncidentQuery, Depends(incident_query)]
MapQueryDep = Annotated[MapQuery, Depends(map_query)]


def _json(request: Request, data: Any, media_type: str = "application/json", *,
          plain: bool = False) -> Response:
    """``data`` as JSON; ``plain`` data holds JSON types only and skips the encoder pass (about
    40 ms for the map's 2,000 points)."""
    response = JSONResponse(data if plain else jsonable_encoder(data), media_type=media_type)
    csrf_token(request)
    set_csrf_cookie(request, response)
    return response


# -- pages ------------------------------------------------------------------------------------


@router.get("/", include_in_schema=False)
def home(_: Reader) -> Response:
    return RedirectResponse("/agreements", status_code=307)


@router.get("/agreements", include_in_schema=False)
def agreements_html(request: Request, _: Reader, store: StoreDep) -> Response:
    return render(request, "agreements.html", pages.agreements_page(store))


@router.get("/agreements/{agreement_id}", include_in_schema=False)
def agreement_html(request: Request, _: Reader, agreement_id: str, store: StoreDep) -> Response:
    return render(request, "agreement.html", pages.agreement_page(store, agreement_id))


@router.get("/incidents", include_in_schema=False)
def incidents_html(request: Request, _: Reader, query: QueryDep, store: StoreDep) -> Response:
    data = pages.incidents_page(store, query)
    data["query"] = query
    data["agreements"] = pages.agreements_page(store)["agreements"]
    data["map_countries"] = pages.map_countries(store, query.filters.get("agreement"))
    return render(request, "incidents.html", data)


@router.get("/incidents/{incident_id}", include_in_schema=False)
def incident_html(request: Request, _: Reader, incident_id: str, store: StoreDep) -> Response:
    return render(request, "incident.html", pages.incident_page(store, incident_id))


@router.post("/incidents/{incident_id}/review", include_in_schema=False)
def review_form(
    request: Request,
    incident_id: str,
    account: Reviewer,
    action: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
    perpetrator: Annotated[str, Form()] = "",
    csrf_token_field: Annotated[str, Form(alias=FIELD)] = "",
) -> Response:
    check_csrf(request, account, csrf_token_field)
    _review(request, account, incident_id, action, note, perpetrator or None)
    return RedirectResponse(f"/incidents/{incident_id}#reviews", status_code=303)


def _review(request: Request, account: Account, incident_id: str, action: str, note: str,
            perpetrator: str | None) -> dict[str, Any]:
    """Store a review in the name of ``account``, on the server's writer."""
    return write(request, account, f"review {incident_id}",
                 lambda store: add_review(store, incident_id, action, note,
                                          perpetrator=perpetrator))


@router.get("/docs", include_in_schema=False)
def docs(request: Request, _: Reader) -> Response:
    return render(request, "docs.html", {"openapi": request.app.openapi()})


# -- JSON twins -------------------------------------------------------------------------------


@router.get("/api/agreements", tags=["agreements"], summary="Stored agreements")
def agreements_api(request: Request, _: Reader, store: StoreDep) -> Response:
    return _json(request, pages.agreements_page(store))


@router.get("/api/agreements/{agreement_id}", tags=["agreements"],
            summary="One agreement: readings side by side and their differences")
def agreement_api(request: Request, _: Reader, agreement_id: str, store: StoreDep) -> Response:
    return _json(request, pages.agreement_page(store, agreement_id))


@router.get("/api/agreements/{agreement_id}/verdicts", tags=["agreements"],
            summary="Verdict counts per reading, first violations, escape dates, chart spec")
def verdicts_api(request: Request, _: Reader, agreement_id: str, store: StoreDep) -> Response:
    return _json(request, pages.verdicts_page(store, agreement_id))


@router.get("/api/agreements/{agreement_id}/commitments", tags=["agreements"],
            summary="Every commitment: kind, status since when, history, fulfilment")
def commitments_api(request: Request, _: Reader, agreement_id: str, store: StoreDep) -> Response:
    return _json(request, pages.commitments_page(store, agreement_id))


@router.get("/api/incidents", tags=["incidents"],
            summary="A filtered page of incidents, newest first, with the verdict under each "
                    "selected reading")
def incidents_api(request: Request, _: Reader, query: QueryDep, store: StoreDep) -> Response:
    return _json(request, pages.incidents_page(store, query))


@router.get("/api/incidents/timeline", tags=["incidents"],
            summary="Incidents per day and perpetrator, with its Vega-Lite spec")
def timeline_api(request: Request, _: Reader, query: QueryDep, store: StoreDep) -> Response:
    return _json(request, pages.timeline_page(store, query))


@router.get("/api/incidents/map", tags=["incidents"],
            summary="Every matching incident for the map, as points or grid cells (GeoJSON)")
def map_api(request: Request, _: Reader, query: MapQueryDep, store: StoreDep) -> Response:
    """A GeoJSON FeatureCollection of every incident matching the filters (inside `bbox` if
    given). Up to 2,000 located incidents are Point features (`kind` "incident", `id`, `date`,
    `place`, `target_class`, `perpetrator`, `verdict`); more are grouped into grid cells whose
    side follows `zoom`: Point features at the cell's centroid (`kind` "cell", `count`,
    `verdicts` per verdict, `bounds`). `verdict` is the verdict under the selected `reading`,
    otherwise the strongest. `summary` counts the matching, located, in view, shown and
    without-coordinates incidents and says so in `text`."""
    return _json(request, pages.map_page(store, query), "application/geo+json", plain=True)


@router.get("/api/outlines", tags=["incidents"],
            summary="Admin-1 region outlines and names for the map (GeoJSON)")
def outlines_api(
    request: Request, _: Reader,
    countries: Annotated[str, Query(description="ISO 3166-1 alpha-2 codes, e.g. UA,RU")] = "",
    bbox: Annotated[str | None, Query(description="only regions reaching into "
                                      "west,south,east,north")] = None,
) -> Response:
    """The regions of `countries` (each a Feature with `code`, `country`, `name` and `label`,
    the point to write the name at), simplified to about a kilometre; offline data that never
    changes while the server runs, so browsers may keep it for a day."""
    codes, view = parse_outline_query(request.query_params)
    response = _json(request, pages.outlines_page(codes, view), "application/geo+json",
                     plain=True)
    response.headers["Cache-Control"] = "private, max-age=86400"
    return response


@router.get("/api/incidents/{incident_id}", tags=["incidents"],
            summary="One incident: reports, quotes, sources, verdicts per reading, reviews")
def incident_api(request: Request, _: Reader, incident_id: str, store: StoreDep) -> Response:
    return _json(request, pages.incident_page(store, incident_id))


class ReviewIn(BaseModel):
    """A review sent to the API; its author is the account that sends it."""

    model_config = ConfigDict(extra="forbid")
    action: str = Field(description="confirm, dispute or annotate")
    note: str = ""
    perpetrator: str | None = Field(default=None, description="confirm only: party code")
    reviewer: str | None = Field(
        default=None, description="leave out: a review is in the name of the logged-in account "
        "(if given, it must be that name)")


@router.post("/api/incidents/{incident_id}/reviews", tags=["reviews"], status_code=201,
             summary="Confirm, dispute or annotate an incident (an analyst; needs X-CSRF-Token)")
def review_api(
    request: Request,
    incident_id: str,
    review: ReviewIn,
    account: Reviewer,
    token: Annotated[str | None, Header(alias=HEADER)] = None,
) -> Response:
    check_csrf(request, account, token)
    if review.reviewer and review.reviewer.strip() != account.name:
        raise UsageError(f"this review would be stored as {account.name!r}, the account that "
                         f"sends it, not {review.reviewer!r}", field="reviewer",
                         hint="leave reviewer out; log in as the reviewer instead")
    saved = _review(request, account, incident_id, review.action, review.note,
                    review.perpetrator)
    response = _json(request, saved)
    response.status_code = 201
    return response
