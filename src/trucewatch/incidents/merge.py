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

The chains and spans are found on the distinct days of each merge key (a few per incident),
not on the reports, and joined back to them: a million reports need no sort of their own.
"""

from __future__ import annotations

from trucewatch.assess.bulk import unordered_inserts
from trucewatch.sources.memory import bounded_memory
from trucewatch.store import Store

__all__ = ["MERGE_SQL", "merge_incidents"]

#: Builds temp table ``_incident_members`` (report_id, incident_id and the report fields the
#: incident is aggregated from) from the active reports.
MERGE_SQL = """
CREATE OR REPLACE TEMP TABLE _incident_members AS
WITH r AS MATERIALIZED (
    SELECT r.id, r.event_date, r.perpetrator, r.date_precision, r.country, r.admin1, r.place,
           r.lat, r.lon, r.target_class, r.claimed_by, r.negated, r.outlet, r.source,
           coalesce(r.country, '?') AS ckey,
           coalesce(r.admin1,
                    CASE WHEN r.lat IS NOT NULL AND r.lon IS NOT NULL
                         THEN 'geo:' || CAST(round(r.lat * 4) AS INTEGER) || ':'
                              || CAST(round(r.lon * 4) AS INTEGER) END,
                    '?') AS place_key,
           split_part(r.target_class, '.', 1) AS grp
    FROM reports r
    WHERE NOT coalesce(r.superseded, false)
),
named AS MATERIALIZED (
    SELECT DISTINCT ckey, place_key, grp, event_date, perpetrator FROM r
    WHERE perpetrator IS NOT NULL AND event_date IS NOT NULL
),
adopted AS (
    -- each day of a block with unattributed reports looks at the named perpetrators of the
    -- block on the day before, the day itself and the day after (an equality join)
    SELECT a.ckey, a.place_key, a.grp, a.event_date,
           CASE WHEN count(DISTINCT b.perpetrator) = 1 THEN min(b.perpetrator) END AS perp
    FROM (SELECT ckey, place_key, grp, event_date, event_date + shift AS near
          FROM (SELECT DISTINCT ckey, place_key, grp, event_date FROM r
                WHERE perpetrator IS NULL AND event_date IS NOT NULL)
          CROSS JOIN (SELECT unnest([-1, 0, 1]) AS shift)) a
    JOIN named b
      ON a.ckey = b.ckey AND a.place_key = b.place_key AND a.grp = b.grp
     AND b.event_date = a.near
    GROUP BY a.ckey, a.place_key, a.grp, a.event_date
),
keyed AS MATERIALIZED (
    SELECT *, perpetrator AS pkey FROM r WHERE perpetrator IS NOT NULL
    UNION ALL
    SELECT r.*, coalesce(a.perp, '?') AS pkey
    FROM r LEFT JOIN adopted a
      ON a.ckey = r.ckey AND a.place_key = r.place_key AND a.grp = r.grp
     AND a.event_date = r.event_date
    WHERE r.perpetrator IS NULL
),
days AS (
    -- the distinct days of each block; consecutive days share ``event_date - row_number``
    SELECT *, event_date - CAST(row_number() OVER (PARTITION BY block ORDER BY event_date)
                                AS INTEGER) AS island
    FROM (SELECT DISTINCT hash(ckey, place_key, grp, pkey) AS block, ckey, place_key, grp,
                 pkey, event_date
          FROM keyed WHERE event_date IS NOT NULL)
),
spans AS (
    SELECT ckey, place_key, grp, pkey, event_date,
           'inc-' || substr(md5(concat_ws('|', ckey, place_key, grp, pkey,
               CAST(start + CAST(2 * floor((event_date - start) / 2) AS INTEGER) AS VARCHAR))),
               1, 16) AS incident_id
    FROM (SELECT *, min(event_date) OVER (PARTITION BY block, island) AS start FROM days)
)
SELECT k.id AS report_id, k.event_date, k.date_precision, k.country, k.admin1, k.place, k.lat,
       k.lon, k.target_class, k.perpetrator, k.claimed_by, k.negated, k.outlet, k.source,
       k.place_key,
       coalesce(s.incident_id, 'inc-' || substr(md5('report|' || k.id), 1, 16)) AS incident_id
FROM keyed k LEFT JOIN spans s
  ON s.ckey = k.ckey AND s.place_key = k.place_key AND s.grp = k.grp AND s.pkey = k.pkey
 AND s.event_date = k.event_date
"""

_INSERT_INCIDENTS = """
INSERT INTO incidents (id, event_date, date_last, date_precision, country, admin1, place, lat,
    lon, target_class, target_group, perpetrator, claimants, corroborated, status, negated,
    report_count, source_count, outlets, confidence, place_key)
WITH m AS (
    SELECT *, CASE date_precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 WHEN 'month' THEN 3
                   WHEN 'year' THEN 4 END AS precision_rank
    FROM _incident_members
),
agg AS (
    SELECT incident_id,
           min(event_date) AS event_date, max(event_date) AS date_last,
           min(precision_rank) AS precision_rank,
           min(country) AS country, min(admin1) AS admin1, min(place) AS place,
           avg(lat) AS lat, avg(lon) AS lon,
           coalesce(min(target_class) FILTER (WHERE target_class NOT LIKE '%.other'
                                              AND target_class <> 'unknown'),
                    min(target_class)) AS target_class,
           min(split_part(target_class, '.', 1)) AS target_group,
           min(perpetrator) AS named_perpetrator,
           max(perpetrator) AS last_perpetrator,
           list_sort(list(DISTINCT claimed_by) FILTER (WHERE claimed_by IS NOT NULL))
               AS claimants,
           count(DISTINCT claimed_by) FILTER (WHERE claimed_by <> 'media') AS party_claimants,
           bool_or(claimed_by = 'media') AS media,
           bool_or(negated) AS negated,
           count(*) AS report_count, count(DISTINCT source) AS source_count,
           list_sort(list(DISTINCT outlet) FILTER (WHERE outlet IS NOT NULL)) AS outlets,
           min(place_key) AS place_key
    FROM m GROUP BY incident_id
)
SELECT incident_id, event_date, date_last,
       CASE precision_rank WHEN 1 THEN 'day' WHEN 2 THEN 'week' WHEN 3 THEN 'month'
            WHEN 4 THEN 'year' END,
       country, admin1, place, lat, lon, target_class, target_group,
       CASE WHEN named_perpetrator = last_perpetrator THEN named_perpetrator END,
       claimants, party_claimants >= 2 OR coalesce(media, false),
       CASE WHEN party_claimants >= 2 OR coalesce(media, false) THEN 'corroborated'
            ELSE 'claim' END,
       coalesce(negated, false), report_count, source_count, outlets,
       round(least(0.95,
             0.30 + 0.15 * least(source_count - 1, 3)
             + CASE WHEN party_claimants >= 2 OR coalesce(media, false) THEN 0.15 ELSE 0 END
             + CASE WHEN precision_rank = 1 THEN 0.10 ELSE 0 END
             + CASE WHEN place_key LIKE 'geo:%' THEN 0.05 WHEN place_key = '?' THEN 0
                    ELSE 0.10 END), 2),
       place_key
FROM agg
"""


def merge_incidents(store: Store) -> int:
    """Rebuild incidents and incident_reports from the active reports; return the count.

    Deterministic: the same reports always give the same incidents and ids. Verdicts of
    incidents that no longer exist are dropped; run the assessment again afterwards.
    """
    with (unordered_inserts(store.conn), bounded_memory(store.conn),
          store.transaction() as conn):
        conn.execute(MERGE_SQL)
        conn.execute("DELETE FROM incident_reports")
        conn.execute("DELETE FROM incidents")
        conn.execute(_INSERT_INCIDENTS)
        conn.execute("INSERT INTO incident_reports SELECT incident_id, report_id "
                     "FROM _incident_members")
        conn.execute("DELETE FROM verdicts WHERE incident_id NOT IN (SELECT id FROM incidents)")
        conn.execute("DROP TABLE _incident_members")
        return conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
