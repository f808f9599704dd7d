"""Incidents: reports merged into real-world attacks, and the queries that read them back."""

from trucewatch.incidents.merge import merge_incidents
from trucewatch.incidents.query import (
    IncidentFilter,
    count_incidents,
    daily_counts,
    get_incident,
    query_incidents,
)

__all__ = ["IncidentFilter", "count_incidents", "daily_counts", "get_incident",
           "merge_incidents", "query_incidents"]
