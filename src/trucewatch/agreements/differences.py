"""Where the parties' readings of one commitment differ, in words a reader can act on.

``reading_differences`` compares the terms every halt reading has (scope, window, area,
who is bound, conditions) and reports each term on which the readings disagree, including
a term some readings state and others leave out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from trucewatch.model import Reading
from trucewatch.taxonomy import class_label, expand_scope

__all__ = ["Difference", "describe_classes", "reading_differences"]

#: Whole groups named in one phrase when a reading covers all of their classes.
_GROUP_PHRASES = {
    "energy.*": "all energy infrastructure",
    "transport.*": "transport infrastructure (bridges, railways, ports, roads and airports)",
}


@dataclass(frozen=True)
class Difference:
    """One term on which readings differ; ``values`` maps each party to its value."""

    term: str
    values: dict[str, Any]
    explanation: str

    def as_dict(self) -> dict[str, Any]:
        return {"term": self.term, "values": self.values, "explanation": self.explanation}


def describe_classes(classes: Sequence[str]) -> str:
    """Class codes in words, whole groups collapsed: ``transport infrastructure (...)``."""
    remaining = list(dict.fromkeys(classes))
    words = []
    for pattern, phrase in _GROUP_PHRASES.items():
        members = expand_scope(pattern)
        if all(c in remaining for c in members):
            words.append(phrase)
            remaining = [c for c in remaining if c not in members]
    words += [class_label(c) for c in remaining]
    return _join(words) if words else "nothing"


def _join(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _scope(readings: Sequence[Reading]) -> Difference | None:
    covers = {r.party: r.classes for r in readings}
    if len({tuple(c) for c in covers.values()}) <= 1:
        return None
    # Parties that cover the same classes the same others lack share one sentence.
    claims: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for party, classes in covers.items():
        by_lacking: dict[tuple[str, ...], list[str]] = {}
        for code in classes:
            lacking = tuple(p for p, other in covers.items() if code not in other)
            if lacking:
                by_lacking.setdefault(lacking, []).append(code)
        for lacking, codes in by_lacking.items():
            claims.setdefault((tuple(codes), lacking), []).append(party)
    sentences = [
        f"the {_join(parties)} wording{'s cover' if len(parties) > 1 else ' covers'} "
        f"{describe_classes(codes)}; "
        f"the {_join(lacking)} wording{'s do' if len(lacking) > 1 else ' does'} not"
        for (codes, lacking), parties in claims.items()
    ]
    return Difference("scope", covers, "; ".join(sentences))


def _dated_term(
    term: str, readings: Sequence[Reading], value: Callable[[Reading], Any], noun: str
) -> Difference | None:
    values = {r.party: value(r) for r in readings}
    if len(set(values.values())) <= 1:
        return None
    stated = {p: v for p, v in values.items() if v is not None}
    silent = [p for p, v in values.items() if v is None]
    parts = [f"{_join(ps)} {'give' if len(ps) > 1 else 'gives'} {noun} {v}"
             for v, ps in _by_value(stated).items()]
    if silent:
        parts.append(f"{_join(silent)} {'state' if len(silent) > 1 else 'states'} none")
    explanation = "; ".join(parts)
    if term == "start" and len(set(stated.values())) > 1:
        first, last = min(stated.values()), max(stated.values())
        explanation += (
            f". Strikes from {first} until {last} are inside the window under some readings "
            "and before it under others"
        )
    elif silent and term in ("duration_days", "last_day"):
        explanation += f". Under the {_join(silent)} reading the halt has no stated end"
    return Difference(term, {p: None if v is None else str(v) for p, v in values.items()},
                      explanation)


def _by_value(values: dict[str, Any]) -> dict[Any, list[str]]:
    grouped: dict[Any, list[str]] = {}
    for party, value in values.items():
        grouped.setdefault(value, []).append(party)
    return grouped


def _list_term(
    term: str, readings: Sequence[Reading], value: Callable[[Reading], list[str]], noun: str
) -> Difference | None:
    values = {r.party: value(r) for r in readings}
    if len({tuple(sorted(v)) for v in values.values()}) <= 1:
        return None
    parts = [f"{p}: {'; '.join(v) if v else 'none stated'}" for p, v in values.items()]
    return Difference(term, values, f"The readings differ on {noun}. {'. '.join(parts)}")


def reading_differences(
    readings: Sequence[Reading], bound: dict[str, list[str]] | None = None
) -> list[Difference]:
    """Every term on which ``readings`` (one per party) differ, in a fixed term order.

    ``bound`` gives each reading's effective bound parties when the caller knows them (a
    reading without its own ``bound`` inherits the commitment's).
    """
    if len(readings) < 2:
        return []
    duration = _dated_term("duration_days", readings, lambda r: r.duration_days,
                           "a duration in days of")
    found = [
        _scope(readings),
        _dated_term("start", readings, lambda r: r.start, "a start date of"),
        duration,
        # The last day follows from start and duration; named only when they do not show it.
        None if duration else _dated_term("last_day", readings, lambda r: r.last_day,
                                          "a last day of"),
        _list_term("area", readings, lambda r: r.area, "the area covered"),
        _list_term(
            "bound_parties", readings,
            lambda r: (bound or {}).get(r.party) or r.bound or [], "who must stop",
        ),
        _list_term(
            "conditions", readings,
            lambda r: [f"{c.kind}: {c.text}" for c in r.conditions], "the conditions attached",
        ),
    ]
    return [d for d in found if d is not None]
