"""A source watcher inside the server (``trucewatch serve --watch SOURCES.yaml``).

The server owns the database, so the watcher holds no connection of its own: every read and
write of a round is a job on the server's one writer (``app.state.writes``), queued with the
dashboard's reviews and the commands sent through the server, while pages keep reading on their
own cursors. Polling and saving bodies happen outside jobs, in the watcher's thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from trucewatch.store import Store
from trucewatch.store.writer import WriteQueue
from trucewatch.watch import RoundReport, WatchConfig, Watcher

__all__ = ["ServerWatcher"]

log = logging.getLogger("trucewatch.web.watch")

#: The name the watcher's writes carry in the audit log.
WATCH_ACTOR = "watch"


class ServerWatcher:
    """Runs :class:`~trucewatch.watch.Watcher` rounds in a thread, its jobs on ``writes``.

    ``fetched`` is the folder for fetched bodies; ``on_round`` is told of each round;
    ``report`` of an error that ended a round (the next round runs after the interval).
    """

    def __init__(self, config: WatchConfig, writes: WriteQueue, *, fetched: Path,
                 on_round: Callable[[RoundReport], None] | None = None,
                 report: Callable[[str], None] | None = None) -> None:
        self.config = config
        self._writes = writes
        self._on_round = on_round or (lambda round_report: None)
        self._report = report or log.warning
        self._stop = threading.Event()
        self.watcher = Watcher(config, self._submit, fetched=fetched, log=log.info)
        self._thread = threading.Thread(target=self._run, name="trucewatch-watch", daemon=True)

    def _submit(self, job: Callable[[Store], Any]) -> Any:
        return self._writes.run("watch round", job, actor=WATCH_ACTOR)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Let the item being ingested finish, end the round, and wait for the thread."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        self.watcher.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.watcher.run(self._stop, on_round=self._on_round)
            except Exception as exc:  # the server keeps serving; the watcher tries again
                self._report(f"watch round failed: {exc}; next round in "
                             f"{self.config.interval:g} s")
                self._stop.wait(self.config.interval)
