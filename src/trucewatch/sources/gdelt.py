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
    csv_rows,
    new_report,
    parse_coordinate,
    parse_date,
)
from trucewatch.sources.regions import admin1_of_place, country_code

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
def _open(path: Path) -> Iterator[io.TextIOBase]:
    if path.suffix.lower() != ".zip":
        with path.open(encoding="utf-8", newline="") as stream:
            yield stream
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InputError("not a readable zip file", path=path) from exc
    with archive, archive.open(archive.namelist()[0]) as member:
        yield io.TextIOWrapper(member, encoding="utf-8", newline="")


def read(path: str | Path, *, on_bad: BadRowHandler | None = None) -> Iterator[dict[str, Any]]:
    """Attack events of a GDELT 2.0 export, one record per event."""
    path = Path(path)
    known = conventions()
    attacks = set(known["attack_root_codes"])
    violations = set(known["ceasefire_violation_codes"])
    with _open(path) as stream:
        for line, raw in csv_rows(stream, path=path, width=len(COLUMNS), on_bad=on_bad,
                                  delimiter="\t", header=False):
            row = dict(zip(COLUMNS, raw, strict=True))
            if row["EventRootCode"] not in attacks and row["EventCode"] not in violations:
                continue
            try:
                yield _record(row, raw, line, path)
            except InputError as error:
                if on_bad is None:
                    raise
                on_bad(error, raw)


def _record(row: dict[str, str], raw: list[str], line: int, path: Path) -> dict[str, Any]:
    event_date = parse_date(row["Day"], path=path, line=line, field="Day")
    lat = parse_coordinate(row["ActionGeo_Lat"], limit=90, path=path, line=line,
                           field="ActionGeo_Lat")
    lon = parse_coordinate(row["ActionGeo_Long"], limit=180, path=path, line=line,
                           field="ActionGeo_Long")
    country, perpetrator, target_class, event, reasons = judge(
        row["EventCode"], row["EventRootCode"], row["Actor1CountryCode"],
        row["Actor2Type1Code"], row["ActionGeo_CountryCode"])
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
            event_date=event_date, date_precision="day", country=country,
            admin1=admin1_of_place(country, row["ActionGeo_FullName"]),
            place=row["ActionGeo_FullName"] or None, lat=lat, lon=lon,
            geo_precision=row["ActionGeo_Type"] or None, target_class=target_class,
            perpetrator=perpetrator, claimed_by="media", confidence=0.4,
            reasons=dict(reasons),
        )],
    }
