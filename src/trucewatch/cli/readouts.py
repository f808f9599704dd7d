"""``trucewatch readouts compare`` and ``trucewatch agreement from-statements``."""

from __future__ import annotations

import contextlib
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from trucewatch import profiles
from trucewatch.errors import NotFoundError, UsageError
from trucewatch.readouts import (
    Comparison,
    Statement,
    draft_spec,
    parse_argument,
    read_statements,
    to_markdown,
)
from trucewatch.readouts.markdown import TERM_ROWS, cell, not_read
from trucewatch.service.wire import plain
from trucewatch.taxonomy import is_party_code
from trucewatch.workflow import compare_statements

from .agreements import agreement_app
from .database import run
from .profiles import PROFILE_HELP, profile_option
from .render import console, print_json, print_wrapped

readouts_app = typer.Typer(
    no_args_is_help=True,
    help="Official statements about an agreement: their terms and how they differ.\n\n"
    "Example: [bold]trucewatch readouts compare US=whitehouse.txt RU=kremlin.txt[/]",
)

_STATEMENTS_HELP = (
    "Statement files: .txt/.md as SPEAKER=PATH (e.g. US=readout.txt) or with `speaker:` "
    "front matter, or .jsonl statement documents with speaker and text."
)
_SIDES_HELP = ("The parties a 'mutual' or 'both sides' halt binds when none are named "
               "(default: the profile's sides).")


class ReadoutFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


def register(app: typer.Typer) -> None:
    app.add_typer(readouts_app, name="readouts")
    agreement_app.command("from-statements")(from_statements)


def _load(arguments: list[str]) -> list[Statement]:
    statements: list[Statement] = []
    for argument in arguments:
        speaker, path = parse_argument(argument)
        statements.extend(read_statements(path, speaker))
    if not statements:
        raise UsageError("no statements read", hint="give at least one statement file")
    return statements


def _sides(value: str | None) -> list[str] | None:
    if value is None:
        return None  # the profile's sides
    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    bad = [c for c in codes if not is_party_code(c)]
    if bad:
        raise UsageError(f"--sides: {', '.join(bad)} is not a party code",
                         hint="give ISO 3166-1 alpha-2 codes such as RU,UA, or a non-state "
                              "party's code (trucewatch profiles)")
    return codes


def _render_table(comparison: Comparison) -> None:
    table = Table(title="Terms by speaker", show_lines=True)
    table.add_column("term", style="bold")
    for speaker in comparison.speakers:
        table.add_column(speaker, overflow="fold")
    for term, title in TERM_ROWS:
        table.add_row(title, *(cell(t, term) for t in comparison.speakers.values()))
    console.print(table)
    if not_read(comparison):
        console.print("\n[bold]Not read[/]")
        for line in not_read(comparison):
            print_wrapped(f"• {line}", markup=False)
    console.print("\n[bold]Differences[/]")
    for difference in comparison.differences:
        print_wrapped(f"• [bold]{difference.term}[/]: {difference.explanation}")
    if not comparison.differences:
        console.print("The statements agree on every term they state.")
    if comparison.costs is not None:
        console.print("\n[bold]What the differences cost[/]")
        for cost in comparison.costs:
            print_wrapped(f"• {cost['incidents']} incident(s) are violations under the "
                          f"{cost['violation_under']} reading and not under the "
                          f"{cost['not_under']} reading (e.g. {', '.join(cost['examples'])})")
        if not comparison.costs:
            console.print("Every stored incident gets the same verdict under every reading.")


@readouts_app.command("compare")
def compare_command(
    ctx: typer.Context,
    statements: list[str] = typer.Argument(..., help=_STATEMENTS_HELP),
    output: ReadoutFormat = typer.Option(ReadoutFormat.TABLE, "--format", "-f",
                                         help="Output format."),
    sides: str | None = typer.Option(None, "--sides", help=_SIDES_HELP),
    profile: str = typer.Option(profiles.DEFAULT, "--profile", help=PROFILE_HELP),
) -> None:
    """Extract each statement's terms and show where the speakers' wordings differ. When the
    database holds incidents, also count those that are violations under one reading only.

    Example: [bold]trucewatch readouts compare US=whitehouse.txt RU=kremlin.txt --format json[/]
    """
    comparison = compare_statements(_load(statements), sides=_sides(sides),
                                    profile=profile_option(profile))
    with contextlib.suppress(NotFoundError):  # no database: the terms alone
        comparison.costs = run(ctx, "reading_costs",
                               {"readings": plain(comparison.dated_readings)})
    if output is ReadoutFormat.JSON:
        print_json(comparison.as_dict())
    elif output is ReadoutFormat.MARKDOWN:
        console.out(to_markdown(comparison), end="", highlight=False)
    else:
        _render_table(comparison)


def from_statements(
    statements: list[str] = typer.Argument(..., help=_STATEMENTS_HELP),
    output: Path | None = typer.Option(None, "--output", "-o",
                                       help="Write the spec here instead of stdout."),
    agreement_id: str | None = typer.Option(None, "--id", help="Agreement id (a slug)."),
    title: str | None = typer.Option(None, "--title", help="Agreement title."),
    sides: str | None = typer.Option(None, "--sides", help=_SIDES_HELP),
    profile: str = typer.Option(profiles.DEFAULT, "--profile", help=PROFILE_HELP),
    force: bool = typer.Option(False, "--force", help="Overwrite the --output file."),
) -> None:
    """Draft an agreement spec with one reading per speaker, each quoting its source, for an
    analyst to review and then `trucewatch agreement add`. An existing --output file (perhaps
    a draft already edited) is kept unless --force.

    Example: [bold]trucewatch agreement from-statements statements.jsonl -o draft.yaml[/]
    """
    if output is not None and output.exists() and not force:
        raise UsageError("the file exists (an edited draft?); nothing was written",
                         path=output, hint="choose another -o, or pass --force to replace it")
    spec = draft_spec(_load(statements), agreement_id=agreement_id, title=title,
                      sides=_sides(sides), profile=profile_option(profile))
    if output is None:
        console.out(spec, end="", highlight=False)
    else:
        output.write_text(spec, encoding="utf-8")
        console.print(f"wrote {output}; review it, then `trucewatch agreement add {output}`")
