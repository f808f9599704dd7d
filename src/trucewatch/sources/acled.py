"""ACLED export CSV: the 31 columns as ACLED publishes them, one attack report per row.

Rows whose ``event_type`` is not an attack (``data/acled.yaml``) are skipped. The target
class, perpetrator and claimant come from ``notes`` (and ``tags``) through
:mod:`trucewatch.sources.notes`, since ``actor1``/``actor2`` carry no direction. The source key
is ``event_id_cnty`` and the version ``timestamp``: an edited event (same id, newer timestamp)
supersedes the earlier version, which stays in the store as history. A URL inside ``source``
(``pravda.com.ua (https://...)``) becomes the document's URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from trucewatch.errors import InputError
from trucewatch.sources.acled_bulk import AcledStaging, stage
from trucewatch.sources.acled_layout import COLUMNS, conventions, split_source
from trucewatch.sources.base import (
    BadRowHandler,
    csv_rows,
    new_report,
    open_text,
    parse_coordinate,
    parse_date,
    read_header,
    require_columns,
)
from trucewatch.sources.notes import LOCAL, normalise, read_note
from trucewatch.sources.regions import admin1_code, country_code

__all__ = ["COLUMNS", "AcledStaging", "read", "stage"]

def read(path: str | Path, *, on_bad: BadRowHandler | None = None) -> Iterator[dict[str, Any]]:
    """Attack reports of an ACLED export, one record per attack row."""
    path = Path(path)
    columns = require_columns(read_header(path), COLUMNS, path=path, what="ACLED export")
    at = [columns[name] for name in COLUMNS]
    known = conventions()
    with open_text(path) as stream:
        for line, raw in csv_rows(stream, path=path, width=len(columns), on_bad=on_bad):
            row = dict(zip(COLUMNS, (raw[i] for i in at), strict=True))
            try:
                record = _record(row, line, path, known)
            except InputError as error:
                if on_bad is None:
                    raise
                on_bad(error, raw)
                continue
            if record is not None:
                record["content"] = "\x1f".join(raw)
                yield record


def _record(row: dict[str, str], line: int, path: Path, known: dict[str, Any]
            ) -> dict[str, Any] | None:
    event_date = parse_date(row["event_date"], path=path, line=line, field="event_date")
    lat = parse_coordinate(row["latitude"], limit=90, path=path, line=line, field="latitude")
    lon = parse_coordinate(row["longitude"], limit=180, path=path, line=line, field="longitude")
    if row["event_type"] not in known["attack_event_types"]:
        return None
    try:
        version = int(row["timestamp"] or 0)
    except ValueError:
        raise InputError(f"{row['timestamp']!r} is not a Unix timestamp", path=path, line=line,
                         field="timestamp", hint="fix the row or pass --skip-bad") from None
    country = country_code(row["iso"]) or country_code(row["country"])
    overrides = known["admin1_overrides"].get(country, ())
    notes = row["notes"]
    places = (row["location"], row["admin3"], row["admin2"], row["admin1"])
    target_class, target_text, perpetrator, claimed_by, negated, reasons = read_note(
        normalise(notes, places), row["tags"])
    claimed_by = country if claimed_by == LOCAL else claimed_by
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
            country=country, admin1=admin1_code(country, row["admin1"], overrides),
            place=row["location"] or None, lat=lat, lon=lon,
            geo_precision=row["geo_precision"] or None,
            target_class=target_class, target_text=target_text,
            weapon=row["sub_event_type"] or None,
            perpetrator=perpetrator, claimed_by=claimed_by, negated=negated,
            confidence=0.7, reasons=reasons,
        )],
    }
