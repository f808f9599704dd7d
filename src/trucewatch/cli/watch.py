"""``trucewatch watch SOURCES.yaml``: poll sources on their intervals, ingest, alert."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from types import FrameType

import typer

from trucewatch.alerts import RULES
from trucewatch.store.session import StoreSession
from trucewatch.watch import RoundReport, Watcher, load_config

from .render import console, err_console


def register(app: typer.Typer) -> None:
    app.command()(watch)


def _stop_on_signals(stop: threading.Event) -> None:
    """SIGTERM or a first Ctrl+C sets ``stop``: the item being ingested finishes, then the
    watcher ends; a second Ctrl+C interrupts at once."""

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        err_console.print("stopping after the current item ...")
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def round_summary(report: RoundReport) -> str:
    """One line on a round: sources polled, with news, failing; alerts raised, delivered."""
    changed = sum(1 for s in report.sources if s.status == "new")
    failed = sum(1 for s in report.sources if s.status == "error")
    sent = len(report.alerts)
    line = (f"round: {len(report.sources)} source(s) polled, {changed} with news, {failed} "
            f"failing; {sent} alert(s) raised, {report.delivery.delivered} delivered")
    if report.delivery.failed:
        line += f", {len(report.delivery.failed)} waiting to be retried"
    return line + (" (stopped)" if report.stopped else "")


def watch(
    ctx: typer.Context,
    sources: Path = typer.Argument(..., metavar="SOURCES.yaml",
                                   help="The watch file: sources, intervals and alerts "
                                   "(docs/watch.md)."),
    once: bool = typer.Option(False, "--once", help="Run one round over the sources that are "
                              "due, then exit (for cron and tests)."),
    every_source: bool = typer.Option(False, "--all", help="Poll every source in this round, "
                                      "due or not."),
    check: bool = typer.Option(False, "--check", help="Only check the watch file and list "
                               "what it watches."),
) -> None:
    """Poll feeds, web pages and folders of dropped exports, each on its own interval; ingest
    what is new, judge it, and alert on what matters to the agreements (stdout, JSON-lines,
    webhook, e-mail, and the dashboard's /alerts page and /alerts.atom feed).

    SIGTERM or Ctrl+C finishes the item being ingested and stops; a killed watcher resumes
    where it was. The database is open only while a round runs.

    Example: [bold]trucewatch watch sources.yaml --once[/]
    """
    config = load_config(sources)
    if check:
        for source in config.sources:
            console.print(f"{source.kind} {source.location} every "
                          f"{config.every(source):g} s" + (f" as {source.format}"
                                                           if source.format else ""))
        rules = ", ".join(choice.name for choice in config.alerts.rules)
        console.print(f"alerts: rules {rules} (of {len(RULES)}); "
                      f"{len(config.alerts.to)} sink(s) besides the dashboard")
        return
    db = Path(ctx.obj.db)
    session = StoreSession(db)
    watcher = Watcher(config, session, fetched=db.absolute().parent / "fetched",
                      release=session.release, log=lambda line: err_console.print(line,
                                                                                  markup=False))
    stop = threading.Event()
    _stop_on_signals(stop)
    try:
        if once:
            err_console.print(round_summary(watcher.run_once(stop, force=every_source)))
        else:
            err_console.print(f"watching {len(config.sources)} source(s); Ctrl+C to stop")
            if every_source:
                err_console.print(round_summary(watcher.run_once(stop, force=True)))
            watcher.run(stop, on_round=lambda report: err_console.print(
                round_summary(report)))
    finally:
        watcher.close()
