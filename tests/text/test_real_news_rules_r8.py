"""General rules for the classes of error seen on the eighth blind round of real news (issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import pytest

from tests.text.facts import facts

# --- 1. a name that opens a longer hyphenated name is not the place of that name ---

COMPOUND_NAMES = [
    pytest.param("en", "Overnight drones attacked the oil refinery of Slaviansk-na-Kubani in the "
                       "Krasnodar region.", id="en"),
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


# --- 2. a consequence points back only to an attack that was reported ---

POLICY_THEN_CONSEQUENCE = [
    pytest.param("en", "The General Staff said its forces strike only military targets and fuel "
                       "and energy facilities. The occupation head claimed that as a result of "
                       "the strike two people died in the Kherson region.", id="en"),
    pytest.param("uk", "У Генштабі заявили, що Сили оборони завдають ударів виключно по військових "
                       "цілях та об'єктах паливно-енергетичного комплексу. Очільник окупаційної "
                       "адміністрації заявив, що внаслідок удару на Херсонщині загинули двоє "
                       "людей.", id="uk"),
    pytest.param("ru", "В Генштабе заявили, что Силы обороны наносят удары исключительно по "
                       "военным целям и объектам топливно-энергетического комплекса. Глава "
                       "оккупационной администрации заявил, что в результате удара в Херсонской "
                       "области погибли два человека.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), POLICY_THEN_CONSEQUENCE)
def test_a_consequence_after_a_policy_statement_inherits_no_target(language, text):
    assert not any(cls.startswith("energy.")
                   for (cls,) in facts(text, language, "target_class", published="2026-01-01"))


# --- 3. "in Kyiv and several regions": the named place is reported, the unnamed ones not ---

NAMED_AND_SEVERAL = [
    pytest.param("en", "Overnight Russian forces struck energy facilities in Kyiv and several "
                       "regions.", id="en"),
    pytest.param("uk", "Уночі ворог атакував енергооб'єкти в Києві та ще кількох регіонах.",
                 id="uk"),
    pytest.param("ru", "Ночью российские войска нанесли удар по объектам энергетики в Киеве и "
                       "нескольких регионах.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), NAMED_AND_SEVERAL)
def test_a_named_place_beside_several_regions_is_reported(language, text):
    assert facts(text, language, "admin1", "target_class") == {("UA-30", "energy.other")}


SEVERAL_ONLY = [
    pytest.param("en", "Overnight Russian forces struck energy facilities in several regions.",
                 id="en"),
    pytest.param("uk", "Уночі російські війська вдарили по енергетичних об'єктах у кількох "
                       "регіонах.", id="uk"),
    pytest.param("ru", "Ночью российские войска ударили по объектам энергетики в нескольких "
                       "регионах.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), SEVERAL_ONLY)
def test_several_unnamed_regions_alone_are_no_report(language, text):
    assert facts(text, language, "admin1") == set()
