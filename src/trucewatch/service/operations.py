"""The operations a trucewatch command runs on a database, by name.

Each operation takes the store, its parameters as JSON values and a way to send events
(progress of a long write), and returns JSON values. The same function runs in the command's
own process when it can open the file, or in the server that owns the file
(:mod:`.runner`): the server runs reads at once on a read cursor and queues writes on its one
writer. ``writes`` says which; ``permission`` what an account needs to ask for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trucewatch.accounts import Permission, add_user, disable_user, list_users, set_password
from trucewatch.agreements import get_agreement, list_agreements, parse_spec
from trucewatch.assess import assess, summarise
from trucewatch.batch import load_results
from trucewatch.errors import UsageError
from trucewatch.incidents import IncidentFilter, count_incidents, get_incident, query_incidents
from trucewatch.incidents.query import check_filter_names
from trucewatch.model import Reading
from trucewatch.report import ReportFormat, render_report, report_data
from trucewatch.store import Store
from trucewatch.workflow import add_agreement, ingest, statement_costs

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

    def run(self, store: Store, params: Params, events: Events | None = None) -> Any:
        """Run on ``store``; the result as plain JSON values."""
        self.check(params)
        return plain(self.function(store, params, events or (lambda event: None)))

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
               describe: Callable[[Params], str] | None = None
               ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        OPERATIONS[name] = Operation(name, function, required, optional, writes, permission,
                                     describe or (lambda params: name))
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
