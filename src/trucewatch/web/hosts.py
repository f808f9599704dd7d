"""Which names the dashboard answers to, and where writes may come from.

Every request's ``Host`` must be one of the allowed names: the bound address, the loopback
names, and those given with ``--allowed-host``. A page on another site cannot then reach the
dashboard by pointing a name of its own at this machine (DNS rebinding): its requests carry
its own name. A write (POST, PUT, PATCH, DELETE) from a browser must also come from the
dashboard's own origin: an ``Origin`` of another origin, or ``Sec-Fetch-Site: cross-site``,
is refused. Scripts that send neither are left to the session and CSRF checks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

__all__ = ["LOOPBACK_NAMES", "HostGuard", "host_name"]

#: Always allowed: they cannot be pointed elsewhere by another site.
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

Scope = dict[str, Any]


def host_name(host: str) -> str:
    """The name of a ``Host`` value without its port, lower case: ``[::1]:8000`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        return host.partition(":")[0]
    return host


class HostGuard:
    """ASGI middleware that refuses requests to other names and cross-origin writes."""

    def __init__(self, app: Any, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = {host_name(h) for h in (*LOOPBACK_NAMES, *allowed) if h}

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if host_name(host) not in self.allowed:
            names = ", ".join(sorted(self.allowed))
            await _refuse(scope, send, 400,
                          f"this dashboard does not answer to the name {host!r}; it answers to "
                          f"{names} (its operator can add one with --allowed-host)")
            return
        if scope["type"] == "http" and scope["method"] not in _SAFE_METHODS:
            problem = _cross_origin(scope, headers, host)
            if problem:
                await _refuse(scope, send, 403, problem)
                return
        await self.app(scope, receive, send)


def _cross_origin(scope: Scope, headers: dict[str, str], host: str) -> str | None:
    """Why a write comes from another origin, or None."""
    origin = headers.get("origin")
    if origin and origin != "null":
        parts = urlsplit(origin)
        scheme = scope.get("scheme", "http")
        if (parts.scheme, parts.netloc.lower()) != (scheme, host.lower()):
            return f"refused a write from another origin ({origin})"
    elif origin == "null" or headers.get("sec-fetch-site") == "cross-site":
        return "refused a write from another site"
    return None


async def _refuse(scope: Scope, send: Any, status: int, message: str) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    body = json.dumps({"error": message, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
