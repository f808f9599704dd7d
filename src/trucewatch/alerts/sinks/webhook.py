"""Alerts POSTed as JSON to a URL, signed with HMAC-SHA256, retried with backoff.

Each request carries the alert object as its body and the headers
``X-Trucewatch-Signature: sha256=<hex HMAC-SHA256 of the body under the secret>``,
``X-Trucewatch-Delivery: <alert key>`` (the same on every retry: a receiver that keeps the keys
it has seen drops a repeat) and ``X-Trucewatch-Event: <kind>``. A 2xx answer is a delivery;
a network error, a timeout, a 5xx, 408 or 429 is retried (``retries`` times, waiting 1 s, 2 s,
4 s ...); another status fails at once. A failed alert stays pending for the next round.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable

import httpx

from trucewatch.sources.fetch import USER_AGENT

from ..model import Alert
from .base import DeliveryError

__all__ = ["WebhookSink", "signature"]

_RETRIED = {408, 429}


def signature(secret: bytes, body: bytes) -> str:
    """The ``X-Trucewatch-Signature`` value of ``body``."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


class WebhookSink:
    def __init__(self, url: str, secret: str, *, base_url: str = "", timeout: float = 10.0,
                 retries: int = 3, backoff: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.id = f"webhook:{url}"
        self.url = url
        self.secret = secret.encode()
        self.base_url = base_url
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep

    def deliver(self, alert: Alert) -> None:
        body = json.dumps(alert.as_json(self.base_url), ensure_ascii=False,
                          sort_keys=True).encode()
        headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT,
                   "X-Trucewatch-Signature": signature(self.secret, body),
                   "X-Trucewatch-Delivery": alert.key, "X-Trucewatch-Event": alert.kind}
        problem = ""
        with httpx.Client(timeout=self.timeout) as client:
            for attempt in range(self.retries + 1):
                if attempt:
                    self.sleep(self.backoff * 2 ** (attempt - 1))
                try:
                    response = client.post(self.url, content=body, headers=headers)
                except httpx.TimeoutException:
                    problem = f"no answer within {self.timeout:g} s"
                    continue
                except httpx.HTTPError as exc:
                    problem = f"cannot reach it: {exc}"
                    continue
                if response.is_success:
                    return
                problem = f"answered {response.status_code} {response.reason_phrase}"
                if response.status_code < 500 and response.status_code not in _RETRIED:
                    break
        raise DeliveryError(f"webhook {self.url} {problem}")
