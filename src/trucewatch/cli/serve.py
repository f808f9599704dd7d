"""``trucewatch serve``: the web dashboard, owning the database while it runs."""

from __future__ import annotations

import errno
import ipaddress
import signal
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import typer

from trucewatch.accounts import has_accounts
from trucewatch.errors import StoreBusyError, UsageError
from trucewatch.store import open_store
from trucewatch.store.owner import new_token, publish_server, withdraw_server
from trucewatch.watch import load_config

from .render import console, err_console


def register(app: typer.Typer) -> None:
    app.command()(serve)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def _local_url(host: str, port: int) -> str:
    """Where trucewatch commands on this machine reach the server."""
    wildcard = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}
    return _url(wildcard.get(host, host), port)


def _bind(host: str, port: int) -> socket.socket:
    """A socket bound to ``host``:``port``, or a :class:`UsageError` saying why not."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    except socket.gaierror as exc:
        raise UsageError(f"--host {host!r} is not an address of this machine: {exc.strerror}",
                         hint="e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every "
                         "interface)") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} on {host} is in use by another program",
                             hint="stop it, or choose another port with --port (--port 0 "
                             "picks a free one)") from None
        raise UsageError(f"cannot listen on {host} port {port}: {exc.strerror}",
                         hint="choose another --host or --port") from None
    sock.listen(2048)  # from here on connections wait for the server, they are not refused
    return sock


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Address to bind; 0.0.0.0 exposes it to the "
                             "network (only with accounts: see `trucewatch users add`)."),
    port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on (0: any free)."),
    allowed_host: list[str] = typer.Option(
        [], "--allowed-host", metavar="NAME",
        help="A name the dashboard answers to (as in the browser's address bar), besides the "
        "bound address and localhost; repeat for several."),
    tiles: str | None = typer.Option(
        None, help="Base-map tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png;"
        " without it the map is drawn offline on the regions' outlines."),
    watch: Path | None = typer.Option(
        None, "--watch", metavar="SOURCES.yaml", help="Also watch the sources of this watch "
        "file (docs/watch.md) while serving: one process owns the database, the watcher's "
        "writes queue with the dashboard's."),
) -> None:
    """Serve the dashboard: agreements, incidents (map, timeline, filters), incident detail
    and review. JSON under /api, API description at /docs. While it runs it owns the
    database: trucewatch commands on it from other shells go through it. With --watch it
    also polls the watch file's sources, ingests and alerts, as `trucewatch watch` does.

    Example: [bold]trucewatch --db workspace/trucewatch.duckdb serve --port 8000[/]
    """
    import uvicorn

    from trucewatch.web import create_app

    db = ctx.obj.db
    watched = load_config(watch) if watch is not None else None
    told: list[int | None] = []

    def busy(error: StoreBusyError) -> None:
        if not told:
            told.append(error.pid)
            err_console.print(f"waiting: {error.message}; the dashboard starts when it is done "
                              "(Ctrl+C to stop waiting)")

    store = open_store(db, create=False, on_busy=busy)
    try:
        accounts = has_accounts(store)
        loopback = _loopback(host)
        if not loopback and not accounts:
            raise UsageError(
                f"the dashboard has no accounts, so it listens only on this machine, not on "
                f"{host}", hint="add one first: trucewatch users add NAME --role admin")
        sock = _bind(host, port)
    except BaseException:
        store.close()
        raise
    port = sock.getsockname()[1]
    token = new_token()
    web_app = create_app(store, tiles=tiles, allowed_hosts=[host, *allowed_host], token=token,
                         open_access=loopback, watch=watched,
                         on_round=lambda report: err_console.print(report.line(), markup=False))
    publish_server(db, _local_url(host, port), token)
    try:
        console.print(f"dashboard on {_url(host, port)} (Ctrl+C to stop)")
        if watched is not None:
            console.print(f"watching {len(watched.sources)} source(s) of {watch}")
        if not accounts:
            console.print("no accounts: anyone on this machine who opens it acts as you; "
                          "add accounts with `trucewatch users add NAME --role ROLE` to share "
                          "it")
        config = uvicorn.Config(web_app, log_level="warning")
        with _stopped_by_signals():
            uvicorn.Server(config).run(sockets=[sock])
    finally:
        withdraw_server(db, token)
        sock.close()


class _Stopped(Exception):
    """SIGINT or SIGTERM, after uvicorn has shut down gracefully and passed the signal on."""


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """Uvicorn finishes the requests and the running write on Ctrl+C or SIGTERM, then raises
    the signal again: end quietly then, after the caller's clean-up (the server file)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _Stopped()

    before = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    except _Stopped:
        pass
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
