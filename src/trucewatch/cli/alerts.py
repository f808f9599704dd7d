"""``trucewatch alerts``: the stored alerts and where each was delivered."""

from __future__ import annotations

import datetime as dt

import typer
from rich.table import Table

from .database import run
from .render import OutputFormat, console, print_json


def register(app: typer.Typer) -> None:
    app.command()(alerts)


def alerts(
    ctx: typer.Context,
    agreement: str | None = typer.Option(None, help="Only this agreement's alerts."),
    kind: str | None = typer.Option(None, help="Only this kind, e.g. first_violation."),
    history: bool = typer.Option(False, "--history", help="Include the alerts a first run "
                                 "found in the history and summed up instead of sending."),
    limit: int = typer.Option(50, min=1, max=10000, help="How many, newest first."),
    output: OutputFormat = typer.Option(OutputFormat.TABLE, "--format", help="table or json"),
) -> None:
    """List stored alerts, newest first, with their delivery to each sink.

    Example: [bold]trucewatch alerts --kind first_violation --format json[/]
    """
    found = run(ctx, "alerts", {"agreement": agreement, "kind": kind, "history": history,
                                "limit": limit})
    if output is OutputFormat.JSON:
        print_json(found)
        return
    table = Table(title=f"{len(found)} alert(s), newest first")
    for name in ("created", "kind", "text", "delivered"):
        table.add_column(name, overflow="fold")
    for alert in found:
        states = alert["deliveries"]
        done = sum(1 for d in states if d["state"] == "delivered")
        delivered = f"{done}/{len(states)}" if states else "dashboard"
        created = (f"{dt.datetime.fromisoformat(alert['created']):%Y-%m-%d %H:%M}"
                   if alert["created"] else "")
        table.add_row(created, alert["kind"], alert["text"], delivered)
    console.print(table)
