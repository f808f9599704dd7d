"""Writing reader records into the store: one transaction per file, in Arrow batches.

Records are hashed (the document id is the format plus the MD5 of the row's content), gathered
column-wise into Arrow batches, staged, and copied into ``documents`` and ``reports`` with one
``INSERT … SELECT`` each that skips what is already stored: re-ingesting a file, or a row,
changes nothing. A file whose bytes were ingested before is skipped at once. An older version
of a row's source key (an edited ACLED event) is marked superseded, not deleted.

Formats with a bulk stage (ACLED) stage a clean file set-based in DuckDB instead of record by
record, as the views ``_stage_docs``, ``_stage_reports`` and ``_stage_keys`` (the id and source
key of each staged document, cheaper to read than ``_stage_docs``); their ``stage(conn, path,
lines=...)`` returns a :class:`Staged` object that this module owns for the file's duration, or
None for a file with any bad row, which then falls back to the reader, naming the exact line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa

from trucewatch.errors import InputError
from trucewatch.sources.base import DOCUMENT_FIELDS, REPORT_FIELDS, ReadNotes
from trucewatch.sources.identity import Identity, identify, record_ingest, supersede_earlier
from trucewatch.sources.registry import format_module
from trucewatch.sources.rejects import write_rejects
from trucewatch.sources.tabular import is_workbook
from trucewatch.store import Store
from trucewatch.store.bulk import unordered_inserts
from trucewatch.store.memory import bounded_memory
from trucewatch.store.progress import StatementMeter

__all__ = ["FileResult", "Staged", "ingest_file", "scan_file"]

BATCH_ROWS = 50_000
#: Where each step of a file staged in bulk ends, as a share of the file's work (measured on a
#: million ACLED rows): reading, checking what is new, writing documents, writing reports.
_SHARES = {"read": 0.45, "check": 0.5, "documents": 0.72, "reports": 0.98}

_DOC_SCHEMA = pa.schema([
    ("id", pa.string()), ("source_line", pa.int32()),
    ("source_key", pa.string()), ("source_version", pa.int64()),
    ("url", pa.string()), ("outlet", pa.string()), ("published", pa.date32()),
    ("language", pa.string()), ("text", pa.string()),
])
_REPORT_SCHEMA = pa.schema([
    ("id", pa.string()), ("document_id", pa.string()), ("source_line", pa.int32()),
    ("source_key", pa.string()), ("source_version", pa.int64()),
    ("event_date", pa.date32()), ("date_precision", pa.string()), ("country", pa.string()),
    ("admin1", pa.string()), ("place", pa.string()), ("lat", pa.float64()),
    ("lon", pa.float64()), ("geo_precision", pa.string()), ("target_class", pa.string()),
    ("target_text", pa.string()), ("weapon", pa.string()), ("perpetrator", pa.string()),
    ("claimed_by", pa.string()), ("negated", pa.bool_()), ("evidence", pa.string()),
    ("confidence", pa.float64()), ("reasons", pa.string()), ("event_at", pa.timestamp("us")),
    ("event_offset", pa.string()), ("outlet", pa.string()), ("source", pa.string()),
])


class Staged(Protocol):
    """A file staged in bulk: ``rows`` records in the views ``_stage_keys``, ``_stage_docs``
    and ``_stage_reports``; ``notes`` says what the stage read (rows skipped, encoding, date
    format); ``finish`` completes it once the documents are written (before
    ``_stage_reports`` is read); ``close`` drops it."""

    rows: int

    def notes(self) -> ReadNotes: ...

    def finish(self) -> None: ...

    def close(self) -> None: ...


@dataclass
class FileResult:
    """What ingesting one file did. Every data row is accounted for: ``rows`` = ``records``
    (mapped) + ``skipped`` (read but not attacks, by reason) + ``rejected``; of the records,
    ``duplicates`` repeat an earlier row of the file (the same content, or the same id and
    version: the later row is kept), ``documents`` are new and the rest were stored before."""

    path: str
    source_format: str
    skipped_unchanged: bool = False
    rows: int = 0
    records: int = 0
    documents: int = 0
    reports: int = 0
    rejected: int = 0
    rejects_path: str | None = None
    superseded: int = 0
    duplicates: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    replaced: int = 0  # reports of an earlier reading of the same bytes, now superseded
    encoding: str | None = None
    date_format: str | None = None
    rejects: list[tuple[int | None, str, Any]] = field(default_factory=list, repr=False)
    header: list[str] = field(default_factory=list, repr=False)

    @property
    def already_stored(self) -> int:
        """Records whose document an earlier ingest had stored."""
        return self.records - self.duplicates - self.documents


def scan_file(path: Path) -> tuple[str, int]:
    """The SHA-256 of a file's bytes and its number of lines, in one pass."""
    digest = hashlib.sha256()
    lines = 0
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
                lines += chunk.count(b"\n")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from exc
    return digest.hexdigest(), lines


@dataclass(frozen=True)
class _KeyCounts:
    """One pass over the staged documents' keys: ``rows``, distinct id hashes, rows with a
    source key and distinct source-key hashes. Distinct hashes prove ids or keys distinct for
    far less than grouping the strings; equal hashes only send a file down the exact path."""

    rows: int
    distinct_ids: int
    keyed: int
    distinct_keys: int

    @classmethod
    def of(cls, conn: Any, keys: str) -> _KeyCounts:
        """The counts of the relation ``keys`` (columns ``id`` and ``source_key``)."""
        return cls(*conn.execute(
            "SELECT count(*), count(DISTINCT hash(id)), count(source_key), "
            f"count(DISTINCT hash(source_key)) FILTER (WHERE source_key IS NOT NULL) FROM {keys}"
        ).fetchone())


class _Batch:
    """Columns of documents and reports gathered from records until flushed to Arrow."""

    def __init__(self, source_format: str, fingerprint: str = "") -> None:
        self.prefix = source_format
        self.fingerprint = fingerprint
        self.docs: dict[str, list[Any]] = {name: [] for name in _DOC_SCHEMA.names}
        self.reports: dict[str, list[Any]] = {name: [] for name in _REPORT_SCHEMA.names}

    def __len__(self) -> int:
        return len(self.docs["id"])

    def add(self, record: dict[str, Any]) -> None:
        content_hash = hashlib.md5(record["content"].encode(), usedforsecurity=False).hexdigest()
        doc_id = f"{self.prefix}-{content_hash[:20]}"
        if self.fingerprint:  # another reading of bytes read before: documents of its own
            mixed = hashlib.md5((content_hash + self.fingerprint).encode(),
                                usedforsecurity=False).hexdigest()
            doc_id = f"{self.prefix}-{mixed[:20]}"
        docs, document = self.docs, record["document"]
        docs["id"].append(doc_id)
        docs["source_line"].append(record.get("line"))
        docs["source_key"].append(record.get("source_key"))
        docs["source_version"].append(record.get("source_version"))
        for name in DOCUMENT_FIELDS:
            docs[name].append(document.get(name))
        columns = self.reports
        for n, report in enumerate(record["reports"]):
            columns["id"].append(f"{doc_id}#{n}")
            columns["document_id"].append(doc_id)
            columns["source_line"].append(record.get("line"))
            columns["source_key"].append(record.get("source_key"))
            columns["source_version"].append(record.get("source_version"))
            for name in REPORT_FIELDS:
                value = report[name]
                if name == "reasons" and not isinstance(value, str):
                    value = json.dumps(value or {}, ensure_ascii=False)
                columns[name].append(value)
            columns["outlet"].append(document.get("outlet"))
            columns["source"].append(document.get("outlet") or document.get("url") or doc_id)

    def tables(self) -> tuple[pa.Table, pa.Table]:
        docs = pa.table({n: pa.array(v, type=_DOC_SCHEMA.field(n).type)
                         for n, v in self.docs.items()})
        reports = pa.table({n: pa.array(v, type=_REPORT_SCHEMA.field(n).type)
                            for n, v in self.reports.items()})
        return docs, reports


def _stage(conn: Any) -> None:
    conn.execute("CREATE OR REPLACE TEMP TABLE _stage_docs AS "
                 "SELECT * FROM _doc_batch LIMIT 0")
    conn.execute("CREATE OR REPLACE TEMP TABLE _stage_reports AS "
                 "SELECT * FROM _report_batch LIMIT 0")


def _flush(conn: Any, batch: _Batch, first: bool) -> None:
    docs, reports = batch.tables()
    conn.register("_doc_batch", docs)
    conn.register("_report_batch", reports)
    if first:
        _stage(conn)
    conn.execute("INSERT INTO _stage_docs SELECT * FROM _doc_batch")
    conn.execute("INSERT INTO _stage_reports SELECT * FROM _report_batch")
    conn.unregister("_doc_batch")
    conn.unregister("_report_batch")


def _copy_staged(conn: Any, source_format: str, path: Path, counts: _KeyCounts,
                 before_reports: Callable[[], None] | None = None,
                 step: Callable[[float, float], None] | None = None,
                 keys: str = "_stage_docs") -> tuple[int, int, int]:
    """Copy the staged documents and their reports that are not stored yet (the first copy
    of a row that a file holds twice); return (documents, reports, superseded).
    ``counts`` are those of ``keys``, which holds the id and source key of each staged
    document; ``before_reports`` completes a bulk stage once the documents are written;
    ``step`` is told the share of the file's work each statement stands for."""
    step = step or (lambda start, end: None)
    now = dt.datetime.now(dt.UTC)
    step(_SHARES["read"], _SHARES["check"])
    # a fresh file of distinct rows (the common case) is copied without grouping or re-joining
    stored = conn.execute("SELECT EXISTS (SELECT 1 FROM documents)").fetchone()[0]
    every_row_new = counts.distinct_ids == counts.rows and not (stored and conn.execute(
        f"SELECT EXISTS (SELECT 1 FROM {keys} s SEMI JOIN documents d ON d.id = s.id)"
    ).fetchone()[0])
    distinct_keys = counts.distinct_keys == counts.keyed
    if not every_row_new:
        conn.execute(
            "CREATE OR REPLACE TEMP TABLE _new_docs AS "
            "SELECT id, min(coalesce(source_line, 0)) AS line, any_value(source_key) AS source_key "
            "FROM (SELECT s.id, s.source_line, s.source_key FROM _stage_docs s "
            "      ANTI JOIN documents d ON d.id = s.id) GROUP BY id")
    new_docs = keys if every_row_new else "_new_docs"
    repeated = _repeated_keys(conn, new_docs, distinct_keys, stored)
    step(_SHARES["check"], _SHARES["documents"])
    documents = conn.execute(
        "INSERT INTO documents (id, source_format, source_path, source_line, url, "
        "outlet, published, language, text, ingested_at, source_key, source_version) "
        "SELECT s.id, ?, ?, s.source_line, s.url, s.outlet, s.published, "
        "s.language, s.text, ?, s.source_key, s.source_version FROM _stage_docs s"
        + ("" if every_row_new else
           " SEMI JOIN _new_docs n ON n.id = s.id AND n.line = coalesce(s.source_line, 0)"),
        [source_format, str(path), now]).fetchone()[0]
    if before_reports is not None:
        before_reports()
    step(_SHARES["documents"], _SHARES["reports"])
    reports = conn.execute(
        "INSERT INTO reports (id, document_id, event_date, date_precision, country, admin1, "
        "place, lat, lon, target_class, target_text, weapon, perpetrator, claimed_by, negated, "
        "evidence, confidence, reasons, source_key, source_version, geo_precision, superseded, "
        "outlet, source, event_at, event_offset) "
        "SELECT r.id, r.document_id, r.event_date, r.date_precision, "
        "r.country, r.admin1, r.place, r.lat, r.lon, r.target_class, r.target_text, r.weapon, "
        "r.perpetrator, r.claimed_by, r.negated, r.evidence, r.confidence, r.reasons, "
        "r.source_key, r.source_version, r.geo_precision, false, r.outlet, r.source, "
        "r.event_at, r.event_offset FROM _stage_reports r"
        + ("" if every_row_new else
           " SEMI JOIN _new_docs n ON n.id = r.document_id"
           " AND n.line = coalesce(r.source_line, 0)")
    ).fetchone()[0]
    superseded = _supersede(conn, new_docs) if repeated else 0
    if not every_row_new:
        conn.execute("DROP TABLE _new_docs")
    return documents, reports, superseded


def _repeated_keys(conn: Any, new_docs: str, distinct_keys: bool, stored: bool) -> int:
    """How many of the documents in ``new_docs`` share a source key with a ``stored`` one or
    with each other (unless the keys are known to be ``distinct``); run before they are
    stored: only then can a key have two versions."""
    repeated = 0 if distinct_keys else conn.execute(
        f"SELECT count(source_key) - count(DISTINCT source_key) FROM {new_docs}").fetchone()[0]
    if stored:
        repeated += conn.execute(
            f"SELECT count(*) FROM documents d SEMI JOIN {new_docs} n "
            "ON n.source_key = d.source_key").fetchone()[0]
    return repeated


def _supersede(conn: Any, new_docs: str) -> int:
    """Mark older versions of the source keys just written (in ``new_docs``) as superseded."""
    return conn.execute(
        "UPDATE reports SET superseded = true FROM ("
        "  SELECT source_key, max(source_version) AS newest FROM reports "
        f"  WHERE source_key IN (SELECT source_key FROM {new_docs}) "
        "AND source_version IS NOT NULL "
        "  GROUP BY source_key HAVING count(DISTINCT source_version) > 1) k "
        "WHERE reports.source_key = k.source_key AND reports.source_version < k.newest "
        "AND NOT reports.superseded"
    ).fetchone()[0]


def ingest_file(
    store: Store, source_format: str, path: str | Path, *, skip_bad: bool = False,
    rejects_path: str | Path | None = None, progress: Callable[[int, int], None] | None = None,
    after_write: Callable[[FileResult], None] | None = None, **options: Any,
) -> FileResult:
    """Ingest one file as one transaction; InputError on a bad row unless ``skip_bad``.

    With ``skip_bad`` bad rows are written to ``rejects_path`` (default ``PATH.rejects.csv``).
    ``progress`` is called with the current line and the file's number of lines: every
    thousand records, or (a file staged in bulk) a few times a second from a helper thread as
    DuckDB works through it; and at the end. ``after_write(result)`` runs last inside the
    file's transaction.
    """
    path = Path(path)
    module = format_module(source_format)
    file_hash, total_lines = scan_file(path)
    result = FileResult(path=str(path), source_format=source_format)
    identity = identify(store.conn, file_hash, source_format, options)
    if identity.unchanged:
        result.skipped_unchanged = True
        return result

    def on_bad(error: InputError, raw: Any) -> None:
        reason = f"{error.field}: {error.message}" if error.field else error.message
        result.rejects.append((error.line, reason, raw))

    # the bulk stage reads a CSV file's plain first reading; the rest goes row by row
    bulk = (getattr(module, "stage", None)
            if not identity.fingerprint and not is_workbook(path) else None)
    with bounded_memory(store.conn), ExitStack() as metered:
        meter = (metered.enter_context(StatementMeter(store.conn, progress, total_lines))
                 if bulk is not None and progress is not None else None)
        if meter is not None:
            meter.step(0.0, _SHARES["read"])
        # Staged outside the transaction: a DuckDB read error must not abort it.
        staged = bulk(store.conn, path, lines=total_lines, **options) if bulk else None
        counts = _KeyCounts.of(store.conn, "_stage_keys") if staged is not None else None
        if staged is not None and _tied_versions(store.conn, counts):
            staged.close()  # the row reader keeps the later of two tied rows
            staged = counts = None
        if staged is None:  # read row by row, which reports its own progress
            metered.close()
            meter = None
        try:
            _write_file(store, module, path, identity, total_lines, staged, result,
                        progress, on_bad if skip_bad else None, options, meter, after_write,
                        counts)
        finally:
            if staged is not None:
                staged.close()
    if result.rejects:
        result.rejects_path = str(write_rejects(
            Path(rejects_path or f"{path}.rejects.csv"), result.rejects, result.header))
    return result


def _write_file(store: Store, module: Any, path: Path, identity: Identity, total_lines: int,
                staged: Staged | None, result: FileResult,
                progress: Callable[[int, int], None] | None, on_bad: Any,
                options: dict[str, Any], meter: StatementMeter | None,
                after_write: Callable[[FileResult], None] | None = None,
                counts: _KeyCounts | None = None) -> None:
    """The transaction of one file: stage (unless staged in bulk, with the ``counts`` of its
    keys), copy, record the file, then ``after_write``."""
    source_format = result.source_format
    with unordered_inserts(store.conn), store.transaction() as conn:
        if staged is not None:  # read and mapped in bulk
            result.records = staged.rows
            notes = staged.notes()
        else:
            notes = ReadNotes()
            extra = {"notes": notes} if "notes" in inspect.signature(module.read).parameters else {}
            records = module.read(path, on_bad=on_bad, **options, **extra)
            batch, first = _Batch(source_format, identity.fingerprint), True
            for record in _counted(records, result, progress, total_lines):
                batch.add(record)
                if len(batch) >= BATCH_ROWS:
                    _flush(conn, batch, first)
                    batch, first = _Batch(source_format, identity.fingerprint), False
            _flush(conn, batch, first)
            result.duplicates = _drop_repeated_keys(conn)
        result.skipped = dict(notes.skipped)
        result.encoding, result.date_format = notes.encoding, notes.date_format
        result.header = notes.header
        keys = "_stage_keys" if staged is not None else "_stage_docs"
        counts = counts or _KeyCounts.of(conn, keys)
        result.duplicates += counts.rows - counts.distinct_ids
        result.replaced = supersede_earlier(conn, identity)
        result.documents, result.reports, result.superseded = _copy_staged(
            conn, source_format, path, counts,
            staged.finish if staged is not None else None,
            meter.step if meter is not None else None,
            keys)
        if meter is not None:
            meter.step(1.0, 1.0)
        elif progress is not None:
            progress(total_lines, total_lines)
        result.rejected = len(result.rejects)
        skipped = sum(result.skipped.values())
        result.rows = result.records + skipped + result.rejected
        record_ingest(conn, identity, str(path), {
            "rows": result.rows, "documents": result.documents, "reports": result.reports,
            "rejected": result.rejected, "skipped": skipped, "duplicates": result.duplicates,
            "encoding": result.encoding, "date_format": result.date_format})
        store.audit("ingest", "file", str(path), {
            "format": source_format, "options": identity.options, "rows": result.rows,
            "documents": result.documents, "reports": result.reports,
            "rejected": result.rejected, "skipped": result.skipped,
            "duplicates": result.duplicates, "superseded": result.superseded,
            "replaced": result.replaced})
        if staged is None:
            conn.execute("DROP TABLE _stage_docs")
            conn.execute("DROP TABLE _stage_reports")
        if after_write is not None:
            after_write(result)


def _counted(records: Iterable[dict[str, Any]], result: FileResult,
             progress: Callable[[int, int], None] | None, total: int
             ) -> Iterator[dict[str, Any]]:
    for record in records:
        result.records += 1
        if progress is not None and result.records % 1000 == 0:
            progress(record.get("line") or result.records, total)
        yield record
    if progress is not None:
        progress(total, total)


def _tied_versions(conn: Any, counts: _KeyCounts) -> bool:
    """Whether a bulk stage (its key ``counts``) holds two different rows with the same
    source key and version."""
    return counts.keyed > counts.distinct_keys and conn.execute(
        "SELECT EXISTS (SELECT 1 FROM _stage_docs WHERE source_key IS NOT NULL "
        "GROUP BY source_key, source_version HAVING count(DISTINCT id) > 1)").fetchone()[0]


def _drop_repeated_keys(conn: Any) -> int:
    """Drop from the staged rows each row whose source key and version a later row of the same
    file repeats with other content (the later row wins); how many were dropped."""
    conn.execute(
        "CREATE OR REPLACE TEMP TABLE _repeated AS SELECT id FROM ("
        "  SELECT id, arg_max(id, source_line) OVER (PARTITION BY source_key, "
        "         source_version) AS kept FROM _stage_docs WHERE source_key IS NOT NULL) "
        "WHERE id <> kept")
    dropped = conn.execute("SELECT count(*) FROM _repeated").fetchone()[0]
    if dropped:
        conn.execute("DELETE FROM _stage_reports WHERE document_id IN (SELECT id FROM _repeated)")
        conn.execute("DELETE FROM _stage_docs WHERE id IN (SELECT id FROM _repeated)")
    conn.execute("DROP TABLE _repeated")
    return dropped
