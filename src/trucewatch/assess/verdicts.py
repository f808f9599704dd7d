"""The strength order of verdicts: which of several verdicts an incident is listed under."""

from __future__ import annotations

from collections.abc import Iterable

from trucewatch.model import VerdictKind

__all__ = ["NOT_ASSESSED", "strongest", "verdict_order"]

#: The pseudo-verdict of an incident no reading has judged.
NOT_ASSESSED = "none"


def verdict_order() -> list[str]:
    """Verdict codes, strongest first (the order of :class:`VerdictKind`); ``none`` last."""
    return [kind.value for kind in VerdictKind] + [NOT_ASSESSED]


def strongest(verdicts: Iterable[str]) -> str:
    """The strongest of ``verdicts`` (violation beats possible_violation ...), ``none`` if empty."""
    rank = {code: i for i, code in enumerate(verdict_order())}
    return min(verdicts, key=lambda v: rank.get(v, len(rank)), default=NOT_ASSESSED)
