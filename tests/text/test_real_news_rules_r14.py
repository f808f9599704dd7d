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
