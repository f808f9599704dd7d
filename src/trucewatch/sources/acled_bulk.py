"""ACLED export CSV staged set-based in DuckDB, for big clean files.

Same mapping as :func:`trucewatch.sources.acled.read`: DuckDB reads the file once (in
parallel), hashing each row and normalising its notes; each *distinct* date, country and
region, source and normalised note is then read once by the same Python functions, and joined
back in the views ``_stage_docs`` and ``_stage_reports`` (and ``_stage_keys``, the id and
source key of each document, read without the joins). The notes are read in a thread
while the documents are written (:meth:`AcledStaging.finish` waits for them before the
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

from trucewatch.sources.acled_layout import COLUMNS, split_source
from trucewatch.sources.acled_layout import conventions as acled_conventions
from trucewatch.sources.base import date_from_text, read_header
from trucewatch.sources.notes import LOCAL, mask_digits, read_note
from trucewatch.sources.regions import admin1_code, country_code

__all__ = ["AcledStaging", "stage"]

#: Columns kept after hashing (the rest only enter the content hash).
_KEPT = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
         "iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
         "source", "notes", "tags", "timestamp")
_TEMP = ("_acled", "_acled_dates", "_acled_places", "_acled_sources", "_acled_notes",
         "_acled_lines")
_NOTES_SCHEMA = pa.schema([
    ("note_key", pa.string()), ("tags", pa.string()), ("target_class", pa.string()),
    ("target_text", pa.string()), ("perpetrator", pa.string()), ("claimed_by", pa.string()),
    ("negated", pa.bool_()), ("reasons", pa.string())])
#: Notes are read by the classifier in this thread while DuckDB writes the documents.
_NOTE_READER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="acled-notes")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _note_key_sql() -> str:
    """SQL for :func:`trucewatch.sources.notes.normalise` of ``notes`` with the row's places,
    but for the digits, which :func:`_read_notes` masks on the distinct keys only (masking a
    million notes in SQL costs more than the rest of the key)."""
    key = ("CASE WHEN starts_with(notes, 'On ') AND strpos(left(notes, 40), ',') > 0 "
           "THEN ltrim(substr(notes, strpos(notes, ',') + 1), ' ') ELSE coalesce(notes, '') END")
    for place in ("location", "admin3", "admin2", "admin1"):
        # replacing '' changes nothing: each place is written (and evaluated) once
        key = (f"replace({key}, CASE WHEN length(coalesce({place}, '')) > 2 "
               f"THEN {place} ELSE '' END, 'Place')")
    return key


def _lookup(conn: Any, name: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    conn.register(f"{name}_arrow", pa.Table.from_pylist(rows, schema=schema))
    conn.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_arrow")
    conn.unregister(f"{name}_arrow")


def _csv(header: list[str]) -> str:
    """``read_csv`` of the file ``$1`` (every column as text), strict."""
    columns = "{" + ", ".join(f"{_literal(name)}: 'VARCHAR'" for name in header) + "}"
    return (f"read_csv($1, header = true, auto_detect = false, columns = {columns}, "
            "delim = ',', quote = '\"', escape = '\"', strict_mode = true, "
            "null_padding = false)")


def _read(conn: Any, path: Path, header: list[str], types: str) -> bool:
    """Read every row into ``_acled``, in file order (the rowid counts rows); hash and key the
    attacks (event ``types``)."""
    hashed = ", ".join(f"coalesce({name}, '')" for name in header)
    attack = f"event_type IN ({types})"
    try:
        conn.execute(f"""
            CREATE OR REPLACE TEMP TABLE _acled AS
            SELECT CASE WHEN {attack} THEN 'acled-' || md5(concat_ws(chr(31), {hashed}))[1:20]
                       END AS doc_id,
                   {", ".join(_KEPT)},
                   CASE WHEN {attack} THEN {_note_key_sql()} END AS note_key
            FROM {_csv(header)}""", [str(path)])
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


def _clean(conn: Any) -> bool:
    bad = conn.execute("""
        SELECT count(*) FROM _acled WHERE
            (latitude IS NOT NULL AND NOT coalesce(abs(TRY_CAST(latitude AS DOUBLE)) <= 90, false))
         OR (longitude IS NOT NULL
             AND NOT coalesce(abs(TRY_CAST(longitude AS DOUBLE)) <= 180, false))
         OR (timestamp IS NOT NULL AND TRY_CAST(timestamp AS BIGINT) IS NULL)
         OR event_date IS NULL""").fetchone()[0]
    if bad:
        return False
    dates = [{"text": text, "day": date_from_text(text.strip())}
             for (text,) in conn.execute("SELECT DISTINCT event_date FROM _acled").fetchall()]
    if any(d["day"] is None for d in dates):
        return False
    _lookup(conn, "_acled_dates", dates, pa.schema([("text", pa.string()), ("day", pa.date32())]))
    return True


def _lookups(conn: Any, conventions: dict[str, Any], split_source: Any
             ) -> Future[list[dict[str, Any]]]:
    """Fill the lookups of distinct dates' places and sources; start reading the distinct
    notes in a thread and return what will hold them."""
    places = []
    for iso, name, admin1 in conn.execute(
            "SELECT DISTINCT iso, country, admin1 FROM _acled").fetchall():
        code = country_code(iso or "") or country_code(name or "")
        overrides = conventions["admin1_overrides"].get(code, ())
        places.append({"iso": iso, "country": name, "admin1": admin1, "code": code,
                       "region_code": admin1_code(code, admin1 or "", overrides)})
    _lookup(conn, "_acled_places", places, pa.schema(
        [(n, pa.string()) for n in ("iso", "country", "admin1", "code", "region_code")]))
    sources = [dict(zip(("source", "url", "outlet"), (text, *split_source(text or "")),
                        strict=True))
               for (text,) in conn.execute("SELECT DISTINCT source FROM _acled").fetchall()]
    _lookup(conn, "_acled_sources", sources,
            pa.schema([(n, pa.string()) for n in ("source", "url", "outlet")]))
    types = ", ".join(_literal(t) for t in sorted(conventions["attack_event_types"]))
    keys = conn.execute(f"SELECT DISTINCT note_key, tags FROM _acled WHERE event_type IN ({types})"
                        ).fetchall()
    _lookup(conn, "_acled_notes", [], _NOTES_SCHEMA)
    # reasons are cast to JSON once per distinct note, not once per report
    conn.execute("ALTER TABLE _acled_notes ALTER reasons TYPE JSON")
    return _NOTE_READER.submit(_read_notes, keys)


def _read_notes(keys: list[tuple[str, str | None]]) -> list[dict[str, Any]]:
    rows = []
    for key, tags in keys:
        target, text, perp, claimant, negated, reasons = read_note(mask_digits(key), tags or "")
        rows.append({"note_key": key, "tags": tags, "target_class": target,
                     "target_text": text, "perpetrator": perp, "claimed_by": claimant,
                     "negated": negated, "reasons": reasons})
    return rows


class AcledStaging:
    """A file staged by :func:`stage` on one connection: ``rows`` attack rows in the views
    ``_stage_keys``, ``_stage_docs`` and ``_stage_reports``. The caller owns it: call
    :meth:`finish` before reading ``_stage_reports`` and :meth:`close` (or leave the ``with``
    block) when done."""

    def __init__(self, conn: Any, rows: int, notes: Future[list[dict[str, Any]]]) -> None:
        self.conn, self.rows, self._notes = conn, rows, notes
        self._finished = False

    def __enter__(self) -> AcledStaging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def finish(self) -> None:
        """Wait for the notes being read (in a thread, while the documents are written) and
        fill ``_acled_notes``, which ``_stage_reports`` joins. Once is enough."""
        if self._finished:
            return
        rows = self._notes.result()
        self.conn.register("_acled_notes_arrow", pa.Table.from_pylist(rows, schema=_NOTES_SCHEMA))
        self.conn.execute("INSERT INTO _acled_notes SELECT * FROM _acled_notes_arrow")
        self.conn.unregister("_acled_notes_arrow")
        self._finished = True

    def close(self) -> None:
        """Drop what :func:`stage` made (a notes reading not yet started is cancelled)."""
        self._notes.cancel()
        _drop(self.conn)


def _views(conn: Any, conventions: dict[str, Any], numbered: bool) -> None:
    """The views ``_stage_keys``, ``_stage_docs`` and ``_stage_reports``; the rowid + 2 of a
    row is its line unless ``numbered`` (then ``_acled_lines`` holds the lines)."""
    line = "l.line" if numbered else "CAST(a.rowid + 2 AS INTEGER)"
    lines = "JOIN _acled_lines l ON l.row = a.rowid" if numbered else ""
    types = ", ".join(_literal(t) for t in sorted(conventions["attack_event_types"]))
    precision = ", ".join(f"{_literal(k)}: {_literal(v)}"
                          for k, v in conventions["time_precision"].items())
    conn.execute(f"""
        CREATE OR REPLACE TEMP VIEW _acled_rows AS
        SELECT a.doc_id,
               {line} AS source_line,
               'acled:' || a.event_id_cnty AS source_key,
               coalesce(TRY_CAST(a.timestamp AS BIGINT), 0) AS source_version,
               d.day, a.time_precision, p.code, p.region_code, a.location, a.latitude,
               a.longitude, a.geo_precision, a.sub_event_type, a.notes, s.url, s.outlet,
               a.note_key, a.tags
        FROM _acled a
        JOIN _acled_dates d ON d.text = a.event_date
        JOIN _acled_places p ON p.iso IS NOT DISTINCT FROM a.iso
             AND p.country IS NOT DISTINCT FROM a.country
             AND p.admin1 IS NOT DISTINCT FROM a.admin1
        JOIN _acled_sources s ON s.source IS NOT DISTINCT FROM a.source
        {lines}
        WHERE a.event_type IN ({types})""")
    conn.execute(f"""
        CREATE OR REPLACE TEMP VIEW _stage_keys AS
        SELECT doc_id AS id, 'acled:' || event_id_cnty AS source_key
        FROM _acled WHERE event_type IN ({types})""")
    conn.execute("""
        CREATE OR REPLACE TEMP VIEW _stage_docs AS
        SELECT doc_id AS id, source_line, source_key, source_version, url, outlet,
               day AS published, 'en' AS language, notes AS text
        FROM _acled_rows""")
    conn.execute(f"""
        CREATE OR REPLACE TEMP VIEW _stage_reports AS
        SELECT doc_id || '#0' AS id, doc_id AS document_id, source_line, source_key,
               source_version, day AS event_date,
               coalesce(MAP {{{precision}}}[time_precision], 'day') AS date_precision,
               code AS country, region_code AS admin1, location AS place,
               TRY_CAST(latitude AS DOUBLE) AS lat, TRY_CAST(longitude AS DOUBLE) AS lon,
               geo_precision, target_class, target_text, sub_event_type AS weapon,
               perpetrator, CASE claimed_by WHEN '{LOCAL}' THEN code ELSE claimed_by END
                   AS claimed_by, negated, CAST(NULL AS VARCHAR) AS evidence,
               0.7 AS confidence, reasons, outlet, coalesce(outlet, url, doc_id) AS source
        FROM _acled_rows r
        JOIN _acled_notes n ON n.note_key = r.note_key AND n.tags IS NOT DISTINCT FROM r.tags""")


def stage(conn: Any, path: str | Path, *, lines: int | None = None) -> AcledStaging | None:
    """Stage a clean file as the views ``_stage_keys``/``_stage_docs``/``_stage_reports``;
    None if it has bad rows (then nothing is left staged). ``lines`` is the file's count of
    line breaks (counted here if not given): more lines than rows means fields with line
    breaks."""
    path = Path(path)
    header = read_header(path)
    conventions = acled_conventions()
    types = ", ".join(_literal(t) for t in sorted(conventions["attack_event_types"]))
    if sorted(header) != sorted(COLUMNS) or not _read(conn, path, header, types):
        return None
    if not _clean(conn):
        _drop(conn)
        return None
    rows = conn.execute("SELECT count(*) FROM _acled").fetchone()[0]
    numbered = _record_lines(path, lines) != rows + 1
    if numbered:
        _number_lines(conn, path, header)
    notes = _lookups(conn, conventions, split_source)
    _views(conn, conventions, numbered)
    # fetchall, not fetchone: the result is finished, so finish() may follow at once
    attacks = conn.execute(f"SELECT count(*) FROM _acled WHERE event_type IN ({types})"
                           ).fetchall()[0][0]
    return AcledStaging(conn, attacks, notes)


def _drop(conn: Any) -> None:
    for view in ("_stage_reports", "_stage_docs", "_stage_keys", "_acled_rows"):
        conn.execute(f"DROP VIEW IF EXISTS {view}")
    for table in _TEMP:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
