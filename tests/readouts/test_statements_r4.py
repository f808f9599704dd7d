"""General rules for the statement terms round 4 of real statements missed (issue 9).

The statements here are written for each rule, never copied from the published ones.
"""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.readouts import Statement, read_statement

PUBLISHED = dt.date(2026, 4, 18)


def _terms(text: str, language: str, speaker: str | None = "RU"):
    statement = Statement(id="s", speaker=speaker, text=text, language=language,
                          published=PUBLISHED)
    return read_statement(statement).terms


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
