"""How far an exchange or talks commitment is kept, as its kind's own evaluator judges it
(:mod:`trucewatch.commitments`, the fulfilment ``trucewatch commitments`` shows):

* ``exchange_partial``: fewer of an item were reported handed over than agreed, with both
  numbers and the sources; a later report that changes the number is a new alert;
* ``meeting_cancelled``: a promised meeting was reported called off or postponed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from trucewatch.commitments import kind_of
from trucewatch.model import Agreement, Commitment, CommitmentKind

from ..model import Alert
from .base import AlertRule, RuleContext, register


def _sources(rows: list[dict[str, Any]]) -> str:
    named = [f"{row['date']} {row.get('outlet') or row.get('url') or 'a source'}"
             for row in rows]
    return "; ".join(named)


@register
class Fulfilment(AlertRule):
    name = "fulfilment"
    summary = "an exchange is reported partly carried out, or a promised meeting cancelled"

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        for agreement in context.agreements:
            for commitment in agreement.commitments:
                if commitment.kind is CommitmentKind.EXCHANGE:
                    yield from self._exchange(context, agreement, commitment)
                elif commitment.kind is CommitmentKind.TALKS:
                    yield from self._talks(context, agreement, commitment)

    def _evaluate(self, context: RuleContext, agreement: Agreement, commitment: Commitment
                  ) -> dict[str, Any]:
        return kind_of(commitment).evaluate(context.store, agreement, commitment, context.today)

    def _exchange(self, context: RuleContext, agreement: Agreement, commitment: Commitment
                  ) -> Iterator[Alert]:
        fulfilment = self._evaluate(context, agreement, commitment)
        for item in fulfilment["items"]:
            if item["state"] != "partial":
                continue
            due = f", due {fulfilment['due']}" if fulfilment["due"] else ""
            yield Alert(
                key=f"exchange_partial:{agreement.id}:{commitment.id}:{item['item']}:"
                    f"{item['side']}:{item['reported']}",
                kind="exchange_partial", rule=self.name, agreement=agreement.id,
                commitment=commitment.id, party=item["side"],
                text=f"Exchange {commitment.id} ({agreement.id}) is partial: {item['item']} "
                     f"handed over by {item['side']}: {item['reported']} of {item['agreed']} "
                     f"reported{due} (sources: {_sources(item['sources'])})",
                detail={"item": item["item"], "side": item["side"], "agreed": item["agreed"],
                        "reported": item["reported"],
                        "sources": [{"date": str(s["date"]), "url": s["url"],
                                     "outlet": s["outlet"]} for s in item["sources"]]})

    def _talks(self, context: RuleContext, agreement: Agreement, commitment: Commitment
               ) -> Iterator[Alert]:
        fulfilment = self._evaluate(context, agreement, commitment)
        for promised in fulfilment["promised"]:
            if promised["state"] != "cancelled":
                continue
            reports = promised["meetings"]
            first = min((m["date"] for m in reports if m["date"]), default=None)
            on = f" on {first}" if isinstance(first, dt.date) else ""
            yield Alert(
                key=f"meeting_cancelled:{agreement.id}:{commitment.id}:{promised['id']}",
                kind="meeting_cancelled", rule=self.name, agreement=agreement.id,
                commitment=commitment.id,
                text=f"Meeting {promised['id']} of {commitment.id} ({agreement.id}) was reported "
                     f"cancelled or postponed{on}: {promised['title']} (sources: "
                     f"{_sources(reports)})",
                detail={"meeting": promised["id"],
                        "sources": [{"date": str(m["date"]) if m["date"] else None,
                                     "url": m["url"], "outlet": m["outlet"]} for m in reports]})
