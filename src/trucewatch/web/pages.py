"""The data behind every dashboard page; the HTML page and its JSON twin both render these."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from trucewatch.agreements import get_agreement, list_agreements
from trucewatch.assess import summarise
from trucewatch.assess.reviews import list_reviews
from trucewatch.assess.rules import RULES
from trucewatch.commitments import commitments_view
from trucewatch.geo.outlines import outline_countries, outlines
from trucewatch.incidents import (
    IncidentFilter,
    count_incidents,
    daily_counts,
    get_incident,
    query_incidents,
)
from trucewatch.incidents.map_points import BBox, map_features
from trucewatch.incidents.query import check_filter_names
from trucewatch.report.agreement import agreement_view, window_marks
from trucewatch.report.charts import timeline_spec, violations_spec
from trucewatch.report.data import verdict_counts
from trucewatch.store import Store

from .params import IncidentQuery, MapQuery

__all__ = [
    "agreement_page",
    "agreements_page",
    "commitments_page",
    "incident_page",
    "incidents_page",
    "map_countries",
    "map_page",
    "outlines_page",
    "timeline_page",
    "verdicts_page",
]

def agreements_page(store: Store) -> dict[str, Any]:
    """Every stored agreement (latest version)."""
    return {"agreements": [dataclasses.asdict(s) for s in list_agreements(store)]}


def agreement_page(store: Store, agreement_id: str) -> dict[str, Any]:
    """One agreement: its commitments, the readings side by side and their differences, and
    each commitment's status and fulfilment (``tracked``)."""
    view = agreement_view(get_agreement(store, agreement_id))
    view["marks"] = window_marks(view)
    view["tracked"] = commitments_view(store, agreement_id)["commitments"]
    return view


def commitments_page(store: Store, agreement_id: str) -> dict[str, Any]:
    """Every commitment of an agreement: status since when, history, fulfilment."""
    return commitments_view(store, agreement_id)


def verdicts_page(store: Store, agreement_id: str) -> dict[str, Any]:
    """What an agreement's verdicts add up to, with the report's violations chart."""
    get_agreement(store, agreement_id)  # NotFoundError for an unknown id
    summary = summarise(store, agreement_id)
    counts = verdict_counts(summary)
    return {"counts": counts, "first_violations": summary.first_violations,
            "escapes": summary.escapes, "spec": violations_spec(counts)}


def _reading_verdicts(store: Store, ids: list[str], filters: dict[str, Any]
                      ) -> dict[str, list[dict[str, Any]]]:
    """Each incident's verdict under each reading the filters select (agreement, commitment,
    reading), with the rule that decided it and that rule's text."""
    if not ids:
        return {}
    rows = store.conn.execute(
        "SELECT incident_id, agreement_id, commitment_id, party, verdict, rule FROM verdicts "
        "WHERE list_contains($ids, incident_id) "
        "AND (CAST($agreement AS VARCHAR) IS NULL OR agreement_id = $agreement) "
        "AND (CAST($commitment AS VARCHAR) IS NULL OR commitment_id = $commitment) "
        "AND (CAST($reading AS VARCHAR) IS NULL OR party = $reading) "
        "ORDER BY agreement_id, commitment_id, party",
        {"ids": ids, **{k: filters.get(k) for k in ("agreement", "commitment", "reading")}},
    ).fetchall()
    found: dict[str, list[dict[str, Any]]] = {}
    for incident, agreement, commitment, party, verdict, rule in rows:
        found.setdefault(incident, []).append({
            "agreement_id": agreement, "commitment_id": commitment, "party": party,
            "verdict": verdict, "rule": rule, "why": RULES.get(rule or "", "")})
    return found


def incidents_page(store: Store, query: IncidentQuery) -> dict[str, Any]:
    """One page of the incidents matching ``query``, newest first, each with its verdict under
    every reading the filters select (never one verdict across readings): ``verdict`` is set
    only when exactly one reading's verdict is selected."""
    flt = IncidentFilter(**query.filters)
    check_filter_names(store, flt)
    total = count_incidents(store, flt)
    rows = query_incidents(store, flt, limit=query.per_page, offset=query.offset)
    verdicts = _reading_verdicts(store, [r["id"] for r in rows], query.filters)
    for row in rows:
        row["verdicts"] = verdicts.get(row["id"], [])
        row["verdict"] = row["verdicts"][0]["verdict"] if len(row["verdicts"]) == 1 else None
        row["commitments"] = len({(v["agreement_id"], v["commitment_id"])
                                  for v in row["verdicts"]})
    pages = max(1, -(-total // query.per_page))
    return {
        "filters": {k: str(v) for k, v in query.filters.items()},
        "page": query.page,
        "per_page": query.per_page,
        "pages": pages,
        "total": total,
        "incidents": rows,
    }


def map_countries(store: Store, agreement: str | None) -> list[str]:
    """The countries whose region outlines the map draws: the parties of ``agreement`` (of
    every stored agreement when None) that have outlines; failing those, the countries of
    the stored incidents."""
    known = set(outline_countries())
    parties = {row[0] for row in store.conn.execute(
        "SELECT DISTINCT unnest(parties) FROM agreements WHERE ? IS NULL OR id = ?",
        [agreement, agreement]).fetchall()}
    chosen = parties & known
    if not chosen:
        chosen = {row[0] for row in store.conn.execute(
            "SELECT DISTINCT country FROM incidents WHERE country IS NOT NULL LIMIT 50"
        ).fetchall()} & known
    return sorted(chosen)


def outlines_page(countries: list[str], bbox: BBox | None) -> dict[str, Any]:
    """The admin-1 outlines of ``countries`` that reach into ``bbox`` (GeoJSON)."""
    return outlines(countries, (bbox.west, bbox.south, bbox.east, bbox.north) if bbox else None)


def timeline_page(store: Store, query: IncidentQuery) -> dict[str, Any]:
    """Every matching incident per day and perpetrator, with the chart and window marks."""
    flt = IncidentFilter(**query.filters)
    check_filter_names(store, flt)
    data = daily_counts(store, flt)
    marks: list[dict[str, str]] = []
    if "agreement" in query.filters:
        marks = window_marks(agreement_page(store, query.filters["agreement"]))
    return {"counted": sum(row["incidents"] for row in data), "daily": data,
            "spec": timeline_spec(data, marks)}


def map_page(store: Store, query: MapQuery) -> dict[str, Any]:
    """Every matching incident for the map (GeoJSON): points when few, grid cells when many."""
    flt = IncidentFilter(**query.filters)
    check_filter_names(store, flt)
    return map_features(store, flt, bbox=query.bbox, zoom=query.zoom)


def incident_page(store: Store, incident_id: str) -> dict[str, Any]:
    """One incident: reports with quotes, sources, verdicts under each reading, reviews."""
    incident = get_incident(store, incident_id)
    for report in incident["reports"]:
        reasons = report.get("reasons")
        report["reasons"] = json.loads(reasons) if isinstance(reasons, str) else reasons or {}
    incident["reviews"] = list_reviews(store, incident_id)
    incident["readings"] = _readings_of(store, incident["verdicts"])
    return incident


def _readings_of(store: Store, verdicts: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The reading each verdict was judged under, keyed ``agreement/commitment/party``."""
    found: dict[str, dict[str, Any]] = {}
    for verdict in verdicts:
        key = f"{verdict['agreement_id']}/{verdict['commitment_id']}/{verdict['party']}"
        if key in found:
            continue
        row = store.conn.execute(
            "SELECT scope, start_date, last_day, quote, source_url FROM readings "
            "WHERE agreement_id = ? AND version = ? AND commitment_id = ? AND party = ?",
            [verdict["agreement_id"], verdict["agreement_version"], verdict["commitment_id"],
             verdict["party"]],
        ).fetchone()
        if row:
            found[key] = dict(zip(("scope", "start", "last_day", "quote", "source_url"), row,
                                  strict=True))
    return found
