"""Cursors for concurrent reads in a serving process.

Each DuckDB cursor is its own connection to the one open database: reads on different cursors
run at the same time (DuckDB releases the GIL while it works) and see the last committed
state, so they never wait for the writer (:mod:`.writer`). A request borrows a cursor and gives
it back; a cursor on which DuckDB failed is closed rather than handed on.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from .db import Store

__all__ = ["ReadPool"]


class ReadPool:
    """Reusable read cursors on ``store``'s database; as many as requests run at once."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._idle: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def store(self, user: str | None = None) -> Iterator[Store]:
        """A :class:`Store` on a borrowed cursor, recording changes as ``user``."""
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
