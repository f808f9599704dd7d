"""A bound on DuckDB's memory while a big ingest or merge runs.

By default DuckDB may keep 80% of the machine's memory, and it keeps what it wrote cached until
then: a million-row ingest would hold well over a gigabyte. Within :func:`bounded_memory` it
evicts written blocks (and would spill to its temp directory) instead; the limit is restored
afterwards, and a lower limit already set is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["INGEST_MEMORY", "bounded_memory"]

#: DuckDB's memory limit while ingesting or merging.
INGEST_MEMORY = "1GiB"

_UNITS = {"": 1, "bytes": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
          "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}
_SIZE = re.compile(r"\s*([0-9.]+)\s*([a-z]*)\s*")


def _bytes(size: str) -> float:
    match = _SIZE.fullmatch(size.lower())
    if match is None or match[2] not in _UNITS:
        return float("inf")
    return float(match[1]) * _UNITS[match[2]]


@contextmanager
def bounded_memory(conn: Any, limit: str = INGEST_MEMORY) -> Iterator[None]:
    """Within the block DuckDB uses at most ``limit`` (unless its limit is already lower)."""
    before = conn.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    if _bytes(before) <= _bytes(limit):
        yield
        return
    conn.execute("RESET memory_limit")
    default = conn.execute("SELECT current_setting('memory_limit')").fetchone()[0] == before
    conn.execute(f"SET memory_limit = '{limit}'")
    try:
        yield
    finally:  # the default is restored exactly (its text is rounded)
        conn.execute("RESET memory_limit" if default else f"SET memory_limit = '{before}'")
