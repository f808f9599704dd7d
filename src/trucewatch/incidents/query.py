"""Reading incidents back: filtered pages, counts, daily counts and one incident with its
evidence.

The dashboard and the CLI call these; every filter is a bound SQL parameter over the incidents
table alone (verdict filters read the verdict index, :mod:`trucewatch.assess.index`), so a
page over a million incidents is one scan plus a top-N sort in DuckDB.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from trucewatch.assess.engine import explain_verdicts
from trucewatch.assess.index import verdict_mask
from trucewatch.assess.reviews import RULE as REVIEW_RULE
from trucewatch.assess.rules import RULES
from trucewatch.errors import NotFoundError, UsageError
from trucewatch.model import VerdictKind
from trucewatch.store import Store
from trucewatch.taxonomy import expand_scope

__all__ = ["INCIDENT_COLUMNS", "IncidentFilter", "check_filter_names", "count_incidents",
           "daily_counts", "filter_sql", "get_incident", "query_incidents"]

#: Columns of an incident row as returned by :func:`query_incidents`, in order.
INCIDENT_COLUMNS = (
    "id", "event_date", "date_last", "date_precision", "country", "admin1", "place", "lat",
    "lon", "target_class", "target_group", "perpetrator", "claimants", "corroborated", "status",
    "negated", "report_count", "source_count", "outlets", "confidence", "event_at",
    "event_offset",
)


@dataclass(frozen=True)
class IncidentFilter:
    """Which incidents to show; ``None`` fields do not filter.

    ``target_class`` takes a code or a scope wildcard (``energy.*``; ``infrastructure.*`` is
    all infrastructure, as in agreement specs). ``verdict``, ``agreement``,
    ``commitment`` and ``reading`` (the party whose reading) select incidents that have a
    matching verdict; any of them alone filters on the verdict rows it names.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    target_class: str | None = None
    perpetrator: str | None = None
    verdict: str | None = None
    agreement: str | None = None
    commitment: str | None = None
    reading: str | None = None


def _where(store: Store, flt: IncidentFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.date_from is not None:
        clauses.append("i.event_date >= ?")
        params.append(flt.date_from)
    if flt.date_to is not None:
        clauses.append("i.event_date <= ?")
        params.append(flt.date_to)
    for column in ("country", "admin1", "perpetrator"):
        value = getattr(flt, column)
        if value is not None:
            clauses.append(f"i.{column} = ?")
            params.append(value)
    if flt.target_class is not None:
        classes = expand_scope(flt.target_class)
        if not classes:
            raise UsageError(f"{flt.target_class!r} is not a target class or wildcard",
                             hint="e.g. energy.power_grid or energy.*; see `trucewatch taxonomy`")
        clauses.append("list_contains(?, i.target_class)")
        params.append(classes)
    if flt.verdict is not None and flt.verdict not in set(VerdictKind):
        raise UsageError(f"unknown verdict {flt.verdict!r}",
                         hint="use one of " + ", ".join(v.value for v in VerdictKind))
    if _has_verdict_filter(flt):
        clause, values = _verdict_clause(store, flt)
        clauses.append(clause)
        params.extend(values)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def filter_sql(store: Store, flt: IncidentFilter | None = None) -> tuple[str, list[Any]]:
    """``flt`` as SQL for other incident queries: ``" WHERE ..."`` (or ``""``) over the table
    aliased ``i``, and its bound parameters, in order."""
    return _where(store, flt or IncidentFilter())


def _verdict_clause(store: Store, flt: IncidentFilter) -> tuple[str, list[Any]]:
    """Incidents with a verdict matching ``flt``: one AND on the verdict index, or, for keys
    the index has no bit for, a semi-join with ``verdicts``."""
    names = {"verdict": flt.verdict, "agreement": flt.agreement, "commitment": flt.commitment,
             "party": flt.reading}
    mask = verdict_mask(store.conn, **names)
    if mask is not None:
        return "(i.verdict_bits & CAST(? AS UHUGEINT)) <> 0", [mask]
    columns = {"verdict": "verdict", "agreement": "agreement_id",
               "commitment": "commitment_id", "party": "party"}
    given = [(columns[name], value) for name, value in names.items() if value is not None]
    return ("i.id IN (SELECT v.incident_id FROM verdicts v WHERE "
            + " AND ".join(f"v.{column} = ?" for column, _ in given) + ")",
            [value for _, value in given])


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = store.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _has_verdict_filter(flt: IncidentFilter) -> bool:
    return any(v is not None for v in (flt.verdict, flt.agreement, flt.commitment, flt.reading))


def check_filter_names(store: Store, flt: IncidentFilter) -> None:
    """Raise :class:`NotFoundError` when ``flt`` names an agreement, a commitment or a party's
    reading that nothing stored has, listing those that are: such a filter would match no
    incident, and silence would read as "no violations"."""
    checks = (
        ("agreement", flt.agreement, "SELECT DISTINCT id FROM agreements", (),
         "`trucewatch agreement list` shows them"),
        ("commitment", flt.commitment,
         "SELECT DISTINCT commitment_id FROM readings WHERE ? IS NULL OR agreement_id = ?",
         (flt.agreement, flt.agreement), "`trucewatch agreement show ID` shows them"),
        ("reading", flt.reading,
         "SELECT DISTINCT party FROM readings WHERE (? IS NULL OR agreement_id = ?) "
         "AND (? IS NULL OR commitment_id = ?)",
         (flt.agreement, flt.agreement, flt.commitment, flt.commitment),
         "a reading is named by the party whose wording it is"),
    )
    for name, value, sql, params, hint in checks:
        if value is None:
            continue
        known = sorted(row[0] for row in store.conn.execute(sql, list(params)).fetchall())
        if value not in known:
            where = "" if name == "agreement" else _scope_of(flt, name)
            listed = (f"known: {', '.join(known)}" if known
                      else "none is stored" + (" there" if where else ""))
            raise NotFoundError(f"no {name} {value!r}{where}; {listed}", hint=hint)


def _scope_of(flt: IncidentFilter, name: str) -> str:
    parts = [f"agreement {flt.agreement}" if flt.agreement else ""]
    if name == "reading" and flt.commitment:
        parts.append(f"commitment {flt.commitment}")
    scope = ", ".join(p for p in parts if p)
    return f" in {scope}" if scope else ""


def query_incidents(
    store: Store, flt: IncidentFilter | None = None, *, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Incidents matching ``flt``, newest first (then by id), as dicts of INCIDENT_COLUMNS.

    The page's row ids are found first (a top-N over narrow columns), then just those rows
    are read by row id.
    """
    where, params = _where(store, flt or IncidentFilter())
    page = f"SELECT i.rowid FROM incidents i{where} ORDER BY i.event_date DESC NULLS LAST, i.id"
    if limit is not None:
        page += " LIMIT ?"
        params.append(limit)
    if offset:
        page += " OFFSET ?"
        params.append(offset)
    row_ids = [row[0] for row in store.conn.execute(page, params).fetchall()]
    if not row_ids:
        return []
    rows = _rows(store, f"SELECT rowid AS _row, {', '.join(INCIDENT_COLUMNS)} FROM incidents "
                        "WHERE rowid = ANY(?)", [row_ids])
    order = {row_id: n for n, row_id in enumerate(row_ids)}
    rows.sort(key=lambda row: order[row.pop("_row")])
    return rows


def count_incidents(store: Store, flt: IncidentFilter | None = None) -> int:
    """How many incidents match ``flt``."""
    where, params = _where(store, flt or IncidentFilter())
    return store.conn.execute(f"SELECT count(*) FROM incidents i{where}", params).fetchone()[0]


def daily_counts(store: Store, flt: IncidentFilter | None = None) -> list[dict[str, Any]]:
    """Incidents matching ``flt`` per day and alleged perpetrator (``unknown`` if none named),
    oldest first: ``{"date": "2025-03-19", "perpetrator": "RU", "incidents": 4}``. Incidents
    without a date are left out."""
    where, params = _where(store, flt or IncidentFilter())
    where += (" AND" if where else " WHERE") + " i.event_date IS NOT NULL"
    return _rows(store, "SELECT strftime(i.event_date, '%Y-%m-%d') AS date, "
                        "coalesce(i.perpetrator, 'unknown') AS perpetrator, "
                        f"count(*) AS incidents FROM incidents i{where} "
                        "GROUP BY ALL ORDER BY ALL", params)


def get_incident(store: Store, incident_id: str) -> dict[str, Any]:
    """One incident with its ``reports`` (and their documents), ``sources`` and ``verdicts``.

    Each verdict has the stored ``reasons`` (the rule's text, plus any review note) and
    ``details``: the dates, classes and parties that decided it, recomputed by the same rules;
    where an analyst's review decided, the review comes first and the rules' view follows.
    """
    found = _rows(
        store,
        f"SELECT {', '.join(INCIDENT_COLUMNS)} FROM incidents WHERE id = ?", [incident_id],
    )
    if not found:
        raise NotFoundError(f"no incident {incident_id!r}",
                            hint="list them with `trucewatch incidents`")
    incident = found[0]
    incident["reports"] = _rows(
        store,
        "SELECT r.id, r.event_date, r.date_precision, r.country, r.admin1, r.place, r.lat, "
        "r.lon, r.geo_precision, r.target_class, r.target_text, r.weapon, r.perpetrator, "
        "r.claimed_by, r.negated, r.evidence, r.confidence, r.reasons, r.source_key, "
        "r.event_at, r.event_offset, "
        "r.superseded, d.id AS document_id, d.source_format, d.source_path, d.source_line, "
        "d.text AS document_text, "
        "d.url, d.outlet, d.published, d.language "
        "FROM incident_reports ir JOIN reports r ON r.id = ir.report_id "
        "JOIN documents d ON d.id = r.document_id WHERE ir.incident_id = ? "
        "ORDER BY r.event_date, d.outlet, r.id",
        [incident_id],
    )
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for report in incident["reports"]:
        key = (report["url"], report["outlet"], report["source_format"])
        seen.setdefault(key, {"url": report["url"], "outlet": report["outlet"],
                              "published": report["published"],
                              "source_format": report["source_format"]})
    incident["sources"] = list(seen.values())
    incident["verdicts"] = _rows(
        store,
        "SELECT agreement_id, agreement_version, commitment_id, party, verdict, rule, reasons, "
        "confidence FROM verdicts WHERE incident_id = ? "
        "ORDER BY agreement_id, commitment_id, party",
        [incident_id],
    )
    details = explain_verdicts(store.conn, incident_id)
    for verdict in incident["verdicts"]:
        key = (verdict["agreement_id"], verdict["commitment_id"], verdict["party"])
        verdict["details"] = details.get(key, [])
        if verdict["rule"] == REVIEW_RULE:
            verdict["details"] = [f"{RULES[REVIEW_RULE]}: {verdict['reasons'][-1]}",
                                  *(f"before the review: {d}" for d in verdict["details"])]
    return incident
