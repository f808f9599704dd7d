"""Operations on a database by name, run on the file or through the server that owns it.

``run_operation(db, name, params)`` is what trucewatch commands call: while ``trucewatch
serve`` runs, their reads and writes go to it (:mod:`.client`), otherwise they open the file,
waiting for another command that has it open (:mod:`.runner`). The operations themselves are
in :mod:`.operations`; the server runs the same functions.
"""

from __future__ import annotations

from .operations import OPERATIONS, Events, Operation
from .runner import Notice, run_operation

__all__ = ["OPERATIONS", "Events", "Notice", "Operation", "run_operation"]
