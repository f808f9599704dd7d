"""Compare statements: align them by speaker and report every difference and omission.

Each speaker's statements are merged into one set of terms (the latest statement stating a
term wins; conditions, follow-ons and numbers accumulate). The terms every reading has
(scope, start, duration, bound parties, conditions) are compared by
:func:`trucewatch.agreements.reading_differences` on readings built from the terms; the terms
only statements have (follow-on steps, committed numbers) are compared here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from trucewatch import profiles
from trucewatch.agreements import Difference, reading_differences
from trucewatch.model import Condition, Reading

from .extract import read_statement
from .terms import Statement, StatementTerms, Terms

__all__ = ["Comparison", "compare", "merge_terms", "reference_date", "to_reading"]

_QUOTE_LIMIT = 300


@dataclass
class Comparison:
    """Every statement's terms, each speaker's merged reading, and where speakers differ."""

    statements: list[StatementTerms]
    speakers: dict[str, Terms]
    readings: list[Reading]
    differences: list[Difference]
    #: The readings to cost: each without a start counts from its speaker's first statement.
    dated_readings: list[Reading] = field(default_factory=list)
    #: What the differences cost, as :meth:`trucewatch.assess.costs.ReadingCost.as_dict` rows
    #: (filled by :func:`trucewatch.workflow.compare_statements` when a store holds incidents).
    costs: list[dict[str, Any]] | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON contract: statements with their terms, and the differences."""
        data: dict[str, Any] = {
            "statements": [s.model_dump(mode="json") for s in self.statements],
            "differences": [d.as_dict() for d in self.differences],
        }
        if self.costs is not None:
            data["costs"] = self.costs
        return data


def reference_date(statement: Statement, peers: Sequence[Statement]) -> dt.date | None:
    """The date yearless dates are read against: the statement's own, else its event's."""
    if statement.published:
        return statement.published
    dates = [p.published for p in peers
             if p.published and (p.event == statement.event or statement.event is None)]
    return max(dates, default=None)


def merge_terms(read: Sequence[StatementTerms]) -> Terms:
    """One speaker's terms from its statements, latest first for single-valued terms."""
    ordered = sorted(read, key=lambda s: s.published or dt.date.min, reverse=True)
    merged = Terms()
    for single in ("scope", "scope_text", "duration_days", "start", "bound_parties"):
        value = next((getattr(s.terms, single) for s in ordered if getattr(s.terms, single)),
                     getattr(merged, single))
        setattr(merged, single, value)
    merged.start_time = next((s.terms.start_time for s in ordered
                              if s.terms.start == merged.start and s.terms.start_time), None)
    for many in ("conditions", "follow_on"):
        values = [v for s in reversed(ordered) for v in getattr(s.terms, many)]
        setattr(merged, many, list(dict.fromkeys(values)))
    for s in reversed(ordered):
        merged.numbers.update(s.terms.numbers)
    return merged


def to_reading(speaker: str, terms: Terms, read: Sequence[StatementTerms]) -> Reading:
    """A speaker's merged terms as a :class:`~trucewatch.model.Reading` quoting its source."""
    source = next((s for s in read if s.evidence.get("scope")), read[0])
    quote = source.evidence.get("scope") or source.id
    kinds = {text: kind for s in read for text, kind in s.condition_kinds.items()}
    start_time = terms.start_time if terms.start and _has_offset(terms.start_time) else None
    days, end, end_time = _window_end(terms.start, start_time, terms.duration_days)
    return Reading(
        party=speaker,
        scope=terms.scope,
        start=terms.start,
        start_time=start_time,
        end=end,
        end_time=end_time,
        duration_days=days,
        bound=terms.bound_parties or None,
        conditions=[Condition(kind=kinds.get(text, "demand"), text=text)
                    for text in terms.conditions],
        quote=quote[:_QUOTE_LIMIT],
        source=source.url or source.id,
    )


def _window_end(
    start: dt.date | None, start_time: str | None, duration: float | None
) -> tuple[int | None, dt.date | None, str | None]:
    """A reading's (duration_days, end, end_time): a length of whole days as it is; one of
    hours past whole days ("30 hours", 1.25 days) as the end instant it gives from a start
    hour with its offset (1.5 days "from 20:00+03:00 on 5 June": 7 June at 08:00+03:00), else none
    (a reading counts whole days)."""
    if duration is None or float(duration).is_integer():
        return (int(duration) if duration is not None else None), None, None
    if start is None or start_time is None:
        return None, None, None
    begin = dt.datetime.fromisoformat(f"{start.isoformat()}T{start_time}")
    finish = begin + dt.timedelta(days=duration)
    return None, finish.date(), finish.strftime("%H:%M") + start_time[5:]


def _has_offset(clock: str | None) -> bool:
    """Whether a start hour carries its UTC offset ("18:00+03:00"), as a reading needs."""
    return clock is not None and len(clock) > len("HH:MM")


def _words(label: str) -> str:
    return label.replace("_", " ")


def _join(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _wording(parties: Sequence[str]) -> str:
    return f"the {_join(parties)} wording{'s do' if len(parties) > 1 else ' does'} not"


def _follow_on(merged: dict[str, Terms]) -> Difference | None:
    values = {speaker: terms.follow_on for speaker, terms in merged.items()}
    if len({frozenset(v) for v in values.values()}) <= 1:
        return None
    parts = []
    for speaker, steps in values.items():
        by_lacking: dict[tuple[str, ...], list[str]] = {}
        for step in steps:
            lacking = tuple(p for p, other in values.items() if step not in other)
            if lacking:
                by_lacking.setdefault(lacking, []).append(_words(step))
        parts += [f"the {speaker} wording names {_join(named)}; {_wording(lacking)}"
                  for lacking, named in by_lacking.items()]
    return Difference("follow_on", values, "; ".join(parts))


def _numbers(merged: dict[str, Terms]) -> Difference | None:
    values = {speaker: terms.numbers for speaker, terms in merged.items()}
    keys = list(dict.fromkeys(k for v in values.values() for k in v))
    parts = []
    for key in keys:
        stated = {p: v[key] for p, v in values.items() if key in v}
        silent = [p for p in values if p not in stated]
        if len(set(stated.values())) > 1:
            parts.append(f"{_words(key)}: " + ", ".join(f"{p} says {n}" for p, n in stated.items()))
        if silent:
            said = ", ".join(f"{p} {n}" for p, n in stated.items())
            parts.append(f"{_words(key)} ({said}) is not stated by {_join(silent)}")
    return Difference("numbers", values, "; ".join(parts)) if parts else None


def _dated(
    readings: Sequence[Reading], by_speaker: dict[str, list[StatementTerms]]
) -> list[Reading]:
    """Readings to cost: one that states no start counts from its speaker's first statement.

    An undated reading is not in force for the assessment; a statement announcing a halt
    without a start date means it starts when announced.
    """
    first_said = {
        speaker: min((i.published for i in items if i.published), default=None)
        for speaker, items in by_speaker.items()
    }
    return [r if r.start else r.model_copy(update={"start": first_said.get(r.party)})
            for r in readings]


def compare(
    statements: Sequence[Statement],
    *,
    sides: Sequence[str] | None = None,
    profile: str | None = None,
) -> Comparison:
    """Read every statement under conflict ``profile`` (by default the one its speakers are
    sides of, :func:`trucewatch.profiles.for_speakers`) and report the differences between its
    speakers' wordings.

    Statements compared are about one agreement: with no ``sides`` given, when one of them is
    by a side of the profile, "both sides" in a mediator's means those sides too."""
    profile = profile or profiles.for_speakers(s.speaker for s in statements).name
    default = profiles.get(profile).sides
    if sides is None and any(s.speaker in default for s in statements):
        sides = default
    read = [read_statement(s, reference=reference_date(s, statements), sides=sides,
                           profile=profile) for s in statements]
    by_speaker: dict[str, list[StatementTerms]] = {}
    for item in read:
        by_speaker.setdefault(item.speaker or item.id, []).append(item)
    merged = {speaker: merge_terms(items) for speaker, items in by_speaker.items()}
    readings = [to_reading(speaker, merged[speaker], items)
                for speaker, items in by_speaker.items()]
    differences = list(reading_differences(readings))
    differences += [d for d in (_follow_on(merged), _numbers(merged)) if d is not None]
    return Comparison(statements=read, speakers=merged, readings=readings,
                      differences=differences, dated_readings=_dated(readings, by_speaker))
