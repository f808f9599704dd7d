"""Who is bound, as real statements word it: a ceasefire offered binds both sides; an
expectation, an idiom, another's report or an un-named side binds no one."""

from __future__ import annotations

import pytest

from trucewatch.readouts import Statement, compare, read_statement


def _bound(text: str, language: str, speaker: str | None) -> list[str]:
    statement = Statement(id="s", text=text, language=language, speaker=speaker)
    return read_statement(statement).terms.bound_parties


@pytest.mark.parametrize(("language", "text", "speaker", "bound"), [
    # a side ready for a ceasefire or offering one: both sides
    ("en", "Ukraine is ready to extend the truce for 30 days.", "UA", ["RU", "UA"]),
    ("ru", "Украина выразила готовность соблюдать 30-дневное перемирие.", "UA", ["RU", "UA"]),
    ("uk", "Якщо повна тиша запанує, Україна пропонує подовжити її на 30 днів.", "UA",
     ["RU", "UA"]),
    ("en", "We propose a complete ceasefire for 30 days.", "UA", ["RU", "UA"]),
    # someone else's proposal considered, or readiness to repel breaches: no one
    ("ru", "Россия обдумывает предложение о прекращении огня.", "RU", []),
    ("en", "Russia is considering the proposal of a ceasefire.", "RU", []),
    ("uk", "Росія розглядає пропозицію про припинення вогню.", "RU", []),
    ("en", "Our troops must be ready to repel violations of the truce.", "RU", []),
    ("ru", "Наши войска должны быть готовы отразить нарушения перемирия.", "RU", []),
    ("uk", "Наші війська мають бути готові відбити порушення перемир'я.", "UA", []),
])
def test_a_ceasefire_offered_binds_both_sides(language, text, speaker, bound):
    assert _bound(text, language, speaker) == bound


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Russia declares a truce. We assume the Ukrainian side will do likewise."),
    ("ru", "Россия объявляет перемирие. Исходим из того, что украинская сторона последует "
           "нашему примеру."),
    ("uk", "Росія оголошує перемир'я. Виходимо з того, що українська сторона наслідуватиме "
           "наш приклад."),
])
def test_an_expectation_of_the_other_side_binds_only_the_declaring_side(language, text):
    assert _bound(text, language, "RU") == ["RU"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Russia declared a ceasefire. Ukraine should join the ceasefire in honour of the "
           "holiday."),
    ("ru", "Россия объявила перемирие. Украина должна присоединиться к перемирию в честь "
           "праздника."),
    ("uk", "Росія оголосила перемир'я. Україна має приєднатися до перемир'я на честь свята."),
])
def test_in_honour_of_is_no_order(language, text):
    assert _bound(text, language, "RU") == ["RU"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Putin agreed to stop striking Ukraine's energy infrastructure, according to Russian "
           "state media."),
    ("ru", "Путин согласился прекратить удары по энергетике Украины, по словам Пескова."),
    ("uk", "Путін погодився припинити удари по енергетиці України, за словами Пєскова."),
])
def test_according_to_makes_the_following_actor_the_source(language, text):
    assert _bound(text, language, "US") == []


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The leaders agreed on a ceasefire. During the ceasefire the other side will remain "
           "peaceful."),
    ("ru", "Лидеры договорились о перемирии. Обе стороны прекратят огонь."),
    ("uk", "Лідери домовилися про перемир'я. Обидві сторони припинять вогонь."),
])
def test_a_third_party_speaking_of_unnamed_sides_binds_no_one(language, text):
    assert _bound(text, language, "QA") == []
    assert _bound(f"{_NAMED[language]} {text}", language, "QA") == ["RU", "UA"]


_NAMED = {"en": "Russia and Ukraine held talks.", "ru": "Россия и Украина провели переговоры.",
          "uk": "Росія та Україна провели переговори."}


def test_a_side_among_the_speakers_names_the_sides_for_a_mediator():
    text = "Both sides will halt strikes on energy facilities for 30 days."
    read = compare([Statement(id=s, speaker=s, text=text) for s in ("US", "RU")])
    assert read.differences == []


@pytest.mark.parametrize(("language", "text", "bound"), [
    ("en", "Russia has violated the energy truce more than 30 times.", ["RU"]),
    ("ru", "Россия уже более 30 раз нарушила энергетическое перемирие.", ["RU"]),
    ("uk", "Росія знову порушила енергетичне перемир'я.", ["RU"]),
    # a breach that may come binds no one
    ("en", "We will respond should the Ukrainian side breach the ceasefire.", []),
    ("ru", "Украина может нарушить перемирие.", []),
    ("uk", "Якщо Україна порушить перемир'я, ми відповімо.", []),
])
def test_a_side_that_broke_the_halt_is_bound_by_it(language, text, bound):
    assert _bound(text, language, "UA" if bound else "RU") == bound


@pytest.mark.parametrize(("language", "text", "bound"), [
    ("en", "The truce, which Russia agreed to last week, has ended.", ["RU"]),
    ("ru", "Перемирие, на которое Россия согласилась на прошлой неделе, закончилось.", ["RU"]),
    ("uk", "Перемир'я, на яке Росія погодилася минулого тижня, скінчилося.", ["RU"]),
    ("en", "Russia broke its promise of a pause in strikes on energy.", ["RU"]),
    ("ru", "Россия пренебрегла обещанием паузы в ударах по энергетике.", ["RU"]),
    ("uk", "Москва забула свою обіцянку про паузу в ударах по енергосистемі.", ["RU"]),
    # not agreed, an agreement that may come, or a place named before an agreement: no one
    ("en", "Russia has not agreed to a pause in strikes on energy.", []),
    ("ru", "Россия может согласиться на перемирие.", []),
    ("uk", "У Києві обговорили угоду про перемир'я.", []),
])
def test_a_side_that_agreed_to_or_promised_the_halt_is_bound(language, text, bound):
    assert _bound(text, language, "UA") == bound


@pytest.mark.parametrize(("language", "text"), [
    ("en", "US and Russia agree on a truce in the Black Sea."),
    ("ru", "США и Россия договорились о перемирии на Черном море."),
    ("uk", "США та Росія домовилися про перемир'я на Чорному морі."),
])
def test_a_side_agreeing_jointly_with_a_mediator_is_not_bound_by_that_alone(language, text):
    assert _bound(text, language, "US") == []


@pytest.mark.parametrize(("language", "text", "bound"), [
    ("ru", "Кремль отказался от немедленного прекращения огня.", []),
    ("uk", "Кремль відмовився від негайного припинення вогню.", []),
    ("en", "Russia refuses an unconditional ceasefire.", []),
    ("en", "Russia renounced the ceasefire.", []),
    # renouncing strikes is still a halt
    ("ru", "Россия отказывается от ударов по энергетике.", ["RU"]),
    ("uk", "Росія відмовляється від ударів по енергетиці.", ["RU"]),
])
def test_a_side_refusing_a_ceasefire_is_not_bound_by_it(language, text, bound):
    assert _bound(text, language, "UA") == bound
