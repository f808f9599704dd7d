"""Analysts' reviews of incidents: confirm, dispute or annotate, and what they change.

A review is one row of ``reviews`` and one entry of the audit log (who, when, what, and the
verdicts before and after). The latest ``confirm`` or ``dispute`` of an incident overrides
its verdicts under every reading, now and after every later assessment:

* ``dispute``: the analyst doubts the incident or its attribution, so ``violation`` and
  ``possible_violation`` become ``disputed``;
* ``confirm``: the analyst holds the incident happened as attributed (optionally naming the
  perpetrator), so ``disputed`` and ``possible_violation`` become ``violation`` where the
  perpetrator is bound by that reading and ``not_bound`` where not; with no perpetrator known
  they become ``possible_violation``;
* ``annotate`` records a note and changes no verdict.

Overridden verdicts carry the rule ``analyst_review`` and a reason naming reviewer and date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from trucewatch.assess.index import index_verdicts
from trucewatch.errors import NotFoundError, UsageError
from trucewatch.store import Store
from trucewatch.taxonomy import is_party_code

__all__ = ["ACTIONS", "RULE", "add_review", "apply_reviews", "list_reviews"]

ACTIONS = ("confirm", "dispute", "annotate")
MAX_NOTE = 2000
RULE = "analyst_review"

#: The latest confirm or dispute of each reviewed incident, with the reason it gives.
_LATEST = """
SELECT incident_id, action, perpetrator,
       CASE action WHEN 'dispute' THEN 'disputed' ELSE 'confirmed' END || ' by ' || reviewer
           || ' on ' || strftime(reviewed_at, '%Y-%m-%d')
           || CASE WHEN note <> '' THEN ': ' || note ELSE '' END AS reason
FROM reviews
WHERE action IN ('confirm', 'dispute') AND (CAST($incident AS VARCHAR) IS NULL
                                            OR incident_id = $incident)
QUALIFY row_number() OVER (PARTITION BY incident_id ORDER BY id DESC) = 1
"""
#: Appends the review's reason once, so applying reviews again changes nothing.
_ADD_REASON = ("CASE WHEN list_contains(v.reasons, l.reason) THEN v.reasons "
               "ELSE list_append(v.reasons, l.reason) END")

_DISPUTE = f"""
UPDATE verdicts AS v SET verdict = 'disputed', rule = '{RULE}', reasons = {_ADD_REASON}
FROM ({_LATEST}) l
WHERE l.action = 'dispute' AND v.incident_id = l.incident_id
  AND v.verdict IN ('violation', 'possible_violation')
"""

_CONFIRM = f"""
UPDATE verdicts AS v SET rule = '{RULE}', reasons = {_ADD_REASON},
    verdict = CASE WHEN l.who IS NULL THEN 'possible_violation'
                   WHEN len(r.bound) = 0 OR list_contains(r.bound, l.who) THEN 'violation'
                   ELSE 'not_bound' END
FROM (SELECT l.*, coalesce(l.perpetrator, i.perpetrator) AS who
      FROM ({_LATEST}) l JOIN incidents i ON i.id = l.incident_id
      WHERE l.action = 'confirm') l, readings r
WHERE v.incident_id = l.incident_id AND v.verdict IN ('disputed', 'possible_violation')
  AND r.agreement_id = v.agreement_id AND r.version = v.agreement_version
  AND r.commitment_id = v.commitment_id AND r.party = v.party
"""


def list_reviews(store: Store, incident_id: str) -> list[dict[str, Any]]:
    """The reviews of one incident, oldest first."""
    cursor = store.conn.execute(
        "SELECT id, incident_id, action, perpetrator, note, reviewer, reviewed_at FROM reviews "
        "WHERE incident_id = ? ORDER BY id", [incident_id],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _verdict_rows(conn: duckdb.DuckDBPyConnection, incident_id: str) -> list[dict[str, str]]:
    rows = conn.execute(
        "SELECT agreement_id, commitment_id, party, verdict FROM verdicts WHERE incident_id = ? "
        "ORDER BY agreement_id, commitment_id, party", [incident_id],
    ).fetchall()
    return [dict(zip(("agreement", "commitment", "reading", "verdict"), r, strict=True))
            for r in rows]


def _check(action: str, note: str, perpetrator: str | None) -> None:
    if action not in ACTIONS:
        raise UsageError(f"{action!r} is not a review action; use one of {', '.join(ACTIONS)}",
                         field="action")
    if action == "annotate" and not note.strip():
        raise UsageError("an annotation needs a note", field="note")
    if len(note) > MAX_NOTE:
        raise UsageError(f"the note is {len(note)} characters; the limit is {MAX_NOTE}",
                         field="note")
    if perpetrator and not is_party_code(perpetrator):
        raise UsageError(f"{perpetrator!r} is not a party code such as RU, UA", field="perpetrator")
    if perpetrator and action != "confirm":
        raise UsageError("only a confirmation names a perpetrator", field="perpetrator")


def add_review(
    store: Store,
    incident_id: str,
    action: str,
    note: str = "",
    *,
    perpetrator: str | None = None,
    reviewer: str | None = None,
) -> dict[str, Any]:
    """Record a review of ``incident_id`` and apply it; returns the review and verdict changes."""
    _check(action, note, perpetrator or None)
    if not store.conn.execute("SELECT 1 FROM incidents WHERE id = ?", [incident_id]).fetchone():
        raise NotFoundError(f"no incident {incident_id!r}",
                            hint="list them with `trucewatch incidents`")
    reviewer = (reviewer or "").strip() or store.actor
    now = dt.datetime.now(dt.UTC)
    with store.transaction() as conn:
        before = _verdict_rows(conn, incident_id)
        review_id = conn.execute(
            "INSERT INTO reviews (incident_id, action, perpetrator, note, reviewer, reviewed_at) "
            "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            [incident_id, action, perpetrator or None, note.strip(), reviewer, now],
        ).fetchone()[0]
        apply_reviews(conn, incident_id)
        after = _verdict_rows(conn, incident_id)
        changed = [{**a, "before": b["verdict"]} for b, a in zip(before, after, strict=True)
                   if a["verdict"] != b["verdict"]]
        store.audit(f"review.{action}", "incident", incident_id, {
            "review_id": review_id, "reviewer": reviewer, "note": note.strip(),
            "perpetrator": perpetrator or None, "verdicts_changed": changed,
        })
    return {"id": review_id, "incident_id": incident_id, "action": action,
            "perpetrator": perpetrator or None, "note": note.strip(), "reviewer": reviewer,
            "reviewed_at": now, "verdicts_changed": changed}


def apply_reviews(conn: duckdb.DuckDBPyConnection, incident_id: str | None = None) -> None:
    """Apply the latest confirm/dispute of each reviewed incident (or of one) to its verdicts
    and re-index those incidents' verdicts.

    The assessment calls it inside its transaction after writing verdicts, so analysts'
    reviews survive a new assessment; applying it again changes nothing.
    """
    params = {"incident": incident_id}
    conn.execute(_DISPUTE, params)
    conn.execute(_CONFIRM, params)
    reviewed = [row[0] for row in conn.execute(
        f"SELECT incident_id FROM ({_LATEST})", params).fetchall()]
    if reviewed:
        index_verdicts(conn, reviewed)
