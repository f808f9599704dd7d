"""A party declares a commitment's precondition met or unmet (``trucewatch agreement
precondition``, or the spec): once per statement, with what it does to the commitment, as
``trucewatch commitments`` (its status) and the verdict rules (each reading's window, in
:mod:`trucewatch.agreements.timeline`) take it.
"""

from __future__ import annotations

from collections.abc import Iterator

from trucewatch.agreements.timeline import reading_window
from trucewatch.commitments.status import current
from trucewatch.model import Agreement, Commitment, Precondition, PreconditionState

from ..model import Alert
from .base import AlertRule, RuleContext, register
from .expiry import parties_phrase


def _readings(agreement: Agreement, commitment: Commitment, state: PreconditionState
              ) -> tuple[list[str], list[str]]:
    """The readings in force and out of force for want of a precondition on the day of
    ``state``."""
    in_force, waiting = [], []
    for reading in commitment.readings:
        window = reading_window(agreement, commitment, reading)
        unmet = any(c.status == "precondition_unmet" and c.covers(state.date)
                    for c in window.closures)
        (waiting if unmet else in_force).append(reading.party)
    return sorted(in_force), sorted(waiting)


def _effect(agreement: Agreement, commitment: Commitment, state: PreconditionState) -> str:
    status, _ = current(agreement, commitment, state.date)
    effect = f"{commitment.id} is then {(status or 'without a status').replace('_', ' ')}"
    in_force, waiting = _readings(agreement, commitment, state)
    if waiting:
        effect += f"; not in force under {parties_phrase(waiting)}"
        if in_force:
            effect += f", in force under {parties_phrase(in_force)} as far as preconditions go"
    return effect


@register
class PreconditionDeclared(AlertRule):
    name = "precondition"
    summary = "a party declares a commitment's precondition met or unmet (once per statement)"

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        for agreement in context.agreements:
            for commitment in agreement.commitments:
                for precondition in commitment.preconditions:
                    yield from self._states(agreement, commitment, precondition, context)

    def _states(self, agreement: Agreement, commitment: Commitment, precondition: Precondition,
                context: RuleContext) -> Iterator[Alert]:
        for state in sorted(precondition.states, key=lambda s: (s.date, s.by, s.state)):
            if state.date > context.today:
                continue
            note = f" ({state.note})" if state.note else ""
            source = (agreement.source_url(state.source) or state.source) if state.source \
                else None
            in_force, waiting = _readings(agreement, commitment, state)
            yield Alert(
                key=f"precondition:{agreement.id}:{commitment.id}:{precondition.id}:"
                    f"{state.date}:{state.by}:{state.state}",
                kind=f"precondition_{state.state}", rule=self.name, agreement=agreement.id,
                commitment=commitment.id, party=state.by,
                text=f"{state.by} says the precondition {precondition.id} of {commitment.id} "
                     f"({agreement.id}) is {state.state} on {state.date}{note}: "
                     f"{_effect(agreement, commitment, state)}"
                     + (f" (source: {source})" if source else ""),
                detail={"precondition": precondition.id, "text": precondition.text,
                        "state": state.state, "date": str(state.date), "by": state.by,
                        "source": source, "in_force": in_force, "not_in_force": waiting,
                        "readings": [r.party for r in commitment.readings]})
