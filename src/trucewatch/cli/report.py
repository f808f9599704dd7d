"""``trucewatch report AGREEMENT --out FILE``: the shareable report on one agreement."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from trucewatch.errors import UsageError
from trucewatch.report import ReportFormat, render_report, report_data, write_report
from trucewatch.store import open_store

from .render import console


def register(app: typer.Typer) -> None:
    app.command()(report)


def report(
    ctx: typer.Context,
    agreement: str = typer.Argument(..., help="Agreement id, e.g. energy-moratorium-2025."),
    out: Path = typer.Option(..., "--out", "-o",
                             help="File to write (.html, .md or .json), or - for stdout."),
    output: ReportFormat | None = typer.Option(
        None, "--format", help="html, md or json; by default taken from the --out suffix."),
) -> None:
    """Write a report on an agreement: readings side by side with their differences, a
    timeline, verdicts per reading, first violations, a map and the incident table. The HTML
    file is self-contained and opens with no network.

    Example: [bold]trucewatch report energy-moratorium-2025 --out report.html[/]
    (or [bold]--out - --format json[/] for stdout)
    """
    if str(out) == "-":
        if output is None:
            raise UsageError("writing to stdout needs --format html, md or json")
        with open_store(ctx.obj.db, create=False) as store:
            text = render_report(report_data(store, agreement), output)
        sys.stdout.write(text)
        return
    with open_store(ctx.obj.db, create=False) as store:
        written = write_report(store, agreement, out, output)
    console.print(f"wrote {written} ({written.stat().st_size:,} bytes)")
