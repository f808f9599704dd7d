"""``trucewatch ingest FORMAT PATH...``: datasets and documents into the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from trucewatch.errors import TrucewatchError, UsageError
from trucewatch.sources import FORMATS, FileResult
from trucewatch.sources.dates import check_date_format
from trucewatch.sources.encoding import check_encoding
from trucewatch.sources.fetch import is_url
from trucewatch.sources.summary import describe
from trucewatch.workflow import IngestSummary

from .database import run, shown_path
from .profiles import PROFILE_HELP, profile_option
from .render import console, err_console

#: Formats whose files have a date column whose format is decided per file.
_DATED = ("acled", "ucdp", "table")
#: Formats read as tables, in an encoding detected or given by --encoding.
_TABULAR = ("acled", "ucdp", "gdelt", "table")


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
    encoding: str | None = typer.Option(
        None, help="Text encoding of the files (e.g. cp1251, cp1252, utf-16); detected when "
        "not given."),
    date_format: str | None = typer.Option(
        None, "--date-format", metavar="PATTERN",
        help="Date format of the files' date column as a strptime pattern (e.g. %d/%m/%Y); "
        "decided per file when not given."),
    timeout: float = typer.Option(30.0, min=0.1, help="Seconds to wait for a URL."),
    merge: bool = typer.Option(True, help="Rebuild incidents and verdicts afterwards."),
    profile: str | None = typer.Option(
        None, "--profile", help=PROFILE_HELP + " Texts and feeds; by default the stored "
        "agreements' profile, else russia-ukraine."),
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
    if encoding:
        if source_format not in _TABULAR:
            raise UsageError(f"--encoding is for the {', '.join(_TABULAR)} formats",
                             hint="text files and feeds state or imply their own encoding")
        options["encoding"] = check_encoding(encoding)
    if date_format:
        if source_format not in _DATED:
            raise UsageError(f"--date-format is for the {', '.join(_DATED)} formats")
        options["date_format"] = check_date_format(date_format)
    if source_format == "table":
        options["mapping"] = _mapping(mapping)
    elif mapping:
        raise UsageError("--map is only for the table format")
    if source_format in ("text", "rss"):
        options["published"] = published and published.date().isoformat()
        options["language"] = language
        options["profile"] = profile_option(profile)
    elif profile:
        raise UsageError("--profile is for the text and rss formats",
                         hint="dataset rows name their own countries")
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err_console, transient=True) as bar:
        try:
            done = run(ctx, "ingest", {
                "format": source_format, "paths": [_absolute(p) for p in paths],
                "skip_bad": skip_bad, "rejects": rejects and str(rejects.resolve()),
                "merge": merge, "timeout": timeout, "options": options},
                create=True, events=_ProgressBar(bar))
        except TrucewatchError as exc:  # name the file as the user gave it
            exc.path = exc.path and shown_path(exc.path)
            raise
    summary = IngestSummary(files=[FileResult(**f) for f in done["files"]],
                            incidents=done["incidents"], verdicts=done["verdicts"])
    for given, result in zip(paths, summary.files, strict=True):
        saved = result.path != _absolute(given)
        name = f"{given} (saved as {shown_path(result.path)})" if saved else given
        if result.rejects_path:
            result = replace(result, rejects_path=shown_path(result.rejects_path))
        console.print(f"{name}: {describe(result)}", markup=False, highlight=False)
    if summary.incidents is not None:
        console.print(f"{summary.incidents} incidents, {summary.verdicts} verdicts")


class _ProgressBar:
    """Shows an ingest's events: a bar per file, then a line per step after the files (merging
    reports into incidents, judging them), each with its elapsed time."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.tasks: dict[str, TaskID] = {}

    def __call__(self, event: dict[str, Any]) -> None:
        if event.get("event") == "progress":
            path = shown_path(event["path"])
            if path not in self.tasks:
                self.tasks[path] = self.bar.add_task(path, total=event["total"])
            self.bar.update(self.tasks[path], completed=event["line"])
        elif event.get("event") == "step":
            for task in self.bar.tasks:  # what came before is done
                self.bar.update(task.id, total=task.total or 1, completed=task.total or 1)
            self.tasks[event["text"]] = self.bar.add_task(event["text"], total=None)


def _load_batches(ctx: typer.Context, paths: list[str]) -> None:
    """``ingest parquet``: each batch output folder brought into the store (through the server
    while one owns it)."""
    for path in paths:
        result = run(ctx, "ingest.batch", {"path": _absolute(path)}, create=True)
        how = "copied" if result["copied"] else "merged and assessed again"
        console.print(f"{path}: {result['reports']} new reports, {result['documents']} new "
                      f"documents; {result['incidents']} incidents, {result['verdicts']} "
                      f"verdicts ({how})", markup=False, highlight=False)


def _absolute(given: str) -> str:
    """A file argument as an absolute path (the server may run elsewhere); URLs as given."""
    return given if is_url(given) else str(Path(given).resolve())

