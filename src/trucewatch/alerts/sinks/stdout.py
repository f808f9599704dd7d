"""Alerts on standard output: one line of text, or one JSON object, per alert."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from ..model import Alert

__all__ = ["StdoutSink"]


class StdoutSink:
    def __init__(self, form: str = "text", *, base_url: str = "",
                 stream: TextIO | None = None) -> None:
        self.id = "stdout"
        self.form = form
        self.base_url = base_url
        self.stream = stream

    def deliver(self, alert: Alert) -> None:
        stream = self.stream or sys.stdout
        if self.form == "json":
            stream.write(json.dumps(alert.as_json(self.base_url), ensure_ascii=False) + "\n")
        else:
            link = alert.links(self.base_url)
            stream.write(f"[{alert.kind}] {alert.text} <{link['dashboard']}>\n")
        stream.flush()
