"""Every commitment of an agreement: kind, current status and since when, history with
sources, and fulfilment, as ``trucewatch commitments``, the report and the dashboard show it.

JSON: ``{"agreement": ID, "commitments": [{"id", "kind", "status", "since", "history",
"fulfilment"}]}``; an exchange's ``fulfilment.items`` is ``[{"item", "side", "agreed",
"reported", "state", "sources"}]``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from trucewatch.agreements import get_agreement
from trucewatch.store import Store

from .kinds import kind_of
from .status import current, history

__all__ = ["commitments_view"]


def commitments_view(store: Store, agreement_id: str, *, as_of: dt.date | None = None
                     ) -> dict[str, Any]:
    """The commitments of ``agreement_id`` (latest version) on ``as_of`` (default today)."""
    agreement = get_agreement(store, agreement_id)
    day = as_of or dt.date.today()
    rows = []
    for commitment in agreement.commitments:
        kind = kind_of(commitment)
        status, since = current(agreement, commitment, day)
        rows.append({"id": commitment.id, "kind": commitment.kind.value, "status": status,
                     "since": since, "history": history(agreement, commitment, day),
                     "fulfilment": kind.evaluate(store, agreement, commitment, day)})
    return {"agreement": agreement.id, "commitments": rows}
