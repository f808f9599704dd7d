"""Bulk writes: letting DuckDB insert millions of rows in parallel."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

__all__ = ["unordered_inserts"]


@contextmanager
def unordered_inserts(conn: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Within the block, ``INSERT … SELECT`` need not keep the source order, so DuckDB writes
    in parallel; the setting is restored afterwards. Row order carries no meaning here: every
    reader sorts explicitly."""
    ordered = conn.execute("SELECT current_setting('preserve_insertion_order')").fetchone()[0]
    conn.execute("SET preserve_insertion_order = false")
    try:
        yield
    finally:
        conn.execute(f"SET preserve_insertion_order = {str(ordered).lower()}")
