"""General rules for the statement terms round 7 of real statements missed (issue 9).

The statements here are written for each rule, never copied from the published ones.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.readouts.written import terms_of

PUBLISHED = dt.date(2026, 1, 30)


def _terms(text: str, language: str, speaker: str | None = "UA"):
    return terms_of(text, language, speaker, PUBLISHED)


# --- a halt "between" two parties binds both; one only discussed binds no one ---

BETWEEN = [
    pytest.param("en", "The president said the mediators had proposed an energy truce between "
                       "the Russian and Ukrainian sides for one week.", id="en"),
    pytest.param("uk", "Президент сказав, що посередники запропонували на тиждень перемир'я в "
                       "енергетиці між Росією та Україною.", id="uk"),
    pytest.param("ru", "Президент сказал, что посредники предложили энергетическое перемирие "
                       "между российской и украинской стороной на неделю.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), BETWEEN)
def test_a_truce_between_two_sides_binds_both(language, text):
    assert _terms(text, language).bound_parties == ["RU", "UA"]


DISCUSSED = [
    pytest.param("en", "The delegations met again for talks on a possible truce between Moscow "
                       "and Kyiv.", id="en"),
    pytest.param("uk", "Делегації знову зустрілися, щоб обговорити можливе перемир'я між Києвом "
                       "і Москвою.", id="uk"),
    pytest.param("ru", "Делегации снова встретились, чтобы обсудить возможное перемирие между "
                       "Киевом и Москвой.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), DISCUSSED)
def test_a_truce_only_discussed_between_two_sides_binds_no_one(language, text):
    assert _terms(text, language, speaker="US").bound_parties == []


# --- a mediator of the conflict profile is never bound ---

PROPOSAL = [
    pytest.param("en", "The president accepted the proposal of Trump to halt attacks on Russian "
                       "energy sites.", id="en"),
    pytest.param("uk", "Президент погодився на пропозицію Трампа зупинити атаки на російські "
                       "енергооб'єкти.", id="uk"),
    pytest.param("ru", "Президент согласился с предложением Трампа прекратить удары по "
                       "российским энергетическим объектам.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), PROPOSAL)
def test_the_mediator_whose_proposal_is_accepted_is_not_bound(language, text):
    assert "US" not in _terms(text, language).bound_parties


# --- "a ceasefire on energy infrastructure" covers energy, not all hostilities ---

CEASEFIRE_ON = [
    pytest.param("uk", "Лідери домовилися про 30-денне припинення вогню по енергетичній "
                       "інфраструктурі.", id="uk"),
    pytest.param("ru", "Лидеры договорились о прекращении огня по энергетической инфраструктуре "
                       "на тридцать дней.", id="ru"),
    pytest.param("en", "The leaders agreed on a 30-day ceasefire on energy infrastructure.",
                 id="en"),
]


@pytest.mark.parametrize(("language", "text"), CEASEFIRE_ON)
def test_a_ceasefire_on_energy_covers_energy_only(language, text):
    assert _terms(text, language, speaker="RU").scope == ["energy.*"]


# --- "provided the other side keeps it mutually": the condition binds no one ---

MUTUAL_IF = [
    pytest.param("en", "The truce will be kept by the Russian forces provided that it is kept "
                       "mutually by the Ukrainian side.", id="en"),
    pytest.param("uk", "Перемир'я дотримуватимуться російські війська за умови його взаємного "
                       "дотримання українською стороною.", id="uk"),
    pytest.param("ru", "Режим прекращения огня будет соблюдаться российскими войсками при "
                       "условии его взаимного соблюдения украинской стороной.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), MUTUAL_IF)
def test_mutual_in_a_condition_binds_only_the_side_that_keeps_the_truce(language, text):
    assert "UA" not in _terms(text, language, speaker="RU").bound_parties
