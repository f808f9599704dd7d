"""What a commitment promised by a date and has not delivered, as its kind's own evaluator
judges it (:mod:`trucewatch.commitments`, the same fulfilment ``trucewatch commitments``
shows):

* ``exchange_overdue``: an item of an exchange nobody reported handed over after its due date;
* ``meeting_overdue``: a promised meeting no report says was held, scheduled or cancelled,
  after its due date;
* ``overdue``: a commitment of a kind without a fulfilment of its own (``other``) past its due
  date, whose status does not say it was carried out or ended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from trucewatch.commitments import kind_of
from trucewatch.commitments.status import current
from trucewatch.model import ENDING_STATUSES, Agreement, Commitment, CommitmentKind

from ..model import Alert
from .base import AlertRule, RuleContext, register

#: Statuses after which a commitment without a fulfilment of its own is no longer awaited.
_SETTLED = {"carried_out", *ENDING_STATUSES}


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    grace_days: int = Field(default=0, ge=0)


def _ago(today: dt.date, due: dt.date) -> str:
    late = (today - due).days
    return f"due {due}, {late} day{'s' if late != 1 else ''} ago"


@register
class Overdue(AlertRule):
    name = "overdue"
    summary = ("an exchange item or a promised meeting is past its due date with nothing "
               "reported (options: grace_days: 0)")
    Options = Options

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        options = context.options
        assert isinstance(options, Options)
        # Overdue only once the grace has passed: judged as on that earlier day.
        as_of = context.today - dt.timedelta(days=options.grace_days)
        for agreement in context.agreements:
            for commitment in agreement.commitments:
                if commitment.kind is CommitmentKind.EXCHANGE:
                    yield from self._exchange(context, agreement, commitment, as_of)
                elif commitment.kind is CommitmentKind.TALKS:
                    yield from self._talks(context, agreement, commitment, as_of)
                elif commitment.kind is CommitmentKind.OTHER:
                    yield from self._other(context, agreement, commitment, as_of)

    def _fulfilment(self, context: RuleContext, agreement: Agreement, commitment: Commitment,
                    as_of: dt.date) -> dict[str, Any]:
        return kind_of(commitment).evaluate(context.store, agreement, commitment, as_of)

    def _exchange(self, context: RuleContext, agreement: Agreement, commitment: Commitment,
                  as_of: dt.date) -> Iterator[Alert]:
        fulfilment = self._fulfilment(context, agreement, commitment, as_of)
        due = fulfilment["due"]
        for item in fulfilment["items"]:
            if item["state"] != "overdue":
                continue
            yield Alert(
                key=f"overdue:{agreement.id}:{commitment.id}:{item['item']}:{item['side']}:{due}",
                kind="exchange_overdue", rule=self.name, agreement=agreement.id,
                commitment=commitment.id, party=item["side"],
                text=f"Exchange {commitment.id} ({agreement.id}) is overdue: {item['item']} "
                     f"handed over by {item['side']}: {item['reported']} of {item['agreed']} "
                     f"reported, {_ago(context.today, due)}",
                detail={"item": item["item"], "side": item["side"], "agreed": item["agreed"],
                        "reported": item["reported"], "due": str(due)})

    def _talks(self, context: RuleContext, agreement: Agreement, commitment: Commitment,
               as_of: dt.date) -> Iterator[Alert]:
        fulfilment = self._fulfilment(context, agreement, commitment, as_of)
        for meeting in fulfilment["promised"]:
            if meeting["state"] != "overdue":
                continue
            due = meeting["due"] or commitment.due
            where = f" in {meeting['place']}" if meeting["place"] else ""
            yield Alert(
                key=f"overdue:{agreement.id}:{commitment.id}:{meeting['id']}:{due}",
                kind="meeting_overdue", rule=self.name, agreement=agreement.id,
                commitment=commitment.id,
                text=f"Meeting {meeting['id']} of {commitment.id} ({agreement.id}) is overdue: "
                     f"{meeting['title']}{where}, {_ago(context.today, due)}; no report of it "
                     "held, scheduled or cancelled",
                detail={"meeting": meeting["id"], "due": str(due), "place": meeting["place"],
                        "parties": meeting["parties"]})

    def _other(self, context: RuleContext, agreement: Agreement, commitment: Commitment,
               as_of: dt.date) -> Iterator[Alert]:
        due = commitment.due
        if due is None or as_of <= due:
            return
        status, _ = current(agreement, commitment, context.today)
        if status in _SETTLED:
            return
        shown = status.replace("_", " ") if status else "no status recorded"
        yield Alert(
            key=f"overdue:{agreement.id}:{commitment.id}:{due}", kind="overdue",
            rule=self.name, agreement=agreement.id, commitment=commitment.id,
            text=f"{commitment.id} ({agreement.id}) is overdue: {_ago(context.today, due)}; "
                 f"{shown}",
            detail={"due": str(due), "status": status})
