"""General rules for the classes of error seen on the thirteenth blind round of real news
(issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import pytest

from tests.text.facts import facts

# --- 1. a region named after a town whose name reads like a given name is still a region ---

REGION_AFTER_A_TOWN = [
    pytest.param("ru", "Ночью от обломков БПЛА загорелось здание депо в Петровом Вале "
                       "Волгоградской области.", id="ru"),
    pytest.param("uk", "Вночі загорілася будівля депо в Петровому Валу Волгоградської області "
                       "через уламки БпЛА.", id="uk"),
    pytest.param("en", "Overnight a depot building caught fire in Petrov Val in the Volgograd "
                       "region after drone debris fell.", id="en"),
]


@pytest.mark.parametrize(("language", "text"), REGION_AFTER_A_TOWN)
def test_a_region_after_a_town_like_a_given_name_is_found(language, text):
    assert facts(text, language, "admin1", published="2025-08-28") == {("RU-VGG",)}


# --- 2. drones that "fell on" a site are a report of it ---

FELL_ON = [
    pytest.param("ru", "Ночью несколько беспилотников упали на территорию ГРЭС в Московской "
                       "области.", id="ru"),
    pytest.param("uk", "Вночі кілька безпілотників впали на територію ГРЕС у Московській "
                       "області.", id="uk"),
    pytest.param("en", "Overnight several drones fell on the grounds of a power station in the "
                       "Moscow region.", id="en"),
]


@pytest.mark.parametrize(("language", "text"), FELL_ON)
def test_drones_that_fell_on_a_plant_report_the_plant(language, text):
    assert facts(text, language, "admin1", "target_class", published="2025-11-23") == {
        ("RU-MOS", "energy.power_generation")}


# --- 3. a marine terminal is oil and gas infrastructure; Russian towns in Ukrainian spelling ---

TERMINAL = [
    pytest.param("ru", "Утром безэкипажные катера повредили морской терминал в Новороссийске.",
                 id="ru"),
    pytest.param("uk", "Вранці безекіпажні катери пошкодили морський термінал у Новоросійську.",
                 id="uk"),
    pytest.param("en", "In the morning sea drones damaged a marine terminal in Novorossiysk.",
                 id="en"),
]


@pytest.mark.parametrize(("language", "text"), TERMINAL)
def test_a_marine_terminal_is_oil_and_gas_infrastructure(language, text):
    assert facts(text, language, "admin1", "target_class", published="2025-11-29") == {
        ("RU-KDA", "energy.oil_gas_network")}


# --- 4. a headline's "(video)" marker makes no caption of it ---

HEADLINE_MARKER = [
    pytest.param("uk", "В Орловській області дрони атакували нафтобазу (відео)\n\nЗа словами "
                       "губернатора, на місці працюють рятувальники.", id="uk"),
    pytest.param("ru", "В Орловской области дроны атаковали нефтебазу (видео)\n\nПо словам "
                       "губернатора, на месте работают спасатели.", id="ru"),
    pytest.param("en", "Drones attacked an oil depot in the Oryol region (video)\n\nRescuers are "
                       "at the site, the governor said.", id="en"),
]


@pytest.mark.parametrize(("language", "text"), HEADLINE_MARKER)
def test_a_headline_marked_video_is_read(language, text):
    assert facts(text, language, "admin1", "target_class", published="2025-12-02") == {
        ("RU-ORL", "energy.oil_gas_network")}


# --- 5. a ban on strikes is no strike ---

BANNED = [
    pytest.param("uk", "Сьогодні в пабліках поширили інформацію, що армії нібито заборонили "
                       "завдавати ударів по енергетичній інфраструктурі.", id="uk"),
    pytest.param("ru", "Сегодня в пабликах распространили информацию, что армии якобы запретили "
                       "наносить удары по энергетической инфраструктуре.", id="ru"),
    pytest.param("en", "Today channels reported that the army had been banned from striking "
                       "energy infrastructure.", id="en"),
]


@pytest.mark.parametrize(("language", "text"), BANNED)
def test_a_ban_on_strikes_is_no_report(language, text):
    assert facts(text, language, "target_class", published="2026-01-29") == set()


# --- 6. a capital a protest is sent to is its government; a capital attacked is a place ---

PROTEST = [
    pytest.param("en", "The ministry sent a protest to Kyiv over the strike on an oil terminal in "
                       "Novorossiysk.", id="en"),
    pytest.param("uk", "Міністерство надіслало протест Києву через удар по нафтовому терміналу в "
                       "Новоросійську.", id="uk"),
    pytest.param("ru", "Министерство направило протест Киеву из-за удара по нефтяному терминалу в "
                       "Новороссийске.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), PROTEST)
def test_a_capital_sent_a_protest_places_nothing(language, text):
    assert facts(text, language, "admin1", published="2025-11-30") == {("RU-KDA",)}


ATTACKED_CAPITAL = [
    pytest.param("uk", "Вночі ракети били по Вінниці, а дрони атакували Київ.", id="uk"),
    pytest.param("ru", "Ночью ракеты били по Виннице, а дроны атаковали Киев.", id="ru"),
    pytest.param("en", "Overnight missiles hit Vinnytsia and drones attacked Kyiv.", id="en"),
]


@pytest.mark.parametrize(("language", "text"), ATTACKED_CAPITAL)
def test_a_capital_right_after_a_verb_of_attack_is_the_place_hit(language, text):
    assert {a for (a,) in facts(text, language, "admin1", published="2026-02-07")} == {
        "UA-05", "UA-30"}
