"""A commitment's current status and its history, with the source of each entry.

The history merges the agreement's and the commitment's status entries with what parties
said of its preconditions. The current status is ``not in force: precondition unmet`` while
a precondition is unmet (by the latest word on it; nobody's word is unmet), else the
commitment's latest status (else the agreement's) on or before the day asked about.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from trucewatch.agreements.timeline import status_history
from trucewatch.model import Agreement, Commitment, Precondition

__all__ = ["PRECONDITION_UNMET", "current", "history"]

PRECONDITION_UNMET = "not in force: precondition unmet"


def _source(agreement: Agreement, ref: str | None) -> str | None:
    return (agreement.source_url(ref) or ref) if ref else None


def history(agreement: Agreement, commitment: Commitment, as_of: dt.date
            ) -> list[dict[str, Any]]:
    """Status entries and precondition states up to ``as_of``, oldest first."""
    rows = [{"date": s.date, "status": s.status, "until": s.until,
             "declared_by": s.declared_by, "note": s.note, "of": "agreement"
             if s in agreement.status else "commitment",
             "source": _source(agreement, s.source)}
            for s in status_history(agreement, commitment) if s.date <= as_of]
    for precondition in commitment.preconditions:
        for state in precondition.states:
            if state.date <= as_of:
                rows.append({"date": state.date, "status": f"precondition_{state.state}",
                             "until": None, "declared_by": state.by,
                             "note": f"{precondition.text}"
                                     + (f": {state.note}" if state.note else ""),
                             "of": f"precondition {precondition.id}",
                             "source": _source(agreement, state.source)})
    return sorted(rows, key=lambda r: (r["date"], r["of"] != "agreement"))


def _unmet(precondition: Precondition, as_of: dt.date) -> tuple[bool, dt.date | None]:
    said = sorted((s for s in precondition.states if s.date <= as_of), key=lambda s: s.date)
    if not said:
        return True, None
    return said[-1].state == "unmet", said[-1].date


def current(agreement: Agreement, commitment: Commitment, as_of: dt.date
            ) -> tuple[str | None, dt.date | None]:
    """(status, since) on ``as_of``."""
    for precondition in commitment.preconditions:
        unmet, since = _unmet(precondition, as_of)
        if unmet:
            return PRECONDITION_UNMET, since
    for entries in (commitment.status, agreement.status):
        known = [s for s in entries if s.date <= as_of]
        if known:
            latest = max(known, key=lambda s: s.date)
            return latest.status, latest.date
    return None, None
