"""``trucewatch extract``: strike reports from news texts and statements."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from trucewatch import profiles
from trucewatch.lang import detect, unsupported
from trucewatch.text import extract
from trucewatch.text.documents import InputDocument, read_documents

from .profiles import PROFILE_HELP, profile_option
from .render import console

REPORT_FIELDS = (
    "date", "date_precision", "country", "admin1", "place", "lat", "lon", "target_class",
    "target_text", "weapon", "perpetrator", "claimed_by", "negated", "evidence", "confidence",
    "reasons",
)


class ExtractFormat(StrEnum):
    JSONL = "jsonl"
    TABLE = "table"


def document_record(doc: InputDocument, profile: str | None = None) -> dict[str, Any]:
    """The JSONL contract line of one document (docs/design.md, "Contracts"), read under conflict
    ``profile`` (by default :data:`trucewatch.profiles.DEFAULT`)."""
    language = doc.language or detect(doc.text)
    reports = extract(doc.text, doc.published, language, profile)
    record: dict[str, Any] = {
        "id": doc.id, "language": language,
        "published": doc.published.isoformat() if doc.published else None,
    }
    if doc.url:
        record["url"] = doc.url
    skipped = unsupported(language)
    if skipped:
        record["skipped"] = skipped
    dumped = (r.model_dump(mode="json") for r in reports)
    record["reports"] = [{name: r[name] for name in REPORT_FIELDS} for r in dumped]
    return record


def _table(records: list[dict[str, Any]]) -> Table:
    table = Table("id", "date", "region", "place", "target", "by", "claimed", "denied",
                  "conf", "evidence")
    for record in records:
        for r in record["reports"]:
            table.add_row(
                record["id"], r["date"] or "", r["admin1"] or r["country"] or "",
                r["place"] or "", r["target_class"], r["perpetrator"] or "",
                r["claimed_by"] or "", "yes" if r["negated"] else "", f"{r['confidence']:.2f}",
                r["evidence"][:80],
            )
    return table


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_command(
        inputs: list[Path] = typer.Argument(
            ..., help="Text (.txt, .md), HTML (.html) or JSONL document files.",
            show_default=False),
        output: ExtractFormat = typer.Option(
            ExtractFormat.JSONL, "--format", "-f", help="jsonl: one line per document; "
            "table: one row per report."),
        published: dt.datetime = typer.Option(
            None, "--published", formats=["%Y-%m-%d"],
            help="Publication date of plain files (and of .jsonl lines without one)."),
        language: str = typer.Option(
            None, "--language", help="en, uk or ru; detected when not given."),
        profile: str = typer.Option(profiles.DEFAULT, "--profile", help=PROFILE_HELP),
    ) -> None:
        """Find the strike reports in news texts and statements (English, Ukrainian, Russian).

        Writes one JSON line per document: id, language, published and its reports (date,
        place, target class, perpetrator, claimant, denial, evidence, confidence, reasons).

        Example: [bold]trucewatch extract news.jsonl --format table[/]
        """
        day = published.date() if published else None
        profile = profile_option(profile)
        records = []
        for path in inputs:
            for doc in read_documents(path, day, language):
                record = document_record(doc, profile)
                if output is ExtractFormat.JSONL:
                    typer.echo(json.dumps(record, ensure_ascii=False))
                else:
                    records.append(record)
        if output is ExtractFormat.TABLE:
            console.print(_table(records))
