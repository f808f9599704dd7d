"""``trucewatch demo``: the flagship case end to end in a fresh workspace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from trucewatch.demo import Demo, prepare_demo

from .agreements import render_agreement
from .render import console


def register(app: typer.Typer) -> None:
    app.command()(demo)


def _show_agreement(demo: Demo) -> None:
    render_agreement(demo.agreement)


#: What the demo does after loading the case, in order.
STEPS: list[Callable[[Demo], None]] = [_show_agreement]


def demo(
    workspace: Path = typer.Option(Path("workspace"), help="Folder to (re)create the demo in."),
    case: Path | None = typer.Option(None, help="Case folder; the bundled flagship by default."),
) -> None:
    """Load the 2025 energy-moratorium case into a fresh workspace and show each party's
    reading side by side, differences marked.

    Example: [bold]trucewatch demo --workspace /tmp/tw[/]
    """
    prepared = prepare_demo(workspace, case)
    console.print(f"workspace {prepared.workspace}: database {prepared.db}, case {prepared.case}")
    for step in STEPS:
        step(prepared)
