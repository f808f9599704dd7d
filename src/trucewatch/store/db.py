"""Opening the DuckDB file, migrating its schema, transactions and the audit log.

The schema version is the number of the last migration applied, kept in
``schema_migrations``. A file whose version is newer than this code knows is refused; an
older one is migrated in one transaction, so a failed migration leaves it as it was. Every
bundled migration not yet recorded in the file is applied, in number order, even one numbered
below the file's version: migrations written in parallel branches land in any order.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from trucewatch.errors import NotFoundError, SchemaVersionError, StoreBusyError, StoreError

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store", "actor", "busy_error", "open_store"]

DEFAULT_DB = "trucewatch.duckdb"
_MIGRATION_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")
#: The holder's process id in DuckDB's error when another process holds the file's lock.
_HOLDER_PID = re.compile(r"\(PID (\d+)\)")

#: Tables whose row counts ``status`` shows, in the order of the flow.
COUNTED_TABLES = (
    "agreements", "commitments", "readings", "documents", "reports", "incidents", "verdicts",
    "audit_log",
)


@cache
def migrations() -> list[tuple[int, str, str]]:
    """Every bundled migration as (version, name, sql), in order."""
    found = []
    for entry in resources.files("trucewatch.store.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = migrations()[-1][0]


def actor() -> str:
    """Who is making a change: ``TRUCEWATCH_USER``, else the login name, else the uid.

    Containers often run as a uid with no passwd entry, where ``getuser`` raises.
    """
    if name := os.environ.get("TRUCEWATCH_USER"):
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid {os.getuid()}"


class Store:
    """An open trucewatch database. Use as a context manager, or call ``close()``.

    ``actor`` is who the changes made through it are recorded as: ``user`` when given (a server
    passes the logged-in account), else the user of this process (:func:`actor`).
    """

    def __init__(self, path: Path, conn: duckdb.DuckDBPyConnection,
                 user: str | None = None) -> None:
        self.path = path
        self.conn = conn
        self._depth = 0
        self.actor = user or actor()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One all-or-nothing unit of work: committed on success, rolled back on any error.

        A transaction opened inside another joins it: the work of both is committed or
        rolled back together by the outer one (so a step that keeps verdicts current can run
        inside the write that made them stale).
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def audit(
        self, action: str, entity: str, entity_id: str | None, detail: dict[str, Any] | None = None
    ) -> None:
        """Record one change: who (:attr:`actor`), when, what."""
        self.conn.execute(
            "INSERT INTO audit_log (changed_at, actor, action, entity, entity_id, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [dt.datetime.now(dt.UTC), self.actor, action, entity, entity_id,
             json.dumps(detail or {}, default=str)],
        )

    @property
    def schema_version(self) -> int:
        return _schema_version(self.conn)

    def counts(self) -> dict[str, int]:
        """Rows per table of the flow."""
        return {
            table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in COUNTED_TABLES
        }


def busy_error(path: Path, exc: Exception) -> StoreBusyError:
    """The error for a file whose lock another process holds, naming that process."""
    found = _HOLDER_PID.search(str(exc))
    pid = int(found[1]) if found else None
    holder = f"process {pid}" if pid else "another process"
    return StoreBusyError(
        f"{holder} has this database open (a trucewatch command or the dashboard)", path=path,
        pid=pid, hint="wait for it to finish, or stop it; while `trucewatch serve` runs, "
        "trucewatch commands go through the server",
    )


def _schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()[0]
    if not exists:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def _applied(conn: duckdb.DuckDBPyConnection) -> set[int]:
    if not _schema_version(conn):
        return set()
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations").fetchall()}


def _migrate(conn: duckdb.DuckDBPyConnection, path: Path, target: int) -> None:
    current = _schema_version(conn)
    applied = _applied(conn)
    if current > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"written by a newer trucewatch (schema version {current}; this one knows up to "
            f"{SCHEMA_VERSION})",
            path=path,
            hint="upgrade trucewatch (pip install -U trucewatch) or use another --db file",
        )
    pending = [m for m in migrations() if m[0] not in applied and m[0] <= target]
    if not pending:
        return
    conn.execute("BEGIN TRANSACTION")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
        )
        for version, name, sql in pending:
            conn.execute(sql)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                [version, name, dt.datetime.now(dt.UTC)],
            )
    except duckdb.Error as exc:
        conn.execute("ROLLBACK")
        raise StoreError(
            f"migration to schema version {target} failed and was rolled back: {exc}", path=path
        ) from exc
    conn.execute("COMMIT")


#: Seconds between two tries to open a file another process holds.
BUSY_POLL_SECONDS = 0.5


def open_store(
    path: str | Path = DEFAULT_DB, *, create: bool = True, schema_version: int = SCHEMA_VERSION,
    on_busy: Callable[[StoreBusyError], None] | None = None,
) -> Store:
    """Open (and with ``create``, make) the database at ``path``, migrating it if older.

    A file another process holds raises :class:`StoreBusyError`; with ``on_busy`` it is tried
    again every half second instead, ``on_busy(error)`` being called before each wait (it may
    raise to give up). ``schema_version`` stops migration at an earlier version; tests use it to
    build old files.
    """
    while True:
        try:
            return _open(Path(path), create, schema_version)
        except StoreBusyError as busy:
            if on_busy is None:
                raise
            on_busy(busy)
            time.sleep(BUSY_POLL_SECONDS)


def _open(path: Path, create: bool, schema_version: int) -> Store:
    if not create and not path.exists():
        raise NotFoundError(
            "no trucewatch database here", path=path,
            hint="run `trucewatch init` or pass --db / TRUCEWATCH_DB",
        )
    if path.parent and not path.parent.exists():
        raise StoreError("the folder for the database does not exist", path=path,
                         hint=f"create {path.parent} first")
    try:
        conn = duckdb.connect(str(path))
    except duckdb.Error as exc:
        if "Could not set lock on file" in str(exc):
            raise busy_error(path, exc) from exc
        raise StoreError(f"cannot open as a DuckDB database: {exc}", path=path,
                         hint="is it a trucewatch database?") from exc
    try:
        _migrate(conn, path, schema_version)
    except BaseException:
        conn.close()
        raise
    return Store(path, conn)
