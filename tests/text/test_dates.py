"""Date cues in three languages and their resolution against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.text.dates import find_dates, year_hint

PUBLISHED = dt.date(2025, 3, 27)  # a Thursday


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("uk", "Атака сталася 19 березня.", dt.date(2025, 3, 19)),
        ("uk", "в ніч на 20 березня дрони атакували", dt.date(2025, 3, 20)),
        ("ru", "в ночь на 19 марта беспилотник атаковал", dt.date(2025, 3, 19)),
        ("ru", "в ночь с 19 на 20 марта", dt.date(2025, 3, 20)),
        ("en", "on the night of March 18-19", dt.date(2025, 3, 19)),
        ("en", "on the night of 6–7 March", dt.date(2025, 3, 7)),
        ("en", "on March 25-26", dt.date(2025, 3, 26)),
        ("en", "early in the morning of March 19, 2025", dt.date(2025, 3, 19)),
        ("uk", "4 квітня 2025 року російські війська", dt.date(2025, 4, 4)),
        ("en", "20:54 27.03.2025", dt.date(2025, 3, 27)),
        ("en", "On Tuesday, shelling damaged a school", dt.date(2025, 3, 25)),
        ("uk", "у вівторок ворог атакував", dt.date(2025, 3, 25)),
        ("ru", "во вторник противник обстрелял", dt.date(2025, 3, 25)),
        ("en", "On Thursday morning", dt.date(2025, 3, 27)),
        ("uk", "три дні тому росіяни знову вдарили", dt.date(2025, 3, 24)),
        ("ru", "два дня назад", dt.date(2025, 3, 25)),
        ("en", "on December 30", dt.date(2024, 12, 30)),
    ],
)
def test_dates(language, sentence, expected):
    cues = find_dates(sentence, language, PUBLISHED, 2025)
    assert [c.date for c in cues] == [expected]
    assert cues[0].precision == "day"


def test_dates_after_since_or_until_are_not_attack_dates():
    assert find_dates("strikes since March 18 continued", "en", PUBLISHED, 2025) == ()
    assert find_dates("з 18 березня", "uk", PUBLISHED, 2025) == ()


def test_ranges_longer_than_a_night_are_marked():
    [cue] = find_dates("between 4-7 April", "en", PUBLISHED, 2025)
    assert cue.multi_day


def test_relative_cues_need_a_publication_date():
    assert find_dates("on Tuesday", "en", None, 2025) == ()


def test_year_comes_from_publication_or_text():
    assert year_hint("no year here", PUBLISHED) == 2025
    assert year_hint("Posted in March 2024", None) == 2024
    assert year_hint("no year here", None) is None


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Yesterday Russian drones hit a substation in Sumy Oblast.", "2025-03-26"),
        ("en", "Russian drones hit a substation in Sumy Oblast last night.", "2025-03-27"),
        ("en", "Russia said Ukraine hit a substation in the Kursk region in the past 24 hours.",
         "2025-03-27"),
        ("uk", "Учора російські дрони атакували підстанцію на Сумщині.", "2025-03-26"),
        ("ru", "Накануне ВСУ атаковали подстанцию в Курской области.", "2025-03-26"),
        ("ru", "За прошедшие сутки ВСУ атаковали подстанцию в Курской области.", "2025-03-27"),
        ("en", "Russian drones hit a substation in Sumy Oblast.", "2025-03-27"),
    ],
)
def test_relative_dates_in_reports(language, text, expected):
    from trucewatch.text import extract

    [report] = extract(text, PUBLISHED, language)
    assert str(report.date) == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Images from 23 September show tanks at the station hit two days earlier.",
     [dt.date(2024, 9, 21)]),
    ("uk", "На знімках від 23 вересня видно резервуари, уражені за два дні раніше.",
     [dt.date(2024, 9, 21)]),
    ("en", "On 12 March a drone hit the depot; a day earlier another struck the substation.",
     [dt.date(2024, 3, 12), dt.date(2024, 3, 11)]),
    ("en", "Two days earlier, drones hit a substation.", []),  # earlier than what: no date
])
def test_days_earlier_than_a_date_in_the_sentence(language, text, expected):
    assert [c.date for c in find_dates(text, language, dt.date(2024, 9, 25), 2024)] == expected
