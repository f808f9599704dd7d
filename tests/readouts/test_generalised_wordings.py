"""Wordings of kinds the blind set showed (tests/readouts/heldout/blind.jsonl), written anew in
three languages: starts relative to publication, ranges of dates, who is asked or declares,
all hostilities, appositive lists, meetings of experts, each side's numbers, condition wording."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.readouts import Statement, read_statement, statement_terms
from trucewatch.taxonomy import expand_scope

PUBLISHED = dt.date(2026, 3, 10)
EVERY_CLASS = ["energy.*", "infrastructure.*", "transport.*", "civilian", "military", "unknown"]


def _terms(text: str, language: str, speaker: str | None = None):
    statement = Statement(id="s", text=text, language=language, published=PUBLISHED,
                          speaker=speaker)
    return read_statement(statement).terms


@pytest.mark.parametrize(("language", "text", "start"), [
    ("en", "Effective immediately, Russia will halt strikes on Ukrainian ports.", PUBLISHED),
    ("en", "As of today, both sides suspend attacks on railways for two weeks.", PUBLISHED),
    ("en", "Beginning tomorrow, Ukraine will refrain from strikes on refineries.",
     dt.date(2026, 3, 11)),
    ("en", "Ukraine will stop strikes on Russian oil depots. The moratorium comes into force "
           "on March 15.", dt.date(2026, 3, 15)),
    ("ru", "С завтрашнего дня российские войска прекращают удары по портам.",
     dt.date(2026, 3, 11)),
    ("ru", "Россия немедленно прекращает удары по энергетике Украины.", PUBLISHED),
    ("uk", "З завтрашнього дня Україна припиняє удари по російських НПЗ.", dt.date(2026, 3, 11)),
    ("uk", "Україна не атакуватиме російські НПЗ. Мораторій набуде чинності 15 березня.",
     dt.date(2026, 3, 15)),
    ("uk", "Перемир'я на удари по енергетиці діятиме з 5 по 25 квітня.", dt.date(2026, 4, 5)),
    ("en", "Russia called for an immediate halt of strikes on its refineries.", None),
    ("en", "We will respond immediately if the truce is broken.", None),
])
def test_relative_and_ranged_starts(language, text, start):
    assert _terms(text, language).start == start


@pytest.mark.parametrize(("language", "text", "days"), [
    ("en", "The sides will halt strikes on ports from March 12 until March 18.", 7),
    ("en", "A halt on strikes on bridges applies between 1 May and 10 May 2026.", 10),
    ("en", "The moratorium on strikes on refineries lasts from 00:00 on 3 May to 00:00 on "
           "6 May.", 3),
    ("ru", "Удары по энергетике прекращаются с 12 по 18 марта.", 7),
    ("ru", "Перемирие действует с 00:00 12 марта до 00:00 15 марта.", 3),
    ("uk", "Сторони припиняють удари по портах з 12 до 18 березня включно.", 7),
    ("uk", "Удари по енергетиці припиняються з 00:00 1 квітня до 24:00 30 квітня.", 30),
    ("en", "Both sides will halt strikes on ports for 30 days from March 12 to March 18.", 30),
])
def test_duration_from_a_range_of_dates(language, text, days):
    assert _terms(text, language).duration_days == days


@pytest.mark.parametrize(("language", "text", "bound", "speaker"), [
    ("en", "The Russian and Ukrainian delegations committed to halt strikes on ports.",
     ["RU", "UA"], None),
    ("en", "Following talks mediated by Türkiye, the two sides agreed to refrain from attacks "
           "on dams.", ["RU", "UA"], "TR"),
    ("uk", "Обидві делегації погодилися утримуватися від ударів по портах.", ["RU", "UA"], None),
    ("en", "Ukraine urges Russia to stop strikes on its power grid.", ["RU"], "UA"),
    ("ru", "МИД России призывает Киев прекратить удары по Запорожской АЭС.", ["UA"], "RU"),
    ("ru", "Российская сторона объявляет трехдневное перемирие.", ["RU"], "RU"),
    ("uk", "Україна оголошує мораторій на удари по російських НПЗ.", ["UA"], "UA"),
    ("en", "The United States announced a ceasefire on strikes against energy.", [], "US"),
    ("uk", "Наказую припинити удари по енергетиці Росії на 30 днів.", ["UA"], "UA"),
    ("en", "I have ordered our forces to stop strikes on Russian refineries for 30 days.",
     ["UA"], "UA"),
    ("ru", "Россия согласилась на две недели — с 1 по 14 мая — воздерживаться от ударов по "
           "портам, о чем просила американская сторона.", ["RU"], "RU"),
])
def test_who_is_asked_declares_or_orders(language, text, bound, speaker):
    assert _terms(text, language, speaker).bound_parties == bound


def _classes(patterns: list[str]) -> set[str]:
    return {c for p in patterns for c in expand_scope(p)}


@pytest.mark.parametrize(("language", "text", "scope"), [
    ("en", "Russia will cease all hostilities on the front for 72 hours.", EVERY_CLASS),
    ("uk", "Сторони припиняють усі бойові дії на 3 дні.", EVERY_CLASS),
    ("en", "The parties agreed to halt strikes on energy as a step toward a full cessation of "
           "hostilities.", ["energy.*"]),
    ("en", "The goal remains ending hostilities; for now both sides halt strikes on energy.",
     ["energy.*"]),
    ("en", "Ukraine will not strike Russian energy facilities: refineries and oil depots.",
     ["energy.oil_refinery", "energy.oil_gas_network"]),
    ("ru", "Россия не будет наносить удары по энергетическим объектам Украины — подстанциям и "
           "ТЭЦ.", ["energy.power_grid", "energy.power_generation"]),
    ("en", "Kyiv calls on Moscow to stop attacks on ports and railways.",
     ["transport.rail", "transport.port"]),
])
def test_scope_of_hostilities_lists_and_appeals(language, text, scope):
    assert _classes(_terms(text, language).scope) == _classes(scope)


@pytest.mark.parametrize(("language", "text", "steps"), [
    ("en", "Expert groups of both sides will meet in Geneva next week to work out the details "
           "of a truce at sea.", ["technical_talks", "maritime_ceasefire"]),
    ("ru", "Эксперты сторон встретятся в Эр-Рияде, чтобы проработать детали перемирия.",
     ["technical_talks"]),
    ("uk", "Технічні групи продовжать роботу над механізмом контролю.", ["technical_talks"]),
    ("en", "The next round of technical talks will be held in Riyadh.", ["technical_talks"]),
    ("en", "The sides agreed to open humanitarian corridors for civilians from Kherson.",
     ["humanitarian_corridor"]),
    ("ru", "Стороны договорились открыть гуманитарный коридор для эвакуации мирных жителей.",
     ["humanitarian_corridor"]),
    ("ru", "Следующим шагом может стать перемирие на море.", ["maritime_ceasefire"]),
    ("uk", "Якщо Росія продовжить обстріли, мораторій буде скасовано.", []),
    ("ru", "Россия выступает против вмешательства третьих стран.", []),
])
def test_further_steps(language, text, steps):
    assert statement_terms(text, language=language).follow_on == steps


@pytest.mark.parametrize(("language", "text", "numbers"), [
    ("en", "The sides will exchange 300 prisoners for 300 next week.",
     {"prisoners_exchanged_each_side": 300}),
    ("en", "Russia and Ukraine will swap 1,000 captives on each side.",
     {"prisoners_exchanged_each_side": 1000}),
    ("ru", "Стороны обменяются 500 военнопленными с каждой стороны.",
     {"prisoners_exchanged_each_side": 500}),
    ("uk", "Сторони обміняються 600 полоненими з кожної сторони.",
     {"prisoners_exchanged_each_side": 600}),
    ("en", "The sides will hand over to each other the remains of 2,000 soldiers.",
     {"bodies_returned_each_side": 2000}),
    ("ru", "Стороны передадут друг другу тела 3000 погибших военнослужащих.",
     {"bodies_returned_each_side": 3000}),
    ("uk", "Сторони передадуть одна одній тіла 1000 загиблих військових.",
     {"bodies_returned_each_side": 1000}),
])
def test_each_sides_numbers(language, text, numbers):
    assert statement_terms(text, language=language).numbers == numbers


@pytest.mark.parametrize(("language", "text", "conditions"), [
    ("en", "Russia will halt strikes on ports as long as Ukraine does not attack Russian "
           "tankers.", ["as long as Ukraine does not attack Russian tankers"]),
    ("en", "The halt on strikes on power plants is contingent on Russia ending attacks on "
           "substations.", ["contingent on Russia ending attacks on substations"]),
    ("en", "Ukraine will stop strikes on Russian depots. The decision will no longer apply if "
           "Russia hits our grid.", ["The decision will no longer apply if Russia hits our grid"]),
    ("ru", "Россия прекращает удары по портам, пока Украина не атакует российские танкеры.",
     ["пока Украина не атакует российские танкеры"]),
    ("ru", "Россия прекращает удары по энергетике. При любой провокации Киева решение утратит "
           "силу.", ["При любой провокации Киева решение утратит силу"]),
    ("uk", "Україна не атакуватиме російські НПЗ, доки Росія не б'є по наших ТЕС.",
     ["доки Росія не б'є по наших ТЕС"]),
    ("uk", "Мораторій на удари по портах діє за умови повної взаємності.",
     ["за умови повної взаємності"]),
    ("uk", "Україна закликає Росію припинити удари по портах.", []),
    ("en", "We call on Russia to stop strikes on ports under UN monitoring, as proposed by "
           "Türkiye.", ["under UN monitoring"]),
    ("uk", "Удари по портах припинено. Ми наполягаємо на спостерігачах ООН, щоб кожне "
           "порушення було зафіксоване.", ["на спостерігачах ООН"]),
])
def test_conditions_start_at_their_own_words(language, text, conditions):
    assert statement_terms(text, language=language).conditions == conditions
