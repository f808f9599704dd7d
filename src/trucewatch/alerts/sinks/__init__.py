"""Where alerts go: standard output, a JSON-lines file, a webhook, e-mail. (The dashboard's
alerts page and Atom feed read the store and need no sink.)"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import TextIO

from ..config import SinkEntry
from .base import DeliveryError, Sink
from .jsonl import JsonlSink
from .smtp import EmailSink
from .stdout import StdoutSink
from .webhook import WebhookSink, signature

__all__ = ["DeliveryError", "EmailSink", "JsonlSink", "Sink", "StdoutSink", "WebhookSink",
           "build_sinks", "signature"]


def build_sinks(entries: list[SinkEntry], *, base_url: str = "",
                sleep: Callable[[float], None] = time.sleep,
                environ: Mapping[str, str] = os.environ, out: TextIO | None = None
                ) -> list[Sink]:
    """The sinks of the ``to:`` entries (secrets read from the variables of ``environ``; the
    ``stdout`` sink writes to ``out``, standard output by default)."""
    sinks: list[Sink] = []
    for entry in entries:
        if entry.stdout is not None:
            sinks.append(StdoutSink(entry.stdout, base_url=base_url, stream=out))
        elif entry.jsonl is not None:
            sinks.append(JsonlSink(entry.jsonl, base_url=base_url))
        elif entry.webhook is not None:
            sinks.append(WebhookSink(entry.webhook, environ.get(entry.secret_env or "", ""),
                                     base_url=base_url, timeout=entry.timeout,
                                     retries=entry.retries, sleep=sleep))
        elif entry.email is not None:
            sinks.append(EmailSink(
                entry.email, entry.smtp or "", sender=entry.sender, starttls=entry.starttls,
                username=environ.get(entry.username_env) if entry.username_env else None,
                password=environ.get(entry.password_env) if entry.password_env else None,
                ca_file=entry.ca_file, timeout=entry.timeout, base_url=base_url))
    return sinks
