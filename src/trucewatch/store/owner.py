"""Who owns a database file: the server file that ``trucewatch serve`` keeps beside it.

DuckDB lets one process open a file for writing. While the dashboard runs it is that process,
and it writes ``DB.server`` (readable by its own user only) with its URL, a random token for
local clients and its process id. A trucewatch command that finds the file, with its process
alive, sends its reads and writes to that URL with the token instead of opening the database;
the server removes the file when it stops. A file whose process is gone is stale and ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from trucewatch.errors import StoreBusyError, StoreError

from .db import busy_error

__all__ = ["ServerInfo", "check_unused", "find_server", "new_token", "publish_server",
           "server_file", "withdraw_server"]


@dataclass(frozen=True)
class ServerInfo:
    """A running server that owns a database: where to reach it and the token local clients
    show it."""

    url: str
    token: str
    pid: int
    db: str
    started_at: str


def server_file(db: str | Path) -> Path:
    """The server file of the database ``db``: ``DB.server`` beside it."""
    db = Path(db)
    return db.with_name(db.name + ".server")


def new_token() -> str:
    """A fresh random token for local clients (256 bits)."""
    return secrets.token_urlsafe(32)


def publish_server(db: str | Path, url: str, token: str) -> ServerInfo:
    """Write the server file of ``db`` for this process: readable and writable by its user only,
    replaced in one step so a reader never sees half of it."""
    info = ServerInfo(url=url, token=token, pid=os.getpid(), db=str(Path(db).resolve()),
                      started_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    path = server_file(db)
    partial = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            json.dump(asdict(info), stream)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"cannot write the server file: {exc.strerror}", path=path,
                         hint="the folder of the database must be writable") from exc
    return info


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    return True


def find_server(db: str | Path) -> ServerInfo | None:
    """The server that owns ``db``, or None: no server file, one this user cannot read, or one
    whose process has ended (stale)."""
    try:
        data = json.loads(server_file(db).read_text(encoding="utf-8"))
        info = ServerInfo(**{name: data[name] for name in ServerInfo.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(info.pid, int) or not _alive(info.pid):
        return None
    return info


def withdraw_server(db: str | Path, token: str) -> None:
    """Remove the server file of ``db`` if it is the one with ``token`` (this server's)."""
    path = server_file(db)
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("token") == token:
            path.unlink()
    except (OSError, ValueError):
        pass


def check_unused(db: str | Path, doing: str) -> None:
    """Raise :class:`StoreBusyError` if a server or another process has ``db`` open: about to
    do ``doing`` (e.g. "delete it") to the file would pull it from under them."""
    db = Path(db)
    server = find_server(db)
    if server is not None:
        raise StoreBusyError(
            f"the dashboard at {server.url} (process {server.pid}) is using this database; "
            f"refusing to {doing}", path=db, pid=server.pid,
            hint="stop the dashboard first (Ctrl+C where it runs), or choose another folder")
    if not db.exists():
        return
    try:
        duckdb.connect(str(db), read_only=True).close()
    except duckdb.Error as exc:
        if "Could not set lock on file" not in str(exc):
            return  # not a database we could be disturbing
        busy = busy_error(db, exc)
        raise StoreBusyError(f"{busy.message}; refusing to {doing}", path=db, pid=busy.pid,
                             hint="stop it first, or choose another folder") from exc
