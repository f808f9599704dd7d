"""How a command reaches its database: :func:`trucewatch.service.run_operation`, which opens
the file or, while ``trucewatch serve`` owns it, goes through the server; waiting is said on
stderr, so that output stays clean for pipes."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape

from trucewatch.service import Events, run_operation

from .render import err_console

__all__ = ["run", "shown_path"]


def _notice(text: str) -> None:
    err_console.print(f"[dim]{escape(text)}[/]")


def _queued(event: dict[str, Any], events: Events | None) -> None:
    if event.get("event") == "queued":
        ahead = event.get("ahead") or []
        jobs = "; ".join(f"{job['label']} by {job['actor']}" for job in ahead)
        _notice(f"waiting: the dashboard is writing ({jobs}); this command is queued behind "
                f"{len(ahead)} write{'' if len(ahead) == 1 else 's'}")
    elif events is not None:
        events(event)


def run(ctx: typer.Context, operation: str, params: dict[str, Any] | None = None, *,
        create: bool = False, events: Events | None = None,
        stop: threading.Event | None = None) -> Any:
    """Run ``operation`` on the command's database (``--db``); its result as JSON values."""
    return run_operation(ctx.obj.db, operation, params, create=create, notice=_notice,
                         events=lambda event: _queued(event, events), stop=stop)


def shown_path(path: str | None) -> str:
    """``path`` as the user would name it: relative to the working folder when inside it."""
    if path is None:
        return ""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path
