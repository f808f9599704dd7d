"""Wordings beyond the corpus: durations in weeks, months and hours, start times, who is
bound, conditional clauses, short conditions, numbers with thousands separators."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.readouts import Statement, read_statement, statement_terms

MAY_1 = dt.date(2026, 5, 1)


@pytest.mark.parametrize(("language", "text", "days"), [
    ("en", "Both sides will refrain from strikes on ports for one month.", 30),
    ("en", "The halt on strikes on railways lasts two weeks.", 14),
    ("en", "Russia will not launch strikes on cities for 72 hours.", 3),
    ("en", "A partial ceasefire was agreed. Its term is three weeks.", 21),
    ("en", "The truce was agreed in March. A week later, strikes resumed.", None),
    ("ru", "Стороны отказываются от ударов по портам на месяц.", 30),
    ("ru", "Удары по энергетике приостановлены на 2 недели.", 14),
    ("ru", "Войска прекращают удары по городам на трое суток.", 3),
    ("uk", "Сторони припиняють удари по портах на два тижні.", 14),
    ("uk", "Україна підтримує місячне перемир'я в небі.", 30),
    ("uk", "Мораторій на удари діятиме протягом трьох місяців.", 90),
])
def test_duration_units(language, text, days):
    assert statement_terms(text, language=language).duration_days == days


@pytest.mark.parametrize(("language", "text", "start"), [
    ("en", "From 00:00 Kyiv time on 3 May, the parties will refrain from strikes on ports.",
     dt.date(2026, 5, 3)),
    ("en", "A ceasefire on strikes against ports begins at midnight on May 8.",
     dt.date(2026, 5, 8)),
    ("ru", "С 00:00 по московскому времени 8 мая войска прекращают удары по городам.",
     dt.date(2026, 5, 8)),
    ("uk", "З 00:00 22 травня Сили оборони припиняють удари по портах.", dt.date(2026, 5, 22)),
])
def test_start_past_times_of_day(language, text, start):
    assert statement_terms(text, language=language, published=MAY_1).start == start


@pytest.mark.parametrize(("language", "text", "bound"), [
    ("en", "Ukraine will halt strikes on refineries, provided that Russia stops its attacks "
           "on power plants.", ["UA"]),
    ("en", "The parties will refrain from strikes on ports.", ["RU", "UA"]),
    ("en", "The Russian Armed Forces will not launch strikes on Ukrainian cities.", ["RU"]),
    ("en", "Türkiye welcomes the commitment of the Russian Federation and Ukraine to halt "
           "attacks on ports.", ["RU", "UA"]),
    ("ru", "Россия и Украина в течение 30 дней не будут наносить удары по энергетике.",
     ["RU", "UA"]),
    ("ru", "Россия и Украина при посредничестве МАГАТЭ договорились о режиме тишины вокруг "
           "АЭС.", ["RU", "UA"]),
    ("uk", "Україна і Росія за посередництва США погодили паузу в ударах по енергетиці.",
     ["RU", "UA"]),
    ("uk", "Україна закликає запровадити механізм моніторингу дотримання мораторію.", []),
])
def test_bound_wordings(language, text, bound):
    assert statement_terms(text, language=language).bound_parties == bound


def test_named_parties_win_over_the_default_sides():
    text = "Russia and Ukraine agreed to a mutual halt of strikes on energy facilities."
    read = read_statement(Statement(id="s", text=text), sides=["AM", "AZ"])
    assert read.terms.bound_parties == ["RU", "UA"]


@pytest.mark.parametrize(("language", "text", "scope"), [
    ("en", "Russia will not launch strikes on Ukrainian cities.", ["civilian"]),
    ("en", "Ukraine will halt strikes on oil refineries, provided that Russia stops attacks "
           "on substations.", ["energy.oil_refinery"]),
    ("en", "There will be no strikes on energy, on railways and on ports.",
     ["energy.*", "transport.rail", "transport.port"]),
    ("uk", "Сторони не атакуватимуть цивільні судна та портову інфраструктуру.",
     ["transport.port"]),
])
def test_scope_wordings(language, text, scope):
    assert statement_terms(text, language=language).scope == scope


@pytest.mark.parametrize(("language", "text", "conditions"), [
    ("en", "Moscow will consider an extension of the truce only if Kyiv stops its attacks and "
           "Western countries halt arms deliveries.",
     ["only if Kyiv stops its attacks", "Western countries halt arms deliveries"]),
    ("en", "Russia will refrain from attacks on ports, on condition that Ukraine stops using "
           "ships for military purposes and that sanctions are lifted.",
     ["on condition that Ukraine stops using ships for military purposes",
      "sanctions are lifted"]),
    ("ru", "Удары прекращены. При этом Москва настаивает на создании механизма контроля и на "
           "прекращении поставок оружия.",
     ["на создании механизма контроля", "на прекращении поставок оружия"]),
    ("uk", "Рішення про припинення ударів ухвалено за умови, що російська сторона припинить "
           "обстріли Одеси та Миколаєва.",
     ["за умови, що російська сторона припинить обстріли Одеси та Миколаєва"]),
    ("en", "The truce holds. We also call for an exchange of prisoners as the next step.", []),
])
def test_short_conditions(language, text, conditions):
    assert statement_terms(text, language=language).conditions == conditions


@pytest.mark.parametrize(("language", "text", "numbers"), [
    ("en", "Prisoners of war will be exchanged 1,000 for 1,000.",
     {"prisoners_exchanged_each_side": 1000}),
    ("en", "Russia is ready to hand over 6,000 bodies of fallen servicemen.",
     {"bodies_returned": 6000}),
    ("ru", "Россия передаст 31 тяжелораненого военнослужащего в рамках обмена пленными.",
     {"wounded_prisoners_transferred": 31}),
    ("uk", "Росія передасть Україні тіла 909 полеглих захисників.", {"bodies_returned": 909}),
])
def test_numbers_wordings(language, text, numbers):
    assert statement_terms(text, language=language).numbers == numbers


@pytest.mark.parametrize(("language", "text", "steps"), [
    ("en", "Türkiye stands ready to host further rounds of negotiations.",
     ["further_negotiations"]),
    ("en", "A partial ceasefire starts today. It can be extended.", ["extension"]),
    ("en", "Our goal is the return of all our people from captivity.", ["prisoner_exchange"]),
    ("uk", "Україна готова продовжити перемир'я.", ["extension"]),
])
def test_follow_on_wordings(language, text, steps):
    assert statement_terms(text, language=language).follow_on == steps
