"""General rules for the statement terms round 3 of real statements missed (issue 9).

The statements here are written for each rule, never copied from the published ones.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.readouts.written import terms_of
from trucewatch.readouts import Statement, compare

PUBLISHED = dt.date(2026, 4, 18)


def _terms(text: str, language: str, speaker: str | None = None,
           published: dt.date | None = PUBLISHED):
    return terms_of(text, language, speaker, published)


# --- the speaker's own zone gives an hour its offset when the statement names none ---

SPEAKER_ZONE = [
    pytest.param("en", "RU", "Russia's forces will hold fire from 20:00 on 5 June.",
                 "20:00+03:00", id="en-ru"),
    pytest.param("uk", "RU", "Російські війська припиняють вогонь з 20:00 5 червня.",
                 "20:00+03:00", id="uk-ru"),
    pytest.param("ru", "RU", "Российские войска прекращают огонь с 20:00 5 июня.",
                 "20:00+03:00", id="ru-ru"),
    pytest.param("uk", "UA", "Україна припиняє вогонь з 18:00 19 січня.", "18:00+02:00",
                 id="uk-ua-winter"),
    pytest.param("en", "US", "Both sides will hold fire from 20:00 on 5 June.",
                 "20:00", id="en-mediator-has-no-zone"),
    pytest.param("ru", "RU", "Российские войска прекращают огонь с 20:00 по местному времени "
                             "5 июня.", "20:00", id="ru-local-time"),
]


@pytest.mark.parametrize(("language", "speaker", "text", "clock"), SPEAKER_ZONE)
def test_an_hour_with_no_zone_is_in_the_speakers_zone(language, speaker, text, clock):
    assert _terms(text, language, speaker).start_time == clock


# --- a range whose two ends give hours lasts those hours, in days ---

HOURS = [
    pytest.param("en", "Russian forces halt all fire from 20:00 on 5 June to 08:00 on 7 June.",
                 1.5, id="en"),
    pytest.param("uk", "Російська армія зупиняє вогонь з 20.00 5 червня до 08.00 7 червня.",
                 1.5, id="uk-imperfective-verb"),
    pytest.param("ru", "Российская армия останавливает огонь с 20:00 5 июня до 08:00 7 июня.",
                 1.5, id="ru-imperfective-verb"),
    pytest.param("en", "Both sides halt strikes from 12:00 on 1 May to 12:00 on 4 May.", 3,
                 id="en-whole-days"),
    pytest.param("en", "Both sides halt strikes from 1 May through 4 May.", 4,
                 id="en-days-without-hours"),
]


@pytest.mark.parametrize(("language", "text", "days"), HOURS)
def test_a_range_with_hours_lasts_those_hours(language, text, days):
    terms = _terms(text, language)
    assert terms.duration_days == days
    assert isinstance(terms.duration_days, int) == float(days).is_integer()


ZERO_HOURS = [
    pytest.param("ru", "Перемирие будет действовать с нуля часов с 2 на 3 июня до нуля часов с "
                       "5 на 6 июня.", id="ru"),
    pytest.param("uk", "Перемир'я діятиме з нуля годин з 2 на 3 червня до нуля годин з 5 на 6 "
                       "червня.", id="uk"),
]


@pytest.mark.parametrize(("language", "text"), ZERO_HOURS)
def test_zero_hours_in_words_open_and_close_nights(language, text):
    dated = _terms(text, language, "RU")
    assert (dated.start, dated.start_time, dated.duration_days) == (
        dt.date(2026, 6, 3), "00:00+03:00", 3)
    # with no date to read the year by, the length is still known
    assert _terms(text, language, "RU", published=None).duration_days == 3


# --- a weekday before the date, and the year a statement writes itself ---

WEEKDAY_DATE = [
    pytest.param("en", "The ministers, meeting in Warsaw on 4 June 2026, called for a full "
                       "ceasefire starting from Monday, 8 June.", id="en"),
    pytest.param("uk", "Міністри на зустрічі у Варшаві 4 червня 2026 року закликали до повного "
                       "припинення вогню починаючи з понеділка, 8 червня.", id="uk"),
    pytest.param("ru", "Министры на встрече в Варшаве 4 июня 2026 года призвали к полному "
                       "прекращению огня начиная с понедельника, 8 июня.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), WEEKDAY_DATE)
def test_a_weekday_and_date_take_the_year_the_statement_writes(language, text):
    assert _terms(text, language, "UA", published=None).start == dt.date(2026, 6, 8)


# --- an hour "with effect from 1700 hours": the day the halt sentences give ---

def test_a_start_hour_with_no_day_falls_on_the_day_of_the_halt():
    text = ("On Tuesday (June 2), India and Pakistan both committed to halting all firing along "
            "the border. \"Firing stops with effect from 2100 hours IST,\" an army spokesman "
            "said.")
    terms = _terms(text, "en", "IN", published=dt.date(2026, 6, 3))
    assert (terms.start, terms.start_time) == (dt.date(2026, 6, 2), "21:00+05:30")
    assert terms.scope == ["*"] and terms.bound_parties == ["IN", "PK"]


def test_in_effect_today_at_an_hour_in_a_named_zone():
    text = "\"The truce takes effect today at 9:00 PM Pakistan time,\" the minister said."
    terms = _terms(text, "en", "PK", published=dt.date(2026, 6, 2))
    assert (terms.start, terms.start_time) == (dt.date(2026, 6, 2), "21:00+05:00")


def test_statements_are_read_with_the_profile_their_speakers_are_sides_of():
    statements = [
        Statement(id="in", speaker="IN", language="en", published=dt.date(2026, 6, 2),
                  text="Both India and Pakistan will cease fire at once, the ministry said."),
        Statement(id="us", speaker="US", language="en", published=dt.date(2026, 6, 2),
                  text="The envoy announced that India and Pakistan agreed on a complete "
                       "ceasefire."),
    ]
    comparison = compare(statements)
    assert {s: t.bound_parties for s, t in comparison.speakers.items()} == {
        "IN": ["IN", "PK"], "US": ["IN", "PK"]}


# --- scope: "critical" alone names no domain; a list after a colon replaces the halt's word ---

CRITICAL_ALONE = [
    pytest.param("en", "Both sides agreed to a truce at once. Observers call the truce a critical "
                       "moment for diplomacy.", id="en"),
    pytest.param("uk", "Сторони одразу погодилися на перемир'я. Спостерігачі називають "
                       "перемир'я критичним моментом для дипломатії.", id="uk"),
    pytest.param("ru", "Стороны сразу согласились на перемирие. Наблюдатели называют перемирие "
                       "критическим моментом для дипломатии.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), CRITICAL_ALONE)
def test_critical_alone_names_no_scope(language, text):
    assert _terms(text, language).scope == ["*"]


CRITICAL_INFRASTRUCTURE = [
    pytest.param("en", "Both sides will halt strikes on critical infrastructure.", id="en"),
    pytest.param("uk", "Сторони припинять удари по критичній інфраструктурі.", id="uk"),
    pytest.param("ru", "Стороны прекратят удары по критической инфраструктуре.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), CRITICAL_INFRASTRUCTURE)
def test_critical_infrastructure_keeps_its_scope(language, text):
    scope = _terms(text, language).scope
    assert scope and scope != ["*"] and all(not p.startswith("energy") for p in scope)


LIST_AFTER_COLON = [
    pytest.param("en", "The ministry released the list of sites covered by the pause in strikes "
                       "on the energy system. It was drawn up with the mediators. The list "
                       "includes: oil refineries; nuclear power plants; dams of hydroelectric "
                       "power plants.", id="en"),
    pytest.param("ru", "Министерство обнародовало список объектов, на которые распространяется "
                       "пауза в ударах по энергосистеме. Он составлен вместе с посредниками. "
                       "Список включает: нефтеперерабатывающие заводы; атомные электростанции; "
                       "дамбы гидроэлектростанций.", id="ru"),
    pytest.param("uk", "Міністерство оприлюднило список об'єктів, на які поширюється пауза в "
                       "ударах по енергосистемі. Його складено разом із посередниками. Список "
                       "включає: нафтопереробні заводи; атомні електростанції; дамби "
                       "гідроелектростанцій.", id="uk"),
]


@pytest.mark.parametrize(("language", "text"), LIST_AFTER_COLON)
def test_a_list_after_a_colon_replaces_the_general_wording(language, text):
    assert set(_terms(text, language, "RU").scope) == {
        "energy.oil_refinery", "energy.nuclear", "energy.hydro"}


# --- a reading counts whole days: hours past them give its end instant ---

def test_a_reading_of_hours_past_whole_days_ends_at_an_instant():
    statement = Statement(id="ru", speaker="RU", language="en", published=PUBLISHED,
                          text="Russian forces halt all fire from 20:00 on 5 June to 08:00 on "
                               "7 June.")
    (reading,) = compare([statement]).readings
    assert reading.duration_days is None
    assert (reading.start, reading.end, reading.end_at) == (
        dt.date(2026, 6, 5), dt.date(2026, 6, 7), dt.datetime(2026, 6, 7, 5, 0))
