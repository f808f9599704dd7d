"""``trucewatch report AGREEMENT --out FILE``: the shareable report on one agreement."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from trucewatch.errors import UsageError
from trucewatch.report import ReportFormat, report_target

from .database import run
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
        fmt = output
    else:
        fmt = report_target(out, output)
    text = run(ctx, "report", {"agreement": agreement, "format": fmt.value})["text"]
    if str(out) == "-":
        sys.stdout.write(text)
        return
    out.write_text(text, encoding="utf-8")
    console.print(f"wrote {out} ({out.stat().st_size:,} bytes)")
