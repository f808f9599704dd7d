"""General rules for the classes of error seen on the eighth blind round of real news (issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import pytest

from tests.text.facts import facts

# --- 1. a name that opens a longer hyphenated name is not the place of that name ---

COMPOUND_NAMES = [
    pytest.param("en", "Ukrainian drones targeted an oil refinery in Slaviansk-na-Kubani, "
                       "Krasnodar Krai, overnight.", id="en"),
    pytest.param("uk", "Уночі українські дрони вразили нафтопереробний завод «Слов'янськ-Еко» у "
                       "Краснодарському краї.", id="uk"),
    pytest.param("ru", "Ночью украинские дроны поразили нефтеперерабатывающий завод "
                       "«Славянск-Эко» в Краснодарском крае.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), COMPOUND_NAMES)
def test_the_head_of_a_compound_name_is_not_its_namesake(language, text):
    assert facts(text, language, "admin1", "target_class") == {
        ("RU-KDA", "energy.oil_refinery")}


KEPT_NAMES = [
    pytest.param("en", "Russian drones hit a Kharkiv-based energy company's substation.",
                 "UA-63", id="en-based"),
    pytest.param("ru", "Ночью дроны атаковали подстанцию в Ростове-на-Дону.", "RU-ROS",
                 id="ru-hyphenated-city"),
    pytest.param("uk", "Уночі дрони атакували підстанцію в Ростові-на-Дону.", "RU-ROS",
                 id="uk-hyphenated-city"),
]


@pytest.mark.parametrize(("language", "text", "region"), KEPT_NAMES)
def test_a_place_before_a_suffix_or_of_a_hyphenated_name_stays(language, text, region):
    assert {a for (a,) in facts(text, language, "admin1")} == {region}
