"""Sending the pending deliveries: each alert to each sink, oldest first, at least once.

A delivery is marked ``delivered`` right after its sink took it; a failed one stays pending,
with its error, and is tried again in a later round after a growing wait (1 min, 2, 4 ... up to
an hour). When one alert fails on a sink, the later alerts wait for that sink's next try, so
a sink receives alerts in the order they were raised.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from trucewatch.store.session import Submit

from .sinks import DeliveryError, Sink
from .store import pending_deliveries, record_delivered, record_failed

__all__ = ["DeliveryReport", "deliver_pending", "retry_delay"]

_FIRST_RETRY = 60.0
_LAST_RETRY = 3600.0


@dataclass
class DeliveryReport:
    delivered: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # key, sink, error


def retry_delay(attempts: int) -> dt.timedelta:
    """How long a delivery that failed ``attempts`` times waits before the next try."""
    return dt.timedelta(seconds=min(_FIRST_RETRY * 2 ** max(attempts - 1, 0), _LAST_RETRY))


def deliver_pending(submit: Submit, sinks: list[Sink], *, now: Callable[[], dt.datetime],
                    stop: threading.Event | None = None) -> DeliveryReport:
    """Send every pending delivery to ``sinks`` that is due; the store is read and written
    through ``submit``, and nothing is sent while a job holds it."""
    by_id = {sink.id: sink for sink in sinks}
    pending = submit(lambda store: pending_deliveries(store.conn, list(by_id), now()))
    report = DeliveryReport()
    blocked: set[str] = set()
    for alert, sink_id, attempts in pending:
        if stop is not None and stop.is_set():
            break
        if sink_id in blocked:
            continue
        try:
            by_id[sink_id].deliver(alert)
        except DeliveryError as exc:
            blocked.add(sink_id)
            error, at = str(exc), now()
            retry_at = at + retry_delay(attempts + 1)
            submit(lambda store, key=alert.key, sink=sink_id, error=error, at=at,
                   retry_at=retry_at: record_failed(store.conn, key, sink, error, at, retry_at))
            report.failed.append((alert.key, sink_id, error))
            continue
        at = now()
        submit(lambda store, key=alert.key, sink=sink_id, at=at:
               record_delivered(store.conn, key, sink, at))
        report.delivered += 1
    return report
