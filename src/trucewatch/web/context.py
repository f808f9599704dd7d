"""What every page handler shares: the store of a request and the page renderer."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from trucewatch.assess import RULES
from trucewatch.report.palette import verdict_colors, verdict_labels
from trucewatch.store import Store

from .csrf import csrf_token, set_csrf_cookie

__all__ = ["render", "store_of", "templates"]


def templates() -> Jinja2Templates:
    """The Jinja2 environment of the pages, with the verdict names, colours and rules."""
    folder = resources.files(__package__).joinpath("templates")
    shared = resources.files("trucewatch.report").joinpath("templates")  # kinds/ sections
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder), str(shared)]), autoescape=True,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.globals.update(verdict_labels=verdict_labels(), verdict_colors=verdict_colors(),
                       rules=RULES)
    return Jinja2Templates(env=env)


def store_of(request: Request) -> Iterator[Store]:
    """A store on a read cursor of the server's pool for one request; reads run side by side
    and never wait for a write (writes go to ``request.app.state.writes``)."""
    account = getattr(request.state, "account", None)
    with request.app.state.reads.store(user=account.name if account else None) as store:
        yield store


def render(request: Request, template: str, data: dict[str, Any], status: int = 200) -> Response:
    """An HTML page from ``template`` with ``data``, the account, the CSRF token and the app's
    settings."""
    context = {"data": data, "csrf": csrf_token(request), "tiles": request.app.state.tiles,
               "path": request.url.path, "account": getattr(request.state, "account", None),
               "open_access": request.app.state.open_access and not request.app.state.has_accounts}
    response = request.app.state.templates.TemplateResponse(
        request, template, context, status_code=status)
    set_csrf_cookie(request, response)
    return response
