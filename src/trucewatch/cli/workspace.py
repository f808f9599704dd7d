"""``init``, ``status`` and ``taxonomy``: the database file and the vocabulary."""

from __future__ import annotations

import typer
from rich.table import Table

from trucewatch.taxonomy import target_classes

from .database import run
from .render import OutputFormat, console, print_json


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(status)
    app.command()(taxonomy)


def init(ctx: typer.Context) -> None:
    """Create the database file (or migrate an older one) and print its schema version.

    Example: [bold]trucewatch --db cases.duckdb init[/]
    """
    data = run(ctx, "status", create=True)
    console.print(f"database {ctx.obj.db} ready at schema version {data['schema_version']}")


def status(
    ctx: typer.Context,
    output: OutputFormat = typer.Option(OutputFormat.TABLE, "--format", help="table or json"),
) -> None:
    """Show the database path, schema version and row counts.

    Example: [bold]trucewatch status --format json[/]
    """
    data = {**run(ctx, "status"), "path": str(ctx.obj.db)}  # the server's may be absolute
    if output is OutputFormat.JSON:
        print_json(data)
        return
    table = Table(title=f"{data['path']} (schema version {data['schema_version']})")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in data["counts"].items():
        table.add_row(name, f"{count:,}")
    console.print(table)


def taxonomy(
    output: OutputFormat = typer.Option(OutputFormat.TABLE, "--format", help="table or json"),
) -> None:
    """List the target classes that scopes and reports use.

    Example: [bold]trucewatch taxonomy[/]
    """
    classes = target_classes()
    if output is OutputFormat.JSON:
        print_json(classes)
        return
    table = Table()
    table.add_column("class")
    table.add_column("covers")
    for code, covers in classes.items():
        table.add_row(code, covers)
    console.print(table)
