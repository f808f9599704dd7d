"""First-level region names in any spelling -> ISO 3166-2 code.

Names come from three sources: the hand-written regions of every conflict profile (with
aliases in the profile's languages), the Natural Earth names shipped with the outlines
(:mod:`trucewatch.geo.boundaries`: English, local, German, French, Russian, Ukrainian, ...,
and alternative names such as ``Zaporozh'ye``) and pycountry's subdivision names. A name is
reduced to a key: lower case, accents and apostrophes dropped, Cyrillic transliterated, and
words such as "oblast", "region", "province" left out. A key that matches no name exactly is
matched to the closest name of the same country when it is close enough (misspellings such as
"Zaporozhye" or "Saporischschja").

>>> admin1_from_name("Saporischschja Oblast", "UA"), admin1_from_name("Запорожье")
('UA-23', 'UA-23')
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from functools import cache, lru_cache

import pycountry

from trucewatch import profiles
from trucewatch.geo.boundaries import regions
from trucewatch.geo.levels import first_level

__all__ = ["admin1_from_name", "name_key", "profile_regions"]

#: Words that say what kind of region a name is, not which one.
_GENERIC = frozenset((
    "oblast", "oblasti", "oblasts", "oblasty", "region", "regions", "province", "provincia",
    "provinces", "state", "states", "governorate", "department", "departement", "departamento",
    "division", "prefecture", "territory", "krai", "kray", "republic", "respublika",
    "autonomous", "avtonomna", "avtonomnaya", "special", "republican", "okrug", "of", "the",
    "obl", "area",
))
_CYRILLIC = dict(zip(
    "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "g", "d", "e", "ye", "yo", "zh", "z", "i", "i", "yi", "y", "k", "l",
     "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "",
     "e", "yu", "ya"], strict=True))
_CYRILLIC_GENERIC = re.compile(
    r"\b(област\w*|обл|кра[йяюе]\w*|республик\w*|республік\w*|автономн\w*)\b")
_APOSTROPHES = re.compile(r"[’ʼʹ'`´.]")
_NOT_WORD = re.compile(r"[\W_]+")
_FUZZY_CUTOFF = 0.82


@lru_cache(maxsize=65536)
def name_key(name: str, strip: bool = True) -> str:
    """The matching key of a region name (``"Zaporiz'ka Oblast'"`` -> ``"zaporizka"``); with
    ``strip`` False the words that name a kind of region are kept."""
    text = _CYRILLIC_GENERIC.sub(" ", name.casefold()) if strip else name.casefold()
    text = "".join(_CYRILLIC.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _NOT_WORD.sub(" ", _APOSTROPHES.sub("", text))
    return " ".join(w for w in text.split() if not strip or w not in _GENERIC)


@cache
def profile_regions() -> tuple[dict[str, str], ...]:
    """The profiles' hand-written regions whose code the outlines know (a code ISO changed
    since, such as India's IN-UK for IN-UT, is left to Natural Earth's names, so that a region
    name and the coordinates give one code)."""
    known = {first_level(region.code) for region in regions()}
    return tuple(row for profile in profiles.every() for row in profile.regions()
                 if row["code"] in known)


def _hand_written() -> list[tuple[str, str]]:
    found = []
    for row in profile_regions():
        for column in ("name_en", *sorted(c for c in row if c.startswith("aliases_"))):
            found += [(row["code"], name) for name in (row.get(column) or "").split("|")]
    return found


@cache
def _index() -> dict[str, dict[str, tuple[frozenset[str], frozenset[str]]]]:
    """Country -> key -> (codes of names that are the key itself, such as "Kyiv"; codes of
    names that lost a word to become the key, such as "Kyiv Oblast"); ``""`` holds every
    country. A key takes the codes of the first source that has it: the hand-written names,
    then Natural Earth's (whose codes the outlines use), then pycountry's (which add regions
    Natural Earth lacks)."""
    sources = [
        _hand_written(),
        [(first_level(region.code), name) for region in regions() for name in region.names],
        [(s.code, s.name) for s in pycountry.subdivisions
         if "-" in s.code and getattr(s, "parent_code", None) is None],
    ]
    best: dict[tuple[str, str, bool], tuple[int, set[str]]] = {}
    for tier, pairs in enumerate(sources):
        for code, name in pairs:
            key = name_key(name) if name else ""
            if not key:
                continue
            stripped = key != name_key(name, strip=False)
            for country in (code.split("-", 1)[0], ""):
                held = best.get((country, key, stripped))
                if held is None:
                    best[(country, key, stripped)] = (tier, {code})
                elif held[0] == tier:
                    held[1].add(code)
    index: dict[str, dict[str, tuple[frozenset[str], frozenset[str]]]] = defaultdict(dict)
    for (country, key, stripped), (_, codes) in best.items():
        exact, loose = index[country].get(key, (frozenset(), frozenset()))
        index[country][key] = (exact, frozenset(codes)) if stripped else (frozenset(codes), loose)
    return dict(index)


def _codes(entry: tuple[frozenset[str], frozenset[str]], kind_named: bool) -> frozenset[str]:
    """The codes a key stands for: a name that says "oblast" or "region" means the region of
    that name (not the city), otherwise the name itself wins."""
    exact, loose = entry
    first, second = (loose, exact) if kind_named else (exact, loose)
    return first or second


@lru_cache(maxsize=65536)
def admin1_from_name(name: str, country: str | None = None) -> str | None:
    """The ISO 3166-2 code of a first-level region named ``name`` (in ``country`` when
    given), or None when no region or more than one fits."""
    key = name_key(name)
    keys = _index().get(country or "", {})
    if not key or not keys:
        return None
    kind_named = key != name_key(name, strip=False)
    codes = _codes(keys[key], kind_named) if key in keys else None
    if codes is None and len(key) >= 5 and country:
        close = difflib.get_close_matches(key, keys, n=3, cutoff=_FUZZY_CUTOFF)
        found = {code for match in close for code in _codes(keys[match], kind_named)}
        best = _codes(keys[close[0]], kind_named) if close else frozenset()
        codes = best if best and len(found) == len(best) else None
    return next(iter(codes)) if codes is not None and len(codes) == 1 else None
