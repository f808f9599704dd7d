"""``trucewatch ingest FORMAT PATH...``: datasets and documents into the store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from trucewatch.batch import load_results
from trucewatch.errors import UsageError
from trucewatch.sources import FORMATS
from trucewatch.store import open_store
from trucewatch.workflow import ingest as ingest_paths

from .render import console, err_console


def register(app: typer.Typer) -> None:
    app.command()(ingest)


def _mapping(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field or not column:
            raise UsageError(f"--map {pair!r} is not FIELD=COLUMN", hint="e.g. --map date=Date")
        mapping[field.strip()] = column.strip()
    return mapping


def ingest(
    ctx: typer.Context,
    source_format: str = typer.Argument(..., metavar="FORMAT",
                                        help="One of: " + ", ".join(FORMATS) + ", or parquet "
                                        "(the output folder of trucewatch batch)."),
    paths: list[str] = typer.Argument(
        ..., metavar="PATH...", help="Files to ingest; for rss and text also http(s) URLs, "
        "fetched only because they are given here."),
    skip_bad: bool = typer.Option(False, "--skip-bad",
                                  help="Skip bad rows and write them to a rejects file."),
    rejects: Path | None = typer.Option(None, "--rejects",
                                        help="Rejects file (default PATH.rejects.csv)."),
    mapping: list[str] = typer.Option([], "--map", metavar="FIELD=COLUMN",
                                      help="Column of each field (format table)."),
    published: dt.datetime | None = typer.Option(
        None, formats=["%Y-%m-%d"],
        help="Publication date of text files and feed entries that state none (YYYY-MM-DD)."),
    language: str | None = typer.Option(
        None, help="Language of text files and feeds that state none (en, uk, ru)."),
    timeout: float = typer.Option(30.0, min=0.1, help="Seconds to wait for a URL."),
    merge: bool = typer.Option(True, help="Rebuild incidents and verdicts afterwards."),
) -> None:
    """Ingest files: each file is one transaction, and re-ingesting a file changes nothing.
    Afterwards incidents are rebuilt and judged under every stored agreement.

    Example: [bold]trucewatch ingest acled examples/energy-moratorium-2025/inputs/acled.csv[/]
    Example: [bold]trucewatch ingest table events.csv --map date=Date --map admin1=Region
    --map target_class=Target --map perpetrator=By[/]
    Example: [bold]trucewatch ingest rss https://www.ukrinform.net/rss/block-lastnews[/]
    (a URL is fetched into fetched/ beside the database, and that copy is ingested)
    Example: [bold]trucewatch ingest parquet out/[/] (reports, incidents and verdicts of a
    `trucewatch batch` run)
    """
    if source_format == "parquet":
        _load_batches(ctx, paths)
        return
    options: dict[str, object] = {}
    if source_format == "table":
        options["mapping"] = _mapping(mapping)
    elif mapping:
        raise UsageError("--map is only for the table format")
    if source_format in ("text", "rss"):
        options["published"] = published and published.date()
        options["language"] = language
    with open_store(ctx.obj.db) as store, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=err_console, transient=True,
    ) as bar:
        tasks: dict[Path, int] = {}

        def progress(path: Path, line: int, total: int) -> None:
            if path not in tasks:
                tasks[path] = bar.add_task(str(path), total=total)
            bar.update(tasks[path], completed=line)

        summary = ingest_paths(store, source_format, paths, skip_bad=skip_bad,
                               rejects_path=rejects, merge=merge, progress=progress,
                               timeout=timeout, **options)
    for given, result in zip(paths, summary.files, strict=True):
        name = result.path if given == result.path else f"{given} (saved as {result.path})"
        if result.skipped_unchanged:
            console.print(f"{name}: unchanged, already ingested")
            continue
        line = (f"{name}: {result.rows} rows read, {result.documents} new documents, "
                f"{result.reports} new reports")
        if result.superseded:
            line += f", {result.superseded} earlier versions superseded"
        if result.rejected:
            line += f", {result.rejected} bad rows skipped (see {result.rejects_path})"
        console.print(line)
    if summary.incidents is not None:
        console.print(f"{summary.incidents} incidents, {summary.verdicts} verdicts")


def _load_batches(ctx: typer.Context, paths: list[str]) -> None:
    with open_store(ctx.obj.db) as store:
        for path in paths:
            result = load_results(store, path)
            how = "copied" if result.copied else "merged and assessed again"
            console.print(f"{path}: {result.reports} new reports, {result.documents} new "
                          f"documents; {result.incidents} incidents, {result.verdicts} verdicts "
                          f"({how})")
