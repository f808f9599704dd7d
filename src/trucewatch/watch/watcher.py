"""The watcher: polls each source on its own interval, ingests what is new through
:mod:`trucewatch.workflow`, brings the verdicts up to date, runs the alert rules and delivers.

It never holds a database connection itself: every read and write is a job handed to
``submit`` (see :mod:`trucewatch.store.session`), so the same watcher runs alone
(``trucewatch watch``, with a :class:`~trucewatch.store.session.StoreSession`) or inside a
server that owns the store and queues its writes. Network and file work happen outside jobs.

A round, :meth:`Watcher.run_once`:

1. poll every due source: URLs concurrently (conditional GET, timeout, retries), each body
   saved whole under ``fetched/`` before it is read; folders for new or changed files;
2. ingest each new item, in the order of the watch file, one transaction per file (a file
   ingested before is skipped by its hash), and record the source's health;
3. if anything was ingested, or a killed round left verdicts stale, merge and assess;
4. evaluate the alert rules and store new alerts with their pending deliveries;
5. deliver what is pending.

Stopping (``stop`` set, e.g. by SIGTERM) lets the item being ingested finish and ends the
round; whatever a killed round left undone, the next one does: nothing is written half, and
every step can be repeated without effect.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from trucewatch.alerts import Sink, build_sinks, deliver_pending, evaluate
from trucewatch.errors import InputError
from trucewatch.sources import FileResult
from trucewatch.sources.fetch import save_body
from trucewatch.store import Store
from trucewatch.store.session import Submit
from trucewatch.workflow import ingest, update_verdicts, verdicts_stale

from .config import SourceEntry, WatchConfig
from .folder import dropped_files
from .http import Polled, PollError, poll_url
from .outcome import RoundReport, SourceOutcome
from .state import (
    SourceState,
    known_files,
    load_states,
    record_failure,
    record_file,
    record_success,
    source_health,
)

__all__ = ["Watcher"]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class _Stopped(Exception):
    """Raised inside a poll's backoff wait when the watcher is stopping."""


@dataclass
class _Fetched:
    polled: Polled | None = None
    saved: Path | None = None
    error: str | None = None
    fetched_at: dt.datetime | None = None


class Watcher:
    """Polls the sources of ``config`` and alerts on what matters; see the module docstring.

    ``fetched`` is the folder where fetched bodies are kept (``fetched/`` beside the
    database); ``release`` is called when the watcher goes idle (a StoreSession closes the
    database then); ``now`` and ``sinks`` can be replaced (tests, a server's own sinks).
    """

    def __init__(self, config: WatchConfig, submit: Submit, *, fetched: Path,
                 release: Callable[[], None] | None = None,
                 now: Callable[[], dt.datetime] = _utc_now,
                 log: Callable[[str], None] | None = None, sinks: list[Sink] | None = None,
                 client: httpx.Client | None = None, backoff: float = 1.0) -> None:
        self.config = config
        self.submit = submit
        self.fetched = Path(fetched)
        self.release = release or (lambda: None)
        self.now = now
        self.log = log or (lambda message: None)
        self.sinks = sinks if sinks is not None else build_sinks(
            config.alerts.to, base_url=config.alerts.dashboard_url or "")
        self._own_client = client is None
        self.client = client or httpx.Client(
            limits=httpx.Limits(max_connections=config.concurrency * 2))
        self.backoff = backoff

    def close(self) -> None:
        """Close the HTTP client (if the watcher made it) and release the store."""
        if self._own_client:
            self.client.close()
        self.release()

    # -- scheduling ---------------------------------------------------------------------------

    def _slack(self, every: float) -> float:
        """How early a poll may come: cron and sleeps drift by a little."""
        return min(every * 0.1, 30.0)

    def is_due(self, source: SourceEntry, state: SourceState | None, now: dt.datetime) -> bool:
        """Whether ``source`` should be polled at ``now``: never polled, or its interval (less
        the slack) has passed since the last poll."""
        if state is None or state.last_polled_at is None:
            return True
        every = self.config.every(source)
        return (now - state.last_polled_at).total_seconds() >= every - self._slack(every)

    def seconds_to_next(self) -> float:
        """How long until a source is due, a failed delivery may be retried, or the time rules
        should look again (at most ``interval``); at least one second."""
        now = self.now()
        states = self.submit(lambda store: load_states(store.conn))
        waits = [self.config.interval]
        for source in self.config.sources:
            state = states.get(source.id)
            if state is None or state.last_polled_at is None:
                return 1.0
            every = self.config.every(source)
            waits.append(every - self._slack(every)
                         - (now - state.last_polled_at).total_seconds())
        retry = self.submit(lambda store: store.conn.execute(
            "SELECT min(next_attempt_at) FROM alert_deliveries WHERE state = 'pending' "
            "AND list_contains(?, sink)", [[s.id for s in self.sinks]]).fetchone()[0])
        if retry is not None:
            waits.append((retry - now).total_seconds())
        return max(1.0, min(waits))

    # -- a round ------------------------------------------------------------------------------

    def run_once(self, stop: threading.Event | None = None, *, force: bool = False
                 ) -> RoundReport:
        """One round over the sources that are due (every source with ``force``)."""
        stop = stop or threading.Event()
        report = RoundReport(started=self.now())
        states = self.submit(lambda store: load_states(store.conn))
        due = [s for s in self.config.sources
               if force or self.is_due(s, states.get(s.id), report.started)]
        urls = [s for s in due if s.kind != "folder"]
        pool = ThreadPoolExecutor(self.config.concurrency, "trucewatch-poll") if urls else None
        futures: dict[str, Future[_Fetched]] = {
            s.id: pool.submit(self._fetch, s, states.get(s.id), stop)
            for s in urls} if pool else {}
        try:
            for source in due:
                if stop.is_set():
                    report.stopped = True
                    break
                outcome = (self._poll_folder(source, stop) if source.kind == "folder"
                           else self._take(source, futures[source.id].result()))
                report.sources.append(outcome)
                self.log(outcome.line())
        finally:
            if pool is not None:
                pool.shutdown(wait=not stop.is_set(), cancel_futures=True)
        report.stopped = report.stopped or stop.is_set()
        if not report.stopped:
            self._judge_and_alert(report, stop)
        self.release()
        return report

    def _judge_and_alert(self, report: RoundReport, stop: threading.Event) -> None:
        if self.submit(verdicts_stale):
            report.incidents, report.verdicts = self.submit(update_verdicts)
            self.log(f"{report.incidents} incidents, {report.verdicts} verdicts")
        ids = [s.id for s in self.config.sources]
        sinks = [s.id for s in self.sinks]

        def alerts_job(store: Store) -> Any:
            health = source_health(store.conn, ids)
            return evaluate(store, self.config.alerts, now=self.now(), sinks=sinks,
                            sources=health)

        evaluation = self.submit(alerts_job)
        report.alerts, report.baselined = evaluation.sent, len(evaluation.baselined)
        if evaluation.summary is not None:
            self.log(f"{report.baselined} alert(s) in the history summed up in one summary")
        new = len(evaluation.sent) - (evaluation.summary is not None)
        if new:
            self.log(f"{new} new alert(s)")
        report.delivery = deliver_pending(self.submit, self.sinks, now=self.now, stop=stop)
        for key, sink, error in report.delivery.failed:
            self.log(f"alert {key} not delivered to {sink}: {error}; will retry")

    # -- URLs ---------------------------------------------------------------------------------

    def _fetch(self, source: SourceEntry, state: SourceState | None,
               stop: threading.Event) -> _Fetched:
        """Poll a URL and save a changed body (runs in a worker thread, no store access)."""

        def sleep(seconds: float) -> None:
            if stop.wait(seconds):
                raise _Stopped

        if stop.is_set():
            return _Fetched(error="stopped before polling")
        try:
            polled = poll_url(self.client, source.location, etag=state and state.etag,
                              last_modified=state and state.last_modified,
                              timeout=source.timeout, retries=source.retries,
                              backoff=self.backoff, sleep=sleep)
        except PollError as exc:
            return _Fetched(error=str(exc))
        except _Stopped:
            return _Fetched(error="stopped while retrying")
        fetched = _Fetched(polled=polled, fetched_at=self.now())
        if polled.body is not None:
            try:
                fetched.saved = save_body(source.location, polled.body, polled.content_type,
                                          self.fetched)
            except OSError as exc:
                fetched.error = f"cannot save what {source.location} sent: {exc.strerror}"
        return fetched

    def _options(self, source: SourceEntry, fetched_at: dt.datetime | None = None
                 ) -> dict[str, Any]:
        options: dict[str, Any] = {"skip_bad": source.skip_bad}
        if source.ingest_format in ("rss", "text"):
            options["language"] = source.language
        if source.kind == "page":
            options["url"] = source.location
            options["version"] = int((fetched_at or self.now()).timestamp() * 1000)
        if source.map is not None:
            options["mapping"] = source.map
        return options

    def _take(self, source: SourceEntry, fetched: _Fetched) -> SourceOutcome:
        """Ingest what a URL gave and record the source's health."""
        outcome = SourceOutcome(source.id, source.label)
        now = self.now()
        if fetched.error is not None or fetched.polled is None:
            outcome.status, outcome.error = "error", fetched.error
            self.submit(lambda store: record_failure(
                store.conn, source.id, source.kind, source.location, now=now,
                error=str(fetched.error)))
            return outcome
        polled = fetched.polled
        if fetched.saved is None:  # 304 Not Modified
            self.submit(lambda store: record_success(
                store.conn, source.id, source.kind, source.location, now=now, items=None,
                etag=polled.etag, last_modified=polled.last_modified))
            return outcome
        path, options = fetched.saved, self._options(source, fetched.fetched_at)

        def job(store: Store) -> FileResult | InputError:
            try:
                result = ingest(store, source.ingest_format, [path], merge=False,
                                **options).files[0]
            except InputError as exc:
                record_failure(store.conn, source.id, source.kind, source.location, now=now,
                               error=str(exc))
                return exc
            record_success(
                store.conn, source.id, source.kind, source.location, now=now,
                items=None if result.skipped_unchanged else result.rows,
                new=result.documents, etag=polled.etag, last_modified=polled.last_modified)
            return result

        result = self.submit(job)
        if isinstance(result, InputError):
            outcome.status, outcome.error = "error", str(result)
        else:
            self._count(outcome, result)
        return outcome

    # -- folders ------------------------------------------------------------------------------

    def _poll_folder(self, source: SourceEntry, stop: threading.Event) -> SourceOutcome:
        """Ingest the new or changed files of a folder, one at a time, until stopped."""
        outcome = SourceOutcome(source.id, source.label)
        folder = Path(source.location)
        seen = self.submit(lambda store: known_files(store.conn, source.id))
        try:
            files = dropped_files(folder, source.pattern, seen, settle=source.settle)
        except InputError as exc:
            outcome.status, outcome.error = "error", str(exc)
            now, error = self.now(), str(exc)
            self.submit(lambda store: record_failure(
                store.conn, source.id, source.kind, source.location, now=now, error=error))
            return outcome
        options = self._options(source)
        read = False
        for dropped in files:
            if stop.is_set():
                break
            now = self.now()

            def job(store: Store, dropped: Any = dropped, now: dt.datetime = now
                    ) -> FileResult | InputError:
                try:
                    result = ingest(store, source.ingest_format, [dropped.path], merge=False,
                                    **options).files[0]
                except InputError as exc:
                    record_file(store.conn, source.id, str(dropped.path), size=dropped.size,
                                mtime_ns=dropped.mtime_ns, now=now, error=str(exc))
                    return exc
                record_file(store.conn, source.id, str(dropped.path), size=dropped.size,
                            mtime_ns=dropped.mtime_ns, now=now, rows=result.rows)
                return result

            result = self.submit(job)
            if isinstance(result, InputError):
                outcome.problems.append(str(result))
                continue
            read = read or not result.skipped_unchanged
            outcome.files += 1
            self._count(outcome, result)
        now = self.now()
        problem = outcome.problems[-1] if outcome.problems else None
        self.submit(lambda store: record_success(
            store.conn, source.id, source.kind, source.location, now=now,
            items=outcome.rows if read else None, new=outcome.documents, problem=problem))
        return outcome

    @staticmethod
    def _count(outcome: SourceOutcome, result: FileResult) -> None:
        if result.skipped_unchanged:
            return
        outcome.status = "new"
        outcome.rows += result.rows
        outcome.documents += result.documents
        outcome.reports += result.reports

    # -- running ------------------------------------------------------------------------------

    def run(self, stop: threading.Event, *, on_round: Callable[[RoundReport], None] | None = None
            ) -> None:
        """Rounds until ``stop`` is set, sleeping (with the store released) until the next
        source is due."""
        while not stop.is_set():
            report = self.run_once(stop)
            if on_round is not None:
                on_round(report)
            if stop.is_set():
                break
            wait = self.seconds_to_next()
            self.release()
            stop.wait(wait)

