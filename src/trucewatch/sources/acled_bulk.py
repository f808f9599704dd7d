"""ACLED export CSV staged set-based in DuckDB, for big clean files.

Same mapping as :func:`trucewatch.sources.acled.read`, as the SQL and lookups of
:mod:`trucewatch.sources.acled_map` (which the batch pipeline runs too): DuckDB reads the file
once (in parallel), hashing each row and normalising its notes; each *distinct* date, country
and region, source and normalised note is then read once by the same Python functions, and
joined back in the views ``_stage_docs`` and ``_stage_reports`` (and ``_stage_keys``, the id and
source key of each document, read without the joins); so is each distinct place of the rows
whose region name gives no region (their region comes from coordinates or place names, as in
the row reader). Missing values (an empty field, R's ``NA``) are NULL. The notes are read in a
thread while the documents are written (:meth:`AcledStaging.finish` waits for them before the
reports). A row's line is its row number + 1, unless fields hold line breaks: then the breaks
are counted.

What :func:`stage` makes belongs to the :class:`AcledStaging` it returns, which the caller
owns: it finishes the notes and drops the staged tables when closed, so two connections (or
two files) never share any state of this module.

Any bad row (wrong column count, unparsable date or timestamp, coordinates out of range)
makes :func:`stage` return None, and the file is read row by row instead, which names the
exact line.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from trucewatch.sources import acled_map
from trucewatch.sources.acled_layout import COLUMNS
from trucewatch.sources.base import ReadNotes, read_header

__all__ = ["AcledStaging", "stage"]

_TEMP = ("_acled", "_acled_dates", "_acled_places", "_acled_sources", "_acled_located",
         "_acled_notes", "_acled_lines")
#: Notes are read by the classifier in this thread while DuckDB writes the documents.
_NOTE_READER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="acled-notes")


def _lookup(conn: Any, name: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    conn.register(f"{name}_arrow", pa.Table.from_pylist(rows, schema=schema))
    conn.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_arrow")
    conn.unregister(f"{name}_arrow")


def _csv(header: list[str]) -> str:
    """``read_csv`` of the file ``$1`` (every column as text), strict."""
    columns = "{" + ", ".join(f"{_literal(name)}: 'VARCHAR'" for name in header) + "}"
    missing = ", ".join(map(_literal, ("", *acled_map.missing_values())))
    return (f"read_csv($1, header = true, auto_detect = false, columns = {columns}, "
            "delim = ',', quote = '\"', escape = '\"', strict_mode = true, "
            f"null_padding = false, nullstr = [{missing}])")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _read(conn: Any, path: Path, header: list[str]) -> bool:
    """Read every row into ``_acled``, in file order (the rowid counts rows); hash and key the
    attacks."""
    try:
        conn.execute("CREATE OR REPLACE TEMP TABLE _acled AS "
                     + acled_map.rows_sql(_csv(header), header), [str(path)])
    except duckdb.Error:  # e.g. a wrong column count: the row reader names the line
        return False
    return True


def _record_lines(path: Path, breaks: int | None) -> int:
    """How many lines a file of ``breaks`` line breaks has (a last line may lack its own)."""
    if breaks is None:
        breaks = 0
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                breaks += chunk.count(b"\n")
    with path.open("rb") as stream:
        stream.seek(-1, 2)
        return breaks + (stream.read(1) != b"\n")


def _number_lines(conn: Any, path: Path, header: list[str]) -> None:
    """Fill ``_acled_lines`` with the line each row starts on, for a file whose fields hold
    line breaks: the file is read a second time, counting the breaks of every row."""
    text = "concat_ws('', " + ", ".join(header) + ")"
    conn.execute(f"""
        CREATE OR REPLACE TEMP TABLE _acled_breaks AS
        SELECT length({text}) - length(replace({text}, chr(10), '')) AS breaks
        FROM {_csv(header)}""", [str(path)])
    conn.execute("""
        CREATE OR REPLACE TEMP TABLE _acled_lines AS
        SELECT rowid AS row, CAST(2 + rowid + coalesce(sum(breaks) OVER (
                   ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
                   AS INTEGER) AS line
        FROM _acled_breaks""")
    conn.execute("DROP TABLE _acled_breaks")


def _clean(conn: Any) -> tuple[bool, str | None]:
    """Whether every row of ``_acled`` reads (coordinates, timestamps, dates), and the format
    of its dates; fills ``_acled_dates``."""
    if conn.execute(acled_map.bad_rows_sql("_acled")).fetchone()[0]:
        return False, None
    dates, date_format = acled_map.date_rows(
        text for (text,) in conn.execute("SELECT DISTINCT event_date FROM _acled").fetchall())
    if any(d["day"] is None for d in dates):
        return False, None
    _lookup(conn, "_acled_dates", dates, acled_map.LOOKUPS["_acled_dates"])
    return True, date_format


def _lookups(conn: Any) -> Future[list[dict[str, Any]]]:
    """Fill the lookups of distinct places and sources; start reading the distinct notes in a
    thread and return what will hold them."""
    places = acled_map.place_rows(
        conn.execute("SELECT DISTINCT iso, country, admin1 FROM _acled").fetchall())
    _lookup(conn, "_acled_places", places, acled_map.LOOKUPS["_acled_places"])
    sources = acled_map.source_rows(
        text for (text,) in conn.execute("SELECT DISTINCT source FROM _acled").fetchall())
    _lookup(conn, "_acled_sources", sources, acled_map.LOOKUPS["_acled_sources"])
    located = acled_map.located_rows(conn.execute(acled_map.unlocated_sql("_acled")).fetchall())
    _lookup(conn, "_acled_located", located, acled_map.LOCATED_SCHEMA)
    keys = conn.execute("SELECT DISTINCT note_key, tags FROM _acled "
                        f"WHERE {acled_map.ATTACK_ROW}").fetchall()
    _lookup(conn, "_acled_notes", [], acled_map.NOTES_SCHEMA)
    # reasons are cast to JSON once per distinct note, not once per report
    conn.execute("ALTER TABLE _acled_notes ALTER reasons TYPE JSON")
    return _NOTE_READER.submit(acled_map.note_rows, keys)


class AcledStaging:
    """A file staged by :func:`stage` on one connection: ``rows`` attack rows in the views
    ``_stage_keys``, ``_stage_docs`` and ``_stage_reports``. The caller owns it: call
    :meth:`finish` before reading ``_stage_reports`` and :meth:`close` (or leave the ``with``
    block) when done."""

    def __init__(self, conn: Any, rows: int, notes: Future[list[dict[str, Any]]],
                 date_format: str | None) -> None:
        self.conn, self.rows, self._notes = conn, rows, notes
        self._date_format = date_format
        self._finished = False

    def __enter__(self) -> AcledStaging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def notes(self) -> ReadNotes:
        """What the stage read: the rows it skipped as not attacks, by event type, its
        encoding (DuckDB reads UTF-8 only) and the date format of its dates."""
        notes = ReadNotes(encoding="utf-8")
        for kind, count in self.conn.execute(
                "SELECT coalesce(event_type, ''), count(*) FROM _acled "
                f"WHERE NOT {acled_map.ATTACK_ROW} GROUP BY ALL ORDER BY 1"
                ).fetchall():
            notes.skipped[f"not an attack: {kind or 'no event type'}"] += count
        notes.date_format = self._date_format
        return notes

    def finish(self) -> None:
        """Wait for the notes being read (in a thread, while the documents are written) and
        fill ``_acled_notes``, which ``_stage_reports`` joins. Once is enough."""
        if self._finished:
            return
        rows = self._notes.result()
        self.conn.register("_acled_notes_arrow",
                           pa.Table.from_pylist(rows, schema=acled_map.NOTES_SCHEMA))
        self.conn.execute("INSERT INTO _acled_notes SELECT * FROM _acled_notes_arrow")
        self.conn.unregister("_acled_notes_arrow")
        self._finished = True

    def close(self) -> None:
        """Drop what :func:`stage` made (a notes reading not yet started is cancelled)."""
        self._notes.cancel()
        _drop(self.conn)


def _views(conn: Any, numbered: bool) -> None:
    """The views ``_stage_keys``, ``_stage_docs`` and ``_stage_reports``; the rowid + 2 of a
    row is its line unless ``numbered`` (then ``_acled_lines`` holds the lines)."""
    line = "l.line" if numbered else "CAST(a.rowid + 2 AS INTEGER)"
    lines = "JOIN _acled_lines l ON l.row = a.rowid" if numbered else ""
    conn.execute("CREATE OR REPLACE TEMP VIEW _acled_rows AS "
                 + acled_map.joined_sql("_acled", line=line, lines=lines))
    conn.execute(f"""
        CREATE OR REPLACE TEMP VIEW _stage_keys AS
        SELECT doc_id AS id, 'acled:' || coalesce(event_id_cnty, '') AS source_key
        FROM _acled WHERE {acled_map.ATTACK_ROW}""")
    conn.execute("""
        CREATE OR REPLACE TEMP VIEW _stage_docs AS
        SELECT doc_id AS id, source_line, source_key, source_version, url, outlet,
               day AS published, 'en' AS language, notes AS text
        FROM _acled_rows""")
    conn.execute("CREATE OR REPLACE TEMP VIEW _stage_reports AS "
                 + acled_map.reports_sql("_acled_rows"))


def stage(conn: Any, path: str | Path, *, lines: int | None = None) -> AcledStaging | None:
    """Stage a clean file as the views ``_stage_keys``/``_stage_docs``/``_stage_reports``;
    None if it has bad rows (then nothing is left staged). ``lines`` is the file's count of
    line breaks (counted here if not given): more lines than rows means fields with line
    breaks."""
    path = Path(path)
    header = read_header(path)
    if sorted(header) != sorted(COLUMNS) or not _read(conn, path, header):
        return None
    clean, date_format = _clean(conn)
    if not clean:
        _drop(conn)
        return None
    rows = conn.execute("SELECT count(*) FROM _acled").fetchone()[0]
    numbered = _record_lines(path, lines) != rows + 1
    if numbered:
        _number_lines(conn, path, header)
    notes = _lookups(conn)
    _views(conn, numbered)
    # fetchall, not fetchone: the result is finished, so finish() may follow at once
    attacks = conn.execute(f"SELECT count(*) FROM _acled WHERE {acled_map.ATTACK_ROW}"
                           ).fetchall()[0][0]
    return AcledStaging(conn, attacks, notes, date_format)


def _drop(conn: Any) -> None:
    for view in ("_stage_reports", "_stage_docs", "_stage_keys", "_acled_rows"):
        conn.execute(f"DROP VIEW IF EXISTS {view}")
    for table in _TEMP:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
