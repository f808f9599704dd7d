"""Commitment events in the store: read from documents by each kind's readers, or imported
from a table, and read back for evaluation.

Each reader has a name with a version (``exchange/1``); a document is read once per reader
version (``event_scans``), so reading again after an ingest touches only new documents, and a
new version of a reader reads everything again. Only text documents (the ``text`` and ``rss``
formats) are read: dataset rows describe attacks.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trucewatch.errors import InputError
from trucewatch.store import Store

from .language import language_of

__all__ = ["EVENT_FORMATS", "Reader", "events_of", "import_events", "scan_documents"]

#: Formats whose documents are texts the readers can read.
EVENT_FORMATS = ("text", "rss")


@dataclass(frozen=True)
class Reader:
    """Reads one kind of event (``exchange``, ``meeting``) from a text."""

    name: str
    version: int
    kind: str
    read: Callable[[str, str, dt.date | None], list[dict[str, Any]]]

    @property
    def tag(self) -> str:
        return f"{self.name}/{self.version}"


def _event_id(document_id: str, reader: str, n: int) -> str:
    digest = hashlib.md5(f"{document_id}|{reader}|{n}".encode(), usedforsecurity=False)
    return f"ev-{digest.hexdigest()[:16]}"


def scan_documents(store: Store, readers: list[Reader]) -> int:
    """Read every text document no reader version has read yet; return the events found."""
    conn = store.conn
    found = 0
    with store.transaction():
        for reader in readers:
            conn.execute("DELETE FROM commitment_events WHERE reader LIKE ? AND reader <> ?",
                         [f"{reader.name}/%", reader.tag])
            conn.execute("DELETE FROM event_scans WHERE reader LIKE ? AND reader <> ?",
                         [f"{reader.name}/%", reader.tag])
            rows = conn.execute(
                "SELECT d.id, d.text, d.language, d.published, d.url, d.outlet FROM documents d "
                "WHERE list_contains(?, d.source_format) AND d.text IS NOT NULL "
                "AND NOT EXISTS (SELECT 1 FROM event_scans s WHERE s.document_id = d.id "
                "AND s.reader = ?) ORDER BY d.id", [list(EVENT_FORMATS), reader.tag]).fetchall()
            for doc_id, text, language, published, url, outlet in rows:
                events = _read(reader, text, language, published)
                for n, event in enumerate(events):
                    detail = {k: v for k, v in event.items() if k not in ("date", "evidence")}
                    conn.execute(
                        "INSERT INTO commitment_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [_event_id(doc_id, reader.tag, n), doc_id, reader.kind, event["date"],
                         json.dumps(detail, ensure_ascii=False, default=str),
                         event.get("evidence"), language, url, outlet, published, reader.tag])
                conn.execute("INSERT INTO event_scans VALUES (?, ?, ?)",
                             [doc_id, reader.tag, len(events)])
                found += len(events)
    return found


def _read(reader: Reader, text: str, language: str | None, published: dt.date | None
          ) -> list[dict[str, Any]]:
    lang = language_of(text, language)
    return reader.read(text, lang, published) if lang else []


def events_of(store: Store, kind: str) -> list[dict[str, Any]]:
    """Every stored event of ``kind``, oldest first, ``detail`` parsed."""
    cursor = store.conn.execute(
        "SELECT id, document_id, kind, event_date, detail, evidence, language, url, outlet, "
        "published, reader FROM commitment_events WHERE kind = ? "
        "ORDER BY event_date NULLS LAST, id", [kind])
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        row["detail"] = json.loads(row["detail"])
    return rows


#: Columns of an events table: exchanges need item, side (who handed over), quantity;
#: meetings need state, and may give place and delegations (parties joined by ";").
TABLE_COLUMNS = ("kind", "date", "item", "side", "quantity", "state", "place",
                 "delegations", "url", "outlet", "note")
_ITEMS = ("prisoners", "wounded", "bodies", "civilians")
_STATES = ("held", "scheduled", "cancelled")


def import_events(store: Store, path: str | Path) -> int:
    """Import a CSV table of events (:data:`TABLE_COLUMNS`; ``kind`` is ``exchange`` or
    ``meeting``); one transaction, a bad row names its line. Importing the same rows again
    changes nothing."""
    path = Path(path)
    rows = list(_table_rows(path))
    with store.transaction() as conn:
        added = 0
        for line, row, detail in rows:
            digest = hashlib.md5(json.dumps([row, detail], sort_keys=True, default=str).encode(),
                                 usedforsecurity=False).hexdigest()
            event_id = f"ev-table-{digest[:16]}"
            if conn.execute("SELECT 1 FROM commitment_events WHERE id = ?",
                            [event_id]).fetchone():
                continue
            conn.execute(
                "INSERT INTO commitment_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [event_id, f"table:{path.name}:{line}", row["kind"], row["date"],
                 json.dumps(detail, ensure_ascii=False), row.get("note") or None, None,
                 row.get("url") or None, row.get("outlet") or None, row["date"], "table"])
            added += 1
        store.audit("import_events", "file", str(path), {"rows": len(rows), "added": added})
    return added


def _table_rows(path: Path) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
    try:
        stream = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", path=path) from exc
    with stream:
        reader = csv.DictReader(stream)
        missing = {"kind", "date"} - set(reader.fieldnames or [])
        if missing:
            raise InputError(f"missing column(s) {', '.join(sorted(missing))}", path=path,
                             line=1, hint="columns: " + ", ".join(TABLE_COLUMNS))
        for line, row in enumerate(reader, 2):
            yield line, *_checked(row, path, line)


def _checked(row: dict[str, Any], path: Path, line: int) -> tuple[dict[str, Any], dict[str, Any]]:
    def bad(field: str, message: str) -> InputError:
        return InputError(message, path=path, line=line, field=field, hint="fix the row")

    kind = (row.get("kind") or "").strip()
    try:
        row["date"] = dt.date.fromisoformat((row.get("date") or "").strip())
    except ValueError:
        raise bad("date", f"{row.get('date')!r} is not a date such as 2025-03-19") from None
    if kind == "exchange":
        item = (row.get("item") or "").strip()
        if item not in _ITEMS:
            raise bad("item", f"{item!r} is not one of {', '.join(_ITEMS)}")
        try:
            quantity = int(row.get("quantity") or "")
        except ValueError:
            raise bad("quantity", f"{row.get('quantity')!r} is not a whole number") from None
        side = (row.get("side") or "").strip() or None
        detail = {"items": [{"item": item, "quantity": quantity,
                             "side": "each" if side == "each" else None,
                             "people_of": None,
                             "handed_by": None if side in (None, "each") else side,
                             "received_by": None}]}
    elif kind == "meeting":
        state = (row.get("state") or "").strip()
        if state not in _STATES:
            raise bad("state", f"{state!r} is not one of {', '.join(_STATES)}")
        detail = {"state": state, "place": (row.get("place") or "").strip() or None,
                  "country": None,
                  "delegations": sorted(p.strip() for p in (row.get("delegations") or "")
                                        .split(";") if p.strip())}
    else:
        raise bad("kind", f"{kind!r} is not exchange or meeting")
    row["kind"] = kind
    return row, detail
