"""Each watched source's state in the store (``watch_sources``, ``watch_files``): what to send
on the next conditional request, when it was last polled, and its health."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

__all__ = ["FileSeen", "SourceState", "known_files", "load_states", "record_failure",
           "record_file", "record_success", "source_health"]

_FIELDS = ("id", "kind", "location", "etag", "last_modified", "last_polled_at",
           "last_success_at", "last_error_at", "last_error", "failing_since", "failures",
           "polls", "items_read", "new_items", "last_items")


@dataclass
class SourceState:
    """A row of ``watch_sources``."""

    id: str
    kind: str
    location: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: dt.datetime | None = None
    last_success_at: dt.datetime | None = None
    last_error_at: dt.datetime | None = None
    last_error: str | None = None
    failing_since: dt.datetime | None = None
    failures: int = 0
    polls: int = 0
    items_read: int = 0
    new_items: int = 0
    last_items: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _FIELDS}


@dataclass(frozen=True)
class FileSeen:
    size: int
    mtime_ns: int
    state: str


def load_states(conn: duckdb.DuckDBPyConnection) -> dict[str, SourceState]:
    """Every stored source state by id."""
    rows = conn.execute(f"SELECT {', '.join(_FIELDS)} FROM watch_sources").fetchall()
    return {row[0]: SourceState(*row) for row in rows}


def source_health(conn: duckdb.DuckDBPyConnection, ids: list[str] | None = None
                  ) -> list[dict[str, Any]]:
    """The health of the sources ``ids`` (all when None), as dicts, by id."""
    states = load_states(conn)
    chosen = sorted(states) if ids is None else [i for i in ids if i in states]
    return [states[i].as_dict() for i in chosen]


def _ensure(conn: duckdb.DuckDBPyConnection, source_id: str, kind: str, location: str) -> None:
    conn.execute("INSERT INTO watch_sources (id, kind, location) VALUES (?, ?, ?) "
                 "ON CONFLICT DO NOTHING", [source_id, kind, location])


def record_success(conn: duckdb.DuckDBPyConnection, source_id: str, kind: str, location: str,
                   *, now: dt.datetime, items: int | None, new: int = 0,
                   etag: str | None = None, last_modified: str | None = None,
                   problem: str | None = None) -> None:
    """A poll that worked: ``items`` read (None: nothing had changed), ``new`` of them new;
    the validators to send next time (kept when the answer gives none). ``problem`` is an
    error that did not stop the poll (a bad file in a folder): kept as the last error, but
    the source is not failing."""
    _ensure(conn, source_id, kind, location)
    conn.execute(
        "UPDATE watch_sources SET last_polled_at = ?, last_success_at = ?, failing_since = NULL, "
        "failures = 0, polls = polls + 1, items_read = items_read + ?, "
        "new_items = new_items + ?, last_items = CASE WHEN ? THEN ? ELSE last_items END, "
        "etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), "
        "last_error = CASE WHEN ? IS NULL THEN last_error ELSE ? END, "
        "last_error_at = CASE WHEN ? IS NULL THEN last_error_at ELSE ? END WHERE id = ?",
        [now, now, items or 0, new, items is not None, items or 0, etag, last_modified,
         problem, problem, problem, now, source_id])


def record_failure(conn: duckdb.DuckDBPyConnection, source_id: str, kind: str, location: str,
                   *, now: dt.datetime, error: str) -> None:
    """A poll that failed: the error, and since when the source has been failing."""
    _ensure(conn, source_id, kind, location)
    conn.execute(
        "UPDATE watch_sources SET last_polled_at = ?, last_error_at = ?, last_error = ?, "
        "failing_since = coalesce(failing_since, ?), failures = failures + 1, "
        "polls = polls + 1 WHERE id = ?", [now, now, error, now, source_id])


def known_files(conn: duckdb.DuckDBPyConnection, source_id: str) -> dict[str, FileSeen]:
    """The files of a watched folder already read (or refused), by path."""
    rows = conn.execute("SELECT path, size, mtime_ns, state FROM watch_files "
                        "WHERE source_id = ?", [source_id]).fetchall()
    return {path: FileSeen(size, mtime, state) for path, size, mtime, state in rows}


def record_file(conn: duckdb.DuckDBPyConnection, source_id: str, path: str, *, size: int,
                mtime_ns: int, now: dt.datetime, rows: int = 0, error: str | None = None
                ) -> None:
    """A folder's file read (or refused with ``error``) as it was at ``size`` and ``mtime_ns``;
    the same file changed is read again."""
    conn.execute(
        "INSERT INTO watch_files VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
        "size = excluded.size, mtime_ns = excluded.mtime_ns, state = excluded.state, "
        "error = excluded.error, rows_read = excluded.rows_read, seen_at = excluded.seen_at",
        [source_id, path, size, mtime_ns, "error" if error else "ingested", error, rows, now])
