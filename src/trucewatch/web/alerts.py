"""The alerts page, its JSON twin and the Atom feed of alerts (``/alerts.atom``), with the
health of the watched sources. Alerts are read from the store, where the watcher put them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from trucewatch.alerts import alert_deliveries, atom_feed, count_alerts, list_alerts
from trucewatch.store import Store
from trucewatch.watch import source_health

from .access import Reader
from .context import render, store_of

__all__ = ["alerts_page", "router"]

router = APIRouter()
StoreDep = Annotated[Store, Depends(store_of)]
_FEED_SIZE = 50


def alerts_page(store: Store, base_url: str, *, agreement: str | None = None,
                kind: str | None = None, history: bool = False, page: int = 1,
                per_page: int = 100) -> dict[str, Any]:
    """One page of alerts, newest first, each with its links and delivery per sink; and the
    health of every watched source."""
    conn = store.conn
    total = count_alerts(conn, agreement=agreement, kind=kind, history=history)
    found = list_alerts(conn, agreement=agreement, kind=kind, history=history,
                        limit=per_page, offset=(page - 1) * per_page)
    deliveries = alert_deliveries(conn, [a.key for a in found])
    kinds = [row[0] for row in conn.execute(
        "SELECT DISTINCT kind FROM alerts ORDER BY kind").fetchall()]
    return {
        "filters": {k: v for k, v in (("agreement", agreement), ("kind", kind)) if v},
        "history": history, "page": page, "per_page": per_page,
        "pages": max(1, -(-total // per_page)), "total": total, "kinds": kinds,
        "alerts": [{**a.as_json(base_url), "baseline": a.baseline,
                    "deliveries": deliveries[a.key]} for a in found],
        "sources": source_health(conn),
    }


class AlertQuery:
    """The filters and paging of the alerts page."""

    def __init__(
        self,
        agreement: Annotated[str | None, Query(description="agreement id")] = None,
        kind: Annotated[str | None, Query(description="e.g. first_violation")] = None,
        history: Annotated[bool, Query(description="include alerts summed up by a first "
                                       "run instead of sent")] = False,
        page: Annotated[int, Query(ge=1, le=1_000_000, description="from 1")] = 1,
        per_page: Annotated[int, Query(ge=1, le=500, description="1..500")] = 100,
    ) -> None:
        self.options = {"agreement": agreement or None, "kind": kind or None,
                        "history": history, "page": page, "per_page": per_page}


QueryDep = Annotated[AlertQuery, Depends(AlertQuery)]


@router.get("/alerts", include_in_schema=False)
def alerts_html(request: Request, _: Reader, query: QueryDep, store: StoreDep) -> Response:
    return render(request, "alerts.html", alerts_page(store, "", **query.options))


@router.get("/api/alerts", tags=["alerts"],
            summary="Stored alerts, newest first, with their delivery per sink; source health")
def alerts_api(request: Request, _: Reader, query: QueryDep, store: StoreDep) -> Response:
    base = str(request.base_url).rstrip("/")
    return JSONResponse(jsonable_encoder(alerts_page(store, base, **query.options)))


@router.get("/alerts.atom", tags=["alerts"], summary="The newest alerts as an Atom feed",
            response_class=Response)
def alerts_atom(request: Request, _: Reader, store: StoreDep,
                agreement: Annotated[str | None, Query(description="agreement id")] = None
                ) -> Response:
    base = str(request.base_url).rstrip("/")
    found = list_alerts(store.conn, agreement=agreement or None, limit=_FEED_SIZE)
    body = atom_feed(found, base_url=base, feed_url=str(request.url))
    return Response(body, media_type="application/atom+xml; charset=utf-8")
