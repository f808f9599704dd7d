"""The identity of an ingest: the file's bytes, its format and the reader's options.

The same bytes read the same way again change nothing. The same bytes read another way
(another ``--map``, ``--encoding``, ``--date-format`` or format) are a new ingest: it gets
document ids of its own (the ingest's fingerprint enters them), and the reports of the
earlier reading of those bytes are marked superseded, kept as history. Reading the bytes
once more in an earlier way is again a new ingest, superseding the one before it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Identity", "canonical_options", "identify", "record_ingest", "supersede_earlier"]


def canonical_options(options: dict[str, Any]) -> str:
    """The reader options that change what is read, as canonical JSON (unset ones left out)."""
    kept = {name: value for name, value in options.items() if value not in (None, "", {}, [])}
    return json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str)


@dataclass
class Identity:
    """Who an ingest is, and what stands in its way."""

    file_hash: str
    source_format: str
    options: str
    ingest_id: str
    fingerprint: str  # "" for the first, plain reading of these bytes; else enters doc ids
    unchanged: bool = False
    earlier: list[dict[str, Any]] = field(default_factory=list)  # current other readings


def identify(conn: Any, file_hash: str, source_format: str, options: dict[str, Any]
             ) -> Identity:
    """The identity of reading ``file_hash`` as ``source_format`` with ``options``."""
    wanted = canonical_options(options)
    rows = conn.execute(
        "SELECT ingest_id, path, source_format, options, ingested_at, documents_at, "
        "superseded_by FROM ingested_files WHERE content_hash = ?", [file_hash]).fetchall()
    names = ("ingest_id", "path", "source_format", "options", "ingested_at", "documents_at",
             "superseded_by")
    found = [dict(zip(names, row, strict=True)) for row in rows]
    current = [row for row in found if row["superseded_by"] is None]
    same = [row for row in current if row["source_format"] == source_format and (
        _same_options(row["options"], wanted) or row["documents_at"] is None)]
    ingest_id = hashlib.sha256(
        f"{file_hash}\x1f{source_format}\x1f{wanted}\x1f{len(found)}".encode()).hexdigest()
    plain = wanted == "{}" and not found
    return Identity(file_hash, source_format, wanted, ingest_id,
                    "" if plain else ingest_id[:16], unchanged=bool(same),
                    earlier=[row for row in current if row not in same])


def _same_options(stored: Any, wanted: str) -> bool:
    value = json.loads(stored) if isinstance(stored, str) else stored
    return json.dumps(value or {}, sort_keys=True, ensure_ascii=False, default=str) == wanted


def supersede_earlier(conn: Any, identity: Identity) -> int:
    """Mark the reports of the earlier readings of the same bytes superseded; how many."""
    superseded = 0
    for row in identity.earlier:
        written = row["documents_at"] or conn.execute(
            "SELECT max(ingested_at) FROM documents WHERE source_path = ? AND source_format = ? "
            "AND ingested_at <= ?", [row["path"], row["source_format"], row["ingested_at"]]
        ).fetchone()[0]
        superseded += conn.execute(
            "UPDATE reports SET superseded = true WHERE NOT coalesce(superseded, false) AND "
            "document_id IN (SELECT id FROM documents WHERE source_path = ? AND "
            "source_format = ? AND ingested_at = ?)",
            [row["path"], row["source_format"], written]).fetchone()[0]
        conn.execute("UPDATE ingested_files SET superseded_by = ? WHERE ingest_id = ?",
                     [identity.ingest_id, row["ingest_id"]])
    return superseded


def record_ingest(conn: Any, identity: Identity, path: str, counts: dict[str, Any]) -> None:
    """Record the ingest: its identity, its counts and when its documents were written."""
    written = conn.execute(
        "SELECT max(ingested_at) FROM documents WHERE source_path = ? AND source_format = ?",
        [path, identity.source_format]).fetchone()[0]
    conn.execute(
        "INSERT INTO ingested_files (ingest_id, content_hash, path, source_format, options, "
        "rows_read, documents, reports, rejected, skipped, duplicates, encoding, date_format, "
        "ingested_at, documents_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [identity.ingest_id, identity.file_hash, path, identity.source_format, identity.options,
         counts["rows"], counts["documents"], counts["reports"], counts["rejected"],
         counts["skipped"], counts["duplicates"], counts["encoding"], counts["date_format"],
         dt.datetime.now(dt.UTC), written if counts["documents"] else None])
