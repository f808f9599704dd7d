"""General rules for the classes of error seen on the seventh blind round of real news (issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import datetime as dt

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
    pytest.param("en", "Russia struck energy infrastructure in the Kharkiv region, Ukraine's "
                       "deputy energy minister said.", id="en"),
    pytest.param("uk", "Росія вдарила по енергетиці Харківщини, повідомив заступник міністра "
                       "енергетики Артем Некрасов.", id="uk"),
    pytest.param("ru", "Россия ударила по энергетике Харьковской области, сообщил замминистра "
                       "энергетики Украины Артем Некрасов.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), DEPUTY_MINISTERS)
def test_the_energy_minister_speaks_for_ukraine(language, text):
    assert facts(text, language, "claimed_by") == {("UA",)}


# --- 3. strikes told over a span of weeks or months have no day ---

OVER_A_MONTH = [
    pytest.param("en", "Over the past month, Ukrainian drones have hit the Volgograd and Ryazan "
                       "refineries.", id="en"),
    pytest.param("uk", "Протягом минулого місяця українські дрони уразили НПЗ у Волгограді та "
                       "Рязані.", id="uk"),
    pytest.param("ru", "За прошлый месяц украинские дроны поразили НПЗ в Волгограде и Рязани.",
                 id="ru"),
]


@pytest.mark.parametrize(("language", "text"), OVER_A_MONTH)
def test_a_span_of_a_month_gives_no_day(language, text):
    assert facts(text, language, "admin1", "date", published="2025-08-26") == {
        ("RU-VGG", None), ("RU-RYA", None)}


def test_a_day_in_the_sentence_still_dates_it():
    text = "On 20 August, after a month of strikes, Ukrainian drones hit the Volgograd refinery."
    assert facts(text, "en", "date", published="2025-08-26") == {(dt.date(2025, 8, 20),)}


# --- 4. two cities' adjectives joined before one facility noun name both cities ---

JOINED_ADJECTIVES = [
    pytest.param("en", "Ukrainian drones hit the Volgograd and Ryazan refineries.", id="en"),
    pytest.param("uk", "Українські дрони уразили Волгоградський та Рязанський НПЗ.", id="uk"),
    pytest.param("ru", "Украинские дроны поразили Волгоградский и Рязанский НПЗ.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), JOINED_ADJECTIVES)
def test_joined_city_adjectives_before_a_facility(language, text):
    assert facts(text, language, "admin1", "target_class") == {
        ("RU-VGG", "energy.oil_refinery"), ("RU-RYA", "energy.oil_refinery")}
