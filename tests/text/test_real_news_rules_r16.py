"""General rules for the classes of error seen on the sixteenth blind round of real news
(issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import pytest

from tests.text.facts import facts

# --- "the enterprise" a paragraph or two after a refinery is that refinery, not a new target ---

ENTERPRISE_LATER = [
    pytest.param("uk", "Вночі дрони атакували нафтопереробний завод у Саратові.\n\nЗа словами "
                       "губернатора, пожежу вже ліквідовано.\n\nВодночас влада регіону не "
                       "підтверджувала ударів по підприємству.", id="uk"),
    pytest.param("ru", "Ночью дроны атаковали нефтеперерабатывающий завод в Саратове.\n\nПо "
                       "словам губернатора, пожар уже ликвидирован.\n\nПри этом власти региона "
                       "не подтверждали ударов по предприятию.", id="ru"),
    pytest.param("en", "Overnight drones attacked an oil refinery in Saratov.\n\nThe fire has "
                       "been put out, the governor said.\n\nThe regional authorities did not "
                       "confirm strikes on the enterprise.", id="en"),
]


@pytest.mark.parametrize(("language", "text"), ENTERPRISE_LATER)
def test_the_enterprise_in_a_later_paragraph_is_the_plant_before(language, text):
    assert facts(text, language, "admin1", "target_class", published="2025-11-03") == {
        ("RU-SAR", "energy.oil_refinery")}
