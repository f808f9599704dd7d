"""The GDELT 2.0 mapping, row -> report, for the batch pipeline: an Arrow reader that keeps
only attacks in the countries asked for (the filter runs on each block as it is parsed, before
anything else), and SQL both engines run over lookups filled by the row reader's own functions
(:func:`trucewatch.sources.gdelt.judge`, ``date_from_text``, ``admin1_of_place``,
``place_of``, :func:`~trucewatch.sources.gdelt.outlet_of`) on distinct values. As in the row
reader, a row whose place name gives no region gets its country and region from its
coordinates, with the reason among the report's reasons.

A folder (or a list of files) of daily or 15-minute exports, plain or zipped, is one input.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from trucewatch.errors import InputError
from trucewatch.sources.base import date_from_text
from trucewatch.sources.gdelt import COLUMNS, conventions, judge, outlet_of
from trucewatch.sources.regions import admin1_of_place, place_of
from trucewatch.store.dialect import DUCKDB, Dialect

__all__ = ["LOOKUPS", "MAPPED", "RAW_SCHEMA", "country_filter", "distinct_sql", "export_files",
           "fips_codes", "keyed_sql", "lookup_rows", "read_export", "reports_sql"]

RAW_SCHEMA = pa.schema([(name, pa.string()) for name in COLUMNS])
_BLOCK = 16 << 20

#: Lookup relation -> its Arrow schema.
LOOKUPS = {
    "_gdelt_days": pa.schema([("text", pa.string()), ("parsed", pa.date32())]),
    "_gdelt_codes": pa.schema([
        ("EventCode", pa.string()), ("EventRootCode", pa.string()),
        ("Actor1CountryCode", pa.string()), ("Actor2Type1Code", pa.string()),
        ("ActionGeo_CountryCode", pa.string()), ("country", pa.string()),
        ("perpetrator", pa.string()), ("target_class", pa.string()), ("reasons", pa.string())]),
    "_gdelt_places": pa.schema([("country", pa.string()), ("full_name", pa.string()),
                                ("admin1", pa.string())]),
    "_gdelt_located": pa.schema([(n, pa.string()) for n in (
        "given_country", "lat", "lon", "country", "admin1", "reason")]),
    "_gdelt_hosts": pa.schema([("prefix", pa.string()), ("outlet", pa.string())]),
}
#: The scheme and authority of a URL, whose host is the outlet.
_PREFIX = "regexp_extract(SOURCEURL, '^[^/]*//[^/?#]*', 0)"


def fips_codes(countries: Iterable[str]) -> list[str]:
    """The FIPS codes GDELT writes for the ISO ``countries`` (party codes)."""
    wanted = set(countries)
    return sorted(fips for fips, iso in conventions()["fips_to_iso"].items() if iso in wanted)


def export_files(inputs: Iterable[str | Path]) -> list[str]:
    """The export files of ``inputs``: files as given, local folders by their ``*.CSV`` and
    ``*.zip`` files (sorted, recursively); URIs (object storage) as given, for Spark."""
    found: list[str] = []
    for text in map(str, inputs):
        given = Path(text)
        if "://" in text:
            found.append(text)
        elif given.is_dir():
            found += sorted(str(p) for p in given.rglob("*")
                            if p.is_file() and p.suffix.lower() in (".csv", ".zip"))
        elif given.is_file():
            found.append(text)
        else:
            raise InputError("no such file or folder", path=given)
    return found


def country_filter(batch: pa.RecordBatch, fips: list[str]) -> pa.RecordBatch:
    """The attack rows of ``batch`` whose ActionGeo country is one of ``fips``."""
    known = conventions()
    keep = pc.and_(
        pc.is_in(batch.column("ActionGeo_CountryCode"), value_set=pa.array(fips, pa.string())),
        pc.or_(pc.is_in(batch.column("EventRootCode"),
                        value_set=pa.array(known["attack_root_codes"], pa.string())),
               pc.is_in(batch.column("EventCode"),
                        value_set=pa.array(known["ceasefire_violation_codes"], pa.string()))))
    return batch.filter(keep)


def _batches(stream: BinaryIO, name: str, fips: list[str]) -> Iterator[pa.RecordBatch]:
    reader = pacsv.open_csv(
        stream,
        read_options=pacsv.ReadOptions(column_names=list(COLUMNS), block_size=_BLOCK),
        parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=pacsv.ConvertOptions(
            column_types=RAW_SCHEMA, strings_can_be_null=False, quoted_strings_can_be_null=False))
    try:
        for batch in reader:
            kept = country_filter(batch, fips)
            if kept.num_rows:
                yield kept
    except pa.ArrowInvalid as exc:
        raise InputError(f"not a GDELT 2.0 export ({len(COLUMNS)} tab-separated columns): "
                         f"{exc}", path=name) from exc


def read_export(name: str, data: BinaryIO, fips: list[str]) -> Iterator[pa.RecordBatch]:
    """The filtered rows (every column as text) of one export, plain or zipped, read from
    ``data`` (``name`` says which, and names it in errors)."""
    if not name.lower().endswith(".zip"):
        yield from _batches(data, name, fips)
        return
    try:
        archive = zipfile.ZipFile(data if data.seekable() else io.BytesIO(data.read()))
    except zipfile.BadZipFile as exc:
        raise InputError("not a readable zip file", path=name) from exc
    with archive:
        for member in archive.namelist():
            with archive.open(member) as stream:
                yield from _batches(stream, name, fips)


def lookup_rows(name: str, values: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """The rows of lookup ``name`` (:data:`LOOKUPS`) for the distinct ``values`` its
    :func:`distinct_sql` query gives."""
    if name == "_gdelt_days":
        return [{"text": text, "parsed": date_from_text(text.strip())} for (text,) in values]
    if name == "_gdelt_codes":
        rows = []
        for code, root, actor1, actor2, fips in values:
            country, perpetrator, target_class, _, reasons = judge(code, root, actor1, actor2,
                                                                   fips)
            rows.append({"EventCode": code, "EventRootCode": root, "Actor1CountryCode": actor1,
                         "Actor2Type1Code": actor2, "ActionGeo_CountryCode": fips,
                         "country": country, "perpetrator": perpetrator,
                         "target_class": target_class,
                         "reasons": json.dumps(reasons, ensure_ascii=False)})
        return rows
    if name == "_gdelt_places":
        return [{"country": country, "full_name": full, "admin1": admin1_of_place(country, full)}
                for country, full in values]
    if name == "_gdelt_located":
        return [row for given, lat, lon in values if (row := _located(given, lat, lon))]
    return [{"prefix": prefix, "outlet": outlet_of(prefix)} for (prefix,) in values]


def _located(given: str | None, lat_text: str, lon_text: str) -> dict[str, Any] | None:
    """The place of coordinates (as text) in the country ``given``, as the row reader finds
    it; None for coordinates the mapping leaves out."""
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        return None
    if not (abs(lat) <= 90 and abs(lon) <= 180):
        return None
    place = place_of(given, "", lat, lon)
    return {"given_country": given, "lat": lat_text, "lon": lon_text, "country": place.country,
            "admin1": place.admin1,
            "reason": json.dumps(place.reason, ensure_ascii=False) if place.reason else None}


def distinct_sql(name: str, raw: str) -> str:
    """SELECT of the distinct values of ``raw`` that lookup ``name`` needs."""
    if name == "_gdelt_days":
        return f"SELECT DISTINCT Day FROM {raw}"
    if name == "_gdelt_codes":
        return ("SELECT DISTINCT EventCode, EventRootCode, Actor1CountryCode, Actor2Type1Code, "
                f"ActionGeo_CountryCode FROM {raw}")
    if name == "_gdelt_places":
        return (f"SELECT DISTINCT c.country, r.ActionGeo_FullName FROM {raw} r "
                "JOIN _gdelt_codes c ON c.ActionGeo_CountryCode = r.ActionGeo_CountryCode "
                "WHERE c.country IS NOT NULL")
    if name == "_gdelt_located":
        return (f"SELECT DISTINCT c.country, r.ActionGeo_Lat, r.ActionGeo_Long FROM {raw} r "
                f"JOIN _gdelt_codes c ON {_CODES_MATCH} "
                "LEFT JOIN _gdelt_places p ON p.country = c.country "
                "AND p.full_name = r.ActionGeo_FullName "
                "WHERE p.admin1 IS NULL AND trim(r.ActionGeo_Lat) <> '' "
                "AND trim(r.ActionGeo_Long) <> ''")
    return f"SELECT DISTINCT {_PREFIX} FROM {raw} WHERE SOURCEURL <> ''"


_CODES_MATCH = ("c.EventCode = r.EventCode AND c.EventRootCode = r.EventRootCode "
                "AND c.Actor1CountryCode = r.Actor1CountryCode "
                "AND c.Actor2Type1Code = r.Actor2Type1Code "
                "AND c.ActionGeo_CountryCode = r.ActionGeo_CountryCode")

#: The columns the mapping reads besides the content hash.
MAPPED = ("GlobalEventID", "Day", "EventCode", "EventRootCode", "Actor1CountryCode",
          "Actor2Type1Code", "ActionGeo_CountryCode", "ActionGeo_FullName", "ActionGeo_Type",
          "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL")


def keyed_sql(raw: str) -> str:
    """SELECT of each row of ``raw`` (filtered rows, every column as text) as its document id
    (the MD5 of its 61 fields, as the row reader hashes them) and the columns it is mapped
    from: a quarter of the row, which is what later steps keep."""
    hashed = ", ".join(f"coalesce({name}, '')" for name in COLUMNS)
    return (f"SELECT 'gdelt-' || substr(md5(concat_ws(chr(9), {hashed})), 1, 20) AS doc_id, "
            f"{', '.join(MAPPED)} FROM {raw}")


def reports_sql(raw: str, d: Dialect = DUCKDB) -> str:
    """SELECT of one report per row of ``raw`` (rows of :func:`keyed_sql`), as the row reader
    maps it; rows whose day or coordinates do not parse are left out (the batch counts
    them)."""
    text = d.string_type()
    # the place's reason joins the codes' (a JSON object, never empty) as its last member
    reasons = ("CASE WHEN l.reason IS NULL THEN c.reasons "
               "ELSE substr(c.reasons, 1, length(c.reasons) - 1) || ', \"admin1\": ' "
               "|| l.reason || '}' END")
    return f"""
SELECT doc_id || '#0' AS id, doc_id AS document_id, source_key, source_version,
       event_date, 'day' AS date_precision, country, admin1, place, lat, lon, geo_precision,
       target_class, CAST(NULL AS {text}) AS target_text, CAST(NULL AS {text}) AS weapon,
       perpetrator, 'media' AS claimed_by, false AS negated, CAST(NULL AS {text}) AS evidence,
       CAST(0.4 AS DOUBLE) AS confidence, reasons, outlet,
       coalesce(outlet, url, doc_id) AS source, url,
       CAST(NULL AS {d.type_named("TIMESTAMP")}) AS event_at, CAST(NULL AS {text}) AS event_offset
FROM (
    SELECT r.doc_id, 'gdelt:' || r.GlobalEventID AS source_key,
           CASE WHEN r.DATEADDED <> '' AND TRY_CAST(r.DATEADDED AS BIGINT) >= 0
                THEN TRY_CAST(r.DATEADDED AS BIGINT) END AS source_version,
           dd.parsed AS event_date,
           CASE WHEN l.lat IS NULL THEN c.country ELSE l.country END AS country,
           coalesce(p.admin1, l.admin1) AS admin1,
           CASE WHEN r.ActionGeo_FullName <> '' THEN r.ActionGeo_FullName END AS place,
           TRY_CAST(CASE WHEN trim(r.ActionGeo_Lat) <> '' THEN r.ActionGeo_Lat END AS DOUBLE)
               AS lat,
           TRY_CAST(CASE WHEN trim(r.ActionGeo_Long) <> '' THEN r.ActionGeo_Long END AS DOUBLE)
               AS lon,
           CASE WHEN r.ActionGeo_Type <> '' THEN r.ActionGeo_Type END AS geo_precision,
           c.target_class, c.perpetrator, {reasons} AS reasons, h.outlet,
           CASE WHEN r.SOURCEURL <> '' THEN r.SOURCEURL END AS url,
           r.ActionGeo_Lat AS lat_text, r.ActionGeo_Long AS lon_text
    FROM {raw} r
    JOIN _gdelt_days dd ON dd.text = r.Day
    JOIN _gdelt_codes c ON {_CODES_MATCH}
    LEFT JOIN _gdelt_places p ON p.country = c.country
         AND p.full_name = r.ActionGeo_FullName
    LEFT JOIN _gdelt_located l ON p.admin1 IS NULL
         AND {d.same("l.given_country", "c.country")}
         AND l.lat = r.ActionGeo_Lat AND l.lon = r.ActionGeo_Long
    LEFT JOIN _gdelt_hosts h ON h.prefix = {_PREFIX.replace("SOURCEURL", "r.SOURCEURL")}
) mapped
WHERE event_date IS NOT NULL AND (trim(lat_text) = '' OR abs(lat) <= 90)
  AND (trim(lon_text) = '' OR abs(lon) <= 180)"""
