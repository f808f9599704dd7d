"""The dashboard's writes: each one a job on the server's one writer.

Every write of a serving process goes through ``app.state.writes``
(:class:`trucewatch.store.writer.WriteQueue`): a review or spec from a page, a trucewatch
command sent through the server (:mod:`.local_api`), and any other writer running in the
process, such as a source watcher, which submits its work the same way. Reads never wait for
them. :func:`after_write` keeps the server's own view of accounts in step with what a write
changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request

from trucewatch.store import Store

from .access import Account

__all__ = ["after_write", "write"]

T = TypeVar("T")


def write(request: Request, account: Account, label: str, work: Callable[[Store], T]) -> T:
    """Run ``work(store)`` as ``account`` on the server's writer and wait for its result."""
    return request.app.state.writes.run(label, work, actor=account.name)


def after_write(state: Any, operation: str, params: dict[str, Any]) -> None:
    """After ``operation`` changed accounts: from the first account on, everyone logs in; a
    disabled account, or one whose password changed, is logged out everywhere."""
    if operation == "users.add":
        state.has_accounts = True
    elif operation in ("users.disable", "users.passwd"):
        state.sessions.close_user(params.get("name", ""))
