"""Cross-site request forgery protection for the dashboard's write actions.

A write from a browser must carry a CSRF token, as the form field ``csrf_token`` or the
``X-CSRF-Token`` header, that only a page of this dashboard could have read:

* with a login, the session's own token (:class:`~.sessions.Session`), which
  ``POST /api/session`` also answers for scripts;
* without accounts, a random token in a ``SameSite=Strict``, ``HttpOnly`` cookie that every
  page sets and repeats in its forms (double submit).

A trucewatch command on this machine (bearer token) sends none: no browser adds that header.
Where writes may come from at all (``Origin``, ``Host``) is checked before, by :mod:`.hosts`.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request, Response

from .access import Account
from .sessions import Session

__all__ = ["COOKIE", "FIELD", "HEADER", "CsrfError", "check_csrf", "csrf_token", "set_csrf_cookie"]

COOKIE = "trucewatch_csrf"
HEADER = "X-CSRF-Token"
FIELD = "csrf_token"


class CsrfError(Exception):
    """A write came without the token that shows it comes from a page of this dashboard."""


def _session(request: Request) -> Session | None:
    account: Account | None = getattr(request.state, "account", None)
    return account.session if account else None


def csrf_token(request: Request) -> str:
    """The token this request's forms carry: the session's, else the browser's cookie token
    (a new one, set on the response by :func:`set_csrf_cookie`, when it has none)."""
    session = _session(request)
    if session is not None:
        return session.csrf
    token = request.cookies.get(COOKIE)
    if not token:
        token = getattr(request.state, "new_csrf_token", None) or secrets.token_urlsafe(32)
        request.state.new_csrf_token = token
    return token


def set_csrf_cookie(request: Request, response: Response) -> None:
    """Set the cookie when :func:`csrf_token` made a new token for this request."""
    token = getattr(request.state, "new_csrf_token", None)
    if token:
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/",
                            secure=request.url.scheme == "https")


def check_csrf(request: Request, account: Account, submitted: str | None) -> None:
    """Raise :class:`CsrfError` unless ``submitted`` is this request's token."""
    if account.via == "token":
        return
    expected = account.session.csrf if account.session else request.cookies.get(COOKIE)
    if not expected or not submitted:
        raise CsrfError("the form has no CSRF token or the browser sent no CSRF cookie; "
                        "reload the page and submit again (scripts: send the X-CSRF-Token "
                        "header that POST /api/session answered)")
    if not hmac.compare_digest(expected.encode(), submitted.encode()):
        raise CsrfError("the CSRF token does not match; reload the page and submit again")
