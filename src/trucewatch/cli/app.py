"""The root Typer app: global options, error handling, and the list of command modules.

Each module under ``trucewatch.cli`` exposes ``register(app)`` that adds its commands; a
command parses options, calls one library function and renders the result.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.markup import escape
from typer.core import TyperGroup

from trucewatch.errors import TrucewatchError
from trucewatch.store import DEFAULT_DB

from . import (
    agreements,
    alerts,
    assess,
    batch,
    commitments,
    demo,
    extract,
    incidents,
    ingest,
    profiles,
    readouts,
    report,
    serve,
    users,
    watch,
    workspace,
)
from .render import err_console


class _Group(TyperGroup):
    """Shows a TrucewatchError as one line on stderr and exits with the error's exit code."""

    def invoke(self, ctx: typer.Context) -> object:
        try:
            return super().invoke(ctx)
        except TrucewatchError as exc:
            if ctx.obj is not None and ctx.obj.debug:
                raise
            err_console.print(f"[bold red]error:[/] {escape(str(exc))}")
            raise typer.Exit(exc.exit_code) from exc


@dataclass
class Settings:
    """Options every command sees through ``ctx.obj``."""

    db: Path
    debug: bool


app = typer.Typer(
    cls=_Group,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    help="Monitor compliance with ceasefires and partial truces.\n\n"
    "Example: [bold]trucewatch demo[/] loads the 2025 energy-moratorium case and shows each "
    "party's reading side by side.",
)


@app.callback()
def _root(
    ctx: typer.Context,
    db: Path = typer.Option(
        Path(DEFAULT_DB), "--db", envvar="TRUCEWATCH_DB", help="DuckDB file to use.",
        show_default=True,
    ),
    debug: bool = typer.Option(
        False, "--debug", help="Show tracebacks instead of one-line errors."
    ),
) -> None:
    ctx.obj = Settings(db=db, debug=debug or bool(os.environ.get("TRUCEWATCH_DEBUG")))


# In the order of the flow, which is the order --help lists them in.
for _module in (workspace, agreements, readouts, extract, ingest, incidents, assess, commitments,
                batch, report, serve, watch, alerts, users, demo, profiles):
    _module.register(app)
