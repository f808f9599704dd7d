"""Logging in and out: the login page and, for scripts, ``/api/session``.

``POST /api/session`` with ``{"username", "password"}`` sets the session cookie and answers
``{"csrf": TOKEN, "username", "role"}``; send the token as ``X-CSRF-Token`` with every write.
``DELETE /api/session`` logs out. Wrong names and wrong passwords get the same answer; after
too many failures (:class:`~.sessions.LoginLimiter`) the answer is 429 with ``Retry-After``.
"""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Header, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from trucewatch.accounts import Permission, authenticate
from trucewatch.accounts.passwords import MAX_LENGTH

from .access import Account, current_account, need
from .context import render
from .csrf import FIELD, HEADER, check_csrf
from .sessions import COOKIE, Session, set_session_cookie

__all__ = ["router"]

router = APIRouter()


class LoginRefused(Exception):
    """A login that failed: its status (401 or 429), message and seconds to wait."""

    def __init__(self, status: int, message: str, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.status, self.message, self.retry_after = status, message, retry_after


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def log_in(request: Request, username: str, password: str) -> tuple[str, Session]:
    """Check ``username`` and ``password``; a new session (cookie token, session) or
    :class:`LoginRefused`."""
    state = request.app.state
    wait = state.limiter.retry_after(_client(request), username)
    if wait > 0:
        raise LoginRefused(429, f"too many failed logins; try again in {math.ceil(wait)} s",
                           wait)
    with state.reads.store() as store:
        user = authenticate(store, username, password)
    if user is None:
        state.limiter.failed(_client(request), username)
        raise LoginRefused(401, "wrong account name or password, or the account is disabled")
    state.limiter.succeeded(username)
    return state.sessions.open(user)


def _safe_next(target: str | None) -> str:
    """Only a path of this dashboard, never another site, after logging in."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/agreements"


def _refused(request: Request, refused: LoginRefused, target: str, username: str) -> Response:
    response = render(request, "login.html", {"error": refused.message, "next": target,
                                              "username": username}, refused.status)
    if refused.retry_after:
        response.headers["Retry-After"] = str(math.ceil(refused.retry_after))
    return response


@router.get("/login", include_in_schema=False)
def login_page(request: Request, next: str | None = None) -> Response:
    if current_account(request) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, "login.html", {"next": _safe_next(next), "username": ""})


@router.post("/login", include_in_schema=False)
def login_form(request: Request, username: Annotated[str, Form(max_length=64)],
               password: Annotated[str, Form(max_length=MAX_LENGTH)],
               next: Annotated[str, Form()] = "/agreements") -> Response:
    target = _safe_next(next)
    try:
        token, _ = log_in(request, username, password)
    except LoginRefused as refused:
        return _refused(request, refused, target, username)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(request, response, token)
    return response


@router.post("/logout", include_in_schema=False)
def logout_form(request: Request, account: Annotated[Account, Depends(need(Permission.READ))],
                csrf_token_field: Annotated[str, Form(alias=FIELD)] = "") -> Response:
    check_csrf(request, account, csrf_token_field)
    request.app.state.sessions.close(request.cookies.get(COOKIE))
    response = RedirectResponse("/login", status_code=303)
    set_session_cookie(request, response, None)
    return response


class Credentials(BaseModel):
    """A login sent by a script."""

    model_config = ConfigDict(extra="forbid")
    username: str = Field(max_length=64)
    password: str = Field(max_length=MAX_LENGTH)


@router.post("/api/session", tags=["session"],
             summary="Log in: sets the session cookie, answers the CSRF token for writes")
def session_api(request: Request, credentials: Credentials) -> Response:
    try:
        token, session = log_in(request, credentials.username, credentials.password)
    except LoginRefused as refused:
        headers = ({"Retry-After": str(math.ceil(refused.retry_after))}
                   if refused.retry_after else None)
        return JSONResponse({"error": refused.message, "status": refused.status},
                            status_code=refused.status, headers=headers)
    response = JSONResponse({"csrf": session.csrf, "username": session.user,
                             "role": session.role.value})
    set_session_cookie(request, response, token)
    return response


@router.delete("/api/session", tags=["session"], status_code=204,
               summary="Log out (needs X-CSRF-Token)")
def end_session_api(request: Request,
                    account: Annotated[Account, Depends(need(Permission.READ))],
                    token: Annotated[str | None, Header(alias=HEADER)] = None) -> Response:
    check_csrf(request, account, token)
    request.app.state.sessions.close(request.cookies.get(COOKIE))
    response = Response(status_code=204)
    set_session_cookie(request, response, None)
    return response
