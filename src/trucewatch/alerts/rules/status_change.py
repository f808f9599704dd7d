"""A change of status of an agreement or a commitment (agreed, in force, suspended, ...), from
the dated status entries of the agreement's newest version."""

from __future__ import annotations

from collections.abc import Iterator

from trucewatch.model import Agreement, StatusEntry

from ..model import Alert
from .base import AlertRule, RuleContext, register

#: Statuses another enabled rule reports in its own words.
_REPORTED_BY = {"expired": "expiry"}


@register
class StatusChange(AlertRule):
    name = "status_change"
    summary = "an agreement or commitment changes status (expired goes to expiry when enabled)"

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        for agreement in context.agreements:
            yield from self._entries(agreement, None, agreement.status, context)
            for commitment in agreement.commitments:
                yield from self._entries(agreement, commitment.id, commitment.status, context)

    def _entries(self, agreement: Agreement, commitment: str | None,
                 entries: list[StatusEntry], context: RuleContext) -> Iterator[Alert]:
        what = f"{commitment} ({agreement.id})" if commitment else agreement.id
        for entry in entries:
            if entry.date > context.today or _REPORTED_BY.get(entry.status) in context.enabled:
                continue
            note = f": {entry.note}" if entry.note else ""
            yield Alert(
                key=f"status_change:{agreement.id}:{commitment or '-'}:{entry.date}:"
                    f"{entry.status}",
                kind="status_change", rule=self.name, agreement=agreement.id,
                commitment=commitment,
                text=f"{what} is {entry.status.replace('_', ' ')} from {entry.date}{note}",
                detail={"status": entry.status, "date": str(entry.date),
                        "source": entry.source})
