"""Who is asking, and may they: the account behind each request.

A request is made by

* a logged-in account: its session cookie (:mod:`.sessions`);
* a trucewatch command on this machine: the server file's token as a bearer token, with the
  local user's name (it has every permission: whoever can read the server file can open the
  database itself);
* a feed reader, on the alerts feed only: an account's feed token in the URL
  (:func:`trucewatch.web.alerts.feed_reader`; no other route reads it);
* anyone, when the dashboard has no accounts: then it only listens on the loopback
  (``trucewatch serve`` refuses other addresses), and every request acts as the user who
  started it. Once an account exists, everyone logs in.

Routes declare the permission they need with :func:`need`; a request without an account is
sent to the login page (pages) or answered 401 (API), one whose role falls short 403.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from trucewatch.accounts import Permission, Role, require

from .sessions import COOKIE, Session

__all__ = ["ACTOR_HEADER", "Account", "Admin", "Editor", "LoginRequired", "Reader", "Reviewer",
           "current_account", "need"]

ACTOR_HEADER = "x-trucewatch-actor"
_ACTOR = re.compile(r"[^\x00-\x1f\x7f]{1,64}")


@dataclass(frozen=True)
class Account:
    """Who makes a request: a name, a role, and how it proved it (``session``, ``token``,
    ``feed`` for a feed token on the alerts feed, or ``open`` for a dashboard without
    accounts)."""

    name: str
    role: Role
    via: str
    session: Session | None = None


class LoginRequired(Exception):
    """The request has no account and the dashboard has accounts: log in first."""


def current_account(request: Request) -> Account | None:
    """The account making ``request``, or None when it must log in."""
    state = request.app.state
    authorization = request.headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        token = authorization[7:].strip()
        if state.token and hmac.compare_digest(token.encode(), state.token.encode()):
            named = request.headers.get(ACTOR_HEADER, "")
            return Account(named if _ACTOR.fullmatch(named) else state.owner, Role.ADMIN, "token")
        return None
    session = state.sessions.get(request.cookies.get(COOKIE))
    if session is not None:
        return Account(session.user, session.role, "session", session)
    if state.open_access and not state.has_accounts:
        return Account(state.owner, Role.ADMIN, "open")
    return None


def need(permission: Permission) -> Callable[[Request], Account]:
    """A dependency: the request's account, if it has ``permission``."""

    def dependency(request: Request) -> Account:
        account = current_account(request)
        if account is None:
            raise LoginRequired()
        request.state.account = account  # the refusal page still shows who is logged in
        require(account.role, permission, who=f"the account {account.name!r}")
        return account

    return dependency


Reader = Annotated[Account, Depends(need(Permission.READ))]
Reviewer = Annotated[Account, Depends(need(Permission.REVIEW))]
Editor = Annotated[Account, Depends(need(Permission.EDIT))]
Admin = Annotated[Account, Depends(need(Permission.ADMIN))]
