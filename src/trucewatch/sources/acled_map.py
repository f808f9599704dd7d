"""The ACLED mapping, row -> report, as SQL both engines run (DuckDB in the store's bulk stage,
DuckDB or Spark in the batch pipeline) over lookups that the row reader's own functions fill.

Each *distinct* date, country and region, source and normalised note is read once by the
functions :func:`trucewatch.sources.acled.read` uses (its date reader, ``country_code``,
``admin1_code``, ``split_source``, ``read_note``); the SQL only hashes, keys and joins. A row
whose region name does not resolve (or is empty) gets its region as the row reader does, from
its coordinates or place names (:func:`~trucewatch.sources.regions.place_of`), through one more
lookup of the distinct places of such rows only. The relations it reads are named by
:data:`LOOKUPS`; :func:`rows_sql` makes the keyed rows (``_acled`` in the names below) from a
relation of the file's columns as text, a missing value (empty, or R's ``NA``) as NULL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from trucewatch.sources.acled_layout import COLUMNS, split_source
from trucewatch.sources.acled_layout import conventions as acled_conventions
from trucewatch.sources.dates import DateReader
from trucewatch.sources.notes import LOCAL, mask_digits, read_note
from trucewatch.sources.regions import admin1_code, country_code, place_of
from trucewatch.store.dialect import DUCKDB, Dialect

__all__ = ["ATTACK_ROW", "BAD_ROW", "KEPT", "LOCATED_SCHEMA", "LOOKUPS", "NOTES_SCHEMA",
           "attack_sql", "bad_rows_sql", "date_rows", "joined_sql", "located_rows",
           "missing_values", "note_rows", "place_rows", "reports_sql", "rows_sql",
           "source_rows", "unlocated_sql"]

#: Columns kept after hashing (the rest only enter the content hash).
KEPT = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
        "iso", "country", "admin1", "admin2", "location", "latitude", "longitude",
        "geo_precision", "source", "notes", "tags", "timestamp")

#: Lookup relation -> its Arrow schema.
LOOKUPS = {
    "_acled_dates": pa.schema([("text", pa.string()), ("day", pa.date32())]),
    "_acled_places": pa.schema(
        [(n, pa.string()) for n in ("iso", "country", "admin1", "code", "region_code")]),
    "_acled_sources": pa.schema([(n, pa.string()) for n in ("source", "url", "outlet")]),
}
#: ``_acled_located``: the place of rows whose region name gave no region, by the country
#: code, region name, coordinates (as text) and place names that decide it.
LOCATED_SCHEMA = pa.schema(
    [(n, pa.string()) for n in ("code", "admin1", "latitude", "longitude", "admin2",
                                "location", "country", "region_code", "reason")])
NOTES_SCHEMA = pa.schema([
    ("note_key", pa.string()), ("tags", pa.string()), ("target_class", pa.string()),
    ("target_text", pa.string()), ("perpetrator", pa.string()), ("claimed_by", pa.string()),
    ("negated", pa.bool_()), ("reasons", pa.string())])


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def missing_values() -> tuple[str, ...]:
    """The field values that mean "missing" (besides the empty field): R's ``NA``."""
    return tuple(acled_conventions()["missing_values"])


def attack_sql(column: str = "event_type") -> str:
    """Whether ``column`` is an attack event type, in any case and spacing around it (as the
    row reader compares)."""
    types = sorted({t.casefold() for t in acled_conventions()["attack_event_types"]})
    return f"lower(trim({column})) IN ({', '.join(map(_literal, types))})"


#: Whether a keyed row (of :func:`rows_sql`) is an attack: only attacks get a document id, so
#: the event type is compared once, when the rows are keyed.
ATTACK_ROW = "doc_id IS NOT NULL"


def _note_key_sql() -> str:
    """SQL for :func:`trucewatch.sources.notes.normalise` of ``notes`` with the row's places,
    but for the digits, which :func:`note_rows` masks on the distinct keys only (masking a
    million notes in SQL costs more than the rest of the key)."""
    key = ("CASE WHEN left(notes, 3) = 'On ' AND instr(left(notes, 40), ',') > 0 "
           "THEN ltrim(substr(notes, instr(notes, ',') + 1)) ELSE coalesce(notes, '') END")
    for place in ("location", "admin3", "admin2", "admin1"):
        # replacing '' changes nothing: each place is written (and evaluated) once
        key = (f"replace({key}, CASE WHEN length(coalesce({place}, '')) > 2 "
               f"THEN {place} ELSE '' END, 'Place')")
    return key


def rows_sql(raw: str, header: Iterable[str] = COLUMNS) -> str:
    """SELECT of the keyed rows of ``raw`` (every column of the file as text, in the file's
    ``header`` order, which the content hash follows): the document id of each attack, the
    columns of :data:`KEPT` and the note's key."""
    hashed = ", ".join(f"coalesce({name}, '')" for name in header)
    attack = attack_sql()
    return f"""
SELECT CASE WHEN {attack} THEN 'acled-' || substr(md5(concat_ws(chr(31), {hashed})), 1, 20)
       END AS doc_id,
       {", ".join(KEPT)},
       CASE WHEN {attack} THEN {_note_key_sql()} END AS note_key
FROM {raw}"""


#: The rows the row reader would refuse (but for their dates, which the date lookup checks).
BAD_ROW = """(
    (latitude IS NOT NULL AND NOT coalesce(abs(TRY_CAST(latitude AS DOUBLE)) <= 90, false))
 OR (longitude IS NOT NULL AND NOT coalesce(abs(TRY_CAST(longitude AS DOUBLE)) <= 180, false))
 OR (timestamp IS NOT NULL AND TRY_CAST(timestamp AS BIGINT) IS NULL)
 OR event_date IS NULL)"""


def bad_rows_sql(rows: str) -> str:
    """SELECT count(*) of the rows of ``rows`` the row reader would refuse (:data:`BAD_ROW`)."""
    return f"SELECT count(*) FROM {rows} WHERE {BAD_ROW}"


def date_rows(texts: Iterable[str]) -> tuple[list[dict[str, Any]], str | None]:
    """``_acled_dates`` of the distinct ``event_date`` texts (``day`` None: not a date), read
    in the one format the texts share as the row reader decides it (day-first timestamps of
    an R export, US dates of an old layout), or in a form that reads one way only; and that
    format as a file's summary shows it."""
    texts = sorted(texts)
    dates = DateReader()
    for text in texts:
        dates.observe(text)
    dates.finish()
    rows = [{"text": text, "day": dates.parse(text)} for text in texts]
    return rows, dates.label


def place_rows(places: Iterable[tuple[str | None, str | None, str | None]]
               ) -> list[dict[str, Any]]:
    """``_acled_places`` of the distinct (iso, country, admin1)."""
    overrides = acled_conventions()["admin1_overrides"]
    rows = []
    for iso, name, admin1 in places:
        code = country_code(iso or "") or country_code(name or "")
        rows.append({"iso": iso, "country": name, "admin1": admin1, "code": code,
                     "region_code": admin1_code(code, admin1 or "", overrides.get(code, ()))})
    return rows


def source_rows(sources: Iterable[str | None]) -> list[dict[str, Any]]:
    """``_acled_sources`` of the distinct ``source`` texts: the URL and outlet in each."""
    return [dict(zip(("source", "url", "outlet"), (text, *split_source(text or "")),
                     strict=True)) for text in sources]


def unlocated_sql(rows: str, d: Dialect = DUCKDB) -> str:
    """SELECT of the distinct places of the attack rows of ``rows`` whose region name gave no
    region (the rows :func:`located_rows` is for)."""
    return f"""
SELECT DISTINCT p.code, a.admin1, a.latitude, a.longitude, a.admin2, a.location
FROM {rows} a
JOIN _acled_places p ON {d.same("p.iso", "a.iso")} AND {d.same("p.country", "a.country")}
     AND {d.same("p.admin1", "a.admin1")}
WHERE p.region_code IS NULL AND a.{ATTACK_ROW}"""


def _coordinate(text: str | None) -> float | None:
    return float(text) if text is not None and text.strip() else None


def located_rows(places: Iterable[tuple[str | None, ...]]) -> list[dict[str, Any]]:
    """``_acled_located`` of the distinct places :func:`unlocated_sql` gives: the country and
    region the row reader finds from the coordinates or place names, and why (as JSON)."""
    overrides = acled_conventions()["admin1_overrides"]
    rows = []
    for code, admin1, lat, lon, admin2, location in places:
        place = place_of(code, admin1 or "", _coordinate(lat), _coordinate(lon),
                         (admin2 or "", location or ""), overrides.get(code, ()))
        rows.append({"code": code, "admin1": admin1, "latitude": lat, "longitude": lon,
                     "admin2": admin2, "location": location, "country": place.country,
                     "region_code": place.admin1,
                     "reason": json.dumps(place.reason, ensure_ascii=False)
                     if place.reason else None})
    return rows


def note_rows(keys: Iterable[tuple[str, str | None]]) -> list[dict[str, Any]]:
    """``_acled_notes`` of the distinct (note key, tags): what the notes say."""
    rows = []
    for key, tags in keys:
        target, text, perp, claimant, negated, reasons = read_note(mask_digits(key), tags or "")
        rows.append({"note_key": key, "tags": tags, "target_class": target,
                     "target_text": text, "perpetrator": perp, "claimed_by": claimant,
                     "negated": negated, "reasons": reasons})
    return rows


def joined_sql(rows: str, d: Dialect = DUCKDB, line: str = "CAST(NULL AS INTEGER)",
               lines: str = "") -> str:
    """SELECT of the attack rows of ``rows`` joined to the date, place and source lookups
    (and ``_acled_located`` for a row whose region name gave no region); ``line`` is the SQL
    of a row's line in its file (``lines`` a join that gives it). ``code`` is the row's own
    country, ``place_country`` and ``region_code`` where it happened."""
    located = " AND ".join(d.same(f"l.{c}", f"a.{c}") for c in (
        "admin1", "latitude", "longitude", "admin2", "location"))
    return f"""
SELECT a.doc_id, {line} AS source_line,
       'acled:' || coalesce(a.event_id_cnty, '') AS source_key,
       coalesce(TRY_CAST(a.timestamp AS BIGINT), 0) AS source_version,
       d.day, a.time_precision, p.code,
       CASE WHEN p.region_code IS NULL THEN l.country ELSE p.code END AS place_country,
       coalesce(p.region_code, l.region_code) AS region_code, l.reason AS place_reason,
       a.location, a.latitude, a.longitude, a.geo_precision, a.sub_event_type, a.notes,
       s.url, s.outlet, a.note_key, a.tags
FROM {rows} a
JOIN _acled_dates d ON d.text = a.event_date
JOIN _acled_places p ON {d.same("p.iso", "a.iso")} AND {d.same("p.country", "a.country")}
     AND {d.same("p.admin1", "a.admin1")}
JOIN _acled_sources s ON {d.same("s.source", "a.source")}
LEFT JOIN _acled_located l ON p.region_code IS NULL AND {d.same("l.code", "p.code")}
     AND {located}
{lines}
WHERE a.{ATTACK_ROW}"""


def reports_sql(joined: str, d: Dialect = DUCKDB) -> str:
    """SELECT of one report per row of ``joined`` (of :func:`joined_sql`), with the columns
    of the store's staged reports."""
    precision = " ".join(f"WHEN {_literal(k)} THEN {_literal(v)}"
                         for k, v in acled_conventions()["time_precision"].items())
    text = d.string_type()
    # the place's reason joins the note's (a JSON object, never empty) as its last member
    reasons = (f"CASE WHEN place_reason IS NULL THEN reasons "
               f"ELSE substr({d.text('reasons')}, 1, length({d.text('reasons')}) - 1) "
               f"|| ', \"admin1\": ' || place_reason || '}}' END")
    return f"""
SELECT doc_id || '#0' AS id, doc_id AS document_id, source_line, source_key,
       source_version, day AS event_date,
       CASE time_precision {precision} ELSE 'day' END AS date_precision,
       place_country AS country, region_code AS admin1, location AS place,
       TRY_CAST(latitude AS DOUBLE) AS lat, TRY_CAST(longitude AS DOUBLE) AS lon,
       geo_precision, target_class, target_text, sub_event_type AS weapon,
       perpetrator, CASE claimed_by WHEN '{LOCAL}' THEN code ELSE claimed_by END
           AS claimed_by, negated, CAST(NULL AS {text}) AS evidence,
       CAST(0.7 AS DOUBLE) AS confidence, {reasons} AS reasons, outlet,
       coalesce(outlet, url, doc_id) AS source, url,
       CAST(NULL AS {d.type_named("TIMESTAMP")}) AS event_at, CAST(NULL AS {text}) AS event_offset
FROM {joined} r
JOIN _acled_notes n ON n.note_key = r.note_key AND {d.same("n.tags", "r.tags")}"""
