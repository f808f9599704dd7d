"""Gazetteer lookups: inflected, adjectival and transliterated names -> ISO 3166-2 regions."""

from __future__ import annotations

import pycountry
import pytest

from trucewatch import profiles
from trucewatch.geo import admin1_name, resolve


@pytest.mark.parametrize(
    ("name", "language", "admin1", "kind"),
    [
        ("Kharkiv region", None, "UA-63", "region"),
        ("Kharkiv Oblast", "en", "UA-63", "region"),
        ("Харківська область", "uk", "UA-63", "region"),
        ("Харківщині", "uk", "UA-63", "region"),
        ("на Харківщині", "uk", "UA-63", "region"),
        ("in the Kursk region", "en", "RU-KRS", "region"),
        ("Харьковской области", "ru", "UA-63", "region"),
        ("Курской области", "ru", "RU-KRS", "region"),
        ("Курщина", "uk", "RU-KRS", "region"),
        ("Brianskaya", None, "RU-BRY", "region"),
        ("Bryanskaya oblast", None, "RU-BRY", "region"),
        ("Краснодарского края", "ru", "RU-KDA", "region"),
        ("Zaporozhye region", None, "UA-23", "region"),
        ("ЛНР", "ru", "UA-09", "region"),
        ("Kyiv Oblast", None, "UA-32", "region"),
        ("Kyiv", None, "UA-30", "settlement"),
        ("Києві", "uk", "UA-30", "settlement"),
        ("Кривому Розі", "uk", "UA-12", "settlement"),
        ("Кривом Роге", "ru", "UA-12", "settlement"),
        ("Slovyansk", None, "UA-14", "settlement"),
        ("Sloviansk", None, "UA-14", "settlement"),
        ("Суджа", "ru", "RU-KRS", "settlement"),
    ],
)
def test_names_in_any_form_resolve(name, language, admin1, kind):
    place = resolve(name, language=language)
    assert place is not None
    assert (place.admin1, place.kind) == (admin1, kind)


@pytest.mark.parametrize("name", ["Crimea", "Sevastopol", "Simferopol", "Крым", "Луганськ"])
def test_crimea_and_occupied_areas_are_ukraine(name):
    place = resolve(name)
    assert place is not None and place.country == "UA"


def test_settlements_sharing_a_name_are_told_apart_by_region():
    kharkiv_side = resolve("Zolochiv", admin1="UA-63")
    lviv_side = resolve("Zolochiv", admin1="UA-46")
    assert kharkiv_side.lat == pytest.approx(50.28, abs=0.05)
    assert lviv_side.lat == pytest.approx(49.81, abs=0.05)
    assert resolve("Zolochiv", admin1="RU-KRS") is None


def test_settlements_carry_coordinates_and_regions_do_not():
    city = resolve("Kherson")
    region = resolve("Kherson Oblast")
    assert (city.name_en, city.admin1) == ("Kherson", "UA-65")
    assert city.lat == pytest.approx(46.64, abs=0.05)
    assert (region.name_en, region.lat) == ("Kherson Oblast", None)


def test_person_names_are_not_places():
    assert resolve("Vladimir", language="en") is None


def test_unknown_names_give_none():
    assert resolve("Atlantis") is None


def test_every_region_of_ukraine_and_russia_has_a_name():
    codes = [s.code for s in pycountry.subdivisions if s.country_code in ("UA", "RU")]
    assert len(codes) == 27 + 83
    assert [c for c in codes if admin1_name(c) == c] == []
    assert admin1_name("RU-BRY") == "Bryansk Oblast"
    assert admin1_name("XX-99") == "XX-99"


@pytest.mark.slow
@pytest.mark.parametrize("name", profiles.names())
def test_checked_in_gazetteer_is_what_the_build_script_makes(name):
    import csv

    from trucewatch.geo.build_gazetteer import build

    text = profiles.load(name).gazetteer()
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    stored = [tuple(row) for row in csv.reader(lines[1:], delimiter="\t")]
    built = [tuple(str(v) for v in row) for row in build(name)]
    assert stored == built, f"run: python -m trucewatch.geo.build_gazetteer {name}"
