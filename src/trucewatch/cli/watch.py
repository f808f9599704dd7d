"""``trucewatch watch SOURCES.yaml``: poll sources on their intervals, ingest, alert."""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

import typer

from trucewatch.alerts import RULES
from trucewatch.watch import WatchConfig, load_config

from .database import run
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
    where it was. The database is open only while a round runs; while `trucewatch serve` owns
    it, each round runs in the server, its writes queued with the dashboard's.

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
    params = {"config": str(sources.resolve()), "force": every_source,
              "environ": _named_variables(config)}
    stop = threading.Event()
    _stop_on_signals(stop)
    if not once:
        err_console.print(f"watching {len(config.sources)} source(s); Ctrl+C to stop")
    while not stop.is_set():
        done = run(ctx, "watch.round", params, create=True, events=_show, stop=stop)
        err_console.print(done["summary"], markup=False)
        if once or done["next_in"] is None:
            break
        params["force"] = False
        stop.wait(done["next_in"])


def _named_variables(config: WatchConfig) -> dict[str, str]:
    """The environment variables the sinks name (secrets), for a server running the round."""
    names = {name for entry in config.alerts.to
             for name in (entry.secret_env, entry.username_env, entry.password_env) if name}
    return {name: os.environ[name] for name in sorted(names) if name in os.environ}


def _show(event: dict[str, Any]) -> None:
    """A round's log line on stderr; an alert of the stdout sink on stdout."""
    if event.get("event") == "step":
        err_console.print(event["text"], markup=False)
    elif event.get("event") == "output":
        sys.stdout.write(event["text"] + "\n")
        sys.stdout.flush()
