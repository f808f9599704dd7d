"""Countries and first-level regions of dataset rows as ISO 3166 codes, from every clue a row
gives: country codes and names, region names in any spelling, coordinates, place text."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import pycountry

from trucewatch.geo import resolve
from trucewatch.geo.region_names import admin1_from_name, profile_regions
from trucewatch.geo.reverse import locate

__all__ = ["Place", "admin1_code", "admin1_of_place", "country_code", "place_of"]


@cache
def _admin1_names() -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    for row in profile_regions():
        code = row["code"]
        country = code.split("-", 1)[0]
        variants = [row["name_en"], row["name_en"].removesuffix(" Oblast"), code,
                    *(row.get("aliases_en") or "").split("|")]
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
    return country.alpha_2 if country is not None else None


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
    return (_admin1_names().get((country, name.casefold())) or _admin1_names().get((country, key))
            or admin1_from_name(name, country))


class Place(NamedTuple):
    """A row's country and region, and how the region was found when the row's own region
    column did not say (None when it did, or nothing was found)."""

    country: str | None
    admin1: str | None
    reason: str | None = None


def place_of(country: str | None, admin1_name: str, lat: float | None, lon: float | None,
             texts: tuple[str, ...] = (), overrides: tuple[tuple[str, str], ...] = ()) -> Place:
    """The country and ISO 3166-2 region of a row: its region name (any spelling) first, then
    its coordinates (inside a region's outline, or just off a coast), then place ``texts``
    (``"Chuhuiv, south of Kharkiv"``: each comma-separated part, as a region or a settlement).
    Coordinates outside the stated country give no region, and the reason says so."""
    admin1 = admin1_code(country, admin1_name, overrides) if admin1_name else None
    if admin1 is not None:
        return Place(country or admin1[:2], admin1)
    reason = f"region {admin1_name!r} not recognised" if admin1_name.strip() else None
    if lat is not None and lon is not None:
        found = locate(lat, lon)
        if found is not None and country in (None, found.country):
            return Place(found.country, found.admin1, found.reason)
        if found is not None:
            reason = (f"coordinates fall in {found.admin1}, outside the stated country "
                      f"{country}: region left empty")
    for text in texts:
        code = _admin1_of_text(country, text)
        if code is not None:
            return Place(country or code[:2], code, f"place text {text!r}")
    return Place(country, None, reason)


@cache
def _admin1_of_text(country: str | None, text: str) -> str | None:
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        code = admin1_from_name(part, country) if country else None
        if code is None:
            code = admin1_of_place(country, part) if country else _any_admin1_of_place(part)
        if code is not None:
            return code
    return None


def _any_admin1_of_place(name: str) -> str | None:
    found = resolve(name)
    return found.admin1 if found is not None else admin1_from_name(name)


@cache
def admin1_of_place(country: str | None, full_name: str) -> str | None:
    """ISO 3166-2 code of a place named like GDELT's ``Kherson, Khersons'ka Oblast', Ukraine``
    (most specific part first), through the gazetteer; None when no part resolves inside
    ``country``."""
    if not country:
        return None
    for part in full_name.split(", ")[:-1] or [full_name]:
        place = resolve(part, "en")
        if place is not None and place.country == country:
            return place.admin1
    return None
