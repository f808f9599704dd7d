"""Cross-site request forgery protection for the dashboard's write actions.

Double-submit token: every page response carries a random token in a ``SameSite=Strict``,
``HttpOnly`` cookie, and every form the server renders carries the same token in a hidden
field. A write is accepted only when the form field (or the ``X-CSRF-Token`` header, for the
JSON API) equals the cookie, and, when the browser sends an ``Origin``, that origin is this
server. Another site can neither read the cookie nor the page, so it cannot forge the pair.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import Request, Response

__all__ = ["COOKIE", "FIELD", "HEADER", "CsrfError", "check_csrf", "csrf_token", "set_csrf_cookie"]

COOKIE = "trucewatch_csrf"
HEADER = "X-CSRF-Token"
FIELD = "csrf_token"


class CsrfError(Exception):
    """A write came without a matching token or from another origin."""


def csrf_token(request: Request) -> str:
    """The token of this browser (from its cookie), or a new one to set on the response."""
    token = request.cookies.get(COOKIE)
    if not token:
        token = getattr(request.state, "new_csrf_token", None) or secrets.token_urlsafe(32)
        request.state.new_csrf_token = token
    return token


def set_csrf_cookie(request: Request, response: Response) -> None:
    """Set the cookie when :func:`csrf_token` made a new token for this request."""
    token = getattr(request.state, "new_csrf_token", None)
    if token:
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")


def check_csrf(request: Request, submitted: str | None) -> None:
    """Raise :class:`CsrfError` unless ``submitted`` matches the cookie and the origin is ours."""
    origin = request.headers.get("origin")
    if origin:
        ours = f"{request.url.scheme}://{request.url.netloc}"
        parts = urlsplit(origin)
        if f"{parts.scheme}://{parts.netloc}" != ours:
            raise CsrfError(f"refused a write from another origin ({origin})")
    cookie = request.cookies.get(COOKIE)
    if not cookie or not submitted:
        raise CsrfError("the form has no CSRF token or the browser sent no CSRF cookie; "
                        "reload the page and submit again")
    if not hmac.compare_digest(cookie, submitted):
        raise CsrfError("the CSRF token does not match; reload the page and submit again")
