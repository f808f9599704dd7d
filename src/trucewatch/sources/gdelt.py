"""GDELT 2.0 event export: 61 tab-separated columns, no header, plain or zipped.

Only attacks are read: CAMEO root codes 18–20, and code 196 as an alleged ceasefire violation
(``data/gdelt.yaml``); other events are skipped. GDELT gives no target class, so the target is
``unknown`` unless Actor2's type names one (civilians, military). The region comes from
``ActionGeo_FullName`` through the gazetteer (GDELT's own ADM1 codes are FIPS codes).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from trucewatch.errors import InputError
from trucewatch.sources.base import (
    BadRowHandler,
    ReadNotes,
    new_report,
    parse_coordinate,
    parse_date,
    reject,
)
from trucewatch.sources.regions import admin1_of_place, country_code, place_of
from trucewatch.sources.tabular import csv_records, open_table

__all__ = ["COLUMNS", "conventions", "judge", "outlet_of", "read"]

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO), "DATEADDED", "SOURCEURL",
)


@cache
def conventions() -> dict[str, Any]:
    """The attack codes, FIPS country codes and target actor types of ``data/gdelt.yaml``."""
    return yaml.safe_load(resources.files(__package__).joinpath("data/gdelt.yaml")
                          .read_text("utf-8"))


@cache
def judge(code: str, root: str, actor1_country: str, actor2_type: str, fips: str
          ) -> tuple[str | None, str | None, str, str, dict[str, str]]:
    """What an event's codes say: (country, perpetrator, target class, event, reasons)."""
    known = conventions()
    country = known["fips_to_iso"].get(fips)
    perpetrator = country_code(actor1_country) if actor1_country else None
    event = (f"CAMEO {code}: alleged ceasefire violation"
             if code in known["ceasefire_violation_codes"]
             else f"CAMEO root {root} (event {code}): an attack")
    target_class = known["target_by_actor_type"].get(actor2_type, "unknown")
    reasons = {"event": event,
               "perpetrator": f"Actor1CountryCode {actor1_country or 'empty'}",
               "target_class": f"Actor2Type1Code {actor2_type or 'empty'}",
               "country": f"ActionGeo_CountryCode {fips or 'empty'} (FIPS)"}
    return country, perpetrator, target_class, event, reasons


def outlet_of(url: str | None) -> str | None:
    """The outlet of a source URL: its host name."""
    return urlparse(url).hostname if url else None


@contextmanager
def _rows(path: Path, encoding: str | None, notes: ReadNotes
          ) -> Iterator[Iterator[tuple[int, list[str]]]]:
    if path.suffix.lower() != ".zip":
        with open_table(path, encoding=encoding, delimiter="\t", header=False) as table:
            notes.encoding = table.encoding
            yield table.rows
        return
    try:
        archive = zipfile.ZipFile(path)
        names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError("not a readable zip file", path=path) from exc
    if not names:
        raise InputError("the zip file is empty", path=path)
    notes.encoding = encoding or "utf-8"
    try:
        with archive, archive.open(names[0]) as member:
            stream = io.TextIOWrapper(member, encoding=notes.encoding, newline="")
            yield csv_records(stream, path, notes.encoding, "\t")
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise InputError(f"damaged zip file ({exc})", path=path) from exc


def read(path: str | Path, *, on_bad: BadRowHandler | None = None,
         notes: ReadNotes | None = None, encoding: str | None = None
         ) -> Iterator[dict[str, Any]]:
    """Attack events of a GDELT 2.0 export, one record per event; others are counted in
    ``notes`` as skipped, by CAMEO root code."""
    path = Path(path)
    notes = notes if notes is not None else ReadNotes()
    notes.header = list(COLUMNS)
    known = conventions()
    attacks = set(known["attack_root_codes"])
    violations = set(known["ceasefire_violation_codes"])
    with _rows(path, encoding, notes) as rows:
        for line, raw in rows:
            if len(raw) != len(COLUMNS):
                error = InputError(f"expected {len(COLUMNS)} columns, found {len(raw)}",
                                   path=path, line=line, hint="fix the row or pass --skip-bad")
                reject(on_bad, error, raw)
                continue
            row = dict(zip(COLUMNS, raw, strict=True))
            if row["EventRootCode"] not in attacks and row["EventCode"] not in violations:
                notes.skip(f"not an attack: CAMEO root {row['EventRootCode'] or '?'}")
                continue
            try:
                yield _record(row, raw, line, path)
            except InputError as error:
                reject(on_bad, error, raw)


def _record(row: dict[str, str], raw: list[str], line: int, path: Path) -> dict[str, Any]:
    event_date = parse_date(row["Day"], path=path, line=line, field="Day")
    lat = parse_coordinate(row["ActionGeo_Lat"], limit=90, path=path, line=line,
                           field="ActionGeo_Lat")
    lon = parse_coordinate(row["ActionGeo_Long"], limit=180, path=path, line=line,
                           field="ActionGeo_Long")
    country, perpetrator, target_class, event, reasons = judge(
        row["EventCode"], row["EventRootCode"], row["Actor1CountryCode"],
        row["Actor2Type1Code"], row["ActionGeo_CountryCode"])
    admin1 = admin1_of_place(country, row["ActionGeo_FullName"])
    place = place_of(country, admin1 or "", lat, lon)
    url = row["SOURCEURL"] or None
    text = (f"{row['Actor1Name'] or '?'} -> {row['Actor2Name'] or '?'}, {event}, "
            f"at {row['ActionGeo_FullName'] or '?'}")
    return {
        "line": line,
        "content": "\t".join(raw),
        "source_key": f"gdelt:{row['GlobalEventID']}",
        "source_version": int(row["DATEADDED"]) if row["DATEADDED"].isdigit() else None,
        "document": {"url": url, "outlet": outlet_of(url),
                     "published": event_date, "language": None, "text": text},
        "reports": [new_report(
            event_date=event_date, date_precision="day", country=place.country,
            admin1=place.admin1,
            place=row["ActionGeo_FullName"] or None, lat=lat, lon=lon,
            geo_precision=row["ActionGeo_Type"] or None, target_class=target_class,
            perpetrator=perpetrator, claimed_by="media", confidence=0.4,
            reasons={**reasons, **({"admin1": place.reason} if place.reason else {})},
        )],
    }
