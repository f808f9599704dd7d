"""The operations a trucewatch command runs on a database, by name.

Each operation takes the store, its parameters as JSON values and a way to send events
(progress of a long write), and returns JSON values. The same function runs in the command's
own process when it can open the file, or in the server that owns the file
(:mod:`.runner`): the server runs reads at once on a read cursor and queues writes on its one
writer. ``writes`` says which; ``permission`` what an account needs to ask for it.

An operation that ``submits`` (a watch round) does network and file work between its writes:
it gets no store but a ``submit(job)`` that runs ``job(store)`` (on the file, or queued on the
server's writer, one job at a time, so other writes go between them) and a ``stop`` event.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trucewatch.accounts import (
    Permission,
    add_user,
    disable_user,
    list_users,
    new_feed_token,
    revoke_feed_token,
    set_password,
)
from trucewatch.agreements import get_agreement, list_agreements, parse_spec
from trucewatch.alerts import alert_deliveries, build_sinks, list_alerts
from trucewatch.assess import assess, summarise
from trucewatch.batch import load_results
from trucewatch.commitments import commitments_view, import_events
from trucewatch.errors import UsageError
from trucewatch.incidents import IncidentFilter, count_incidents, get_incident, query_incidents
from trucewatch.incidents.query import check_filter_names
from trucewatch.model import PreconditionState, Reading, StatusEntry
from trucewatch.report import ReportFormat, render_report, report_data
from trucewatch.store import Store
from trucewatch.store.session import Submit
from trucewatch.watch import Watcher, load_config
from trucewatch.workflow import (
    add_agreement,
    ingest,
    set_precondition,
    set_status,
    statement_costs,
)

from .wire import plain

__all__ = ["OPERATIONS", "Events", "Operation"]

#: ``events(event)``: a progress event of a running operation, e.g.
#: ``{"event": "progress", "path": ..., "line": ..., "total": ...}``.
Events = Callable[[dict[str, Any]], None]
Params = dict[str, Any]


@dataclass(frozen=True)
class Operation:
    """A named operation: its function, whether it writes, what it needs, how to describe it."""

    name: str
    function: Callable[..., Any]
    required: tuple[str, ...]
    optional: tuple[str, ...]
    writes: bool
    permission: Permission
    describe: Callable[[Params], str]
    submits: bool = False

    def run(self, store: Store, params: Params, events: Events | None = None,
            stop: threading.Event | None = None) -> Any:
        """Run on ``store``; the result as plain JSON values."""
        if self.submits:
            return self.run_submitting(lambda job: job(store), params, events, stop)
        self.check(params)
        return plain(self.function(store, params, events or (lambda event: None)))

    def run_submitting(self, submit: Submit, params: Params, events: Events | None = None,
                       stop: threading.Event | None = None) -> Any:
        """Run an operation that ``submits`` its jobs to ``submit``; plain JSON values."""
        self.check(params)
        return plain(self.function(submit, params, events or (lambda event: None),
                                   stop or threading.Event()))

    def check(self, params: Params) -> None:
        """Raise :class:`UsageError` for a missing or unknown parameter."""
        unknown = sorted(set(params) - set(self.required) - set(self.optional))
        if unknown:
            raise UsageError(f"{self.name}: unknown parameter {unknown[0]!r}")
        missing = [name for name in self.required if name not in params]
        if missing:
            raise UsageError(f"{self.name}: the parameter {missing[0]!r} is missing")


OPERATIONS: dict[str, Operation] = {}


def _operation(name: str, required: tuple[str, ...] = (), optional: tuple[str, ...] = (), *,
               writes: bool = False, permission: Permission = Permission.READ,
               describe: Callable[[Params], str] | None = None, submits: bool = False
               ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        OPERATIONS[name] = Operation(name, function, required, optional, writes or submits,
                                     permission, describe or (lambda params: name), submits)
        return function
    return register


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# -- reads ------------------------------------------------------------------------------------


@_operation("status")
def _status(store: Store, params: Params, events: Events) -> dict[str, Any]:
    return {"path": str(store.path), "schema_version": store.schema_version,
            "counts": store.counts()}


@_operation("agreement.list")
def _agreement_list(store: Store, params: Params, events: Events) -> list[Any]:
    return list_agreements(store)


@_operation("agreement.show", ("agreement",), ("version",))
def _agreement_show(store: Store, params: Params, events: Events) -> Any:
    return get_agreement(store, params["agreement"], params.get("version"))


@_operation("incidents", (), ("filters", "limit", "offset", "count"))
def _incidents(store: Store, params: Params, events: Events) -> dict[str, Any]:
    """A page of incidents (``limit``/``offset``) and, with ``count``, how many match."""
    filters = dict(params.get("filters") or {})
    for name in ("date_from", "date_to"):
        filters[name] = _date(filters.get(name))
    flt = IncidentFilter(**filters)
    check_filter_names(store, flt)
    rows = query_incidents(store, flt, limit=params.get("limit"), offset=params.get("offset", 0))
    total = count_incidents(store, flt) if params.get("count") else len(rows)
    return {"total": total, "rows": rows}


@_operation("incident", ("incident",))
def _incident(store: Store, params: Params, events: Events) -> dict[str, Any]:
    return get_incident(store, params["incident"])


@_operation("report", ("agreement",), ("format",))
def _report(store: Store, params: Params, events: Events) -> dict[str, str]:
    fmt = ReportFormat(params.get("format", "html"))
    return {"text": render_report(report_data(store, params["agreement"]), fmt)}


@_operation("reading_costs", ("readings",))
def _reading_costs(store: Store, params: Params, events: Events) -> Any:
    readings = [Reading.model_validate(r) for r in params.get("readings", [])]
    return statement_costs(store, readings)


@_operation("commitments", ("agreement",), ("as_of",))
def _commitments(store: Store, params: Params, events: Events) -> dict[str, Any]:
    return commitments_view(store, params["agreement"], as_of=_date(params.get("as_of")))


@_operation("alerts", (), ("agreement", "kind", "history", "limit"))
def _alerts(store: Store, params: Params, events: Events) -> list[dict[str, Any]]:
    """Stored alerts, newest first, each with ``baseline`` and its ``deliveries``."""
    found = list_alerts(store.conn, agreement=params.get("agreement"), kind=params.get("kind"),
                        history=params.get("history", False), limit=params.get("limit", 50))
    deliveries = alert_deliveries(store.conn, [a.key for a in found])
    return [{**a.as_json(), "baseline": a.baseline, "deliveries": deliveries[a.key]}
            for a in found]


@_operation("users.list", permission=Permission.ADMIN)
def _users_list(store: Store, params: Params, events: Events) -> list[dict[str, Any]]:
    return [user.as_dict() for user in list_users(store)]


# -- writes -----------------------------------------------------------------------------------


@_operation("agreement.add", ("text",), ("path",), writes=True, permission=Permission.EDIT,
            describe=lambda p: f"agreement add {p.get('path', '')}")
def _agreement_add(store: Store, params: Params, events: Events) -> Any:
    """Add the spec ``text`` (read from ``path``, which errors name)."""
    agreement = parse_spec(params["text"], path=params.get("path", "<spec>"))
    return add_agreement(store, agreement, source_path=params.get("path"))


@_operation("agreement.status", ("agreement", "entry"), ("commitment",), writes=True,
            permission=Permission.EDIT,
            describe=lambda p: f"agreement status {p.get('agreement', '')}")
def _agreement_status(store: Store, params: Params, events: Events) -> Any:
    """Record the status ``entry`` (a StatusEntry as JSON) as a new version; judge again."""
    return set_status(store, params["agreement"], StatusEntry.model_validate(params["entry"]),
                      commitment_id=params.get("commitment"))


@_operation("agreement.precondition", ("agreement", "commitment", "precondition", "said"),
            writes=True, permission=Permission.EDIT,
            describe=lambda p: f"agreement precondition {p.get('agreement', '')}")
def _agreement_precondition(store: Store, params: Params, events: Events) -> Any:
    """Record what a party ``said`` of a precondition as a new version; judge again."""
    return set_precondition(store, params["agreement"], params["commitment"],
                            params["precondition"],
                            PreconditionState.model_validate(params["said"]))


@_operation("events.import", ("path",), writes=True, permission=Permission.EDIT,
            describe=lambda p: f"events import {Path(p.get('path', '')).name}")
def _events_import(store: Store, params: Params, events: Events) -> int:
    """Import a table of exchange and meeting events (absolute ``path``)."""
    return import_events(store, params["path"])


@_operation("assess", (), ("agreement", "limit"))
def _assess(store: Store, params: Params, events: Events) -> dict[str, Any]:
    """The stored verdicts (always current) summarised: counts, differences, first violations."""
    agreement = params.get("agreement")
    if agreement is not None:
        get_agreement(store, agreement)  # NotFoundError for an unknown id
    total = store.conn.execute("SELECT count(*) FROM verdicts WHERE CAST($1 AS VARCHAR) IS NULL "
                               "OR agreement_id = $1", [agreement]).fetchall()[0][0]
    return {"verdicts": total,
            "assessment": summarise(store, agreement, differing_limit=params.get("limit", 20))}


@_operation("assess.rebuild", (), ("agreement",), writes=True, permission=Permission.EDIT,
            describe=lambda p: f"judge {p.get('agreement') or 'every agreement'} again")
def _assess_rebuild(store: Store, params: Params, events: Events) -> int:
    """Judge every incident again (only needed after changing the database by hand)."""
    return assess(store, params.get("agreement"))


def _describe_ingest(params: Params) -> str:
    paths = params.get("paths", [])
    shown = ", ".join(Path(p).name for p in paths[:3]) + (" ..." if len(paths) > 3 else "")
    return f"ingest {params.get('format', '')} {shown}"


@_operation("ingest", ("format", "paths"),
            ("skip_bad", "rejects", "merge", "timeout", "options"), writes=True,
            permission=Permission.EDIT, describe=_describe_ingest)
def _ingest(store: Store, params: Params, events: Events) -> Any:
    """Ingest ``paths`` (absolute, or URLs) as ``format``; progress and steps as events."""
    options = dict(params.get("options") or {})
    if "published" in options:
        options["published"] = _date(options["published"])

    def progress(path: Path, line: int, total: int) -> None:
        events({"event": "progress", "path": str(path), "line": line, "total": total})

    return ingest(
        store, params["format"], params["paths"], skip_bad=params.get("skip_bad", False),
        rejects_path=params.get("rejects"), merge=params.get("merge", True),
        progress=progress, timeout=params.get("timeout", 30.0),
        step=lambda text: events({"event": "step", "text": text}), **options)


@_operation("ingest.batch", ("path",), writes=True, permission=Permission.EDIT,
            describe=lambda p: f"ingest parquet {Path(p.get('path', '')).name}")
def _ingest_batch(store: Store, params: Params, events: Events) -> Any:
    """Bring the output folder ``path`` (absolute) of ``trucewatch batch`` into the store."""
    return load_results(store, params["path"])


@_operation("users.add", ("name", "role", "password"), writes=True, permission=Permission.ADMIN,
            describe=lambda p: f"users add {p.get('name', '')}")
def _users_add(store: Store, params: Params, events: Events) -> dict[str, Any]:
    return add_user(store, params["name"], params["role"], params["password"]).as_dict()


@_operation("users.disable", ("name",), writes=True, permission=Permission.ADMIN,
            describe=lambda p: f"users disable {p.get('name', '')}")
def _users_disable(store: Store, params: Params, events: Events) -> dict[str, Any]:
    return disable_user(store, params["name"]).as_dict()


@_operation("users.passwd", ("name", "password"), writes=True, permission=Permission.ADMIN,
            describe=lambda p: f"users passwd {p.get('name', '')}")
def _users_passwd(store: Store, params: Params, events: Events) -> dict[str, Any]:
    return set_password(store, params["name"], params["password"]).as_dict()


@_operation("users.feed_token", ("name",), ("revoke",), writes=True, permission=Permission.ADMIN,
            describe=lambda p: f"users feed-token {p.get('name', '')}")
def _users_feed_token(store: Store, params: Params, events: Events) -> dict[str, Any]:
    """A new feed token for the account (``token``, shown once), or with ``revoke`` none
    (``revoked``: whether it had one)."""
    if params.get("revoke"):
        return {"name": params["name"], "revoked": revoke_feed_token(store, params["name"])}
    return {"name": params["name"], "token": new_feed_token(store, params["name"])}


class _Output:
    """A text stream whose lines become ``output`` events (the ``stdout`` sink's alerts, for
    the command's own standard output)."""

    def __init__(self, events: Events) -> None:
        self._events = events

    def write(self, text: str) -> int:
        for line in text.splitlines():
            self._events({"event": "output", "text": line})
        return len(text)

    def flush(self) -> None:
        pass


@_operation("watch.round", ("config",), ("force", "environ"), submits=True,
            permission=Permission.EDIT,
            describe=lambda p: f"watch round {Path(p.get('config', '')).name}")
def _watch_round(submit: Submit, params: Params, events: Events, stop: threading.Event
                 ) -> dict[str, Any]:
    """One round of the watch file ``config`` (absolute path) over the sources that are due
    (every one with ``force``); ``environ``: the variables its sinks name, from the command's
    environment. Log lines are ``step`` events, stdout-sink alerts ``output`` events. The
    result: the round's one-line ``summary``, whether it ``stopped``, and ``next_in``, the
    seconds until something is due."""
    environ = params.get("environ") or {}
    config = load_config(params["config"], environ=environ)
    sinks = build_sinks(config.alerts.to, base_url=config.alerts.dashboard_url or "",
                        environ=environ, out=_Output(events))  # type: ignore[arg-type]
    db = Path(submit(lambda store: store.path)).absolute()
    watcher = Watcher(config, submit, fetched=db.parent / "fetched", sinks=sinks,
                      log=lambda line: events({"event": "step", "text": line}))
    try:
        report = watcher.run_once(stop, force=params.get("force", False))
        next_in = None if stop.is_set() else watcher.seconds_to_next()
    finally:
        watcher.close()
    return {"summary": report.line(), "stopped": report.stopped, "next_in": next_in}
