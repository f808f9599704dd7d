"""General rules for the statement terms round 4 of real statements missed (issue 9).

The statements here are written for each rule, never copied from the published ones.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.readouts.written import terms_of

PUBLISHED = dt.date(2026, 4, 18)


def _terms(text: str, language: str, speaker: str | None = "RU"):
    return terms_of(text, language, speaker, PUBLISHED)


# --- a length in hours is a length in days, a fraction when the hours make no whole days ---

HOURS = [
    pytest.param("en", "The president declared a truce. The truce will last 30 hours.", 1.25,
                 id="en-30"),
    pytest.param("uk", "Президент оголосив перемир'я. Перемир'я триватиме 30 годин.", 1.25,
                 id="uk-30"),
    pytest.param("ru", "Президент объявил перемирие. Перемирие, таким образом, продлится "
                       "32 часа.", 1.33, id="ru-32"),
    pytest.param("en", "The president declared a 72-hour truce.", 3, id="en-72-whole"),
]


@pytest.mark.parametrize(("language", "text", "days"), HOURS)
def test_a_length_in_hours(language, text, days):
    assert _terms(text, language).duration_days == days


SHORT_SPANS = [
    pytest.param("en", "The president declared a truce. The talks lasted two hours.", id="en"),
    pytest.param("uk", "Президент оголосив перемир'я. Розмова тривала дві години.", id="uk"),
    pytest.param("ru", "Президент объявил перемирие. Разговор длился два часа.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), SHORT_SPANS)
def test_hours_short_of_a_day_are_no_halt_length(language, text):
    assert _terms(text, language).duration_days is None


# --- "for a week" worded with "during" ---

WEEK = [
    pytest.param("en", "Both sides will refrain from strikes on energy facilities for a week.",
                 id="en"),
    pytest.param("uk", "Сторони утримуватимуться від ударів по енергетиці протягом тижня.",
                 id="uk"),
    pytest.param("ru", "Стороны будут воздерживаться от ударов по энергетике в течение "
                       "недели.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), WEEK)
def test_a_week_is_seven_days(language, text):
    assert _terms(text, language).duration_days == 7


# --- round 5: a range told with hours wins over one told in days; time after a span passed ---

RANGE_WITH_HOURS_LATER = [
    pytest.param("en", "A pause in fighting was declared from the evening of 5 June until 7 "
                       "June. Troops hold fire from 18:00 on 5 June to 00:00 on 7 June.",
                 id="en"),
    pytest.param("uk", "Паузу в боях оголошено з вечора 5 червня до 7 червня. Війська не "
                       "стріляють з 18:00 5 червня до 00:00 7 червня.", id="uk"),
    pytest.param("ru", "Паузу в боях объявили с вечера 5 июня до 7 июня. Войска не стреляют с "
                       "18:00 5 июня до 00:00 7 июня.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), RANGE_WITH_HOURS_LATER)
def test_a_range_with_hours_gives_the_length(language, text):
    assert _terms(text, language).duration_days == 1.25


AFTER_A_SPAN = [
    pytest.param("en", "Both sides agreed to a ceasefire after four days of deadly strikes.",
                 id="en"),
    pytest.param("uk", "Сторони погодилися на припинення вогню після чотирьох днів ударів.",
                 id="uk"),
    pytest.param("ru", "Стороны согласились на прекращение огня после четырех дней ударов.",
                 id="ru"),
]


@pytest.mark.parametrize(("language", "text"), AFTER_A_SPAN)
def test_days_after_which_a_truce_came_are_not_its_length(language, text):
    assert _terms(text, language, speaker="US").duration_days is None
