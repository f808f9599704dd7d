"""Alerts appended to a JSON-lines file, one object per line, each key once.

Before its first append the sink reads the keys already in the file, so an alert written just
before the watcher was killed (and not yet marked delivered) is not written a second time; a
last line a crash cut short is ended first, so that the next alert starts a line of its own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..model import Alert
from .base import DeliveryError

__all__ = ["JsonlSink"]


class JsonlSink:
    def __init__(self, path: Path, *, base_url: str = "") -> None:
        self.path = Path(path).absolute()
        self.id = f"jsonl:{self.path}"
        self.base_url = base_url
        self._written: set[str] | None = None

    def _keys(self) -> set[str]:
        if self._written is None:
            self._written = set()
            if self.path.exists():
                with self.path.open(encoding="utf-8") as stream:
                    for line in stream:
                        try:
                            self._written.add(json.loads(line)["key"])
                        except (ValueError, KeyError, TypeError):
                            continue  # a line cut short by a crash, or not ours
        return self._written

    def _cut_short(self) -> bool:
        """Whether the file's last line has no end (a write cut short by a crash)."""
        if not self.path.exists() or not self.path.stat().st_size:
            return False
        with self.path.open("rb") as stream:
            stream.seek(-1, 2)
            return stream.read(1) != b"\n"

    def deliver(self, alert: Alert) -> None:
        if alert.key in self._keys():
            return
        line = json.dumps(alert.as_json(self.base_url), ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self._cut_short():
                line = "\n" + line
            with self.path.open("a", encoding="utf-8") as stream:
                stream.write(line)
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as exc:
            raise DeliveryError(f"cannot append to {self.path}: {exc.strerror}") from exc
        self._keys().add(alert.key)
