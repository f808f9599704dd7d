"""Asking the server that owns a database to run an operation (:mod:`.operations`).

``POST {url}api/local/{operation}`` with the parameters as JSON, the server file's token as a
bearer token, and the local user's name. The answer is JSON lines: events while it runs
(``queued`` behind other writes, ``progress``, ``step``, ``output``), then ``result`` or
``error``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

from trucewatch.errors import StoreError
from trucewatch.store.owner import ServerInfo

from .wire import error_from_wire

__all__ = ["ACTOR_HEADER", "ServerGone", "call_server"]

ACTOR_HEADER = "X-Trucewatch-Actor"


class ServerGone(Exception):
    """The server named in the server file does not answer: the file is stale."""


def call_server(server: ServerInfo, operation: str, params: dict[str, Any], *, actor: str,
                events: Callable[[dict[str, Any]], None] | None = None) -> Any:
    """Run ``operation`` on the server; its result, or its error raised here."""
    url = f"{server.url.rstrip('/')}/api/local/{operation}"
    headers = {"Authorization": f"Bearer {server.token}", ACTOR_HEADER: actor}
    timeout = httpx.Timeout(None, connect=5.0)
    try:
        with httpx.stream("POST", url, json=params, headers=headers, timeout=timeout) as answer:
            if answer.status_code != 200:
                answer.read()
                raise StoreError(
                    f"the dashboard at {server.url} (process {server.pid}) refused the command: "
                    f"{_message(answer)}", path=server.db,
                    hint="is it a trucewatch server of the same version? stop it and try again")
            for line in answer.iter_lines():
                if not line.strip():
                    continue
                event = json.loads(line)
                if event.get("event") == "result":
                    return event.get("data")
                if event.get("event") == "error":
                    raise error_from_wire(event.get("error") or {})
                if events is not None:
                    events(event)
    except httpx.ConnectError as exc:
        raise ServerGone(str(exc)) from exc
    except (httpx.HTTPError, ValueError) as exc:
        raise StoreError(f"the dashboard at {server.url} (process {server.pid}) stopped "
                         f"answering: {exc}", path=server.db,
                         hint="see its terminal; the command may not have run") from exc
    raise StoreError(f"the dashboard at {server.url} ended the answer early", path=server.db,
                     hint="it may have stopped; see its terminal and run the command again")


def _message(answer: httpx.Response) -> str:
    try:
        return str(answer.json().get("error", answer.status_code))
    except ValueError:
        return f"HTTP {answer.status_code}"
