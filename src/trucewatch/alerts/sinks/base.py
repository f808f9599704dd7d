"""What a sink is: a named place that takes one alert at a time."""

from __future__ import annotations

from typing import Protocol

from ..model import Alert

__all__ = ["DeliveryError", "Sink"]


class DeliveryError(Exception):
    """A sink could not take an alert; it stays pending and is tried again later."""


class Sink(Protocol):
    """``id`` names the sink in the store (``alert_deliveries.sink``): the same configuration
    gives the same id, so deliveries survive restarts."""

    id: str

    def deliver(self, alert: Alert) -> None:
        """Send ``alert``; DeliveryError when it could not be sent."""
