"""Each reading's window as the status timeline leaves it (:mod:`trucewatch.agreements.timeline`,
the window the verdict rules and ``trucewatch explain`` use):

* ``window_ending``: its last day is N days away: the day it states, moved by an extension, or
  the day before an ending status recorded ahead of time;
* ``window_ended``: that last day has passed (and no ending status closed the window first);
* ``window_extended``: an ``extended`` status moved its last day later (one alert per move);
* ``expired``, ``terminated``, ``denounced``, ``collapsed``: an ending status took the
  commitment out of force: under every reading, or only under the declaring party's. One alert
  per status, naming the readings it ends and, for one party's, what it leaves of the others.

Suspensions and resumptions are status changes (:mod:`.status_change`); unmet preconditions
have their own rule (:mod:`.precondition`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from trucewatch.agreements.timeline import Closure, Window, extensions, reading_window
from trucewatch.model import ENDING_STATUSES, Agreement, Commitment, Reading

from ..model import Alert
from .base import AlertRule, RuleContext, register

__all__ = ["Expiry", "ends_windows", "final_end", "parties_phrase"]

_ONE_DAY = dt.timedelta(days=1)


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    days_before: list[int] = Field(default_factory=lambda: [7, 1])


def parties_phrase(parties: list[str]) -> str:
    """``RU's reading``, ``the RU and UA readings``, ``the RU, UA and US readings``."""
    if len(parties) == 1:
        return f"{parties[0]}'s reading"
    return f"the {', '.join(parties[:-1])} and {parties[-1]} readings"


def final_end(window: Window) -> Closure | None:
    """The ending status (expired, terminated, ...) that closes ``window`` for good, if any:
    the first one that nothing resumes."""
    return next((c for c in window.closures
                 if c.status in ENDING_STATUSES and c.until_date is None), None)


def ends_windows(agreement: Agreement, commitment: Commitment | None) -> bool:
    """Whether a status of ``commitment`` (of the agreement when None) bounds a reading's
    window, so that this rule reports its ending statuses and extensions."""
    chosen = agreement.commitments if commitment is None else [commitment]
    return any(c.readings for c in chosen)


def _where(agreement: Agreement, commitment: Commitment, reading: Reading) -> str:
    return f"{reading.party}'s reading of {commitment.id} ({agreement.id})"


@register
class Expiry(AlertRule):
    name = "expiry"
    summary = ("a reading's window ends in N days (options: days_before: [7, 1]), has ended, "
               "is extended, or an expiry, termination or denunciation ends it")
    Options = Options

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        options = context.options
        assert isinstance(options, Options)
        for agreement in context.agreements:
            for commitment in agreement.commitments:
                windows = {r.party: reading_window(agreement, commitment, r)
                           for r in commitment.readings}
                for reading in commitment.readings:
                    yield from self._last_day(agreement, commitment, reading,
                                              windows[reading.party], context.today,
                                              options.days_before)
                    yield from self._extended(agreement, commitment, reading, context.today)
                yield from self._closed(agreement, commitment, windows, context.today)

    def _last_day(self, agreement: Agreement, commitment: Commitment, reading: Reading,
                  window: Window, today: dt.date, days_before: list[int]) -> Iterator[Alert]:
        """window_ending N days before the window's last day, window_ended once it passed."""
        closed = final_end(window)
        last, why = window.last_day, window.end_note
        cut = closed is not None and closed.from_date is not None and (
            last is None or closed.from_date <= last)
        if cut:
            assert closed is not None and closed.from_date is not None
            last, why = closed.from_date - _ONE_DAY, f"the commitment {closed.what}"
        if last is None:
            return
        fields = {"agreement": agreement.id, "commitment": commitment.id,
                  "reading": reading.party, "rule": self.name,
                  "detail": {"last_day": str(last), "readings": [reading.party],
                             "because": why}}
        base = f"{agreement.id}:{commitment.id}:{reading.party}:{last}"
        left = (last - today).days
        because = f" ({why})" if why else ""
        if left < 0:
            if not cut:  # a window an ending status cut short is reported as that status
                yield Alert(key=f"window_ended:{base}", kind="window_ended",
                            text=f"{_where(agreement, commitment, reading)} has ended: its "
                                 f"last day was {last}{because}", **fields)
            return
        crossed = [days for days in days_before if left <= days]
        if crossed:
            days = min(crossed)
            when = "today" if left == 0 else f"in {left} day{'s' if left != 1 else ''}"
            yield Alert(key=f"window_ending:{base}:{days}", kind="window_ending",
                        text=f"{_where(agreement, commitment, reading)} ends {when}: its last "
                             f"day is {last}{because}", **fields)

    def _extended(self, agreement: Agreement, commitment: Commitment, reading: Reading,
                  today: dt.date) -> Iterator[Alert]:
        for moved in extensions(agreement, commitment, reading):
            if moved.entry.date > today:
                continue
            yield Alert(
                key=f"window_extended:{agreement.id}:{commitment.id}:{reading.party}:"
                    f"{moved.before}:{moved.after}",
                kind="window_extended", rule=self.name, agreement=agreement.id,
                commitment=commitment.id, reading=reading.party, party=moved.entry.declared_by,
                text=f"{_where(agreement, commitment, reading)} is extended until {moved.after} "
                     f"(its last day was {moved.before}): {moved.note}",
                detail={"last_day_before": str(moved.before), "last_day": str(moved.after),
                        "date": str(moved.entry.date), "declared_by": moved.entry.declared_by,
                        "readings": [reading.party]})

    def _closed(self, agreement: Agreement, commitment: Commitment, windows: dict[str, Window],
                today: dt.date) -> Iterator[Alert]:
        """One alert per ending status that has taken effect, naming the readings it ends."""
        ended: dict[tuple[dt.date, str, str | None], tuple[Closure, list[str]]] = {}
        for party, window in windows.items():
            for closure in window.closures:
                if (closure.status in ENDING_STATUSES and closure.from_date is not None
                        and closure.from_date <= today):
                    key = (closure.from_date, closure.status, closure.declared_by)
                    ended.setdefault(key, (closure, []))[1].append(party)
        for (day, status, by), (closure, parties) in sorted(
                ended.items(), key=lambda item: (item[0][0], item[0][1], item[0][2] or "")):
            others = sorted(set(windows) - set(parties))
            effect = (f"{parties_phrase(sorted(parties))} no longer "
                      f"appl{'ies' if len(parties) == 1 else 'y'} from that day")
            if others:
                effect += (f"; under {parties_phrase(others)} nothing changes, so a strike by "
                           f"{by or 'that party'} may still be a violation there")
            source = f" (source: {closure.source})" if closure.source else ""
            yield Alert(
                key=f"{status}:{agreement.id}:{commitment.id}:{day}" + (f":{by}" if by else ""),
                kind=status, rule=self.name, agreement=agreement.id, commitment=commitment.id,
                reading=parties[0] if len(parties) == 1 else None, party=by,
                text=f"{commitment.id} ({agreement.id}) {closure.what}: {effect}{source}",
                detail={"status": status, "date": str(day), "declared_by": by,
                        "readings": sorted(parties), "unaffected": others,
                        "source": closure.source})
