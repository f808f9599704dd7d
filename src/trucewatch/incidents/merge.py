"""Merging reports into incidents, as one set-based SQL pass over the store.

Rules (DESIGN.md "incident"): reports merge when they share the country, the place key
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
read joins each report to its cell's incident, for ``incident_reports`` and the values an
incident counts once (claimants, outlets, sources).
"""

from __future__ import annotations

from trucewatch.store import Store
from trucewatch.store.bulk import unordered_inserts
from trucewatch.store.memory import bounded_memory

__all__ = ["merge_incidents"]

#: The active reports with their merge keys: country, place key, target group, and ``lone``,
#: the id of an undated report (a cell, and an incident, of its own).
_KEYED_REPORTS = """
SELECT r.*,
       coalesce(r.country, '?') AS ckey,
       coalesce(r.admin1,
                CASE WHEN r.lat IS NOT NULL AND r.lon IS NOT NULL
                     THEN 'geo:' || CAST(round(r.lat * 4) AS INTEGER) || ':'
                          || CAST(round(r.lon * 4) AS INTEGER) END,
                '?') AS place_key,
       split_part(r.target_class, '.', 1) AS grp,
       CASE WHEN r.event_date IS NULL THEN r.id END AS lone
FROM reports r
WHERE NOT coalesce(r.superseded, false)
"""

#: Builds temp table ``_merge_cells``: each cell of the active reports with its incident and
#: the partial aggregates the incident is made of.
_CELLS_SQL = f"""
CREATE OR REPLACE TEMP TABLE _merge_cells AS
WITH cells AS MATERIALIZED (
    SELECT ckey, place_key, grp, perpetrator, event_date, lone,
           count(*) AS reports,
           min(CASE date_precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 WHEN 'month' THEN 3
                                   WHEN 'year' THEN 4 END) AS precision_rank,
           min(country) AS country, min(admin1) AS admin1, min(place) AS place,
           sum(lat) AS lat_sum, count(lat) AS lat_count,
           sum(lon) AS lon_sum, count(lon) AS lon_count,
           min(target_class) FILTER (WHERE target_class NOT LIKE '%.other'
                                     AND target_class <> 'unknown') AS specific_class,
           min(target_class) AS any_class,
           bool_or(negated) AS negated,
           min(event_at) AS event_at, arg_min(event_offset, event_at) AS event_offset
    FROM ({_KEYED_REPORTS})
    GROUP BY ckey, place_key, grp, perpetrator, event_date, lone
),
named AS MATERIALIZED (
    SELECT DISTINCT ckey, place_key, grp, event_date, perpetrator FROM cells
    WHERE perpetrator IS NOT NULL AND event_date IS NOT NULL
),
adopted AS (
    -- each day of a block with unattributed reports looks at the named perpetrators of the
    -- block on the day before, the day itself and the day after (an equality join)
    SELECT a.ckey, a.place_key, a.grp, a.event_date,
           CASE WHEN count(DISTINCT b.perpetrator) = 1 THEN min(b.perpetrator) END AS perp
    FROM (SELECT ckey, place_key, grp, event_date, event_date + shift AS near
          FROM (SELECT ckey, place_key, grp, event_date FROM cells
                WHERE perpetrator IS NULL AND event_date IS NOT NULL)
          CROSS JOIN (SELECT unnest([-1, 0, 1]) AS shift)) a
    JOIN named b
      ON a.ckey = b.ckey AND a.place_key = b.place_key AND a.grp = b.grp
     AND b.event_date = a.near
    GROUP BY a.ckey, a.place_key, a.grp, a.event_date
),
keyed AS MATERIALIZED (
    SELECT c.*, coalesce(c.perpetrator, a.perp, '?') AS pkey
    FROM cells c LEFT JOIN adopted a
      ON a.ckey = c.ckey AND a.place_key = c.place_key AND a.grp = c.grp
     AND a.event_date = c.event_date
),
days AS (
    -- the distinct days of each block; consecutive days share ``event_date - row_number``
    SELECT *, event_date - CAST(row_number() OVER (PARTITION BY ckey, place_key, grp, pkey
                                                    ORDER BY event_date) AS INTEGER) AS island
    FROM (SELECT DISTINCT ckey, place_key, grp, pkey, event_date
          FROM keyed WHERE event_date IS NOT NULL)
),
spans AS (
    SELECT ckey, place_key, grp, pkey, event_date,
           'inc-' || substr(md5(concat_ws('|', ckey, place_key, grp, pkey,
               CAST(start + CAST(2 * floor((event_date - start) / 2) AS INTEGER) AS VARCHAR))),
               1, 16) AS incident_id
    FROM (SELECT *, min(event_date) OVER (PARTITION BY ckey, place_key, grp, pkey, island)
                        AS start
          FROM days)
)
SELECT k.*,
       coalesce(s.incident_id, 'inc-' || substr(md5('report|' || k.lone), 1, 16))
           AS incident_id
FROM keyed k LEFT JOIN spans s
  ON s.ckey = k.ckey AND s.place_key = k.place_key AND s.grp = k.grp AND s.pkey = k.pkey
 AND s.event_date = k.event_date
"""

#: Builds temp table ``_merge_members``: each active report's incident, and what the incident
#: counts distinct values of.
_MEMBERS_SQL = f"""
CREATE OR REPLACE TEMP TABLE _merge_members AS
SELECT r.id AS report_id, c.incident_id, r.claimed_by, r.outlet, r.source
FROM ({_KEYED_REPORTS}) r
JOIN _merge_cells c
  ON c.ckey = r.ckey AND c.place_key = r.place_key AND c.grp = r.grp
 AND c.perpetrator IS NOT DISTINCT FROM r.perpetrator
 AND c.event_date IS NOT DISTINCT FROM r.event_date AND c.lone IS NOT DISTINCT FROM r.lone
"""

_INSERT_INCIDENTS = """
INSERT INTO incidents (id, event_date, date_last, date_precision, country, admin1, place, lat,
    lon, target_class, target_group, perpetrator, claimants, corroborated, status, negated,
    report_count, source_count, outlets, confidence, place_key, event_at, event_offset)
WITH agg AS (
    SELECT incident_id,
           min(event_date) AS event_date, max(event_date) AS date_last,
           min(precision_rank) AS precision_rank,
           min(country) AS country, min(admin1) AS admin1, min(place) AS place,
           sum(lat_sum) / nullif(sum(lat_count), 0) AS lat,
           sum(lon_sum) / nullif(sum(lon_count), 0) AS lon,
           coalesce(min(specific_class), min(any_class)) AS target_class,
           min(grp) AS target_group,
           min(perpetrator) AS named_perpetrator,
           max(perpetrator) AS last_perpetrator,
           bool_or(negated) AS negated,
           sum(reports) AS report_count,
           min(place_key) AS place_key,
           min(event_at) AS event_at, arg_min(event_offset, event_at) AS event_offset
    FROM _merge_cells GROUP BY incident_id
),
distinct_values AS (
    -- each value once per incident first: lists of distinct values are then short
    SELECT incident_id,
           list_sort(list_distinct(list(claimed_by))) AS claimants,
           len(list_distinct(list(source))) AS source_count,
           list_sort(list_distinct(list(outlet))) AS outlets
    FROM (SELECT DISTINCT incident_id, claimed_by, outlet, source FROM _merge_members)
    GROUP BY incident_id
),
judged AS (
    SELECT *, len(list_filter(claimants, lambda c: c <> 'media')) >= 2
              OR list_contains(claimants, 'media') AS corroborated
    FROM agg JOIN distinct_values USING (incident_id)
)
SELECT incident_id, event_date, date_last,
       CASE precision_rank WHEN 1 THEN 'day' WHEN 2 THEN 'week' WHEN 3 THEN 'month'
            WHEN 4 THEN 'year' END,
       country, admin1, place, lat, lon, target_class, target_group,
       CASE WHEN named_perpetrator = last_perpetrator THEN named_perpetrator END,
       claimants, corroborated, CASE WHEN corroborated THEN 'corroborated' ELSE 'claim' END,
       coalesce(negated, false), report_count, source_count, outlets,
       round(least(0.95,
             0.30 + 0.15 * least(source_count - 1, 3)
             + CASE WHEN corroborated THEN 0.15 ELSE 0 END
             + CASE WHEN precision_rank = 1 THEN 0.10 ELSE 0 END
             + CASE WHEN place_key LIKE 'geo:%' THEN 0.05 WHEN place_key = '?' THEN 0
                    ELSE 0.10 END), 2),
       place_key, event_at, event_offset
FROM judged
"""


def merge_incidents(store: Store) -> int:
    """Rebuild incidents and incident_reports from the active reports; return the count.

    Deterministic: the same reports always give the same incidents and ids. Verdicts of
    incidents that no longer exist are dropped; run the assessment again afterwards.
    """
    with (unordered_inserts(store.conn), bounded_memory(store.conn),
          store.transaction() as conn):
        conn.execute(_CELLS_SQL)
        conn.execute(_MEMBERS_SQL)
        conn.execute("DELETE FROM incident_reports")
        conn.execute("DELETE FROM incidents")
        conn.execute(_INSERT_INCIDENTS)
        conn.execute("INSERT INTO incident_reports SELECT incident_id, report_id "
                     "FROM _merge_members")
        conn.execute("DELETE FROM verdicts WHERE incident_id NOT IN (SELECT id FROM incidents)")
        conn.execute("DROP TABLE _merge_members")
        conn.execute("DROP TABLE _merge_cells")
        return conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
