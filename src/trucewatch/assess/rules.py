"""The verdict rules, as one SQL query over incidents × readings.

For each incident and each reading of a ``halt_strikes`` commitment, the first rule that
applies decides (its code goes to ``verdicts.rule``):

==========================  ====================  ============================================
rule                        verdict               when
==========================  ====================  ============================================
window.no_start             outside_window        the reading states no start date: not in force
window.date_unknown         outside_window        the incident has no date
window.before_start         outside_window        it happened before the reading's start
window.after_end            outside_window        it happened after the reading's last day
area                        outside_area          the reading names an area that excludes it
scope.target_unknown        out_of_scope          the reports do not say what was hit, and the
                                                  scope does not cover every target
scope                       out_of_scope          its target class is not in the scope
bound                       not_bound             its perpetrator is not a party the reading binds
denied                      disputed              the accused party denies it
perpetrator_unknown         possible_violation    no perpetrator is named
scope.unspecified_energy    possible_violation    an unspecified energy target (energy.other)
                                                  under a closed list of energy classes
violation                   violation             all of the above hold
==========================  ====================  ============================================

An analyst's confirm or dispute (:mod:`trucewatch.assess.reviews`) is applied after the rules and
overrides them; such verdicts carry the rule ``analyst_review``.

The readings relation needs the columns agreement_id, version, commitment_id, party, classes,
start_date, last_day, area, bound; an empty ``area`` is everywhere and an empty ``bound``
binds every party.

The SQL is written once for DuckDB and Spark SQL: :func:`verdicts_sql` spells it for either
(:mod:`trucewatch.store.dialect`); the batch pipeline takes the rules from there.
"""

from __future__ import annotations

from trucewatch.store.dialect import DUCKDB, Dialect

__all__ = ["RULES", "verdicts_sql"]

#: Rule code -> what it means, as ``explain`` prints it.
RULES = {
    "window.no_start": "this reading states no start date: not in force",
    "window.date_unknown": "the incident has no date, so it cannot be placed in the window",
    "window.before_start": "it happened before the reading's start date",
    "window.after_end": "it happened after the reading's last day",
    "area": "it happened outside the area the reading names",
    "scope.target_unknown": "the reports do not say what was hit, so it cannot be placed in "
                            "the reading's scope; review it if the place suggests a target "
                            "in scope",
    "scope": "its target class is not in the reading's scope",
    "bound": "the alleged perpetrator is not bound by this reading",
    "denied": "the accused party denies the attack",
    "perpetrator_unknown": "in scope and window, but no perpetrator is named",
    "scope.unspecified_energy": "an unspecified energy target (energy.other) under a reading "
                                "whose scope is a closed list of energy classes: it may or may "
                                "not be on the list",
    "violation": "in scope, in window and area, by a bound party, not denied",
    "analyst_review": "an analyst's review decided it",
}

_DETAILED_REASONS = """       CASE rule
           WHEN 'window.no_start' THEN ['this reading states no start date: not in force']
           WHEN 'window.date_unknown' THEN ['the incident has no date']
           WHEN 'window.before_start' THEN [format('{} is before the start date {} in {}''s '
                                                  || 'reading', event_date, start_date, party)]
           WHEN 'window.after_end' THEN [format('{} is after the last day {} in {}''s '
                                               || 'reading', event_date, last_day, party)]
           WHEN 'area' THEN [format('the place is outside {}''s area {}', party, area)]
           WHEN 'scope.target_unknown' THEN [format('the target is not stated, and {}''s '
                                                   || 'scope {} does not cover every target',
                                                   party, classes)]
           WHEN 'scope' THEN [format('{} is not in {}''s scope {}', target_class, party,
                                     classes)]
           WHEN 'bound' THEN [format('{} is not bound by {}''s reading (binds {})',
                                     perpetrator, party, bound)]
           WHEN 'denied' THEN [format('{} is in scope and window, but the accused side '
                                      || 'denies the attack', target_class)]
           WHEN 'perpetrator_unknown' THEN [format('{} on {} is in {}''s scope and window, '
                                                  || 'but no perpetrator is named',
                                                  target_class, event_date, party)]
           WHEN 'scope.unspecified_energy' THEN [format('unspecified energy target: {}''s '
                                                       || 'scope is the closed list {}',
                                                       party, classes)]
           ELSE [format('{} on {} by {} is in {}''s scope and window, and {} is bound',
                        target_class, event_date, perpetrator, party, perpetrator)]
       END AS reasons,
"""

_VERDICTS = """
WITH r AS (
    SELECT agreement_id, version, commitment_id, party, classes, start_date, last_day, area,
           bound,
           {energy_listed} AND NOT {other_listed} AS closed_energy
    FROM {readings}
),
gated AS (
    SELECT i.id AS incident_id, {incident_row}i.event_date, i.target_class,
           i.perpetrator, i.negated, i.confidence, r.*,
           CASE
               WHEN r.start_date IS NULL THEN 'window.no_start'
               WHEN i.event_date IS NULL THEN 'window.date_unknown'
               WHEN i.event_date < r.start_date THEN 'window.before_start'
               WHEN i.event_date > r.last_day THEN 'window.after_end'
               WHEN {area_named} AND NOT ({country_in_area}
                                        OR {admin1_in_area}) THEN 'area'
               WHEN {in_scope} THEN 'in_scope'
               WHEN i.target_class = 'energy.other' AND r.closed_energy
                   THEN 'scope.unspecified_energy'
               WHEN coalesce(i.target_class, 'unknown') = 'unknown' THEN 'scope.target_unknown'
               ELSE 'scope'
           END AS gate
    FROM {incidents} i CROSS JOIN r
),
ruled AS (
    SELECT *,
           CASE
               WHEN gate NOT IN ('in_scope', 'scope.unspecified_energy') THEN gate
               WHEN perpetrator IS NOT NULL AND {binds_some}
                    AND NOT {binds_perpetrator} THEN 'bound'
               WHEN negated THEN 'denied'
               WHEN perpetrator IS NULL THEN 'perpetrator_unknown'
               WHEN gate = 'scope.unspecified_energy' THEN gate
               ELSE 'violation'
           END AS rule
    FROM gated
)
SELECT incident_id, agreement_id, version AS agreement_version, commitment_id, party,
       CASE
           WHEN rule LIKE 'window.%' THEN 'outside_window'
           WHEN rule = 'area' THEN 'outside_area'
           WHEN rule IN ('scope', 'scope.target_unknown') THEN 'out_of_scope'
           WHEN rule = 'bound' THEN 'not_bound'
           WHEN rule = 'denied' THEN 'disputed'
           WHEN rule IN ('perpetrator_unknown', 'scope.unspecified_energy')
               THEN 'possible_violation'
           ELSE 'violation'
       END AS verdict,
{reasons}       CASE WHEN rule IN ('denied', 'perpetrator_unknown', 'scope.unspecified_energy')
            THEN CAST(round(CAST(confidence AS DECIMAL(5, 4)) * 0.5, 2) AS DOUBLE)
            ELSE confidence END AS confidence,
       rule
{row}FROM ruled
"""


def _rule_reasons(d: Dialect) -> str:
    cases = " ".join(
        f"WHEN '{rule}' THEN {d.array(d.literal(text))}" for rule, text in RULES.items())
    return f"       CASE rule {cases} END AS reasons,\n"


def verdicts_sql(readings: str, incidents: str = "incidents", *, detailed: bool = True,
                 with_row: bool = False, dialect: Dialect = DUCKDB) -> str:
    """The SELECT that yields one verdict row per incident × reading (columns of ``verdicts``).

    ``detailed`` reasons name the dates, classes and parties that decided; otherwise each
    verdict carries its rule's text, which is much cheaper to write for millions of verdicts
    (``explain`` recomputes the detailed reasons of one incident). ``with_row`` adds the
    incident's rowid as a last column, ``incident_row`` (DuckDB only). ``dialect`` spells
    the SQL for DuckDB or Spark SQL; detailed reasons are DuckDB's only.
    """
    d = dialect
    if d.spark and (detailed or with_row):
        raise ValueError("Spark SQL verdicts carry each rule's text, without rowids")
    reasons = _DETAILED_REASONS if detailed else _rule_reasons(d)
    row = "       , incident_row\n" if with_row else ""
    return _VERDICTS.format(
        readings=readings, incidents=incidents, reasons=reasons, row=row,
        incident_row="" if d.spark else "i.rowid AS incident_row, ",
        energy_listed=d.any_match("classes", "c", "c LIKE 'energy.%'"),
        other_listed=d.contains("classes", "'energy.other'"),
        area_named=f"{d.size('r.area')} > 0",
        country_in_area=d.contains("r.area", "i.country"),
        admin1_in_area=d.contains("r.area", "i.admin1"),
        in_scope=d.contains("r.classes", "i.target_class"),
        binds_some=f"{d.size('bound')} > 0",
        binds_perpetrator=d.contains("bound", "perpetrator"))
