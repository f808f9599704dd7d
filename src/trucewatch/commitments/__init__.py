"""Commitment kinds: what each kind of promise records, the events it is judged by, and how
far it has been kept.

Kinds are plug-ins (:mod:`.kinds`): ``halt_strikes`` (incidents judged by the verdict rules),
``exchange`` (items handed over per side, read from news and statements or a table),
``talks`` (meetings promised, held, scheduled or cancelled) and ``other``; any kind may wait
on preconditions. :func:`commitments_view` is every commitment's status, history and
fulfilment; :func:`read_events` has every reader read the documents it has not read yet.
"""

from __future__ import annotations

from trucewatch.store import Store

from .events import import_events, scan_documents
from .kinds import KINDS, Kind, kind_of, readers
from .status import PRECONDITION_UNMET
from .view import commitments_view

__all__ = ["KINDS", "PRECONDITION_UNMET", "Kind", "commitments_view", "import_events",
           "kind_of", "read_events"]


def read_events(store: Store) -> int:
    """Read exchange and meeting events from the text documents no reader has read yet."""
    return scan_documents(store, readers())
