"""General rules for the classes of error seen on the thirteenth blind round of real news
(issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import pytest

from tests.text.facts import facts

# --- 1. a region named after a town whose name reads like a given name is still a region ---

REGION_AFTER_A_TOWN = [
    pytest.param("ru", "Ночью загорелось здание депо в Петровом Вале Волгоградской области из-за "
                       "обломков БПЛА.", id="ru"),
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
