"""``trucewatch commitments`` and ``trucewatch events``: how far each commitment is kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.table import Table

from trucewatch.commitments import KINDS
from trucewatch.errors import TrucewatchError

from .database import run, shown_path
from .render import OutputFormat, console, print_json, print_wrapped

events_app = typer.Typer(
    no_args_is_help=True,
    help="Exchange and meeting events that commitments are judged by.\n\n"
    "Example: [bold]trucewatch events import exchanges.csv[/]",
)


def register(app: typer.Typer) -> None:
    app.command()(commitments)
    app.add_typer(events_app, name="events")


def commitments(
    ctx: typer.Context,
    agreement: str = typer.Argument(..., metavar="AGREEMENT"),
    output: OutputFormat = typer.Option(OutputFormat.TABLE, "--format", help="table or json"),
    as_of: str | None = typer.Option(None, "--as-of", help="Judge as on this day "
                                     "(YYYY-MM-DD); today by default."),
) -> None:
    """Show every commitment of an agreement: its kind, current status and since when, the
    status history with sources, and its fulfilment (for exchanges the agreed and reported
    numbers per item with the sources of each report; for talks the meetings with dates).

    Example: [bold]trucewatch commitments energy-moratorium-2025 --format json[/]
    """
    view = run(ctx, "commitments", {"agreement": agreement, "as_of": _day(as_of).isoformat()})
    if output is OutputFormat.JSON:
        print_json(view)
        return
    show_commitments(view)


def show_commitments(view: dict) -> None:
    """Print each commitment of ``view`` (:func:`trucewatch.commitments.commitments_view`, as
    JSON values): status since when, history with sources, fulfilment."""
    for row in view["commitments"]:
        kind = KINDS[row["kind"]]
        since = f" since {row['since']}" if row["since"] else ""
        console.rule(f"[bold]{row['id']}[/] ({row['kind']}): {row['status'] or 'no status'}"
                     f"{since}")
        for entry in row["history"]:
            by = f" (declared by {entry['declared_by']})" if entry["declared_by"] else ""
            note = f": {entry['note']}" if entry["note"] else ""
            source = f" [{entry['source']}]" if entry["source"] else ""
            print_wrapped(f"  {entry['date']}  {entry['status']}{by}{note}{source}",
                          markup=False)
        if row["fulfilment"]:
            print_wrapped(f"  fulfilment: {kind.explain(row['fulfilment'])}", markup=False)
        if row["kind"] == "exchange":
            console.print(_items_table(row["fulfilment"]))
        elif row["kind"] == "talks":
            console.print(_meetings_table(row["fulfilment"]))


def _day(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date such as 2025-04-30",
                                 param_hint="--as-of") from None


def _items_table(fulfilment: dict) -> Table:
    table = Table(title="Items agreed and reported handed over")
    for name in ("item", "handed over by", "agreed", "reported", "state", "sources"):
        table.add_column(name, overflow="fold")
    for item in fulfilment["items"]:
        sources = "; ".join(f"{s['date']} {s['reported']} ({s['outlet'] or s['url'] or '?'})"
                            for s in item["sources"])
        table.add_row(item["item"], item["side"], str(item["agreed"]), str(item["reported"]),
                      item["state"].replace("_", " "), sources or "none")
    return table


def _meetings_table(fulfilment: dict) -> Table:
    table = Table(title="Meetings reported")
    for name in ("date", "state", "place", "delegations", "source"):
        table.add_column(name, overflow="fold")
    for meeting in fulfilment["meetings"]:
        table.add_row(str(meeting["date"] or "?"), meeting["state"], meeting["place"] or "",
                      ", ".join(meeting["delegations"]), meeting["outlet"] or meeting["url"]
                      or "")
    return table


@events_app.command("import")
def import_(
    ctx: typer.Context,
    files: list[Path] = typer.Argument(..., help="CSV tables of events."),
) -> None:
    """Import tables of exchange and meeting events (columns kind, date, item, side, quantity,
    state, place, delegations, url, outlet, note); the same rows twice change nothing.

    Example: [bold]trucewatch events import exchanges.csv[/]
    """
    for path in files:
        try:
            added = run(ctx, "events.import", {"path": str(path.resolve())}, create=True)
        except TrucewatchError as exc:  # name the file as the user gave it
            exc.path = exc.path and shown_path(str(exc.path))
            raise
        console.print(f"{path}: {added} new events")
