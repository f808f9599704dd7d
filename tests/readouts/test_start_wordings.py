"""Start dates as real statements word them: the end of a day, the day of publication, the
day an order was given."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.readouts import statement_terms

#: A Friday.
FRIDAY = dt.date(2026, 3, 13)


@pytest.mark.parametrize(("language", "text", "start"), [
    # 24:00 of a day is the start of the next one
    ("en", "The ceasefire takes effect from 24:00 hours (local time) on 12 March 2026.",
     dt.date(2026, 3, 13)),
    ("ru", "Перемирие действует с 24:00 12 марта.", dt.date(2026, 3, 13)),
    ("uk", "Перемир'я діє з 24:00 12 березня.", dt.date(2026, 3, 13)),
    # after the end of a day: the day after it
    ("en", "Ukraine proposes to extend the truce after the end of Easter Sunday, 12 March.",
     dt.date(2026, 3, 13)),
    ("ru", "Украина предлагает продлить перемирие по окончании суток 12 марта.",
     dt.date(2026, 3, 13)),
    ("uk", "Україна пропонує подовжити тишу по закінченню доби 12 березня.",
     dt.date(2026, 3, 13)),
    # after midnight today: tomorrow
    ("en", "Ukraine offered to extend the ceasefire after midnight.", dt.date(2026, 3, 14)),
    ("ru", "Предложение продлить перемирие после полуночи сегодняшнего дня остаётся в силе.",
     dt.date(2026, 3, 14)),
    ("uk", "Пропозиція подовжити тишу після 24:00 сьогоднішнього дня залишається чинною.",
     dt.date(2026, 3, 14)),
    # the weekday of publication is that day, not a week later
    ("en", "The ceasefire has come into effect from Friday noon.", FRIDAY),
    ("ru", "Перемирие вступило в силу с пятницы.", FRIDAY),
    ("uk", "Перемир'я діє з п'ятниці.", FRIDAY),
    # a sentence opening with a date on which an order was given
    ("en", "On 10 March the president backed a halt to strikes on energy and gave the order.",
     dt.date(2026, 3, 10)),
    ("ru", "10 марта президент поддержал отказ от ударов по энергетике и дал поручение военным.",
     dt.date(2026, 3, 10)),
    ("uk", "10 березня президент підтримав відмову від ударів по енергетиці й дав наказ "
           "військовим.", dt.date(2026, 3, 10)),
])
def test_start_as_real_statements_word_it(language, text, start):
    assert statement_terms(text, language=language, published=FRIDAY).start == start


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The minister said the order of 10 March was ignored."),
    ("ru", "10 марта президент провёл переговоры по энергетике."),
    ("uk", "10 березня президент провів переговори щодо енергетики."),
])
def test_a_date_without_a_halt_or_an_order_is_no_start(language, text):
    assert statement_terms(text, language=language, published=FRIDAY).start is None
