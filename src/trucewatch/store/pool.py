"""Cursors for concurrent reads in a serving process.

Each DuckDB cursor is its own connection to the one open database: reads on different cursors
run at the same time (DuckDB releases the GIL while it works) and see the last committed
state, so they never wait for the writer (:mod:`.writer`). A request borrows a cursor and gives
it back; a cursor on which DuckDB failed is closed rather than handed on. At most ``size``
reads run at once (by default one per core, the best of one, two and four per core measured in
BENCHMARKS.md): more would only share the same cores, each query's working set pushing the
others' out of the caches; the rest wait their turn.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from .db import Store

__all__ = ["ReadPool"]


class ReadPool:
    """Reusable read cursors on ``store``'s database, at most ``size`` in use at once."""

    def __init__(self, store: Store, size: int | None = None) -> None:
        self._store = store
        self._idle: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()
        self._turns = threading.BoundedSemaphore(size or os.cpu_count() or 1)
        self._holding = threading.local()  # a thread that has a turn borrows again freely
        self._closed = False

    @contextmanager
    def store(self, user: str | None = None) -> Iterator[Store]:
        """A :class:`Store` on a borrowed cursor, recording changes as ``user``; waits while
        ``size`` reads are running (unless this thread is already running one)."""
        if getattr(self._holding, "turn", False):
            yield from self._borrowed(user)
            return
        with self._turns:
            self._holding.turn = True
            try:
                yield from self._borrowed(user)
            finally:
                self._holding.turn = False

    def _borrowed(self, user: str | None) -> Iterator[Store]:
        with self._lock:
            cursor = self._idle.pop() if self._idle else None
        if cursor is None:
            cursor = self._store.conn.cursor()
        try:
            yield Store(self._store.path, cursor, user=user)
        except duckdb.Error:
            cursor.close()
            raise
        with self._lock:
            if not self._closed:
                self._idle.append(cursor)
                return
        cursor.close()

    def close(self) -> None:
        """Close the idle cursors; those still borrowed close when given back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for cursor in idle:
            cursor.close()
