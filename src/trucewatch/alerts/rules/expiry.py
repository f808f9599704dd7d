"""A commitment's window: ending in N days, ended, extended (a newer version of the agreement
moves a reading's last day later, or leaves it open), and a declared expiry (a status entry
``expired`` of the commitment or the agreement)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise

from pydantic import BaseModel, ConfigDict, Field

from trucewatch.model import Agreement, Commitment, Reading

from ..model import Alert
from .base import AlertRule, RuleContext, register


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    days_before: list[int] = Field(default_factory=lambda: [7, 1])


def _where(agreement: Agreement, commitment: Commitment, reading: Reading) -> str:
    return f"{reading.party}'s reading of {commitment.id} ({agreement.id})"


@register
class Expiry(AlertRule):
    name = "expiry"
    summary = ("a reading's window ends in N days (options: days_before: [7, 1]), has ended "
               "or is extended; a commitment or agreement expires")
    Options = Options

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        options = context.options
        assert isinstance(options, Options)
        for agreement in context.agreements:
            for commitment in agreement.commitments:
                for reading in commitment.readings:
                    yield from self._window(agreement, commitment, reading, context.today,
                                            options.days_before)
                yield from self._expired(agreement, commitment, context.today)
            yield from self._expired(agreement, None, context.today)
            yield from self._extensions(context.versions.get(agreement.id, [agreement]))

    def _window(self, agreement: Agreement, commitment: Commitment, reading: Reading,
                today: dt.date, days_before: list[int]) -> Iterator[Alert]:
        last = reading.last_day
        if last is None:
            return
        base = f"{agreement.id}:{commitment.id}:{reading.party}:{last}"
        fields = {"agreement": agreement.id, "commitment": commitment.id,
                  "reading": reading.party, "rule": self.name,
                  "detail": {"last_day": str(last), "readings": [reading.party]}}
        left = (last - today).days
        if left < 0:
            yield Alert(key=f"window_ended:{base}", kind="window_ended",
                        text=f"{_where(agreement, commitment, reading)} has ended: its last "
                             f"day was {last}", **fields)
            return
        crossed = [days for days in days_before if left <= days]
        if crossed:
            days = min(crossed)
            when = "today" if left == 0 else f"in {left} day{'s' if left != 1 else ''}"
            yield Alert(key=f"window_ending:{base}:{days}", kind="window_ending",
                        text=f"{_where(agreement, commitment, reading)} ends {when}: its last "
                             f"day is {last}", **fields)

    def _expired(self, agreement: Agreement, commitment: Commitment | None, today: dt.date
                 ) -> Iterator[Alert]:
        entries = commitment.status if commitment else agreement.status
        what = f"{commitment.id} ({agreement.id})" if commitment else agreement.id
        for entry in entries:
            if entry.status == "expired" and entry.date <= today:
                note = f": {entry.note}" if entry.note else ""
                yield Alert(
                    key=f"expired:{agreement.id}:{commitment.id if commitment else '-'}:"
                        f"{entry.date}",
                    kind="expired", rule=self.name, agreement=agreement.id,
                    commitment=commitment.id if commitment else None,
                    text=f"{what} expired on {entry.date}{note}",
                    detail={"date": str(entry.date), "source": entry.source})

    def _extensions(self, versions: list[Agreement]) -> Iterator[Alert]:
        for older, newer in pairwise(versions):
            before = {(c.id, r.party): r.last_day for c in older.commitments for r in c.readings}
            for commitment in newer.commitments:
                for reading in commitment.readings:
                    old = before.get((commitment.id, reading.party))
                    new = reading.last_day
                    if old is None or (new is not None and new <= old):
                        continue
                    until = f"until {new}" if new else "with no stated end"
                    yield Alert(
                        key=f"window_extended:{newer.id}:{commitment.id}:{reading.party}:"
                            f"{old}:{new or 'open'}",
                        kind="window_extended", rule=self.name, agreement=newer.id,
                        commitment=commitment.id, reading=reading.party,
                        text=f"{_where(newer, commitment, reading)} is extended {until} "
                             f"(its last day was {old})",
                        detail={"last_day_before": str(old),
                                "last_day": str(new) if new else None,
                                "readings": [reading.party]})
