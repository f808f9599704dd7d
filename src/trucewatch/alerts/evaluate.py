"""Running the enabled rules over the watched agreements and storing what is new.

The first evaluation of a rule over an agreement meets its whole history: what it finds then is
stored as *baseline* alerts, summed up in one ``summary`` alert that is sent instead of
hundreds (``first_run: alerts`` sends each instead). Every later evaluation stores only alerts
whose key is new, each with a pending delivery to every configured sink.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from trucewatch.agreements import get_agreement, list_agreements
from trucewatch.errors import NotFoundError
from trucewatch.model import Agreement
from trucewatch.store import Store

from .config import AlertsConfig
from .model import Alert
from .rules import RULES, RuleContext
from .store import baselined, insert_alerts, mark_baselined, stored_keys

__all__ = ["Evaluation", "evaluate", "watched_agreements"]

#: The order in which a summary lists what it sums up: what changes obligations first.
_WEIGHT = ["first_violation", "escape_clause", "expired", "terminated", "denounced",
           "collapsed", "window_extended", "window_ending", "window_ended", "precondition_unmet",
           "precondition_met", "exchange_overdue", "meeting_overdue", "overdue",
           "exchange_partial", "meeting_cancelled", "status_change", "disputed",
           "new_violation", "new_possible_violation"]
_LISTED = 20


@dataclass
class Evaluation:
    """What one evaluation stored: alerts to send (the summary among them), and history
    recorded without sending."""

    sent: list[Alert] = field(default_factory=list)
    baselined: list[Alert] = field(default_factory=list)
    summary: Alert | None = None


def watched_agreements(store: Store, ids: list[str] | None) -> list[Agreement]:
    """The newest version of each agreement in ``ids`` (every stored one when None)."""
    known = [s.id for s in list_agreements(store)]
    if ids is None:
        ids = known
    missing = [i for i in ids if i not in known]
    if missing:
        raise NotFoundError(
            f"alerts.agreements: no agreement {', '.join(map(repr, missing))} in the store",
            hint=f"known: {', '.join(known)}" if known
            else "add one with `trucewatch agreement add SPEC`")
    return [get_agreement(store, i) for i in ids]


def evaluate(store: Store, config: AlertsConfig, *, now: dt.datetime, sinks: list[str],
             sources: list[dict[str, Any]] | None = None) -> Evaluation:
    """Run the enabled rules; store the new alerts in one transaction with a pending delivery
    to each of ``sinks``. ``sources`` are the health rows of the watched sources."""
    agreements = watched_agreements(store, config.agreements)
    enabled = frozenset(choice.name for choice in config.rules)
    found: dict[str, Alert] = {}
    for choice in config.rules:
        context = RuleContext(store=store, agreements=agreements, now=now,
                              options=choice.options, enabled=enabled,
                              sources=sources or [])
        for alert in RULES[choice.name]().alerts(context):
            found.setdefault(alert.key, alert)
    known = stored_keys(store.conn, found)
    new = [alert for key, alert in found.items() if key not in known]
    fresh = {(a.id, choice.name) for a in agreements for choice in config.rules
             if RULES[choice.name].scope == "agreement"} - baselined(store.conn)
    result = Evaluation()
    for alert in new:
        alert.baseline = (config.first_run == "summary"
                          and (alert.agreement or "", alert.rule) in fresh)
        (result.baselined if alert.baseline else result.sent).append(alert)
    if result.baselined:
        result.summary = _summary(result.baselined, now)
        result.sent.insert(0, result.summary)
    with store.transaction() as conn:
        insert_alerts(conn, result.baselined, now=now, sinks=[])
        insert_alerts(conn, result.sent, now=now, sinks=sinks)
        mark_baselined(conn, fresh, now)
    return result


def _summary(history: list[Alert], now: dt.datetime) -> Alert:
    """One alert that sums up the alerts a first evaluation found in the history."""
    per_agreement: dict[str, Counter[str]] = {}
    for alert in history:
        per_agreement.setdefault(alert.agreement or "-", Counter())[alert.kind] += 1
    rank = {kind: i for i, kind in enumerate(_WEIGHT)}
    listed = sorted(history, key=lambda a: (rank.get(a.kind, len(rank)), a.key))[:_LISTED]
    parts = [f"{agreement}: " + ", ".join(f"{n} {kind.replace('_', ' ')}"
                                          for kind, n in sorted(counts.items(),
                                                                key=lambda kc: rank.get(kc[0], 99)))
             for agreement, counts in sorted(per_agreement.items())]
    agreements = sorted(per_agreement)
    return Alert(
        key=f"summary:{now.astimezone(dt.UTC).isoformat()}", kind="summary", rule="summary",
        agreement=agreements[0] if len(agreements) == 1 else None,
        text=f"Watching from now on: {len(history)} alert(s) in the history so far were recorded "
             f"without sending ({'; '.join(parts)})",
        detail={"counts": {a: dict(c) for a, c in sorted(per_agreement.items())},
                "alerts": [{"key": a.key, "kind": a.kind, "text": a.text} for a in listed],
                "more": max(0, len(history) - len(listed))})
