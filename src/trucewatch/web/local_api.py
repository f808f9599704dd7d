"""``POST /api/local/{operation}``: trucewatch commands on this machine, run by the server.

While the server owns the database, ``trucewatch status``, ``ingest``, ``agreement add`` and
the rest send their operation here (:mod:`trucewatch.service.client`) with the server file's
token. Reads run at once on a read cursor; writes are queued on the server's one writer behind
the dashboard's own writes; an operation that submits its own jobs (a watch round) runs in a
thread of its own, each job queued on the writer. The answer is JSON lines: ``queued`` (with
the writes ahead), ``progress``, ``step`` and ``output`` events while it runs, then ``result``
or ``error``.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, Future
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request
from fastapi.responses import StreamingResponse

from trucewatch.errors import AccessError, NotFoundError, StoreError, TrucewatchError
from trucewatch.service import OPERATIONS, Operation
from trucewatch.service.wire import error_to_wire, plain

from .access import Account, current_account
from .writes import after_write

__all__ = ["router"]

log = logging.getLogger("trucewatch.web")
router = APIRouter()
_DONE = object()


def _line(event: dict[str, Any]) -> bytes:
    return (json.dumps(event, ensure_ascii=False) + "\n").encode()


def _outcome(run: Any) -> dict[str, Any]:
    """The last event: the result of ``run()``, or its error."""
    try:
        return {"event": "result", "data": run()}
    except TrucewatchError as exc:
        return {"event": "error", "error": error_to_wire(exc)}
    except CancelledError:
        error = StoreError("the server stopped before it ran this command",
                           hint="run it again; nothing was written")
    except Exception as exc:
        log.exception("local operation failed")
        error = TrucewatchError(f"the server failed: {type(exc).__name__}: {exc}",
                                hint="its log has the details")
    return {"event": "error", "error": error_to_wire(error)}


def _read(request: Request, operation: Operation, params: dict[str, Any],
          account: Account) -> Iterator[bytes]:
    def run() -> Any:
        with request.app.state.reads.store(user=account.name) as store:
            return operation.run(store, params)
    yield _line(_outcome(run))


def _write(request: Request, operation: Operation, params: dict[str, Any],
           account: Account) -> Iterator[bytes]:
    state = request.app.state
    events: queue.Queue[Any] = queue.Queue()
    ahead = [job.describe() for job in state.writes.pending()]
    future = state.writes.submit(operation.describe(params),
                                 lambda store: operation.run(store, params, events.put),
                                 actor=account.name)
    future.add_done_callback(lambda done: events.put(_DONE))
    if ahead:
        yield _line({"event": "queued", "ahead": ahead})
    while (event := events.get()) is not _DONE:
        yield _line(plain(event))

    def result() -> Any:
        data = future.result()
        after_write(state, operation.name, params)
        return data
    yield _line(_outcome(result))


def _submitting(request: Request, operation: Operation, params: dict[str, Any],
                account: Account) -> Iterator[bytes]:
    """Run ``operation`` in a thread, each of its jobs queued on the writer; a command that
    goes away stops it after the item at hand."""
    writes = request.app.state.writes
    events: queue.Queue[Any] = queue.Queue()
    stop = threading.Event()
    future: Future[Any] = Future()
    label = operation.describe(params)

    def submit(job: Callable[[Any], Any]) -> Any:
        return writes.run(label, job, actor=account.name)

    def work() -> None:
        try:
            future.set_result(operation.run_submitting(submit, params, events.put, stop))
        except BaseException as exc:  # the command gets it as its error event
            future.set_exception(exc)
        events.put(_DONE)

    threading.Thread(target=work, name=f"trucewatch-{operation.name}", daemon=True).start()
    try:
        while (event := events.get()) is not _DONE:
            yield _line(plain(event))
        yield _line(_outcome(future.result))
    finally:
        stop.set()


def _local_command(request: Request) -> Account:
    """The account of a trucewatch command on this machine (the server file's token); no
    other account may ask: operations read files by their path on the server."""
    account = current_account(request)
    if account is None or account.via != "token":
        raise AccessError("only trucewatch commands on the server's machine may use this",
                          hint="they send the token of the server file beside the database")
    request.state.account = account
    return account


@router.post("/api/local/{name}", include_in_schema=False)
def run_local(request: Request, name: str,
              account: Annotated[Account, Depends(_local_command)],
              params: Annotated[dict[str, Any], Body(default_factory=dict)]
              ) -> StreamingResponse:
    operation = OPERATIONS.get(name)
    if operation is None:
        raise NotFoundError(f"no operation {name!r}",
                            hint="is this trucewatch the same version as the server's?")
    operation.check(params)
    run = _submitting if operation.submits else _write if operation.writes else _read
    stream = run(request, operation, params, account)
    return StreamingResponse(stream, media_type="application/x-ndjson")
