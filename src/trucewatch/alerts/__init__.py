"""Alerts: rules that watch the store's agreements and verdicts, each raising an alert once
under a stable key; storing them; delivering them to stdout, JSON-lines files, webhooks and
e-mail; and the Atom feed the dashboard serves.

>>> from trucewatch.alerts import AlertsConfig, evaluate  # doctest: +SKIP
>>> evaluate(store, AlertsConfig(), now=now, sinks=[]).sent  # doctest: +SKIP
"""

from __future__ import annotations

from .atom import atom_feed
from .config import AlertsConfig, RuleChoice, SinkEntry
from .deliver import DeliveryReport, deliver_pending
from .durations import Duration, format_duration, parse_duration
from .evaluate import Evaluation, evaluate, watched_agreements
from .model import Alert
from .rules import RULES, AlertRule, RuleContext, register
from .sinks import DeliveryError, Sink, build_sinks
from .store import alert_deliveries, count_alerts, list_alerts

__all__ = [
    "RULES",
    "Alert",
    "AlertRule",
    "AlertsConfig",
    "DeliveryError",
    "DeliveryReport",
    "Duration",
    "Evaluation",
    "RuleChoice",
    "RuleContext",
    "Sink",
    "SinkEntry",
    "alert_deliveries",
    "atom_feed",
    "build_sinks",
    "count_alerts",
    "deliver_pending",
    "evaluate",
    "format_duration",
    "list_alerts",
    "parse_duration",
    "register",
    "watched_agreements",
]
