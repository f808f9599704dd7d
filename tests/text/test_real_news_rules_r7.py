"""General rules for the classes of error seen on the seventh blind round of real news (issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import pytest

from tests.text.facts import facts

# --- 1. a capital in the possessive owns something; it does not speak ---

def test_a_possessive_capital_is_no_speaker():
    text = ("According to Reuters, the strikes on the Ryazan refinery overnight have disrupted "
            "Moscow's oil refining.")
    assert facts(text, "en", "claimed_by") == {("media",)}


def test_a_possessive_claim_still_names_the_claimant():
    text = "Moscow's claim that Ukrainian drones hit a substation in the Kursk region was denied."
    assert ("RU",) in facts(text, "en", "claimed_by")


# --- 2. Ukraine's (deputy) energy minister speaks for Ukraine ---

DEPUTY_MINISTERS = [
    pytest.param("en", "Russia struck energy infrastructure in the Kharkiv region, according to "
                       "Deputy Energy Minister of Ukraine Artem Nekrasov.", id="en"),
    pytest.param("uk", "Росія вдарила по енергетиці Харківщини, повідомив заступник міністра "
                       "енергетики Артем Некрасов.", id="uk"),
    pytest.param("ru", "Россия ударила по энергетике Харьковской области, сообщил замминистра "
                       "энергетики Украины Артем Некрасов.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), DEPUTY_MINISTERS)
def test_the_energy_minister_speaks_for_ukraine(language, text):
    assert facts(text, language, "claimed_by") == {("UA",)}
