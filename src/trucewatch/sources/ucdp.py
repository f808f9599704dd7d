"""UCDP GED CSV, read by its header: one report per event.

``date_prec`` becomes the date precision and ``where_prec`` the place precision. The target is
``civilian`` for one-sided violence and otherwise ``unknown`` (GED names no target); in
one-sided violence ``side_a`` is the perpetrator, otherwise the direction is not given.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from trucewatch.errors import InputError
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
from trucewatch.sources.regions import admin1_code, country_code

__all__ = ["REQUIRED", "read"]

REQUIRED = ("id", "type_of_violence", "side_a", "side_b", "where_prec", "where_coordinates",
            "adm_1", "latitude", "longitude", "country", "date_prec", "date_start",
            "source_article", "source_headline")


@cache
def _conventions() -> dict[str, Any]:
    return yaml.safe_load(resources.files(__package__).joinpath("data/ucdp.yaml")
                          .read_text("utf-8"))


def read(path: str | Path, *, on_bad: BadRowHandler | None = None) -> Iterator[dict[str, Any]]:
    """Events of a UCDP GED CSV, one record per row."""
    path = Path(path)
    header = read_header(path)
    require_columns(header, REQUIRED, path=path, what="UCDP GED")
    conventions = _conventions()
    with open_text(path) as stream:
        for line, raw in csv_rows(stream, path=path, width=len(header), on_bad=on_bad):
            row = dict(zip(header, raw, strict=True))
            try:
                yield _record(row, raw, line, path, conventions)
            except InputError as error:
                if on_bad is None:
                    raise
                on_bad(error, raw)


def _side_country(side: str) -> str | None:
    name = side.removeprefix("Government of ")
    return country_code(name) if name != side else None


def _record(row: dict[str, str], raw: list[str], line: int, path: Path,
            conventions: dict[str, Any]) -> dict[str, Any]:
    event_date = parse_date(row["date_start"][:10], path=path, line=line, field="date_start")
    lat = parse_coordinate(row["latitude"], limit=90, path=path, line=line, field="latitude")
    lon = parse_coordinate(row["longitude"], limit=180, path=path, line=line, field="longitude")
    country = country_code(row["country"])
    violence = row["type_of_violence"]
    one_sided = violence == "3"
    perpetrator = _side_country(row["side_a"]) if one_sided else None
    adm_1 = row["adm_1"].split(" (", 1)[0]
    return {
        "line": line,
        "content": "\x1f".join(raw),
        "source_key": f"ucdp:{row['id']}",
        "source_version": None,
        "document": {"url": None, "outlet": row["source_article"][:200] or None,
                     "published": event_date, "language": "en",
                     "text": row["source_headline"] or row.get("where_description")},
        "reports": [new_report(
            event_date=event_date,
            date_precision=conventions["date_precision"].get(row["date_prec"], "day"),
            country=country, admin1=admin1_code(country, adm_1),
            place=row["where_coordinates"] or None, lat=lat, lon=lon,
            geo_precision=row["where_prec"] or None,
            target_class=conventions["target_by_violence_type"].get(violence, "unknown"),
            perpetrator=perpetrator, claimed_by="media", confidence=0.6,
            reasons={"target_class": f"type_of_violence {violence}",
                     "perpetrator": (f"one-sided violence by {row['side_a']}" if one_sided
                                     else "GED gives no direction between the sides"),
                     "date_precision": f"date_prec {row['date_prec']}",
                     "geo_precision": f"where_prec {row['where_prec']}"},
        )],
    }
