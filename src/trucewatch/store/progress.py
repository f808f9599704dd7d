"""Progress of a file staged in bulk: DuckDB's own progress of the running statement, spread over
the share of the file's work that statement stands for.

A helper thread polls ``query_progress()`` of the connection a few times a second and reports
``(line, total_lines)``; the calls never overlap with each other, and the line never goes back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

__all__ = ["StatementMeter"]

POLL_SECONDS = 0.2


class StatementMeter:
    """Report ``start + (end - start) * statement progress`` of ``total`` lines while a step
    (:meth:`step`) runs; :meth:`step` itself reports ``start``."""

    def __init__(self, conn: Any, progress: Callable[[int, int], None], total: int) -> None:
        self.conn, self.progress, self.total = conn, progress, total
        self.span = (0.0, 0.0)
        self.done = 0
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.poller = threading.Thread(target=self._poll, name="ingest-progress", daemon=True)

    def __enter__(self) -> StatementMeter:
        self.conn.execute("SET enable_progress_bar = true")
        self.conn.execute("SET enable_progress_bar_print = false")
        self.poller.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stopped.set()
        self.poller.join()
        self.conn.execute("RESET enable_progress_bar_print")
        self.conn.execute("RESET enable_progress_bar")

    def step(self, start: float, end: float) -> None:
        """The statements from now on make the file go from ``start`` to ``end`` (fractions)."""
        self.span = (start, end)
        self._report(start)

    def _report(self, fraction: float) -> None:
        with self.lock:
            line = min(self.total, int(self.total * fraction))
            if line > self.done:
                self.done = line
                self.progress(line, self.total)

    def _poll(self) -> None:
        while not self.stopped.wait(POLL_SECONDS):
            percent = self.conn.query_progress()
            if percent >= 0:
                start, end = self.span
                self._report(start + (end - start) * min(percent, 100.0) / 100)
