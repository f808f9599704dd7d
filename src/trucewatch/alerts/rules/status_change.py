"""A change of status of an agreement or a commitment (agreed, in force, suspended, carried
out, ...), from the dated status entries of the agreement's newest version: who declared it,
until when an extension runs, and what it does to the readings (the status timeline of
:mod:`trucewatch.agreements.timeline`).

An ending status or an extension of a commitment with readings changes their windows; when the
``expiry`` rule is enabled it reports those in its own words, and this rule leaves them out.
"""

from __future__ import annotations

from collections.abc import Iterator

from trucewatch.model import ENDING_STATUSES, Agreement, StatusEntry

from ..model import Alert
from .base import AlertRule, RuleContext, register
from .expiry import ends_windows

#: Statuses the expiry rule reports when it is enabled and they bound a reading's window.
_WINDOW_STATUSES = {*ENDING_STATUSES, "extended"}


def _effect(entry: StatusEntry, has_readings: bool) -> str:
    """What the status does to the readings, as the timeline applies it."""
    if not has_readings:
        return ""
    whose = f"{entry.declared_by}'s reading" if entry.declared_by else "every reading"
    if entry.status == "suspended":
        return f"; {whose} is out of force until it resumes"
    if entry.status in ENDING_STATUSES:
        return f"; {whose} ends"
    if entry.status == "extended":
        return f"; {whose} with a last day runs until {entry.until}"
    return ""


@register
class StatusChange(AlertRule):
    name = "status_change"
    summary = ("an agreement or commitment changes status (endings and extensions of windows go "
               "to expiry when it is enabled)")

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        for agreement in context.agreements:
            yield from self._entries(agreement, None, context)
            for commitment in agreement.commitments:
                yield from self._entries(agreement, commitment.id, context)

    def _entries(self, agreement: Agreement, commitment_id: str | None, context: RuleContext
                 ) -> Iterator[Alert]:
        commitment = agreement.commitment(commitment_id) if commitment_id else None
        entries = commitment.status if commitment else agreement.status
        bounds = ends_windows(agreement, commitment)
        what = f"{commitment_id} ({agreement.id})" if commitment_id else agreement.id
        for entry in entries:
            if entry.date > context.today or (
                    "expiry" in context.enabled and bounds and entry.status in _WINDOW_STATUSES):
                continue
            until = f" until {entry.until}" if entry.until else ""
            by = f" (declared by {entry.declared_by})" if entry.declared_by else ""
            note = f": {entry.note}" if entry.note else ""
            source = agreement.source_url(entry.source) or entry.source if entry.source else None
            yield Alert(
                key=f"status_change:{agreement.id}:{commitment_id or '-'}:{entry.date}:"
                    f"{entry.status}" + (f":{entry.declared_by}" if entry.declared_by else ""),
                kind="status_change", rule=self.name, agreement=agreement.id,
                commitment=commitment_id, party=entry.declared_by,
                text=f"{what} is {entry.status.replace('_', ' ')}{until} from {entry.date}{by}"
                     f"{_effect(entry, bounds)}{note}",
                detail={"status": entry.status, "date": str(entry.date),
                        "until": str(entry.until) if entry.until else None,
                        "declared_by": entry.declared_by, "source": source})
