"""Units of work on the store, and a runner that holds the database only while it works.

A long-running component (the watcher) never touches a connection itself: it hands each unit
of work, a ``job(store)``, to a ``submit`` callable and gets the job's result back. Run alone,
``submit`` is a :class:`StoreSession`; inside a server that owns the database, it is the
server's write queue.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .db import Store, open_store

__all__ = ["Job", "StoreSession", "Submit"]

T = TypeVar("T")

#: A unit of work: reads and writes on the store, returning a result.
Job = Callable[[Store], T]
#: Runs a job on the store and returns its result (raising what the job raised).
Submit = Callable[[Callable[[Store], Any]], Any]


class StoreSession:
    """Runs jobs on the database at ``path``, opened on the first job and closed by
    :meth:`release`, so that other processes can open the file between bursts of work."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._store: Store | None = None

    def __call__(self, job: Callable[[Store], T]) -> T:
        if self._store is None:
            self._store = open_store(self.path)
        return job(self._store)

    def release(self) -> None:
        """Close the database until the next job."""
        if self._store is not None:
            self._store.close()
            self._store = None
