"""General rules for the classes of error seen on the fourteenth blind round of real news
(issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.text.facts import facts

FOUR_REGIONS = {"UA-59", "UA-53", "UA-74", "UA-63"}

# --- 1. "It concerns the A, B and C regions": where the report before, placed nowhere, was ---

NAMELY = [
    pytest.param("uk", "Вночі російські війська атакували об'єкти енергетичної інфраструктури в "
                       "чотирьох областях. Йдеться про Сумську, Полтавську, Чернігівську та "
                       "Харківську області.", id="uk"),
    pytest.param("ru", "Ночью российские войска атаковали объекты энергетической инфраструктуры "
                       "в четырех областях. Речь идет о Сумской, Полтавской, Черниговской и "
                       "Харьковской областях.", id="ru"),
    pytest.param("en", "Overnight Russian forces attacked energy infrastructure facilities in four "
                       "regions. These are the Sumy, Poltava, Chernihiv and Kharkiv regions.",
                 id="en"),
]


@pytest.mark.parametrize(("language", "text"), NAMELY)
def test_regions_named_after_a_placeless_report_place_it(language, text):
    found = facts(text, language, "admin1", "target_class", published="2025-08-27")
    assert found == {(a, "energy.other") for a in FOUR_REGIONS}


# --- 2. "Under strikes were A, B and C": the same, said with a word of attack ---

UNDER_STRIKES = [
    pytest.param("uk", "Цієї ночі Росія продовжила бити по енергетиці. Під ударами були "
                       "Сумщина, Полтавщина, Чернігівщина й Харківщина.", id="uk"),
    pytest.param("ru", "Этой ночью Россия продолжила бить по энергетике. Под ударами были "
                       "Сумская, Полтавская, Черниговская и Харьковская области.", id="ru"),
    pytest.param("en", "Tonight Russia struck the energy system again. Under attack were the "
                       "Sumy, Poltava, Chernihiv and Kharkiv regions.", id="en"),
]


@pytest.mark.parametrize(("language", "text"), UNDER_STRIKES)
def test_regions_under_strikes_after_a_placeless_report_place_it(language, text):
    found = facts(text, language, "admin1", "target_class", published="2026-01-14")
    assert found == {(a, "energy.other") for a in FOUR_REGIONS}


# --- 3. with no publication date, only a year a date writes gives dates their year ---

def test_a_bare_year_of_history_gives_no_date_its_year():
    text = ("Ukrainian drones struck a gas storage facility in Crimea on March 26. Crimea was "
            "annexed by Russia in 2014.")
    assert facts(text, "en", "date", published=None) == {(None,)}


def test_a_year_written_in_a_date_gives_it_its_year():
    text = "Ukrainian drones struck a gas storage facility in Crimea on March 26, 2025."
    assert facts(text, "en", "date", published=None) == {(dt.date(2025, 3, 26),)}


# --- 4. a sentence lending its date lends the date it writes, not a weekday beside it ---

WRITTEN_BEFORE_WEEKDAY = [
    pytest.param("en", "On August 24 at 1:40 Moscow time (22:40 GMT Saturday) air defence downed "
                       "a drone close to the Kursk nuclear power plant. When it fell, it "
                       "exploded and a substation was damaged.", id="en"),
    pytest.param("ru", "24 августа в 1:40 по московскому времени (22:40 GMT в субботу) ПВО сбила "
                       "беспилотник возле Курской АЭС. При падении он взорвался, была повреждена "
                       "подстанция.", id="ru"),
    pytest.param("uk", "24 серпня о 1:40 за московським часом (22:40 GMT у суботу) ППО збила "
                       "безпілотник біля Курської АЕС. Під час падіння він вибухнув, було "
                       "пошкоджено підстанцію.", id="uk"),
]


@pytest.mark.parametrize(("language", "text"), WRITTEN_BEFORE_WEEKDAY)
def test_a_lent_date_is_the_written_one(language, text):
    assert facts(text, language, "date", published="2025-08-25") == {(dt.date(2025, 8, 24),)}


# --- 5. the army a target supports is its owner, not the attacker ---

SUPPORTING = [
    pytest.param("ru", "Российская армия наносит удары только по объектам обеспечения ВСУ. Вчера "
                       "ракета поразила склад в Киевской области.", id="ru"),
    pytest.param("uk", "Російська армія завдає ударів лише по об'єктах забезпечення ЗСУ. Вчора "
                       "ракета уразила склад у Київській області.", id="uk"),
    pytest.param("en", "The Russian army strikes only facilities supporting the Ukrainian army. "
                       "Yesterday a missile hit a depot in the Kyiv region.", id="en"),
]


@pytest.mark.parametrize(("language", "text"), SUPPORTING)
def test_the_army_a_target_supports_is_not_the_attacker(language, text):
    assert facts(text, language, "perpetrator", published="2025-08-28") == {("RU",)}


# --- 6. weapons that strike "targets in A, B and C" report strikes of their own ---

OWN_STRIKES = [
    pytest.param("en", "Overnight Russia struck arms factories and the energy infrastructure "
                       "serving them, the ministry said. Missiles and drones hit targets in "
                       "several regions, including Sumy, Poltava, Chernihiv and Kharkiv.",
                 id="en"),
    pytest.param("uk", "Вночі Росія завдала ударів по оборонних заводах і енергетичній "
                       "інфраструктурі, що їх живить, заявили в міністерстві. Ракети й дрони "
                       "влучили в цілі в кількох областях, зокрема в Сумській, Полтавській, "
                       "Чернігівській і Харківській областях.", id="uk"),
    pytest.param("ru", "Ночью Россия нанесла удары по оборонным заводам и питающей их "
                       "энергетической инфраструктуре, заявили в министерстве. Ракеты и дроны "
                       "поразили цели в нескольких областях, в том числе в Сумской, Полтавской, "
                       "Черниговской и Харьковской областях.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), OWN_STRIKES)
def test_weapons_striking_targets_in_listed_regions_are_reports_of_their_own(language, text):
    found = facts(text, language, "admin1", "target_class", published="2025-10-05")
    assert {(a, "unknown") for a in FOUR_REGIONS} <= found
    assert not any(a in FOUR_REGIONS and c != "unknown" for a, c in found)
