"""General rules for the classes of error seen on the fifteenth blind round of real news
(issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.text.facts import facts

# --- 1. "As a result, consumers in A, B and C are without power": the strike's regions ---

LIGHTS_OUT_AS_A_RESULT = [
    pytest.param("uk", "Вночі ворог знову атакував енергетичну інфраструктуру. Як наслідок, "
                       "зранку є знеструмлені споживачі в Сумській, Полтавській, Чернігівській і "
                       "Харківській областях.", id="uk"),
    pytest.param("ru", "Ночью враг снова атаковал энергетическую инфраструктуру. Как следствие, "
                       "утром есть обесточенные потребители в Сумской, Полтавской, Черниговской "
                       "и Харьковской областях.", id="ru"),
    pytest.param("en", "Overnight the enemy attacked the energy infrastructure again. As a "
                       "consequence, this morning consumers in the Sumy, Poltava, Chernihiv and "
                       "Kharkiv regions are without power.", id="en"),
]


@pytest.mark.parametrize(("language", "text"), LIGHTS_OUT_AS_A_RESULT)
def test_regions_left_without_power_as_a_result_place_the_strike(language, text):
    found = facts(text, language, "admin1", "target_class", published="2026-03-14")
    assert found == {(a, "energy.other") for a in ("UA-59", "UA-53", "UA-74", "UA-63")}


# --- 2. "That same day": the day of the report before ---

SAME_DAY = [
    pytest.param("en", "On 8 November a drone struck a substation in the Rivne region. That same "
                       "day, a power line in the Khmelnytskyi region was damaged overnight.",
                 id="en"),
    pytest.param("uk", "8 листопада дрон уразив підстанцію в Рівненській області. Того ж дня "
                       "вночі було пошкоджено лінію електропередачі в Хмельницькій області.",
                 id="uk"),
    pytest.param("ru", "8 ноября дрон поразил подстанцию в Ровенской области. В тот же день ночью "
                       "была повреждена линия электропередачи в Хмельницкой области.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), SAME_DAY)
def test_that_same_day_is_the_day_before(language, text):
    assert facts(text, language, "date", published="2025-11-20") == {(dt.date(2025, 11, 8),)}
