"""A small store for the dashboard and report tests: the test agreement, seven incidents
(one whose source text carries markup and a script) and their verdicts under each reading."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from trucewatch.agreements import add_agreement, load_spec
from trucewatch.assess import index_verdicts
from trucewatch.store import open_store

AGREEMENT = Path(__file__).with_name("agreement.yaml")
XSS_ID = "inc-xss"
SCRIPT = "<script>alert('pwned')</script>"

# id, date, country, admin1, place, lat, lon, class, perpetrator, negated, outlet, url, evidence
INCIDENTS = [
    ("inc-001", "2025-03-19", "UA", "Donetsk", "Sloviansk", 48.85, 37.6, "energy.power_grid",
     "RU", False, "Ukrenergo", "https://example.org/a1", "a drone hit a substation"),
    ("inc-002", "2025-03-20", "RU", "Krasnodar", "Kropotkin", 45.43, 40.57,
     "energy.oil_gas_network", "UA", True, "TASS", "https://example.org/a2",
     "a pumping station was attacked; Kyiv denied it"),
    ("inc-003", "2025-03-28", "UA", "Kherson", "Kherson", 46.64, 32.61, "energy.power_grid",
     None, False, "Suspilne", "https://example.org/a3", "shelling cut power lines"),
    ("inc-004", "2025-04-02", "UA", "Dnipropetrovsk", "Kryvyi Rih", 47.91, 33.39, "civilian",
     "RU", False, "Reuters", "https://example.org/a4", "a missile hit a residential block"),
    ("inc-005", "2025-03-30", "UA", "Odesa", "Odesa", 46.48, 30.72, "transport.port",
     "RU", False, "Ukrainska Pravda", "https://example.org/a5", "drones struck the port"),
    ("inc-006", "2025-04-25", "UA", "Kharkiv", "Zmiiv", 49.68, 36.35, "energy.power_generation",
     "RU", False, "Ukrenergo", "https://example.org/a6", "a power station was hit"),
    (XSS_ID, "2025-03-26", "UA", "Sumy", "<b>Bold</b> town", 50.9, 34.8, "energy.power_grid",
     "RU", False, "<i>Outlet</i>", "javascript:alert(1)",
     f"{SCRIPT} a strike on a <img src=x onerror=alert(2)> substation"),
]

# verdict under the RU reading, under the UA reading, per incident
VERDICTS = {
    "inc-001": ("violation", "outside_window"),
    "inc-002": ("disputed", "outside_window"),
    "inc-003": ("possible_violation", "possible_violation"),
    "inc-004": ("out_of_scope", "out_of_scope"),
    "inc-005": ("out_of_scope", "violation"),
    "inc-006": ("outside_window", "outside_window"),
    XSS_ID: ("violation", "violation"),
}


#: The rule of trucewatch.assess.rules that gives each seeded verdict.
RULE_OF = {"violation": "violation", "disputed": "denied", "out_of_scope": "scope",
           "possible_violation": "perpetrator_unknown", "outside_window": "window.before_start"}


def seed_store(path: Path) -> Path:
    """Write the test store at ``path`` and return it."""
    now = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)
    with open_store(path) as store:
        add_agreement(store, load_spec(AGREEMENT), source_path=AGREEMENT)
        conn = store.conn
        for (iid, day, country, admin1, place, lat, lon, cls, perp, negated, outlet, url,
             evidence) in INCIDENTS:
            conn.execute(
                "INSERT INTO documents (id, source_format, url, outlet, published, "
                "language, text, ingested_at) VALUES (?, 'text', ?, ?, ?, 'en', ?, ?)",
                [f"doc-{iid}", url, outlet, day, evidence, now],
            )
            conn.execute(
                "INSERT INTO reports (id, document_id, event_date, date_precision, country, "
                "admin1, place, lat, lon, target_class, target_text, perpetrator, claimed_by, "
                "negated, evidence, confidence, reasons) VALUES "
                "(?, ?, ?, 'day', ?, ?, ?, ?, ?, ?, ?, ?, 'UA', ?, ?, 0.8, ?)",
                [f"rep-{iid}", f"doc-{iid}", day, country, admin1, place, lat, lon, cls,
                 evidence[:40], perp, negated, evidence, json.dumps({"target_class": "lexicon"})],
            )
            conn.execute(
                "INSERT INTO incidents (id, event_date, date_precision, country, admin1, place, "
                "lat, lon, target_class, target_group, perpetrator, claimants, corroborated, "
                "negated, report_count, source_count, confidence, date_last, outlets, status) "
                "VALUES (?, ?, 'day', ?, ?, ?, ?, ?, ?, ?, ?, ['UA'], false, ?, 1, 1, 0.8, ?, "
                "[?], 'reported')",
                [iid, day, country, admin1, place, lat, lon, cls, cls.split(".")[0], perp,
                 negated, day, outlet],
            )
            conn.execute("INSERT INTO incident_reports VALUES (?, ?)", [iid, f"rep-{iid}"])
            for party, verdict in zip(("RU", "UA"), VERDICTS[iid], strict=True):
                conn.execute(
                    "INSERT INTO verdicts (incident_id, agreement_id, agreement_version, "
                    "commitment_id, party, verdict, reasons, confidence, rule) "
                    "VALUES (?, 'test-halt', 1, 'energy-halt', ?, ?, ?, 0.8, ?)",
                    [iid, party, verdict, [f"{verdict} under the {party} reading"],
                     RULE_OF[verdict]],
                )
        index_verdicts(conn)
    return path


#: Incidents of :func:`seed_many`'s default store: every 50th has no coordinates, so 2,548
#: are located, past the map's limit of 2,000 points.
MANY = 2600


def seed_many(path: Path, incidents: int, *, unlocated_every: int = 50) -> Path:
    """A store of ``incidents`` synthetic incidents spread over eastern Europe (every
    ``unlocated_every``-th without coordinates), each with a verdict under the RU and the UA
    reading of the test agreement, indexed as the assessment would; returns ``path``."""
    kinds = list(RULE_OF)
    with open_store(path) as store:
        add_agreement(store, load_spec(AGREEMENT), source_path=AGREEMENT)
        conn = store.conn
        conn.execute(
            "INSERT INTO incidents (id, event_date, date_precision, country, admin1, place, lat, "
            "lon, target_class, target_group, perpetrator, claimants, corroborated, negated, "
            "report_count, source_count, confidence, date_last, outlets, status) "
            "SELECT printf('many-%05d', i), DATE '2025-03-01' + CAST(i % 60 AS INTEGER), 'day', "
            "'UA', ['Kharkiv', 'Odesa', 'Sumy'][CAST(i % 3 AS INTEGER) + 1], 'place ' || i, "
            "CASE WHEN i % $every <> 0 THEN 45 + (i * 37 % 600) / 100.0 END, "
            "CASE WHEN i % $every <> 0 THEN 30 + (i * 53 % 1000) / 100.0 END, "
            "'energy.power_grid', 'energy', [NULL, 'RU', 'RU', 'UA'][CAST(i % 4 AS INTEGER) + 1],"
            " ['UA'], false, false, 1, 1, 0.8, DATE '2025-03-01' + CAST(i % 60 AS INTEGER), "
            "['outlet'], 'reported' FROM range($n) t(i)",
            {"n": incidents, "every": unlocated_every},
        )
        conn.execute(
            "INSERT INTO verdicts (incident_id, agreement_id, agreement_version, commitment_id, "
            "party, verdict, reasons, confidence, rule) "
            "SELECT id, 'test-halt', 1, 'energy-halt', p, $kinds[CAST((hash(id || p) % "
            "len($kinds)) AS INTEGER) + 1], ['synthetic'], 0.8, 'synthetic' "
            "FROM incidents, (VALUES ('RU'), ('UA')) v(p)",
            {"kinds": kinds},
        )
        index_verdicts(conn)
    return path
