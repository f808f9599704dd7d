"""General rules for the classes of error seen on the twelfth blind round of real news
(issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import pytest

from tests.text.facts import facts

# --- 1. a list of regions after a dash may repeat its preposition ("– in Sumy, Poltava ...") ---

REGIONS_AFTER_A_DASH = [
    pytest.param("en", "Energy facilities in four regions were hit overnight – in Sumy, Poltava, "
                       "Chernihiv and Kharkiv, the ministry said.", id="en"),
    pytest.param("uk", "Вночі під удар потрапили енергетичні об'єкти в чотирьох областях — у "
                       "Сумській, Полтавській, Чернігівській та Харківській, повідомили в "
                       "міністерстві.", id="uk"),
    pytest.param("ru", "Ночью под удар попали энергетические объекты в четырех областях — в "
                       "Сумской, Полтавской, Черниговской и Харьковской, сообщили в "
                       "министерстве.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), REGIONS_AFTER_A_DASH)
def test_regions_listed_after_a_dash_with_a_preposition_are_regions(language, text):
    assert {a for (a,) in facts(text, language, "admin1", published="2025-08-27")} == {
        "UA-59", "UA-53", "UA-74", "UA-63"}


# --- 2. regions left without power after a strike of another kind: their grid was hit ---

LIGHTS_OUT = [
    pytest.param("en", "Overnight Russian missiles hit military airfields, the army said. After "
                       "the strikes the Odesa, Kharkiv and Poltava regions were left without "
                       "power.", id="en"),
    pytest.param("uk", "Вночі російські ракети уразили військові аеродроми, повідомили в армії. "
                       "Після ударів знеструмленими виявилися Одеська, Харківська та Полтавська "
                       "області.", id="uk"),
    pytest.param("ru", "Ночью российские ракеты поразили военные аэродромы, сообщили в армии. "
                       "После ударов обесточенными оказались Одесская, Харьковская и Полтавская "
                       "области.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), LIGHTS_OUT)
def test_regions_without_power_are_grid_reports_not_the_kind_before(language, text):
    found = facts(text, language, "admin1", "target_class", published="2026-02-24")
    assert found == {(None, "military"), ("UA-51", "energy.power_grid"),
                     ("UA-63", "energy.power_grid"), ("UA-53", "energy.power_grid")}


# --- 3. a capital told as a distance landmark is not where the strike was ---

LANDMARK = [
    pytest.param("en", "Overnight Ukrainian drones hit an oil refinery in the Saratov region. A "
                       "second drone struck a fuel depot some 700 km southeast of Moscow.",
                 id="en"),
    pytest.param("uk", "Вночі українські дрони уразили нафтопереробний завод у Саратовській "
                       "області. Також дрон атакував нафтобазу за 700 км на південний схід від "
                       "Москви.", id="uk"),
    pytest.param("ru", "Ночью украинские дроны поразили нефтеперерабатывающий завод в "
                       "Саратовской области. Также дрон атаковал нефтебазу в 700 км к "
                       "юго-востоку от Москвы.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), LANDMARK)
def test_a_capital_as_a_distance_landmark_places_nothing(language, text):
    regions = {a for (a,) in facts(text, language, "admin1", published="2025-08-10")}
    assert regions == {"RU-SAR"}


# --- 4. "the capital Kyiv": a capital after the word capital or city is a place ---

THE_CAPITAL = [
    pytest.param("en", "Ten people were hurt when Russian missiles struck the Ukrainian "
                       "capital Kyiv on Saturday morning, city officials said.", id="en"),
    pytest.param("uk", "Десятеро людей поранені внаслідок російських ракетних ударів по "
                       "українській столиці Києву в суботу вранці, повідомили в міській владі.",
                 id="uk"),
    pytest.param("ru", "Десять человек ранены в результате российских ракетных ударов по "
                       "украинской столице Киеву в субботу утром, сообщили в городских властях.",
                 id="ru"),
]


@pytest.mark.parametrize(("language", "text"), THE_CAPITAL)
def test_a_capital_named_after_the_word_capital_is_its_place(language, text):
    assert facts(text, language, "admin1", published="2025-05-24") == {("UA-30",)}


# --- 5. a given name that is also a town's name is no place ---

def test_the_first_name_volodymyr_is_not_the_town():
    text = ("Ukrainian President Volodymyr Zelenskiy and the president of a partner state on "
            "Sunday condemned Russia's strikes on an oil depot owned by a foreign company.")
    assert facts(text, "en", "admin1", published="2025-08-10") == {(None,)}
