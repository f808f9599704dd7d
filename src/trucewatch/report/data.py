"""Everything the report shows about one agreement, as plain data (also the JSON format).

Incidents come from :func:`trucewatch.incidents.query_incidents` (every incident with a
verdict under the agreement); the counts, first violations and escape dates come from
:func:`trucewatch.assess.summarise`; the verdicts per incident and the source links are read
in one query each.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from importlib.metadata import version
from typing import Any

from trucewatch.agreements import agreement_versions, get_agreement
from trucewatch.assess import Assessment, summarise
from trucewatch.assess.verdicts import strongest
from trucewatch.commitments import commitments_view
from trucewatch.geo.outlines import outlines
from trucewatch.incidents import IncidentFilter, daily_counts, query_incidents
from trucewatch.store import Store

from .agreement import agreement_view, window_marks
from .charts import map_spec, timeline_spec, violations_spec

__all__ = ["report_data", "verdict_counts"]

def _verdicts(store: Store, agreement_id: str, version: int) -> list[tuple[str, str, str, str]]:
    return store.conn.execute(
        "SELECT incident_id, commitment_id, party, verdict FROM verdicts "
        "WHERE agreement_id = ? AND agreement_version = ?", [agreement_id, version],
    ).fetchall()


def _source_links(store: Store, agreement_id: str) -> dict[str, list[dict[str, str]]]:
    rows = store.conn.execute(
        "SELECT DISTINCT ir.incident_id, d.url, coalesce(d.outlet, d.source_format) "
        "FROM incident_reports ir JOIN reports r ON r.id = ir.report_id "
        "JOIN documents d ON d.id = r.document_id "
        "WHERE ir.incident_id IN (SELECT incident_id FROM verdicts WHERE agreement_id = ?) "
        "ORDER BY 1, 3, 2", [agreement_id],
    ).fetchall()
    links: dict[str, list[dict[str, str]]] = defaultdict(list)
    for incident, url, outlet in rows:
        links[incident].append({"url": url, "outlet": outlet})
    return links


def report_data(store: Store, agreement_id: str) -> dict[str, Any]:
    """The report on ``agreement_id``: readings, differences, incidents, verdicts and charts."""
    view = agreement_view(get_agreement(store, agreement_id))
    verdict_rows = _verdicts(store, agreement_id, agreement_versions(store, agreement_id)[-1])
    every = IncidentFilter(agreement=agreement_id)
    incidents = query_incidents(store, every)
    links = _source_links(store, agreement_id)
    by_incident: dict[str, dict[str, str]] = defaultdict(dict)
    for incident, commitment, party, verdict in verdict_rows:
        by_incident[incident][f"{commitment}/{party}"] = verdict
    table = []
    for row in incidents:
        verdicts = by_incident.get(row["id"], {})
        table.append({
            "id": row["id"], "date": _iso(row["event_date"]), "country": row["country"],
            "admin1": row["admin1"], "place": row["place"], "lat": row["lat"], "lon": row["lon"],
            "target_class": row["target_class"], "perpetrator": row["perpetrator"] or "unknown",
            "negated": row["negated"], "reports": row["report_count"],
            "verdicts": verdicts, "verdict": strongest(verdicts.values()),
            "sources": links.get(row["id"], []),
        })
    readings = [{"commitment": c["id"], **r} for c in view["commitments"] for r in c["readings"]]
    summary = summarise(store, agreement_id)
    per_reading = verdict_counts(summary)
    return {
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "trucewatch_version": version("trucewatch"),
        "agreement": view,
        "readings": readings,
        "summary": per_reading,
        "first_violations": summary.first_violations,
        "escape_dates": summary.escapes,
        "incidents": table,
        "commitments": commitments_view(store, agreement_id)["commitments"],
        "charts": {
            "timeline": timeline_spec(daily_counts(store, every), window_marks(view)),
            "violations": violations_spec(per_reading),
            "map": map_spec([{k: i[k] for k in ("id", "date", "place", "lat", "lon", "verdict")}
                             for i in table], _outlines(view, table)),
        },
    }


def _outlines(view: dict[str, Any], incidents: list[dict[str, Any]]) -> dict[str, Any]:
    """The outlines of the parties' regions around the located incidents (GeoJSON)."""
    located = [i for i in incidents if i["lat"] is not None and i["lon"] is not None]
    if not located:
        return {"type": "FeatureCollection", "features": []}
    lons, lats = [i["lon"] for i in located], [i["lat"] for i in located]
    bbox = (min(lons) - 2, min(lats) - 2, max(lons) + 2, max(lats) + 2)
    return outlines([party["code"] for party in view["parties"]], bbox)


def verdict_counts(summary: Assessment) -> list[dict[str, Any]]:
    """Incidents per reading, alleged perpetrator and verdict, as the violations chart takes."""
    return [
        {"reading": f"{c['reading']} reading of {c['commitment_id']}",
         "perpetrator": c["perpetrator"].replace("?", "unknown"), "verdict": c["verdict"],
         "incidents": c["incidents"]}
        for c in summary.counts
    ]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
