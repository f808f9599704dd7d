"""UCDP GED CSV (or workbook), read by its header: one report per event.

Columns are found by name in any order, with or without the HXL tag row of HDX downloads,
in any encoding; ``date_start`` is read in the file's own date format. ``date_prec`` becomes
the date precision and ``where_prec`` the place precision.

GED says who fought whom, not who struck: ``side_a`` and ``side_b`` become party codes
through the conflict profiles' party data (``Government of Ukraine`` -> UA, an actor listed
in a profile's ``datasets.yaml`` -> its party). In one-sided violence (type 3) side A is the
perpetrator and civilians the target. Otherwise the source headline decides, where it says:
who attacked (when that is one of the two sides) and what was hit; where it does not,
perpetrator and target stay unknown, and the reasons say why.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from trucewatch.errors import InputError
from trucewatch.sources.base import BadRowHandler, ReadNotes, new_report, parse_coordinate, reject
from trucewatch.sources.columns import find_columns
from trucewatch.sources.dates import DateReader, decide_while_reading
from trucewatch.sources.notes import normalise, read_note
from trucewatch.sources.regions import country_code, place_of
from trucewatch.sources.tabular import open_table
from trucewatch.taxonomy import party_of_actor

__all__ = ["FIELDS", "REQUIRED", "read"]

REQUIRED = ("id", "type_of_violence", "side_a", "side_b", "date_start", "country")
FIELDS = (*REQUIRED, "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
          "latitude", "longitude", "date_prec", "source_article", "source_office",
          "source_headline")
_FIX = "fix the row or pass --skip-bad"


@cache
def _conventions() -> dict[str, Any]:
    return yaml.safe_load(resources.files(__package__).joinpath("data/ucdp.yaml")
                          .read_text("utf-8"))


def read(path: str | Path, *, on_bad: BadRowHandler | None = None,
         notes: ReadNotes | None = None, encoding: str | None = None,
         date_format: str | None = None) -> Iterator[dict[str, Any]]:
    """Events of a UCDP GED file, one record per row."""
    path = Path(path)
    notes = notes if notes is not None else ReadNotes()
    conventions = _conventions()
    dates = DateReader(date_format)
    with open_table(path, encoding=encoding) as table:
        at = find_columns(table.header, FIELDS, {}, REQUIRED, path=path, what="UCDP GED")
        notes.encoding, notes.header = table.encoding, table.header
        width, date_at = len(table.header), at["date_start"]
        rows = decide_while_reading(
            table.rows, lambda row: row[1][date_at] if len(row[1]) > date_at else "", dates)
        try:
            for line, raw in rows:
                try:
                    if len(raw) != width:
                        raise InputError(f"expected {width} columns, found {len(raw)}",
                                         path=path, line=line, hint=_FIX)
                    row = {name: "" if i is None else raw[i].strip() for name, i in at.items()}
                    record = _record(row, raw, line, path, conventions, dates)
                except InputError as error:
                    reject(on_bad, error, raw)
                    continue
                yield record
        finally:
            notes.date_format = dates.label


def _headlines(row: dict[str, str]) -> list[str]:
    """The source headlines of a row (GED joins several with ``;``)."""
    return [h.strip().strip('"').strip() for h in row["source_headline"].split(";")
            if h.strip().strip('"').strip()]


def _from_headlines(headlines: list[str], sides: dict[str, str | None]
                    ) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    """(target class, target text, its headline; perpetrator, its headline) where the
    headlines state them; the perpetrator only when it is one of the two sides."""
    target = target_text = target_from = perpetrator = perpetrator_from = None
    for headline in headlines:
        found, text, perp, _, _, _ = read_note(normalise(headline))
        if target is None and found != "unknown":
            target, target_text, target_from = found, text, headline
        if perpetrator is None and perp is not None and perp in sides.values():
            perpetrator, perpetrator_from = perp, headline
    return target, target_text, target_from, perpetrator, perpetrator_from


def _record(row: dict[str, str], raw: list[str], line: int, path: Path,
            conventions: dict[str, Any], dates: DateReader) -> dict[str, Any]:
    event_date = dates.parse(row["date_start"])
    if event_date is None:
        raise InputError(f"{row['date_start']!r} is not a date in the file's format "
                         f"({dates.expected()})", path=path, line=line, field="date_start",
                         hint="fix the row, pass --date-format or --skip-bad")
    lat = parse_coordinate(row["latitude"], limit=90, path=path, line=line, field="latitude")
    lon = parse_coordinate(row["longitude"], limit=180, path=path, line=line, field="longitude")
    violence = row["type_of_violence"].removesuffix(".0")
    sides = {"side_a": party_of_actor(row["side_a"]), "side_b": party_of_actor(row["side_b"])}
    headlines = _headlines(row)
    target, target_text, target_from, perpetrator, perpetrator_from = _from_headlines(
        headlines, sides)
    reasons = {"sides": f"side A {row['side_a']} ({sides['side_a'] or 'no party'}), side B "
                        f"{row['side_b']} ({sides['side_b'] or 'no party'})"}
    if violence in conventions["one_sided_violence"]:
        perpetrator = sides["side_a"]
        reasons["perpetrator"] = (f"one-sided violence by {row['side_a']}" if perpetrator
                                  else f"one-sided violence by {row['side_a']}, no party")
    elif perpetrator is not None:
        reasons["perpetrator"] = f"headline: {perpetrator_from!r}"
    else:
        reasons["perpetrator"] = ("GED names the sides, not who struck; no headline says"
                                  if headlines else "GED names the sides, not who struck; "
                                  "the row has no headline")
    if target is not None:
        reasons["target_class"] = f"headline: {target_from!r}"
    else:
        target = conventions["target_by_violence_type"].get(violence, "unknown")
        reasons["target_class"] = (f"type_of_violence {violence}: one-sided violence"
                                   if target != "unknown" else
                                   f"type_of_violence {violence}: GED names no target, and no "
                                   "headline says what was hit")
    country = country_code(row["country"])
    place = place_of(country, row["adm_1"].split(" (", 1)[0], lat, lon,
                     (row["where_coordinates"],))
    if place.reason:
        reasons["admin1"] = place.reason
    reasons["date_precision"] = f"date_prec {row['date_prec']}"
    reasons["geo_precision"] = f"where_prec {row['where_prec']}"
    outlet = row["source_office"].split(";", 1)[0].strip().strip('"') or None
    return {
        "line": line,
        "content": "\x1f".join(raw),
        "source_key": f"ucdp:{row['id'].removesuffix('.0')}",
        "source_version": None,
        "document": {"url": None, "outlet": outlet or (row["source_article"][:200] or None),
                     "published": event_date, "language": "en",
                     "text": "; ".join(headlines) or row["where_description"] or None},
        "reports": [new_report(
            event_date=event_date,
            date_precision=conventions["date_precision"].get(
                row["date_prec"].removesuffix(".0"), "day"),
            country=place.country, admin1=place.admin1,
            place=row["where_coordinates"] or None, lat=lat, lon=lon,
            geo_precision=row["where_prec"].removesuffix(".0") or None,
            target_class=target, target_text=target_text,
            perpetrator=perpetrator, claimed_by="media", confidence=0.6,
            reasons=json.dumps(reasons, ensure_ascii=False),
        )],
    }
