"""ACLED exports, one attack report per row: the 31 columns as ACLED publishes them today, and
the layouts exports come in (columns found by header name in any order and case, older names
such as ``ally_actor_1``, R's ``NA``, CSV in any encoding or an Excel workbook; the date
format decided per file).

Rows whose ``event_type`` is not an attack (``data/acled.yaml``) are skipped and counted. The target
class, perpetrator and claimant come from ``notes`` (and ``tags``) through
:mod:`trucewatch.sources.notes`, since ``actor1``/``actor2`` carry no direction. The source key
is ``event_id_cnty`` and the version ``timestamp``: an edited event (same id, newer timestamp)
supersedes the earlier version, which stays in the store as history. A URL inside ``source``
(``pravda.com.ua (https://...)``) becomes the document's URL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from trucewatch.errors import InputError
from trucewatch.sources.acled_bulk import AcledStaging, stage
from trucewatch.sources.acled_layout import COLUMNS, conventions, split_source
from trucewatch.sources.base import BadRowHandler, ReadNotes, new_report, parse_coordinate, reject
from trucewatch.sources.columns import find_columns
from trucewatch.sources.dates import DateReader, decide_while_reading
from trucewatch.sources.notes import LOCAL, normalise, read_note
from trucewatch.sources.regions import country_code, place_of
from trucewatch.sources.tabular import open_table

__all__ = ["COLUMNS", "AcledStaging", "read", "stage"]

_FIX = "fix the row or pass --skip-bad"


def read(path: str | Path, *, on_bad: BadRowHandler | None = None,
         notes: ReadNotes | None = None, encoding: str | None = None,
         date_format: str | None = None) -> Iterator[dict[str, Any]]:
    """Attack reports of an ACLED export (CSV in any encoding, or a workbook), one record per
    attack row; other rows are counted in ``notes`` as skipped, by event type."""
    path = Path(path)
    notes = notes if notes is not None else ReadNotes()
    known = conventions()
    dates = DateReader(date_format)
    missing = frozenset(known["missing_values"])
    attacks = frozenset(kind.casefold() for kind in known["attack_event_types"])
    with open_table(path, encoding=encoding) as table:
        at = find_columns(table.header, COLUMNS, known["column_aliases"],
                          [tuple(n) if isinstance(n, list) else n
                           for n in known["required_columns"]],
                          path=path, what="ACLED export")
        notes.encoding, notes.header = table.encoding, table.header
        width, date_at = len(table.header), at["event_date"]
        rows = decide_while_reading(
            table.rows, lambda row: row[1][date_at] if len(row[1]) > date_at else "", dates)
        try:
            for line, raw in rows:
                try:
                    if len(raw) != width:
                        raise InputError(f"expected {width} columns, found {len(raw)}",
                                         path=path, line=line, hint=_FIX)
                    row = {name: "" if i is None or raw[i] in missing else raw[i]
                           for name, i in at.items()}
                    record = _record(row, line, path, known, dates, attacks)
                except InputError as error:
                    reject(on_bad, error, raw)
                    continue
                if record is None:
                    notes.skip(f"not an attack: {row['event_type'] or 'no event type'}")
                    continue
                # hashed as the bulk stage hashes it: a missing-value marker as an empty field
                record["content"] = "\x1f".join("" if f in missing else f for f in raw)
                yield record
        finally:
            notes.date_format = dates.label


def _record(row: dict[str, str], line: int, path: Path, known: dict[str, Any],
            dates: DateReader, attacks: frozenset[str]) -> dict[str, Any] | None:
    event_date = dates.parse(row["event_date"])
    if event_date is None:
        raise InputError(f"{row['event_date']!r} is not a date in the file's format "
                         f"({dates.expected()})", path=path, line=line, field="event_date",
                         hint="fix the row, pass --date-format or --skip-bad")
    lat = parse_coordinate(row["latitude"], limit=90, path=path, line=line, field="latitude")
    lon = parse_coordinate(row["longitude"], limit=180, path=path, line=line, field="longitude")
    if row["event_type"].strip().casefold() not in attacks:
        return None
    try:
        version = int(row["timestamp"] or 0)
    except ValueError:
        raise InputError(f"{row['timestamp']!r} is not a Unix timestamp", path=path, line=line,
                         field="timestamp", hint=_FIX) from None
    country = country_code(row["iso"]) or country_code(row["country"])
    overrides = known["admin1_overrides"].get(country, ())
    notes = row["notes"]
    places = (row["location"], row["admin3"], row["admin2"], row["admin1"])
    target_class, target_text, perpetrator, claimed_by, negated, reasons = read_note(
        normalise(notes, places), row["tags"])
    claimed_by = country if claimed_by == LOCAL else claimed_by
    place = place_of(country, row["admin1"], lat, lon, (row["admin2"], row["location"]),
                     overrides)
    if place.reason:
        reasons = json.dumps({**json.loads(reasons), "admin1": place.reason}, ensure_ascii=False)
    url, outlet = split_source(row["source"])
    return {
        "line": line,
        "source_key": f"acled:{row['event_id_cnty']}",
        "source_version": version,
        "document": {"url": url, "outlet": outlet, "published": event_date,
                     "language": "en", "text": notes or None},
        "reports": [new_report(
            event_date=event_date,
            date_precision=known["time_precision"].get(row["time_precision"], "day"),
            country=place.country, admin1=place.admin1,
            place=row["location"] or None, lat=lat, lon=lon,
            geo_precision=row["geo_precision"] or None,
            target_class=target_class, target_text=target_text,
            weapon=row["sub_event_type"] or None,
            perpetrator=perpetrator, claimed_by=claimed_by, negated=negated,
            confidence=0.7, reasons=reasons,
        )],
    }
