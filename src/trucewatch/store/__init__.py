"""The DuckDB store: one file, versioned schema, transactions and the audit log."""

from __future__ import annotations

from .db import DEFAULT_DB, SCHEMA_VERSION, Store, open_store

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store", "open_store"]
