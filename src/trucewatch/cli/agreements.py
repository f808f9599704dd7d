"""``trucewatch agreement check|add|list|show``: agreement specs in and out of the store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import pydantic
import typer
from rich.table import Table

from trucewatch.agreements import (
    dump_spec,
    load_spec,
    side_by_side,
)
from trucewatch.errors import UsageError
from trucewatch.model import Agreement, CommitmentKind, PreconditionState, StatusEntry

from .database import run
from .render import console, print_json, print_wrapped

agreement_app = typer.Typer(
    no_args_is_help=True,
    help="Agreement specs: validate, add, list and show them.\n\n"
    "Example: [bold]trucewatch agreement add examples/energy-moratorium-2025/agreement.yaml[/]",
)


class ShowFormat(StrEnum):
    TABLE = "table"
    YAML = "yaml"
    JSON = "json"


def register(app: typer.Typer) -> None:
    app.add_typer(agreement_app, name="agreement")


@agreement_app.command()
def check(specs: list[Path] = typer.Argument(..., help="Spec files (YAML).")) -> None:
    """Validate spec files without storing them; the first problem names file and line.

    Example: [bold]trucewatch agreement check my-truce.yaml[/]
    """
    for path in specs:
        agreement = load_spec(path)
        console.print(f"{path}: ok ({agreement.id}, {len(agreement.commitments)} commitments)")


@agreement_app.command()
def add(
    ctx: typer.Context, specs: list[Path] = typer.Argument(..., help="Spec files (YAML).")
) -> None:
    """Validate and store specs, and judge every incident under them. The same spec twice
    changes nothing; a changed spec with the same id becomes a new version and the old one is
    kept.

    Example: [bold]trucewatch agreement add examples/energy-moratorium-2025/agreement.yaml[/]
    """
    checked = []
    for path in specs:  # every spec is valid before any is stored
        load_spec(path)
        checked.append((path, path.read_text(encoding="utf-8")))
    for path, text in checked:
        result = run(ctx, "agreement.add", {"text": text, "path": str(path)}, create=True)
        console.print(f"{path}: {result['agreement_id']} version {result['version']} "
                      f"{result['outcome'].replace('_', ' ')}")


@agreement_app.command()
def status(
    ctx: typer.Context,
    agreement_id: str = typer.Argument(..., metavar="AGREEMENT"),
    new_status: str = typer.Argument(..., metavar="STATUS",
                                     help="e.g. expired, suspended, extended, denounced"),
    date: str = typer.Option(..., help="The day it takes effect (YYYY-MM-DD)."),
    commitment: str | None = typer.Option(None, help="One commitment; the agreement if left "
                                          "out."),
    until: str | None = typer.Option(None, help="New last day of an extension."),
    by: str | None = typer.Option(None, "--by", help="The one party that declared it."),
    source: str | None = typer.Option(None, help="A url or source id it comes from."),
    note: str | None = typer.Option(None, help="A short note."),
) -> None:
    """Record a status (expired, suspended, extended to a date, denounced, ...) as a new
    version of the agreement, and judge every incident again under it.

    Example: [bold]trucewatch agreement status truce-1 expired --date 2025-04-18 --by RU[/]
    """
    entry = _validated(StatusEntry, {"date": date, "status": new_status, "until": until,
                                     "declared_by": by, "source": source, "note": note})
    params = {"agreement": agreement_id, "entry": entry.model_dump(mode="json")}
    if commitment is not None:
        params["commitment"] = commitment
    _print_added(run(ctx, "agreement.status", params))


@agreement_app.command()
def precondition(
    ctx: typer.Context,
    agreement_id: str = typer.Argument(..., metavar="AGREEMENT"),
    commitment: str = typer.Argument(..., metavar="COMMITMENT"),
    precondition_id: str = typer.Argument(..., metavar="PRECONDITION"),
    state: str = typer.Argument(..., metavar="STATE", help="met or unmet"),
    date: str = typer.Option(..., help="The day it was said (YYYY-MM-DD)."),
    by: str = typer.Option(..., "--by", help="Who says so (a party or mediator)."),
    source: str | None = typer.Option(None, help="A url or source id it comes from."),
    note: str | None = typer.Option(None, help="A short note."),
) -> None:
    """Record that a party says a precondition is met or unmet, as a new version, and judge
    every incident again: until it is met the commitment is not in force.

    Example: [bold]trucewatch agreement precondition truce-1 black-sea sanctions unmet
    --date 2025-03-26 --by RU[/]
    """
    said = _validated(PreconditionState, {"date": date, "state": state, "by": by,
                                          "source": source, "note": note})
    _print_added(run(ctx, "agreement.precondition", {
        "agreement": agreement_id, "commitment": commitment, "precondition": precondition_id,
        "said": said.model_dump(mode="json")}))


def _print_added(result: dict) -> None:
    console.print(f"{result['agreement_id']} version {result['version']} "
                  f"{result['outcome'].replace('_', ' ')}")


def _validated(model: type, values: dict) -> object:
    """``model`` from option values; a bad value is a usage error naming its field."""
    try:
        return model.model_validate({k: v for k, v in values.items() if v is not None})
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or None
        raise UsageError(str(first["msg"]).removeprefix("Value error, "), field=field) from exc


@agreement_app.command("list")
def list_(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="JSON output.")
) -> None:
    """List stored agreements (latest version of each).

    Example: [bold]trucewatch agreement list[/]
    """
    summaries = run(ctx, "agreement.list")
    if as_json:
        print_json(summaries)
        return
    table = Table()
    for column in ("id", "version", "title", "parties", "mediators", "commitments"):
        table.add_column(column)
    for s in summaries:
        table.add_row(s["id"], str(s["version"]), s["title"], ", ".join(s["parties"]),
                      ", ".join(s["mediators"]), str(s["commitments"]))
    console.print(table)


@agreement_app.command()
def show(
    ctx: typer.Context,
    agreement_id: str = typer.Argument(..., metavar="AGREEMENT"),
    version: int | None = typer.Option(None, help="A stored version; the latest by default."),
    output: ShowFormat = typer.Option(ShowFormat.TABLE, "--format", help="table, yaml or json"),
) -> None:
    """Show an agreement: each party's reading side by side, differences marked.

    Example: [bold]trucewatch agreement show energy-moratorium-2025 --format yaml[/]
    """
    agreement = Agreement.model_validate(
        run(ctx, "agreement.show", {"agreement": agreement_id, "version": version}))
    if output is ShowFormat.YAML:
        console.out(dump_spec(agreement), end="")
    elif output is ShowFormat.JSON:
        print_json(agreement.model_dump(mode="json"))
    else:
        render_agreement(agreement)


def render_agreement(agreement: Agreement) -> None:
    """Print the agreement, its commitments, and halt readings side by side."""
    console.rule(f"[bold]{agreement.title}[/]")
    console.print(f"id {agreement.id} · parties {', '.join(agreement.parties)}"
                  f" · mediators {', '.join(agreement.mediators) or 'none'}")
    for entry in agreement.status:
        console.print(f"  {entry.date}  {entry.status}  {entry.note or ''}")
    for commitment in agreement.commitments:
        latest = max(commitment.status, key=lambda s: s.date, default=None)
        state = f"{latest.status} since {latest.date}" if latest else "no status"
        console.print(f"\n[bold]{commitment.title}[/] ({commitment.kind.value}, {state})")
        for precondition in commitment.preconditions:
            print_wrapped(f"  precondition ({precondition.set_by or 'set by ?'}): "
                          f"{precondition.text}", markup=False)
        if commitment.kind is not CommitmentKind.HALT_STRIKES:
            for name, number in commitment.numbers.items():
                console.print(f"  {name.replace('_', ' ')}: {number}")
            for item in commitment.items:
                console.print(f"  {item.quantity} {item.item} handed over by {item.side}")
            for meeting in commitment.meetings:
                where = f" in {meeting.place}" if meeting.place else ""
                console.print(f"  meeting promised: {meeting.title}{where}")
            if commitment.due:
                console.print(f"  due {commitment.due}")
            continue
        view = side_by_side(agreement, commitment)
        table = Table(show_lines=True)
        table.add_column("term")
        for party in view.parties:
            table.add_column(f"{party} reading", overflow="fold")
        for row in view.rows:
            term = f"[bold yellow]≠ {row.term}[/]" if row.differs else f"  {row.term}"
            table.add_row(term, *(row.values[p] for p in view.parties))
        console.print(table)
        for difference in view.differences:
            print_wrapped(f"  [yellow]≠ {difference.term}[/]: {difference.explanation}")
