"""Running an operation on a database, whoever has it open.

* A server owns it (its server file names a live process that answers): the operation goes
  to the server, which runs reads at once and queues writes behind its other writes.
* Nobody has it open: the operation runs here, on the file.
* Another process has it open (another trucewatch command writing): this one waits for it,
  saying so once, and goes to a server instead if one starts meanwhile.

So a trucewatch command never meets DuckDB's lock error, with or without a dashboard running.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from trucewatch.errors import StoreBusyError
from trucewatch.store import open_store
from trucewatch.store.db import actor
from trucewatch.store.owner import ServerInfo, find_server

from .client import ServerGone, call_server
from .operations import OPERATIONS, Events

__all__ = ["Notice", "run_operation"]

#: ``notice(text)``: tell the user something about where the command runs (it is waiting...).
Notice = Callable[[str], None]


class _ServerStarted(Exception):
    def __init__(self, server: ServerInfo) -> None:
        self.server = server


def run_operation(db: str | Path, name: str, params: dict[str, Any] | None = None, *,
                  create: bool = False, events: Events | None = None,
                  notice: Notice | None = None, stop: threading.Event | None = None) -> Any:
    """Run the operation ``name`` with ``params`` on the database ``db`` (see the module's
    text); its result as plain JSON values. ``create`` makes the file when nobody has it.
    ``stop``: for an operation that ``submits``, run here, set to end it after the item at
    hand (a server runs it to its end)."""
    operation = OPERATIONS[name]
    params = params or {}
    operation.check(params)
    say = notice or (lambda text: None)
    told: set[str] = set()
    gone: set[str] = set()  # tokens of servers that did not answer

    def once(text: str) -> None:
        if text not in told:
            told.add(text)
            say(text)

    while True:
        server = find_server(db)
        if server is not None and server.token not in gone:
            try:
                return call_server(server, name, params, actor=actor(), events=events)
            except ServerGone:
                gone.add(server.token)
                once(f"note: the dashboard named in {db}.server (process {server.pid}) does "
                     "not answer; opening the database directly")

        def busy(error: StoreBusyError) -> None:
            started = find_server(db)
            if started is not None and started.token not in gone:
                raise _ServerStarted(started)
            holder = f"process {error.pid}" if error.pid else "another process"
            once(f"waiting: {holder} has {db} open (another trucewatch command); this one "
                 "continues when it is done (Ctrl+C to stop waiting)")

        try:
            store = open_store(db, create=create, on_busy=busy)
        except _ServerStarted:
            continue
        with store:
            return operation.run(store, params, events, stop)
