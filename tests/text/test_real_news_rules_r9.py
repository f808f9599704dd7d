"""General rules for the classes of error seen on the ninth blind round of real news (issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import pytest

from tests.text.facts import facts

# --- 1. airfields by their names; "Belaya" (white) is no alias of a Chechen town ---

AIRFIELDS = [
    pytest.param("en", "On 1 June Ukrainian drones hit bombers at the Ivanovo, Olenya, "
                       "Diaghilev and Belaya airfields.", id="en"),
    pytest.param("uk", "1 червня українські дрони уразили бомбардувальники на аеродромах "
                       "Дягілево, Оленья та Іваново.", id="uk"),
    pytest.param("ru", "1 июня украинские дроны поразили бомбардировщики на аэродромах "
                       "Дягилево, Оленья и Иваново.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), AIRFIELDS)
def test_airfields_are_placed_by_their_names(language, text):
    regions = {a for (a,) in facts(text, language, "admin1", published="2025-06-02")}
    assert {"RU-RYA", "RU-MUR", "RU-IVA"} <= regions
    assert "RU-CE" not in regions


# --- 2. a strike told as having happened before, with no day, has no day ---

PREVIOUSLY = [
    pytest.param("en", "Ukrainian drones have previously hit the Novoshakhtinsk refinery in the "
                       "Rostov region.", id="en"),
    pytest.param("uk", "Українські дрони раніше вже уражали нафтопереробний завод у "
                       "Новошахтинську Ростовської області.", id="uk"),
    pytest.param("ru", "Украинские дроны ранее уже поражали нефтеперерабатывающий завод в "
                       "Новошахтинске Ростовской области.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), PREVIOUSLY)
def test_an_earlier_strike_without_its_day_has_no_day(language, text):
    assert facts(text, language, "admin1", "date") == {("RU-ROS", None)}


# --- 3. a facility that "caught fire" is a report of damage in every language ---

CAUGHT_FIRE = [
    pytest.param("en", "The Ryazan oil refinery caught fire overnight.", id="en"),
    pytest.param("uk", "Вночі загорівся нафтопереробний завод у Рязані.", id="uk"),
    pytest.param("ru", "Ночью загорелся Рязанский нефтеперерабатывающий завод.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), CAUGHT_FIRE)
def test_a_facility_that_caught_fire_is_reported(language, text):
    assert facts(text, language, "admin1", "target_class") == {
        ("RU-RYA", "energy.oil_refinery")}


# --- 4. a power plant named by its town's adjective is placed in that town's region ---

PLANT_ADJECTIVES = [
    pytest.param("en", "Overnight the enemy hit the Vuhlehirska and Trypilska thermal power "
                       "plants.", id="en"),
    pytest.param("uk", "Уночі ворог атакував Вуглегірську та Трипільську теплоелектростанції.",
                 id="uk"),
    pytest.param("ru", "Ночью враг атаковал Углегорскую и Трипольскую ТЭС.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), PLANT_ADJECTIVES)
def test_a_plant_named_by_its_town_is_in_its_region(language, text):
    assert facts(text, language, "admin1", "target_class", published="2025-11-08") == {
        ("UA-14", "energy.power_generation"), ("UA-32", "energy.power_generation")}
