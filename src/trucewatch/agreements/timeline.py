"""The status timeline of a commitment and what it does to each reading's window.

The statuses of the agreement and of the commitment, merged by date, bound every reading:

* an ending status (expired, terminated, denounced, collapsed) takes the commitment out of
  force from its date on, under every reading; one declared by a single party
  (``declared_by``) ends only that party's reading;
* ``suspended`` takes it out of force until a status that resumes it (agreed, in force,
  extended), and so does an ending status followed by one;
* ``extended`` with ``until`` moves the last day of every reading that has one (or of the
  declaring party's) to ``until``, when that is later;
* an unmet precondition keeps the commitment out of force until it is met. Under a reading,
  what the reading's own party says of a precondition counts; if it says nothing, what any
  party says. A precondition nobody has called met is unmet.

The periods out of force are :class:`Closure` records, the ``closures`` of the rule table
(:mod:`trucewatch.assess.rules`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from trucewatch.model import (
    ENDING_STATUSES,
    RESUMING_STATUSES,
    Agreement,
    Commitment,
    Precondition,
    PreconditionState,
    Reading,
    StatusEntry,
)

from .differences import Difference

__all__ = ["Closure", "Extension", "Window", "current_status", "extensions", "reading_window",
           "status_differences", "status_history"]


@dataclass(frozen=True)
class Closure:
    """A period the status timeline takes a reading out of force: from ``from_date``
    (``None``: since ever) until ``until_date`` (exclusive; ``None``: still running)."""

    from_date: dt.date | None
    until_date: dt.date | None
    status: str
    what: str
    source: str | None
    #: The one party whose word it is (a status it declared, or what it said of a
    #: precondition), or None for a status of every party.
    declared_by: str | None = None

    def covers(self, day: dt.date) -> bool:
        return ((self.from_date is None or self.from_date <= day)
                and (self.until_date is None or day < self.until_date))

    def as_row(self) -> dict[str, object]:
        return {"from_date": self.from_date, "until_date": self.until_date,
                "status": self.status, "what": self.what, "source": self.source}


@dataclass(frozen=True)
class Extension:
    """An ``extended`` status that moved a reading's last day from ``before`` to ``after``."""

    entry: StatusEntry
    before: dt.date
    after: dt.date
    note: str


@dataclass(frozen=True)
class Window:
    """A reading's window once the status timeline is applied."""

    last_day: dt.date | None
    end_note: str | None
    closures: tuple[Closure, ...]


def status_history(agreement: Agreement, commitment: Commitment) -> list[StatusEntry]:
    """The agreement's and the commitment's statuses, oldest first (the agreement's first on
    one day)."""
    return sorted([*agreement.status, *commitment.status], key=lambda s: s.date)


def current_status(agreement: Agreement, commitment: Commitment) -> StatusEntry | None:
    """The commitment's own latest status, else the agreement's."""
    own = max(commitment.status, key=lambda s: s.date, default=None)
    return own or max(agreement.status, key=lambda s: s.date, default=None)


def _applies(entry: StatusEntry, party: str) -> bool:
    return entry.declared_by is None or entry.declared_by == party


def _source(agreement: Agreement, ref: str | None) -> str | None:
    return agreement.source_url(ref) or ref if ref else None


def _what(entry: StatusEntry) -> str:
    words = {"expired": "expired", "terminated": "was terminated",
             "denounced": "was denounced", "collapsed": "collapsed",
             "suspended": "was suspended"}[entry.status]
    by = f" (declared by {entry.declared_by})" if entry.declared_by else ""
    return f"{words} on {entry.date}{by}"


def _status_closures(agreement: Agreement, history: list[StatusEntry], party: str
                     ) -> Iterator[Closure]:
    """The periods the statuses that apply to ``party``'s reading take out of force."""
    opened: StatusEntry | None = None
    for entry in history:
        if not _applies(entry, party):
            continue
        if entry.status in ENDING_STATUSES or entry.status == "suspended":
            if opened is None:
                opened = entry
        elif entry.status in RESUMING_STATUSES and opened is not None:
            yield Closure(opened.date, entry.date, opened.status, _what(opened),
                          _source(agreement, opened.source), opened.declared_by)
            opened = None
    if opened is not None:
        yield Closure(opened.date, None, opened.status, _what(opened),
                      _source(agreement, opened.source), opened.declared_by)


def _precondition_closures(agreement: Agreement, precondition: Precondition, party: str
                           ) -> Iterator[Closure]:
    """The periods ``precondition`` is unmet under ``party``'s reading."""
    own = [s for s in precondition.states if s.by == party]
    states = sorted(own or precondition.states, key=lambda s: s.date)
    unmet_since: dt.date | None = None
    said = next((s for s in states if s.state == "unmet"), None)
    unmet = True
    for state in states:
        if state.state == "met" and unmet:
            yield _unmet(agreement, precondition, unmet_since, state.date, said)
            unmet = False
        elif state.state == "unmet" and not unmet:
            unmet, unmet_since, said = True, state.date, state
    if unmet:
        yield _unmet(agreement, precondition, unmet_since, None, said)


def _unmet(agreement: Agreement, precondition: Precondition, since: dt.date | None,
           until: dt.date | None, said: PreconditionState | None) -> Closure:
    who = (f" (unmet per {said.by} on {said.date})" if said is not None
           else " (nobody has said it is met)")
    source = said.source if said is not None else precondition.source
    return Closure(since, until, "precondition_unmet",
                   f"precondition unmet: {precondition.text}{who}", _source(agreement, source),
                   said.by if said is not None else None)


def extensions(agreement: Agreement, commitment: Commitment, reading: Reading
               ) -> list[Extension]:
    """Each ``extended`` status that moved ``reading``'s last day later, in order: a reading
    with no last day is not extended (it has no end to move)."""
    found, last_day = [], reading.last_day
    for entry in status_history(agreement, commitment):
        if (entry.status == "extended" and _applies(entry, reading.party) and last_day
                and entry.until and entry.until > last_day):
            note = f"extended on {entry.date} to {entry.until}"
            if entry.declared_by:
                note += f" (declared by {entry.declared_by})"
            if entry.source:
                note += f"; source: {_source(agreement, entry.source)}"
            found.append(Extension(entry, last_day, entry.until, note))
            last_day = entry.until
    return found


def reading_window(agreement: Agreement, commitment: Commitment, reading: Reading) -> Window:
    """``reading``'s last day and the periods it is out of force, once the agreement's and the
    commitment's statuses and preconditions are applied."""
    moved = extensions(agreement, commitment, reading)
    last_day = moved[-1].after if moved else reading.last_day
    note = moved[-1].note if moved else None
    closures = [*(c for p in commitment.preconditions
                  for c in _precondition_closures(agreement, p, reading.party)),
                *_status_closures(agreement, status_history(agreement, commitment),
                                  reading.party)]
    closures.sort(key=lambda c: (c.from_date or dt.date.min, c.status))
    return Window(last_day=last_day, end_note=note, closures=tuple(closures))


_BY_ONE = {"expired": "declared it expired", "terminated": "terminated it",
           "denounced": "denounced it", "collapsed": "declared it collapsed",
           "suspended": "suspended it", "extended": "extended it"}


def status_differences(agreement: Agreement, commitment: Commitment) -> list[Difference]:
    """What each status declared by a single party does to the readings: it bounds that
    party's reading only, and the others run on as they were."""
    parties = [r.party for r in commitment.readings]
    found = []
    for entry in status_history(agreement, commitment):
        if entry.declared_by is None or entry.status not in _BY_ONE:
            continue
        others = [p for p in parties if p != entry.declared_by]
        if not others or entry.declared_by not in parties:
            continue
        what = _BY_ONE[entry.status] + (f" to {entry.until}" if entry.until else "")
        effect = ("its reading's last day moves to " + str(entry.until) if entry.until
                  else "its reading is out of force from that day")
        values = {p: (f"{entry.status} on {entry.date}" if p == entry.declared_by
                      else "no such status") for p in parties}
        found.append(Difference("status", values, (
            f"{entry.declared_by} {what} on {entry.date}: {effect}. Under the "
            f"{' and '.join(others)} reading{'s' if len(others) > 1 else ''} nothing changes: "
            f"strikes after that day are judged as before, and a strike by "
            f"{entry.declared_by} there may be a violation under them while it is not under "
            f"{entry.declared_by}'s own.")))
    return found
