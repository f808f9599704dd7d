"""The hour a halt starts, with its offset when the statement names a time zone."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.readouts import Statement, compare, statement_terms

PUBLISHED = dt.date(2026, 4, 10)


@pytest.mark.parametrize(("language", "text", "start", "clock"), [
    # a named zone gives the offset it has on that day (summer time in April)
    ("en", "Russia will stop all hostilities from 18:00 on 19 April Moscow time until 00:00 on "
           "21 April.", dt.date(2026, 4, 19), "18:00+03:00"),
    ("en", "The ceasefire starts at 7:00 a.m. Kyiv time on 12 April.", dt.date(2026, 4, 12),
     "07:00+03:00"),
    ("ru", "Перемирие действует с 00:00 по московскому времени 8 мая.", dt.date(2026, 5, 8),
     "00:00+03:00"),
    ("uk", "Перемир'я діє з 18:00 за київським часом 19 квітня.", dt.date(2026, 4, 19),
     "18:00+03:00"),
    # winter time in Kyiv
    ("uk", "Перемир'я діє з 18:00 за київським часом 19 січня.", dt.date(2026, 1, 19),
     "18:00+02:00"),
    # no zone, or local time: the hour alone
    ("en", "The ceasefire takes effect from 24:00 hours (local time) on 12 April.",
     dt.date(2026, 4, 13), "00:00"),
    ("ru", "Перемирие начнётся с 12:00 15 апреля.", dt.date(2026, 4, 15), "12:00"),
    ("uk", "Перемир'я почнеться з полудня 15 квітня.", dt.date(2026, 4, 15), "12:00"),
    # a zone named next to another time of the statement
    ("ru", "Перемирие действует с 18:00 19 апреля. Оно завершится в 00:00 мск 21 апреля.",
     dt.date(2026, 4, 19), "18:00+03:00"),
    # an end of a range is no start hour; no hour at all gives none
    ("en", "The truce runs from 19 April until midnight on 21 April.", dt.date(2026, 4, 19),
     None),
    ("uk", "Перемир'я діє з 19 квітня до 00:00 21 квітня.", dt.date(2026, 4, 19), None),
])
def test_start_hour_and_zone(language, text, start, clock):
    terms = statement_terms(text, language=language, published=PUBLISHED)
    assert (terms.start, terms.start_time) == (start, clock)


def test_a_reading_takes_the_hour_only_with_its_offset():
    """The mediator has no zone of its own in the profile: its hour with no zone named gives
    the reading no start hour (a speaker with a zone gives its own, test_statements_r3)."""
    texts = {"RU": "Russia will stop all hostilities from 18:00 on 19 April Moscow time.",
             "US": "Both sides will stop all hostilities from 18:00 on 19 April."}
    statements = [Statement(id=k, speaker=k, text=v, language="en", published=PUBLISHED)
                  for k, v in texts.items()]
    readings = {r.party: r for r in compare(statements).readings}
    assert readings["RU"].start_time == dt.time(18, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert readings["US"].start_time is None
