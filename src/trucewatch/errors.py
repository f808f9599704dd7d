"""One exception tree for everything trucewatch refuses to do.

    TrucewatchError              exit 1   base; carries path, line, field and a hint
     ├── UsageError              exit 2   a bad option or argument
     ├── SpecError               exit 3   an agreement spec is invalid
     ├── InputError              exit 4   an input file or row is unreadable or invalid
     ├── StoreError              exit 5   the database cannot be opened or written
     │    ├── SchemaVersionError exit 5   the file was written by a newer trucewatch
     │    └── StoreBusyError     exit 5   another process holds the file
     ├── AccessError             exit 7   the account's role does not allow it (or no login)
     └── NotFoundError           exit 6   an agreement, incident or file does not exist

Third-party errors are mapped into this tree where they are caught, with ``raise ... from``.
The CLI prints ``str(error)`` (one line naming what to fix) and exits with ``exit_code``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "AccessError",
    "InputError",
    "NotFoundError",
    "SchemaVersionError",
    "SpecError",
    "StoreBusyError",
    "StoreError",
    "TrucewatchError",
    "UsageError",
]


class TrucewatchError(Exception):
    """Base error: a message, where it happened (path, line, field) and how to fix it."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        self.hint = hint

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        parts = [f"{where}: " if where else ""]
        if self.field:
            parts.append(f"{self.field}: ")
        parts.append(self.message)
        if self.hint:
            parts.append(f"; {self.hint}")
        return "".join(parts)


class UsageError(TrucewatchError):
    """A command was called with options that cannot work together or a bad value."""

    exit_code = 2


class SpecError(TrucewatchError):
    """An agreement spec is invalid."""

    exit_code = 3


class InputError(TrucewatchError):
    """An input file, row or document cannot be read or is invalid."""

    exit_code = 4


class StoreError(TrucewatchError):
    """The database cannot be opened, migrated or written."""

    exit_code = 5


class SchemaVersionError(StoreError):
    """The database was written by a newer version of trucewatch."""


class StoreBusyError(StoreError):
    """Another process has the database open (DuckDB lets one process open a file to write).

    ``pid`` is the holder's process id when DuckDB names it."""

    def __init__(self, message: str, *, pid: int | None = None, **where: object) -> None:
        super().__init__(message, **where)  # type: ignore[arg-type]
        self.pid = pid


class AccessError(TrucewatchError):
    """The account is not logged in, is disabled, or its role does not allow the action."""

    exit_code = 7


class NotFoundError(TrucewatchError):
    """A named agreement, incident or file does not exist."""

    exit_code = 6
