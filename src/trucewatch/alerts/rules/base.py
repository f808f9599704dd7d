"""What an alert rule is, what it is given, and the registry that finds the rules.

A rule is a class with a ``name``, a one-line ``summary``, an ``Options`` model (what it can
be configured with, checked when the watch file is read) and ``alerts(context)``, which yields
every alert that holds now, each under a stable key; the evaluator keeps those whose key is
new. A rule that can yield very many alerts (one per incident) may skip keys already stored
itself, with :meth:`RuleContext.unseen`. Rules read the store; they never write it.

Each rule is one module in this package, decorated with :func:`register`; a new module is
found without being listed anywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from trucewatch.model import Agreement
from trucewatch.store import Store

from ..model import Alert

__all__ = ["REGISTRY", "AlertRule", "NoOptions", "RuleContext", "describe_incident",
           "incident_rows", "register"]


class NoOptions(BaseModel):
    """A rule without options."""

    model_config = ConfigDict(extra="forbid")


@dataclass
class RuleContext:
    """What a rule sees: the store, the watched agreements (newest version), the time, its
    options, the names of the enabled rules and the health of the watched sources (rows of
    ``watch_sources``)."""

    store: Store
    agreements: list[Agreement]
    now: dt.datetime
    options: BaseModel = field(default_factory=NoOptions)
    enabled: frozenset[str] = frozenset()
    sources: list[dict[str, Any]] = field(default_factory=list)

    @property
    def today(self) -> dt.date:
        """The date in UTC: windows end on dates, and a date rule fires from its day on."""
        return self.now.astimezone(dt.UTC).date()

    def unseen(self, key_sql: str) -> str:
        """A SQL condition that the alert key computed by ``key_sql`` is not stored yet."""
        return f"NOT EXISTS (SELECT 1 FROM alerts a WHERE a.key = ({key_sql}))"


class AlertRule:
    """Base of the alert rules; see the module docstring."""

    name: ClassVar[str]
    summary: ClassVar[str]
    Options: ClassVar[type[BaseModel]] = NoOptions
    #: ``agreement`` rules look at the watched agreements and have a history that is summed
    #: up on their first evaluation; ``sources`` rules look at the watcher itself.
    scope: ClassVar[Literal["agreement", "sources"]] = "agreement"

    def alerts(self, context: RuleContext) -> Iterator[Alert]:
        raise NotImplementedError


#: Rule name -> rule class, filled by :func:`register` as the rule modules are imported.
REGISTRY: dict[str, type[AlertRule]] = {}


def register(rule: type[AlertRule]) -> type[AlertRule]:
    """Class decorator: make ``rule`` known under its ``name``."""
    REGISTRY[rule.name] = rule
    return rule


def describe_incident(row: dict[str, Any]) -> str:
    """``energy.power_grid in UA-63 (Zmiiv) on 2025-03-26 (inc-…)`` from an incident row with
    id, target_class, admin1, country, place and event_date."""
    where = row.get("admin1") or row.get("country") or "an unknown place"
    place = f" ({row['place']})" if row.get("place") else ""
    date = row.get("event_date") or "an unknown date"
    return f"{row.get('target_class') or 'unknown target'} in {where}{place} on {date} " \
           f"({row['id']})"


def incident_rows(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The incidents ``ids`` by id, with the fields :func:`describe_incident` names."""
    if not ids:
        return {}
    cursor = store.conn.execute(
        "SELECT id, event_date, country, admin1, place, target_class, perpetrator, negated "
        "FROM incidents WHERE list_contains(?, id)", [sorted(set(ids))])
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}
