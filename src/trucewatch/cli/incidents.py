"""``trucewatch incidents``: filtered incidents as a table, CSV, JSON or GeoJSON."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import typer
from rich.table import Table

from trucewatch.incidents.export import to_csv, to_geojson, to_json

from .database import run
from .render import console


class IncidentFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    GEOJSON = "geojson"


def register(app: typer.Typer) -> None:
    app.command()(incidents)


def incidents(
    ctx: typer.Context,
    date_from: dt.datetime | None = typer.Option(None, "--from", formats=["%Y-%m-%d"],
                                                 help="First day (YYYY-MM-DD)."),
    date_to: dt.datetime | None = typer.Option(None, "--to", formats=["%Y-%m-%d"],
                                               help="Last day (YYYY-MM-DD)."),
    country: str | None = typer.Option(None, help="Country code, e.g. UA."),
    admin1: str | None = typer.Option(None, help="Region code, e.g. UA-65."),
    target_class: str | None = typer.Option(None, "--class",
                                            help="Target class or wildcard, e.g. energy.*."),
    perpetrator: str | None = typer.Option(None, help="Alleged perpetrator, e.g. RU."),
    verdict: str | None = typer.Option(None, help="Only incidents with this verdict."),
    agreement: str | None = typer.Option(None, help="Verdicts of this agreement."),
    commitment: str | None = typer.Option(None, help="Verdicts of this commitment."),
    reading: str | None = typer.Option(None, help="Verdicts under this party's reading."),
    limit: int | None = typer.Option(None, min=0, max=10_000_000,
                                     help="At most this many (table: 50 by default)."),
    offset: int = typer.Option(0, min=0, max=10_000_000_000, help="Skip this many."),
    output: IncidentFormat = typer.Option(IncidentFormat.TABLE, "--format", help="Output."),
) -> None:
    """List incidents, newest first, filtered by date, place, target, perpetrator or verdict.

    Example: [bold]trucewatch incidents --class 'energy.*' --verdict violation --reading UA
    --format geojson[/]
    """
    filters = {"date_from": date_from and date_from.date().isoformat(),
               "date_to": date_to and date_to.date().isoformat(), "country": country,
               "admin1": admin1, "target_class": target_class, "perpetrator": perpetrator,
               "verdict": verdict, "agreement": agreement, "commitment": commitment,
               "reading": reading}
    if output is IncidentFormat.TABLE and limit is None:
        limit = 50
    found = run(ctx, "incidents", {"filters": filters, "limit": limit, "offset": offset,
                                   "count": output is IncidentFormat.TABLE})
    rows, total = found["rows"], found["total"]
    if output is IncidentFormat.CSV:
        console.out(to_csv(rows), end="")
    elif output is IncidentFormat.JSON:
        console.out(to_json(rows))
    elif output is IncidentFormat.GEOJSON:
        console.out(to_geojson(rows))
    else:
        table = Table(title=f"{total} incidents (showing {offset + 1 if rows else 0}–"
                            f"{offset + len(rows)})")
        table.add_column("id", no_wrap=True, min_width=20)
        table.add_column("date", no_wrap=True)
        for name in ("admin1", "place", "target", "by", "status", "claimed by", "sources",
                     "conf."):
            table.add_column(name)
        for row in rows:
            table.add_row(
                row["id"], str(row["event_date"]), row["admin1"] or row["country"] or "",
                row["place"] or "", row["target_class"], row["perpetrator"] or "?",
                row["status"] + (" denied" if row["negated"] else ""),
                ", ".join(row["claimants"]), str(row["source_count"]), str(row["confidence"]))
        console.print(table)
