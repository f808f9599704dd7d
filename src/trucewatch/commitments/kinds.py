"""Commitment kinds as plug-ins: what each kind records, reads, and says about itself.

A :class:`Kind` declares the terms a commitment of that kind records (:data:`KIND_TERMS` of
the model, which the spec validation enforces), the readers of the events it is judged by,
its evaluator (events -> fulfilment, or the verdicts of its incidents), its vocabulary of
verdicts or fulfilment states with what each means, a one-line explain text of a fulfilment,
and the template of its section in the report and the dashboard (the JSON twin is the
evaluator's output). Adding a kind is one module and one entry of :data:`KINDS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from trucewatch.model import KIND_TERMS, Agreement, Commitment, VerdictKind
from trucewatch.store import Store

from . import exchange, halt, talks
from .events import Reader, events_of

__all__ = ["KINDS", "Kind", "kind_of", "readers"]

Evaluator = Callable[[Store, Agreement, Commitment, dt.date], dict[str, Any]]


@dataclass(frozen=True)
class Kind:
    """One kind of commitment."""

    name: str
    readers: tuple[Reader, ...]
    vocabulary: Mapping[str, str]
    evaluate: Evaluator
    explain: Callable[[dict[str, Any]], str]
    template: str

    @property
    def terms(self) -> tuple[str, ...]:
        return KIND_TERMS[self.name]

    @property
    def events(self) -> tuple[str, ...]:
        return tuple(r.kind for r in self.readers) or (("incidents",) if self.name ==
                                                       "halt_strikes" else ())


def _from_events(kind: str, evaluate: Callable[..., dict[str, Any]]) -> Evaluator:
    def run(store: Store, agreement: Agreement, commitment: Commitment, as_of: dt.date
            ) -> dict[str, Any]:
        return evaluate(agreement, commitment, events_of(store, kind), as_of)
    return run


def _explain_exchange(fulfilment: dict[str, Any]) -> str:
    parts = [f"{i['item']} handed over by {i['side']}: {i['reported']} of {i['agreed']} "
             f"({i['state'].replace('_', ' ')})" for i in fulfilment["items"]]
    return "; ".join(parts) or "no items agreed"


def _explain_talks(fulfilment: dict[str, Any]) -> str:
    parts = [f"{p['title']}: {p['state'].replace('_', ' ')}" for p in fulfilment["promised"]]
    held = sum(1 for m in fulfilment["meetings"] if m["state"] == "held")
    return "; ".join([*parts, f"{held} meeting report(s) of talks held"])


def _explain_other(fulfilment: dict[str, Any]) -> str:
    return "tracked by its status only"


def _no_fulfilment(store: Store, agreement: Agreement, commitment: Commitment, as_of: dt.date
                   ) -> dict[str, Any]:
    return {}


KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind(name="halt_strikes", readers=(),
         vocabulary={**{v.value: v.value.replace("_", " ") for v in VerdictKind}},
         evaluate=halt.evaluate_halt, explain=halt.explain_halt,
         template="kinds/halt_strikes.html"),
    Kind(name="exchange",
         readers=(Reader("exchange", 1, "exchange", exchange.read_exchanges),),
         vocabulary=exchange.STATES, evaluate=_from_events("exchange",
                                                           exchange.evaluate_exchange),
         explain=_explain_exchange, template="kinds/exchange.html"),
    Kind(name="talks", readers=(Reader("talks", 1, "meeting", talks.read_meetings),),
         vocabulary=talks.STATES, evaluate=_from_events("meeting", talks.evaluate_talks),
         explain=_explain_talks, template="kinds/talks.html"),
    Kind(name="other", readers=(), vocabulary={}, evaluate=_no_fulfilment,
         explain=_explain_other, template="kinds/other.html"),
)}


def kind_of(commitment: Commitment) -> Kind:
    return KINDS[commitment.kind.value]


def readers() -> list[Reader]:
    """Every reader of every kind."""
    return [reader for kind in KINDS.values() for reader in kind.readers]
