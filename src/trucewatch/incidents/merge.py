"""Merging reports into incidents, as one set-based SQL pass over the store.

Rules (docs/design.md "incident"): reports merge when they share the country, the place key
(admin1, or else a 0.25° grid cell of their coordinates, so reports within ~25 km merge), the
target group (``energy``, ``transport``, ...) and a compatible perpetrator, and their dates
chain with gaps of at most one day; a chain is cut into spans of at most two days. A report with
no perpetrator joins the reports of the only perpetrator named for that place, group and
day (±1); if two are named, it stays apart. Superseded reports (older ACLED versions) are kept
but not merged.

The incident id is a hash of the merge key and the first day, so re-merging the same reports
gives the same incidents, and a report added later keeps the incident's id when it joins it.

Every rule above decides per *cell*: the reports of one country, place key, target group,
named perpetrator (or none) and day. The reports are grouped into cells with the partial
aggregates of their incident; adoption, chains and spans are worked out on the cells (a few
per incident, not a million reports), and each incident is aggregated from its cells. A second
read joins each report to its cell's incident (the *members*), for ``incident_reports`` and
the values an incident counts once (claimants, outlets, sources).

Coordinates are averaged in whole micro-degrees (integer sums), so the average does not depend
on the order the engine adds them in. The SQL is written once for DuckDB and Spark SQL
(:mod:`trucewatch.store.dialect`): the store runs it here, the batch pipeline
(:mod:`trucewatch.batch`) on either engine.
"""

from __future__ import annotations

from trucewatch.store import Store
from trucewatch.store.bulk import unordered_inserts
from trucewatch.store.dialect import DUCKDB, Dialect
from trucewatch.store.memory import bounded_memory

__all__ = ["INCIDENT_FIELDS", "cells_sql", "incidents_sql", "members_sql", "merge_incidents"]

#: The columns :func:`incidents_sql` yields, in order (those of ``incidents``).
INCIDENT_FIELDS = (
    "id", "event_date", "date_last", "date_precision", "country", "admin1", "place", "lat",
    "lon", "target_class", "target_group", "perpetrator", "claimants", "corroborated", "status",
    "negated", "report_count", "source_count", "outlets", "confidence", "place_key", "event_at",
    "event_offset",
)


def keyed_reports_sql(reports: str, d: Dialect = DUCKDB) -> str:
    """The active reports of the relation ``reports`` with their merge keys: country, place
    key, target group, and ``lone``, the id of an undated report (a cell, and an incident, of
    its own)."""
    text = d.string_type()
    return f"""
SELECT r.id, r.event_date, r.date_precision, r.country, r.admin1, r.place, r.lat, r.lon,
       r.target_class, r.perpetrator, r.claimed_by, r.negated, r.outlet, r.source,
       r.event_at, r.event_offset,
       coalesce(r.country, '?') AS ckey,
       coalesce(r.admin1,
                CASE WHEN r.lat IS NOT NULL AND r.lon IS NOT NULL
                     THEN 'geo:' || CAST(CAST(round(r.lat * 4) AS INTEGER) AS {text}) || ':'
                          || CAST(CAST(round(r.lon * 4) AS INTEGER) AS {text}) END,
                '?') AS place_key,
       split_part(r.target_class, '.', 1) AS grp,
       CASE WHEN r.event_date IS NULL THEN r.id END AS lone
FROM {reports} r
WHERE NOT coalesce(r.superseded, false)
"""


def cells_sql(reports: str, d: Dialect = DUCKDB) -> str:
    """SELECT of each cell of the active ``reports`` with its incident and the partial
    aggregates the incident is made of."""
    keyed = keyed_reports_sql(reports, d)
    materialized = d.materialized()
    day = "event_date"
    first_offset = d.min_by("event_offset", "event_at")
    return f"""
WITH cells AS {materialized} (
    SELECT ckey, place_key, grp, perpetrator, event_date, lone,
           count(*) AS reports,
           min(CASE date_precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 WHEN 'month' THEN 3
                                   WHEN 'year' THEN 4 END) AS precision_rank,
           min(country) AS country, min(admin1) AS admin1, min(place) AS place,
           sum(CAST(round(lat * 1000000) AS BIGINT)) AS lat_sum, count(lat) AS lat_count,
           sum(CAST(round(lon * 1000000) AS BIGINT)) AS lon_sum, count(lon) AS lon_count,
           min(target_class) FILTER (WHERE target_class NOT LIKE '%.other'
                                     AND target_class <> 'unknown') AS specific_class,
           min(target_class) AS any_class,
           bool_or(negated) AS negated,
           min(event_at) AS event_at, {first_offset} AS event_offset
    FROM ({keyed}) keyed_reports
    GROUP BY ckey, place_key, grp, perpetrator, event_date, lone
),
named AS {materialized} (
    SELECT DISTINCT ckey, place_key, grp, event_date, perpetrator FROM cells
    WHERE perpetrator IS NOT NULL AND event_date IS NOT NULL
),
adopted AS (
    -- each day of a block with unattributed reports looks at the named perpetrators of the
    -- block on the day before, the day itself and the day after (an equality join)
    SELECT a.ckey, a.place_key, a.grp, a.event_date,
           CASE WHEN count(DISTINCT b.perpetrator) = 1 THEN min(b.perpetrator) END AS perp
    FROM (SELECT ckey, place_key, grp, event_date, {d.add_days(day, "shift")} AS near
          FROM (SELECT ckey, place_key, grp, event_date FROM cells
                WHERE perpetrator IS NULL AND event_date IS NOT NULL) unattributed
          CROSS JOIN (VALUES (-1), (0), (1)) shifts(shift)) a
    JOIN named b
      ON a.ckey = b.ckey AND a.place_key = b.place_key AND a.grp = b.grp
     AND b.event_date = a.near
    GROUP BY a.ckey, a.place_key, a.grp, a.event_date
),
keyed AS {materialized} (
    SELECT c.*, coalesce(c.perpetrator, a.perp, '?') AS pkey
    FROM cells c LEFT JOIN adopted a
      ON a.ckey = c.ckey AND a.place_key = c.place_key AND a.grp = c.grp
     AND a.event_date = c.event_date
),
days AS (
    -- the distinct days of each block; consecutive days share ``event_date - row_number``
    SELECT *, {d.add_days(day, "-CAST(row_number() OVER (PARTITION BY ckey, place_key, grp, "
                                 "pkey ORDER BY event_date) AS INTEGER)")} AS island
    FROM (SELECT DISTINCT ckey, place_key, grp, pkey, event_date
          FROM keyed WHERE event_date IS NOT NULL) block_days
),
spans AS (
    SELECT ckey, place_key, grp, pkey, event_date,
           'inc-' || substr(md5(concat_ws('|', ckey, place_key, grp, pkey,
               {d.text(d.add_days("start", "CAST(2 * floor(" + d.days_between(day, "start")
                                  + " / 2) AS INTEGER)"))})),
               1, 16) AS incident_id
    FROM (SELECT *, min(event_date) OVER (PARTITION BY ckey, place_key, grp, pkey, island)
                        AS start
          FROM days) islands
)
SELECT k.*,
       coalesce(s.incident_id, 'inc-' || substr(md5('report|' || k.lone), 1, 16))
           AS incident_id
FROM keyed k LEFT JOIN spans s
  ON s.ckey = k.ckey AND s.place_key = k.place_key AND s.grp = k.grp AND s.pkey = k.pkey
 AND s.event_date = k.event_date
"""


def members_sql(reports: str, cells: str, d: Dialect = DUCKDB) -> str:
    """SELECT (incident_id, report_id, claimed_by, outlet, source) of every active report of
    ``reports``, through the ``cells`` relation (of :func:`cells_sql`)."""
    keyed = keyed_reports_sql(reports, d)
    return f"""
SELECT c.incident_id, r.id AS report_id, r.claimed_by, r.outlet, r.source
FROM ({keyed}) r
JOIN {cells} c
  ON c.ckey = r.ckey AND c.place_key = r.place_key AND c.grp = r.grp
 AND {d.same("c.perpetrator", "r.perpetrator")} AND {d.same("c.event_date", "r.event_date")}
 AND {d.same("c.lone", "r.lone")}
"""


def incidents_sql(cells: str, members: str, d: Dialect = DUCKDB) -> str:
    """SELECT of the incidents (columns :data:`INCIDENT_FIELDS`) aggregated from ``cells``
    and their ``members`` (of :func:`members_sql`)."""
    media = d.contains("claimants", "'media'")
    others = d.count_matching("claimants", "c", "c <> 'media'")
    return f"""
WITH agg AS (
    SELECT incident_id,
           min(event_date) AS event_date, max(event_date) AS date_last,
           min(precision_rank) AS precision_rank,
           min(country) AS country, min(admin1) AS admin1, min(place) AS place,
           CAST(sum(lat_sum) AS DOUBLE) / nullif(sum(lat_count), 0) / 1000000 AS lat,
           CAST(sum(lon_sum) AS DOUBLE) / nullif(sum(lon_count), 0) / 1000000 AS lon,
           coalesce(min(specific_class), min(any_class)) AS target_class,
           min(grp) AS target_group,
           min(perpetrator) AS named_perpetrator,
           max(perpetrator) AS last_perpetrator,
           bool_or(negated) AS negated,
           sum(reports) AS report_count,
           min(place_key) AS place_key,
           min(event_at) AS event_at, {d.min_by("event_offset", "event_at")} AS event_offset
    FROM {cells} GROUP BY incident_id
),
distinct_values AS (
    -- each value once per incident first: lists of distinct values are then short
    SELECT incident_id,
           {d.distinct_sorted(d.collect("claimed_by"))} AS claimants,
           {d.size(d.distinct_sorted(d.collect("source")))} AS source_count,
           {d.distinct_sorted(d.collect("outlet"))} AS outlets
    FROM (SELECT DISTINCT incident_id, claimed_by, outlet, source FROM {members}) m
    GROUP BY incident_id
),
judged AS (
    SELECT agg.*, v.claimants, v.source_count, v.outlets,
           {others} >= 2 OR {media} AS corroborated
    FROM agg JOIN distinct_values v ON v.incident_id = agg.incident_id
)
SELECT incident_id AS id, event_date, date_last,
       CASE precision_rank WHEN 1 THEN 'day' WHEN 2 THEN 'week' WHEN 3 THEN 'month'
            WHEN 4 THEN 'year' END AS date_precision,
       country, admin1, place, lat, lon, target_class, target_group,
       CASE WHEN named_perpetrator = last_perpetrator THEN named_perpetrator END
           AS perpetrator,
       claimants, corroborated,
       CASE WHEN corroborated THEN 'corroborated' ELSE 'claim' END AS status,
       coalesce(negated, false) AS negated, CAST(report_count AS INTEGER) AS report_count,
       CAST(source_count AS INTEGER) AS source_count, outlets,
       CAST(round(least(0.95,
             0.30 + 0.15 * least(source_count - 1, 3)
             + CASE WHEN corroborated THEN 0.15 ELSE 0 END
             + CASE WHEN precision_rank = 1 THEN 0.10 ELSE 0 END
             + CASE WHEN place_key LIKE 'geo:%' THEN 0.05 WHEN place_key = '?' THEN 0
                    ELSE 0.10 END), 2) AS DOUBLE) AS confidence,
       place_key, event_at, event_offset
FROM judged
"""


def merge_incidents(store: Store) -> int:
    """Rebuild incidents and incident_reports from the active reports; return the count.

    Deterministic: the same reports always give the same incidents and ids. Verdicts of
    incidents that no longer exist are dropped; run the assessment again afterwards.
    ``incidents`` and ``incident_reports`` are written in incident id order, so that the
    lookups of one incident skip all but one row group.
    """
    with (unordered_inserts(store.conn), bounded_memory(store.conn),
          store.transaction() as conn):
        conn.execute("CREATE OR REPLACE TEMP TABLE _merge_cells AS " + cells_sql("reports"))
        conn.execute("CREATE OR REPLACE TEMP TABLE _merge_members AS "
                     + members_sql("reports", "_merge_cells"))
        conn.execute("DELETE FROM incident_reports")
        conn.execute("DELETE FROM incidents")
        # written in id order: each row group then holds a narrow range of ids, and a
        # lookup of one incident reads the one row group its zone maps allow (the assessment,
        # reading incidents in this order, writes their verdicts clustered the same way)
        conn.execute(f"INSERT INTO incidents ({', '.join(INCIDENT_FIELDS)}) "
                     f"SELECT * FROM ({incidents_sql('_merge_cells', '_merge_members')}) "
                     "merged ORDER BY id")
        conn.execute("INSERT INTO incident_reports (incident_id, report_id) "
                     "SELECT incident_id, report_id FROM _merge_members "
                     "ORDER BY incident_id, report_id")
        conn.execute("DELETE FROM verdicts WHERE incident_id NOT IN (SELECT id FROM incidents)")
        conn.execute("DROP TABLE _merge_members")
        conn.execute("DROP TABLE _merge_cells")
        return conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
