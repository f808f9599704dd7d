"""Month, weekday and number words stored once, and the one finder of written dates the
extractor and the statement reader both use."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.lang.dates import find_dates, tables


def _found(text: str, language: str) -> list[tuple]:
    return [(m.kind, m.text, m.day, m.last_day, m.month, m.year, m.opened_by_from)
            for m in find_dates(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        ("en", "Drones struck on March 18-19, 2025 and again on the 21st of March.",
         [("month_day", "March 18-19, 2025", 18, 19, 3, 2025, False),
          ("day_month", "21st of March.", 21, None, 3, None, False)]),
        ("en", "Posted 2025-03-28 09:14, updated 29.03.2025.",
         [("iso", "2025-03-28", 28, None, 3, 2025, False),
          ("dotted", "29.03.2025", 29, None, 3, 2025, False)]),
        ("uk", "Мораторій діє з 18 березня; у ніч з 1 на 2 квітня 2025 року дрони атакували.",
         [("day_month", "з 18 березня", 18, None, 3, None, True),
          ("day_month", "з 1 на 2 квітня 2025", 1, 2, 4, 2025, True)]),
        ("ru", "Удар 18-го марта, перемирие с 1 по 30 ноября.",
         [("day_month", "18-го марта", 18, None, 3, None, False),
          ("day_month", "с 1 по 30 ноября.", 1, 30, 11, None, True)]),
    ],
)
def test_written_dates(language, text, found):
    assert _found(text, language) == found


def test_a_date_is_found_once_even_when_patterns_overlap():
    # English reads month first: "March 18" wins over "18 March" written around it
    assert [m.text for m in find_dates("on 17 March 18 people", "en")] == ["March 18"]
    assert [m.text for m in find_dates("17 марта 18 человек", "ru")] == ["17 марта"]


def test_times_and_percentages_after_a_month_day_are_not_days():
    assert find_dates("March 18:00 update", "en") == []
    assert find_dates("up May 5% on the year", "en") == []


def test_mentions_know_where_their_parts_are():
    text = "from 00:00 on 8 May 2025"
    [mention] = find_dates(text, "en")
    assert text[slice(*mention.day_span)] == "8"
    assert text[slice(*mention.month_span)] == "May"
    assert text[slice(*mention.year_span)] == "2025"


@pytest.mark.parametrize(
    ("language", "month", "weekday", "oblique", "number"),
    [
        ("en", ("march", 3), ("tuesday", 1), None, ("thirty", 30)),
        ("uk", ("березня", 3), ("середу", 2), ("середи", 2), ("п'ять", 5)),
        ("ru", ("марта", 3), ("среду", 2), ("среды", 2), ("полтора", 1.5)),
    ],
)
def test_tables(language, month, weekday, oblique, number):
    words = tables(language)
    assert words.months[month[0]] == month[1]
    assert words.weekdays[weekday[0]] == weekday[1]
    if oblique:
        # other case forms are kept apart: "окружающей среды" is no Wednesday in news
        assert words.weekdays_oblique[oblique[0]] == oblique[1]
        assert oblique[0] not in words.weekdays
    assert words.numbers[number[0]] == number[1]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("en", "Drones hit a substation on March 25.", dt.date(2025, 3, 25)),
        ("uk", "Дрони атакували підстанцію 25 березня.", dt.date(2025, 3, 25)),
        ("ru", "Дроны атаковали подстанцию 25 марта.", dt.date(2025, 3, 25)),
    ],
)
def test_both_readers_read_dates_with_the_shared_finder(language, sentence, expected):
    from trucewatch.readouts.nlp import analyse
    from trucewatch.readouts.window import find_dates as statement_dates
    from trucewatch.text.dates import find_dates as news_dates

    [cue] = news_dates(sentence, language, dt.date(2025, 3, 27), 2025)
    assert cue.date == expected
    [read] = analyse(sentence, language)
    assert [d for _, _, d in statement_dates(read, language, dt.date(2025, 3, 27))] == [expected]
