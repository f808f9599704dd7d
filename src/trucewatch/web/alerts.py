"""The alerts page, its JSON twin and the Atom feed of alerts (``/alerts.atom``), with the
health of the watched sources. Alerts are read from the store, where the watcher put them.

Feed readers and chat tools cannot log in: the feed also accepts an account's feed token
(``/alerts.atom?token=...``, made by ``trucewatch users feed-token NAME``). That token opens
this feed and nothing else: no other route reads it, and it never starts a session."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from trucewatch.accounts import Permission, feed_token_account, require
from trucewatch.alerts import alert_deliveries, atom_feed, count_alerts, list_alerts
from trucewatch.store import Store
from trucewatch.watch import source_health

from .access import Account, Reader, need
from .context import render, store_of

__all__ = ["alerts_page", "router"]

router = APIRouter()
StoreDep = Annotated[Store, Depends(store_of)]
_FEED_SIZE = 50
#: Longer than any feed token: refused without a look-up.
_TOKEN_LIMIT = 128


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


def feed_reader(
    request: Request,
    token: Annotated[str | None, Query(description="an account's feed token (`trucewatch "
                                       "users feed-token NAME`), for readers that cannot log "
                                       "in")] = None,
) -> Account:
    """Who reads the feed: the request's account, or the account whose feed token it gives."""
    if token is None:
        return need(Permission.READ)(request)
    user = None
    if len(token) <= _TOKEN_LIMIT:
        with request.app.state.reads.store() as store:
            user = feed_token_account(store, token)
    if user is None:
        raise HTTPException(401, "this feed token is not valid: it was revoked or replaced, or "
                            "its account is disabled")
    account = Account(user.name, user.role, "feed")
    request.state.account = account
    require(account.role, Permission.READ, who=f"the account {account.name!r}")
    return account


@router.get("/alerts.atom", tags=["alerts"], summary="The newest alerts as an Atom feed",
            response_class=Response)
def alerts_atom(request: Request, _: Annotated[Account, Depends(feed_reader)], store: StoreDep,
                agreement: Annotated[str | None, Query(description="agreement id")] = None
                ) -> Response:
    base = str(request.base_url).rstrip("/")
    found = list_alerts(store.conn, agreement=agreement or None, limit=_FEED_SIZE)
    # the feed's own link leaves the token out: a feed passed on does not pass it on
    feed_url = str(request.url.remove_query_params("token"))
    body = atom_feed(found, base_url=base, feed_url=feed_url)
    return Response(body, media_type="application/atom+xml; charset=utf-8")
