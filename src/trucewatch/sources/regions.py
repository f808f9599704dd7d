"""Countries and first-level regions of dataset rows as ISO 3166 codes."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pycountry

__all__ = ["admin1_code", "admin1_of_place", "country_code"]

_REGIONS = Path(__file__).parents[1] / "geo" / "regions.tsv"


@cache
def _admin1_names() -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    if not _REGIONS.exists():
        return names
    with _REGIONS.open(encoding="utf-8") as stream:
        rows = csv.DictReader((line for line in stream if not line.startswith("#")),
                              delimiter="\t")
        for row in rows:
            code = row["code"]
            country = code.split("-", 1)[0]
            variants = [row["name_en"], row["name_en"].removesuffix(" Oblast"), code,
                        *row.get("aliases_en", "").split("|")]
            for variant in variants:
                if variant:
                    names.setdefault((country, variant.casefold()), code)
    return names


@cache
def country_code(value: str) -> str | None:
    """ISO 3166-1 alpha-2 code from a numeric code (804), alpha-2/3 code or English name."""
    value = value.strip()
    if not value:
        return None
    name = value.split(" (", 1)[0]
    try:
        country = (pycountry.countries.get(numeric=value.zfill(3)) if value.isdigit()
                   else pycountry.countries.get(alpha_2=value) or
                   pycountry.countries.get(alpha_3=value) or
                   pycountry.countries.get(name=name) or
                   pycountry.countries.get(common_name=name))
    except LookupError:
        country = None
    if country is None and len(name) > 3:
        try:
            country = pycountry.countries.search_fuzzy(name)[0]
        except LookupError:
            return None
    return country.alpha_2


@cache
def admin1_code(country: str | None, name: str, overrides: tuple[tuple[str, str], ...] = ()
                ) -> str | None:
    """ISO 3166-2 code of a region name (``Kursk`` -> ``RU-KRS``), or None when unknown."""
    name = name.strip()
    if not name or not country:
        return None
    for override, code in overrides:
        if override == name:
            return code
    key = name.casefold()
    for suffix in (" oblast", " region", " krai", " republic"):
        key = key.removesuffix(suffix)
    return _admin1_names().get((country, name.casefold())) or _admin1_names().get((country, key))


@cache
def admin1_of_place(country: str | None, full_name: str) -> str | None:
    """ISO 3166-2 code of a place named like GDELT's ``Kherson, Khersons'ka Oblast', Ukraine``
    (most specific part first), through the gazetteer; None when no part resolves inside
    ``country``."""
    if not country:
        return None
    from trucewatch.geo import resolve

    for part in full_name.split(", ")[:-1] or [full_name]:
        place = resolve(part, "en")
        if place is not None and place.country == country:
            return place.admin1
    return None
