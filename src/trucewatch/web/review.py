"""Analysts' reviews of incidents: confirm, dispute or annotate, and what they change.

A review is one row of ``reviews`` and one entry of the audit log (who, when, what, and the
verdicts before and after). The latest ``confirm`` or ``dispute`` of an incident overrides
its verdicts under every reading:

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

from trucewatch.errors import UsageError
from trucewatch.incidents import get_incident
from trucewatch.store import Store
from trucewatch.store.db import actor
from trucewatch.taxonomy import is_party_code

__all__ = ["ACTIONS", "add_review", "apply_reviews", "list_reviews"]

ACTIONS = ("confirm", "dispute", "annotate")
MAX_NOTE = 2000
RULE = "analyst_review"
#: Appends the review's reason once, so applying reviews again changes nothing.
_ADD_REASON = "CASE WHEN list_contains(reasons, ?) THEN reasons ELSE list_append(reasons, ?) END"


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
    get_incident(store, incident_id)  # raises NotFoundError for an unknown id
    reviewer = (reviewer or "").strip() or actor()
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
    """Apply the latest confirm/dispute of each reviewed incident (or of one) to its verdicts.

    Call it after (re)assessing, so analysts' reviews survive a new assessment; applying it
    again changes nothing.
    """
    latest = conn.execute(
        "SELECT incident_id, action, perpetrator, reviewer, reviewed_at, note FROM reviews r "
        "WHERE action IN ('confirm', 'dispute') AND (? IS NULL OR incident_id = ?) "
        "QUALIFY row_number() OVER (PARTITION BY incident_id ORDER BY id DESC) = 1",
        [incident_id, incident_id],
    ).fetchall()
    for incident, action, perpetrator, reviewer, when, note in latest:
        reason = (f"{'disputed' if action == 'dispute' else 'confirmed'} by {reviewer} on "
                  f"{when:%Y-%m-%d}" + (f": {note}" if note else ""))
        if action == "dispute":
            conn.execute(
                "UPDATE verdicts SET verdict = 'disputed', rule = ?, "
                f"reasons = {_ADD_REASON} "
                "WHERE incident_id = ? AND verdict IN ('violation', 'possible_violation')",
                [RULE, reason, reason, incident],
            )
            continue
        conn.execute(
            f"UPDATE verdicts AS v SET rule = ?, reasons = {_ADD_REASON}, "
            "verdict = CASE WHEN p.who IS NULL THEN 'possible_violation' "
            "  WHEN list_contains(r.bound, p.who) THEN 'violation' ELSE 'not_bound' END "
            "FROM readings r, (SELECT coalesce(?, perpetrator) AS who FROM incidents "
            "                  WHERE id = ?) p "
            "WHERE v.incident_id = ? AND v.verdict IN ('disputed', 'possible_violation') "
            "AND r.agreement_id = v.agreement_id AND r.version = v.agreement_version "
            "AND r.commitment_id = v.commitment_id AND r.party = v.party",
            [RULE, reason, reason, perpetrator, incident, incident],
        )
