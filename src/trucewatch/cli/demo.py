"""``trucewatch demo``: the flagship case end to end in a fresh workspace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from trucewatch.demo import CASES, Demo, prepare_demo
from trucewatch.store import open_store

from .agreements import render_agreement
from .render import console


def register(app: typer.Typer) -> None:
    app.command()(demo)


def _show_agreement(demo: Demo) -> None:
    render_agreement(demo.agreement)


def _ingest_and_assess(demo: Demo) -> None:
    """Ingest the case's sample inputs (reported claims) and print the assessment."""
    from trucewatch.assess import summarise
    from trucewatch.workflow import ingest

    from .assess import render_assessment

    inputs = demo.case / "inputs"
    with open_store(demo.db) as store:
        rows = ingest(store, "acled", sorted(inputs.glob("*.csv")), merge=False)
        texts = ingest(store, "text", sorted(inputs.glob("*.jsonl")))
        for result in rows.files + texts.files:
            console.print(f"\n{result.path}: {result.reports} reports ingested")
        render_assessment(texts.verdicts or 0, summarise(store, demo.agreement.id))


def _show_commitments(demo: Demo) -> None:
    """Every commitment of the case: status since when, history, fulfilment."""
    from trucewatch.commitments import commitments_view
    from trucewatch.service.wire import plain

    from .commitments import show_commitments

    console.print("\n[bold]Commitments[/]")
    with open_store(demo.db, create=False) as store:
        show_commitments(plain(commitments_view(store, demo.agreement.id)))


def _write_report(demo: Demo) -> None:
    """Last step: the HTML report, and how to open it and start the dashboard."""
    from trucewatch.report import write_report

    with open_store(demo.db, create=False) as store:
        out = write_report(store, demo.agreement.id, demo.workspace / "report.html")
    console.print(f"\nreport written to {out}: open it in a browser (works offline), "
                  f"e.g. xdg-open {out}")
    console.print(f"dashboard: trucewatch --db {demo.db} serve, then open http://127.0.0.1:8000/")


#: What the demo does after loading the case, in order; the report comes last.
STEPS: list[Callable[[Demo], None]] = [_show_agreement, _ingest_and_assess, _show_commitments,
                                       _write_report]


def demo(
    workspace: Path = typer.Option(Path("workspace"), help="Folder to (re)create the demo in."),
    case: str | None = typer.Option(
        None, help="A bundled case (" + ", ".join(CASES) + ") or a case folder; the "
        "energy moratorium by default."),
) -> None:
    """Load the 2025 energy-moratorium case (or another, --case) into a fresh workspace and
    show each party's reading side by side, differences marked.

    Example: [bold]trucewatch demo --workspace /tmp/tw[/]
    Example: [bold]trucewatch demo --case india-pakistan-2025 --workspace /tmp/ip[/]
    """
    prepared = prepare_demo(workspace, case)
    console.print(f"workspace {prepared.workspace}: database {prepared.db}, case {prepared.case}")
    for step in STEPS:
        step(prepared)
