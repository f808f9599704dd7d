"""A commitment with a due date (an exchange, a meeting) that is past due and not carried out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from ..model import Alert
from .base import AlertRule, RuleContext, register

#: Statuses after which a commitment is no longer awaited.
_SETTLED = {"carried_out", "expired", "collapsed"}


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    grace_days: int = Field(default=0, ge=0)


@register
class Overdue(AlertRule):
    name = "overdue"
    summary = "an exchange or meeting is past its due date and not carried out " \
              "(options: grace_days: 0)"
    Options = Options

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        options = context.options
        assert isinstance(options, Options)
        for agreement in context.agreements:
            for commitment in agreement.commitments:
                due = commitment.due
                if due is None or context.today <= due + dt.timedelta(days=options.grace_days):
                    continue
                known = [e for e in commitment.status if e.date <= context.today]
                latest = max(known, key=lambda e: e.date, default=None)
                if latest is not None and latest.status in _SETTLED:
                    continue
                status = latest.status.replace("_", " ") if latest else "no status recorded"
                late = (context.today - due).days
                yield Alert(
                    key=f"overdue:{agreement.id}:{commitment.id}:{due}", kind="overdue",
                    rule=self.name, agreement=agreement.id, commitment=commitment.id,
                    text=f"{commitment.id} ({agreement.id}, {commitment.kind.value}) is overdue: "
                         f"due {due}, {late} day{'s' if late != 1 else ''} ago; {status}",
                    detail={"due": str(due), "status": latest.status if latest else None})
