"""The dashboard application: static files, security headers, errors as pages.

``create_app(db)`` returns a FastAPI app that owns one trucewatch database: reads run on a
pool of cursors side by side (``app.state.reads``), writes one at a time on its writer
(``app.state.writes``, which other writers in the process, such as a source watcher, submit
their work to as well). Pages live in :mod:`.routes`; each has a JSON twin under ``/api``
built from the same data function; the store of a request and the page renderer are in
:mod:`.context`; who may do what in :mod:`.access`; the names the server answers to in
:mod:`.hosts`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from trucewatch.accounts import has_accounts
from trucewatch.errors import (
    AccessError,
    NotFoundError,
    StoreError,
    TrucewatchError,
    UsageError,
)
from trucewatch.store import Store, open_store
from trucewatch.store.db import actor
from trucewatch.store.pool import ReadPool
from trucewatch.store.writer import WriteQueue
from trucewatch.watch import RoundReport, WatchConfig

from . import alerts, edits, local_api, login, routes
from .access import LoginRequired
from .context import render, templates
from .csrf import CsrfError
from .hosts import HostGuard
from .sessions import LoginLimiter, Sessions
from .watching import ServerWatcher

__all__ = ["create_app"]

log = logging.getLogger("trucewatch.web")

_STATUS = ((NotFoundError, 404), (UsageError, 400), (AccessError, 403), (StoreError, 503))


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(TrucewatchError)
    async def _trucewatch(request: Request, exc: TrucewatchError) -> Response:
        status = next((code for kind, code in _STATUS if isinstance(exc, kind)), 500)
        # The message without the database path: the server's files are not the viewer's.
        message = (f"{exc.field}: " if exc.field else "") + exc.message
        return _error(request, status, message + (f"; {exc.hint}" if exc.hint else ""))

    @app.exception_handler(CsrfError)
    async def _csrf(request: Request, exc: CsrfError) -> Response:
        return _error(request, 403, str(exc))

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": "log in first: POST /api/session with "
                                 '{"username": ..., "password": ...}', "status": 401},
                                status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?{urlencode({'next': target})}", status_code=303)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query"))
        return _error(request, 422, f"{where}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        messages = {404: f"no page at {request.url.path}", 405: "method not allowed here"}
        return _error(request, exc.status_code, messages.get(exc.status_code, str(exc.detail)))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        return _error(request, 500, "internal error; the server log has the details")


def _security_headers(app: FastAPI, tiles: str | None) -> None:
    tile_host = ""
    if tiles:
        parts = urlsplit(tiles)
        tile_host = f" {parts.scheme}://{parts.netloc.replace('{s}', '*')}"
    policy = (
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data:{tile_host}; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    )

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response


def create_app(
    db: str | Path | Store, *, tiles: str | None = None, allowed_hosts: Sequence[str] = (),
    token: str | None = None, open_access: bool = True, watch: WatchConfig | None = None,
    on_round: Callable[[RoundReport], None] | None = None,
) -> FastAPI:
    """The dashboard over the database ``db`` (a path, or a store this app then owns).

    ``tiles`` is an optional base-map tile URL; ``allowed_hosts`` the names it answers to
    besides the loopback names; ``token`` the bearer token of trucewatch commands on this
    machine (the server file's). ``open_access``: while no account exists, anyone who reaches
    the dashboard acts as the user running it; serve it only on the loopback then. ``watch``:
    a watch file whose sources a watcher polls while the server runs, its writes on the
    server's writer (:mod:`.watching`), each round told to ``on_round``.
    """
    store = db if isinstance(db, Store) else open_store(db, create=False)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        watcher = None
        if watch is not None:
            watcher = ServerWatcher(watch, app.state.writes, on_round=on_round,
                                    fetched=Path(store.path).absolute().parent / "fetched")
            watcher.start()
        yield
        if watcher is not None:  # its last item is written before the writer closes
            watcher.stop()
        app.state.writes.close()
        app.state.reads.close()
        store.close()

    app = FastAPI(
        title="trucewatch dashboard", version="1", lifespan=lifespan, docs_url=None,
        redoc_url=None,
        description="Agreements, incidents, verdicts and reviews. Every page has a JSON twin "
        "under /api. With accounts, log in with POST /api/session; writes need the "
        "X-CSRF-Token header (the token that answer gives, or the trucewatch_csrf cookie on a "
        "dashboard without accounts).",
    )
    app.state.store = store
    app.state.reads = ReadPool(store)
    app.state.writes = WriteQueue(store)
    app.state.sessions = Sessions()
    app.state.limiter = LoginLimiter()
    app.state.token = token
    app.state.owner = actor()
    app.state.open_access = open_access
    app.state.has_accounts = has_accounts(store)
    app.state.tiles = tiles
    app.state.templates = templates()
    static = resources.files(__package__).joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _add_error_handlers(app)
    _security_headers(app, tiles)
    app.add_middleware(HostGuard, allowed=allowed_hosts)
    for module in (login, routes, alerts, edits, local_api):
        app.include_router(module.router)
    return app
