"""The one writer of a store in a serving process.

A server owns the database and serves reads on many cursors at once (DuckDB readers see the
last committed state and never wait for a writer). Writes are different: two transactions that
touch the same rows conflict, and an ingest rebuilds incidents and verdicts that a review also
changes. So every write of the process, whoever asks for it (a dashboard form, a trucewatch
command sent through the server, a source watcher running inside it), is a job submitted to
one :class:`WriteQueue`: jobs run one at a time, in the order submitted, on the queue's own
thread and cursor, and each job's caller waits on its future, or not.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

import duckdb

from trucewatch.errors import StoreError

from .db import Store

__all__ = ["Job", "WriteQueue"]

log = logging.getLogger("trucewatch.store.writer")
T = TypeVar("T")


@dataclass
class Job:
    """One write: what it is (``label``, for people waiting behind it), on whose behalf, when
    it was submitted and started, the work, and its future."""

    id: int
    label: str
    actor: str
    work: Callable[[Store], Any]
    future: Future[Any]
    submitted_at: dt.datetime
    started_at: dt.datetime | None = None

    def describe(self) -> dict[str, Any]:
        """The job as JSON-ready data: id, label, actor, submitted and started times."""
        return {"id": self.id, "label": self.label, "actor": self.actor,
                "submitted_at": self.submitted_at.isoformat(timespec="seconds"),
                "started_at": (self.started_at.isoformat(timespec="seconds")
                               if self.started_at else None)}


class WriteQueue:
    """Runs write jobs one at a time on a cursor of ``store``'s database, in its own thread.

    :meth:`submit` returns at once with a future of the job's result (or exception). Each job
    gets a :class:`Store` on the queue's cursor whose ``actor`` is the job's, so the audit log
    names who asked. :meth:`close` lets the running job finish and cancels the rest.
    """

    def __init__(self, store: Store) -> None:
        self._store_path = store.path
        self._cursor = store.conn.cursor()
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._waiting: list[Job] = []
        self._running: Job | None = None
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="trucewatch-writer", daemon=True)
        self._thread.start()

    def submit(self, label: str, work: Callable[[Store], T], *, actor: str) -> Future[T]:
        """Queue ``work(store)`` as the job ``label`` on behalf of ``actor``."""
        future: Future[T] = Future()
        job = Job(next(self._ids), label, actor, work, future, dt.datetime.now(dt.UTC))
        with self._lock:
            if self._closed:
                raise StoreError("the server is stopping and takes no more writes",
                                 hint="run the command again once it has stopped")
            self._waiting.append(job)
            self._jobs.put(job)
        return future

    def run(self, label: str, work: Callable[[Store], T], *, actor: str) -> T:
        """Submit ``work`` and wait for its result (its exception is raised here)."""
        return self.submit(label, work, actor=actor).result()

    def pending(self) -> list[Job]:
        """The running job (first) and those waiting behind it, in order."""
        with self._lock:
            return ([self._running] if self._running else []) + list(self._waiting)

    def close(self, timeout: float | None = None) -> None:
        """Take no more jobs, cancel those waiting, let the running one finish, stop."""
        with self._lock:
            self._closed = True
            cancelled, self._waiting = self._waiting, []
        for job in cancelled:
            job.future.cancel()
        self._jobs.put(None)
        self._thread.join(timeout)
        self._cursor.close()

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            with self._lock:
                if job not in self._waiting:  # cancelled by close()
                    continue
                self._waiting.remove(job)
                self._running = job
            if job.future.set_running_or_notify_cancel():
                job.started_at = dt.datetime.now(dt.UTC)
                try:
                    job.future.set_result(job.work(Store(self._store_path, self._cursor,
                                                         user=job.actor)))
                except BaseException as exc:  # the caller gets it through the future
                    if not isinstance(exc, Exception):
                        log.warning("write job %r stopped: %r", job.label, exc)
                    job.future.set_exception(exc)
                _end_open_transaction(self._cursor)
            with self._lock:
                self._running = None


def _end_open_transaction(cursor: duckdb.DuckDBPyConnection) -> None:
    """Roll back a transaction a failed job left open, so the next job starts clean."""
    with contextlib.suppress(duckdb.Error):  # none was open: the usual case
        cursor.execute("ROLLBACK")
