"""General rules for the classes of error seen on the eleventh blind round of real news
(issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.text.facts import facts

# --- 1. a date of a sentence that tells no strike ("talks are set for Thursday") dates nothing ---

NOT_AN_EVENT = [
    pytest.param("en", "Drones struck a substation in the Sumy region overnight, the operator "
                       "said. The talks in Geneva are scheduled for Thursday. Another drone hit "
                       "a gas pipeline in the Poltava region.", id="en"),
    pytest.param("uk", "Вночі дрони уразили підстанцію в Сумській області, повідомив оператор. "
                       "Переговори в Женеві заплановані на четвер. Ще один дрон пошкодив "
                       "газопровід у Полтавській області.", id="uk"),
    pytest.param("ru", "Ночью дроны поразили подстанцию в Сумской области, сообщил оператор. "
                       "Переговоры в Женеве запланированы на четверг. Еще один дрон повредил "
                       "газопровод в Полтавской области.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), NOT_AN_EVENT)
def test_a_date_of_a_sentence_without_a_strike_dates_no_report(language, text):
    found = facts(text, language, "admin1", "date", published="2026-02-03")
    assert found == {("UA-59", dt.date(2026, 2, 3)), ("UA-53", dt.date(2026, 2, 3))}


# --- 2. a capital's possessive names its government ("Moscow's campaign"), not a place ---

OWNED_BY_A_CAPITAL = [
    pytest.param("en", "Russia launched 300 drones at Ukraine, officials said on Tuesday. The "
                       "strike was part of Moscow's long campaign against the grid. Overnight "
                       "drones hit a thermal power plant, the operator said.", id="en"),
    pytest.param("uk", "Росія запустила 300 дронів по Україні, повідомили у вівторок. Удар був "
                       "частиною тривалої кампанії Москви проти енергосистеми. Вночі дрони "
                       "влучили в теплову електростанцію, повідомив оператор.", id="uk"),
    pytest.param("ru", "Россия запустила 300 дронов по Украине, сообщили во вторник. Удар стал "
                       "частью долгой кампании Москвы против энергосистемы. Ночью дроны "
                       "поразили тепловую электростанцию, сообщил оператор.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), OWNED_BY_A_CAPITAL)
def test_a_capital_that_owns_a_campaign_places_no_strike(language, text):
    found = facts(text, language, "admin1", "target_class", published="2026-02-03")
    assert found == {(None, "energy.power_generation")}


def test_a_capital_that_owns_a_plant_is_still_its_place():
    text = "Overnight Russian drones hit Kyiv's thermal power plant, the operator said."
    assert facts(text, "en", "admin1", published="2026-02-03") == {("UA-30",)}


# --- 3. a strike dated long before publication is history told again, not a report ---

HISTORY = [
    pytest.param("en", "On 10 October 2022 Russia first struck the power grid of the Kyiv region "
                       "on a massive scale. Today Russian drones hit a thermal power plant in "
                       "the Kharkiv region.", id="en"),
    pytest.param("uk", "10 жовтня 2022 року Росія вперше масовано атакувала енергосистему "
                       "Київської області. Сьогодні російські дрони уразили теплову "
                       "електростанцію на Харківщині.", id="uk"),
    pytest.param("ru", "10 октября 2022 года российская армия впервые массово ударила по "
                       "энергосистеме Киевской области. Сегодня российские дроны поразили тепловую "
                       "электростанцию в Харьковской области.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), HISTORY)
def test_a_strike_years_before_publication_is_no_report(language, text):
    assert facts(text, language, "admin1", "date", published="2025-10-10") == {
        ("UA-63", dt.date(2025, 10, 10))}


# --- 4. power cut to homes: the grid was hit, the homes were not ---

OUTAGE = [
    pytest.param("en", "Russian shelling in the Sumy region severed electricity supplies to "
                       "4,000 homes.", id="en"),
    pytest.param("en", "Ukrainian drone attacks disrupted power to about 2,000 homes in the "
                       "Kursk region.", id="en-disrupted"),
    pytest.param("uk", "Російський обстріл у Сумській області знеструмив 4 тисячі будинків.",
                 id="uk"),
    pytest.param("ru", "Российский обстрел в Сумской области обесточил 4 тысячи домов.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), OUTAGE)
def test_homes_left_without_power_are_a_grid_report(language, text):
    assert {c for (c,) in facts(text, language, "target_class")} == {"energy.power_grid"}


# --- 5. the attacker of the strike "in response to" is not this strike's attacker ---

IN_RESPONSE = [
    pytest.param("en", "The Russian armed forces, in response to attacks by the Kyiv regime on "
                       "civilian sites, overnight struck Ukraine's energy facilities, the "
                       "ministry said.", id="en"),
    pytest.param("uk", "Збройні сили Росії вночі, у відповідь на атаки київського режиму по "
                       "цивільних об'єктах, завдали удару по об'єктах енергетики України, "
                       "повідомили в міністерстві.", id="uk"),
    pytest.param("ru", "Вооруженные силы России ночью, в ответ на удары киевского режима по "
                       "гражданским целям, нанесли удар по объектам энергетики Украины, "
                       "сообщили в министерстве.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), IN_RESPONSE)
def test_the_side_answered_is_not_the_attacker(language, text):
    assert facts(text, language, "perpetrator", published="2026-02-12") == {("RU",)}
