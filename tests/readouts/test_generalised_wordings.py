"""Wordings of kinds the blind sets showed (tests/readouts/heldout/blind.jsonl, blind2.jsonl,
blind3.jsonl), written anew in three languages: starts relative to publication, ranges of dates,
who is asked or declares, all hostilities, appositive lists, meetings of experts, each side's
numbers, condition wording; then halt clauses in other shapes (negated verbs of striking, list
items and fact-sheet fields, orders given in a lead-in), whose sentences are the speaker's own,
weekdays and agreements that come into force, and further steps named in other words; then
(blind 3) days of the month and nights, time already passed, windows stated in an answer of
their own, whose strikes are halted, commitments made by or taken on by the sides, closed and
exclusive lists with sub-points, exclusions, disputed versions of the other side, negated and
mediated steps, and enumerated, negated and escape conditions; then (blind 4) a second side
taking on the same commitment, "neither ... nor", regimes coming into force and a speaker's own
recap, escape and linked conditions, extensions proposed by a length and topics of past talks."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.readouts.written import terms_of
from trucewatch.readouts import statement_terms
from trucewatch.taxonomy import expand_scope

PUBLISHED = dt.date(2026, 3, 10)
EVERY_CLASS = ["energy.*", "infrastructure.*", "transport.*", "civilian", "military", "unknown"]


def _terms(text: str, language: str, speaker: str | None = None):
    return terms_of(text, language, speaker, PUBLISHED)


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
    ("en", "Russia and Ukraine met in Istanbul. Following talks mediated by Türkiye, the two "
           "sides agreed to refrain from attacks on dams.", ["RU", "UA"], "TR"),
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


#: A Tuesday, so "Monday" is six days later and "Friday" three.
TUESDAY = PUBLISHED


@pytest.mark.parametrize(("language", "text", "scope", "bound"), [
    ("en", "Russia and Ukraine will hold off on strikes against oil depots for ten days.",
     ["energy.oil_gas_network"], ["RU", "UA"]),
    ("en", "Both sides will abstain from shelling water supply facilities in the winter.",
     ["infrastructure.other"], ["RU", "UA"]),
    ("en", "Power plants in both countries will not be targeted until the talks end.",
     ["energy.power_generation"], ["RU", "UA"]),
    ("ru", "Россия и Украина не будут обстреливать речные порты в течение месяца.",
     ["transport.port"], ["RU", "UA"]),
    ("ru", "Стороны обязуются не бить по газопроводам две недели.",
     ["energy.oil_gas_network"], ["RU", "UA"]),
    ("uk", "Україна та Росія не будуть обстрілювати мости через Дніпро протягом тижня.",
     ["transport.bridge"], ["RU", "UA"]),
    ("uk", "Сторони не битимуть по теплоелектростанціях до кінця опалювального сезону.",
     ["energy.power_generation"], ["RU", "UA"]),
])
def test_halt_clauses_in_other_verbs(language, text, scope, bound):
    terms = _terms(text, language)
    assert (_classes(terms.scope), terms.bound_parties) == (_classes(scope), bound)


@pytest.mark.parametrize(("language", "text", "scope"), [
    ("en", "The parties agreed as follows:\n1. Both sides shall refrain from strikes on "
           "railways and bridges for 14 days.\n2. Both sides will exchange lists of prisoners.",
     ["transport.rail", "transport.bridge"]),
    ("en", "Outcomes:\n\u2022 Scope: energy infrastructure and ports\n\u2022 Duration: 21 days",
     ["energy.*", "transport.port"]),
    ("ru", "Итоги встречи:\n1. Стороны воздерживаются от ударов по нефтебазам 10 суток.\n"
           "2. Следующий раунд переговоров состоится в мае.", ["energy.oil_gas_network"]),
    ("ru", "Россия выдвинула условия:\n\u2013 Киев должен прекратить удары по портам;\n"
           "\u2013 перемирие не распространяется на военные объекты.", []),
    ("uk", "Сторони домовилися:\n\u2022 Сфера дії: енергетична інфраструктура\n"
           "\u2022 Термін: 30 днів", ["energy.*"]),
    ("en", "Ukraine will not strike the following sites for a week:\n- hospitals;\n"
           "- water supply and sewage plants.", ["civilian", "infrastructure.other"]),
])
def test_list_items_and_fields_state_the_halt(language, text, scope):
    assert _classes(_terms(text, language).scope) == _classes(scope)


@pytest.mark.parametrize(("language", "text", "speaker", "days", "bound"), [
    ("en", "The Foreign Ministry announced that the Russian and Ukrainian sides agreed to halt "
           "strikes on ports for 20 days.", "QA", 20, ["RU", "UA"]),
    ("en", "The Secretary of State has received assurances from Moscow and Kyiv that they will "
           "not strike dams for 12 days.", "US", 12, ["RU", "UA"]),
    ("en", "Moscow and Kyiv told our envoy they will stop striking refineries for 40 days.",
     "TR", 40, ["RU", "UA"]),
    ("ru", "Трамп предложил сторонам на 30 суток воздержаться от ударов по портам. Путин "
           "отнёсся к предложению положительно.", "RU", 30, ["RU", "UA"]),
    ("en", "Q: Will Russia stop strikes on ports for 60 days?\n\nA: The agreement covers "
           "energy only.", "US", None, []),
])
def test_whose_sentences_are_own(language, text, speaker, days, bound):
    terms = _terms(text, language, speaker)
    assert (terms.duration_days, terms.bound_parties) == (days, bound)


@pytest.mark.parametrize(("language", "text", "speaker", "bound"), [
    ("en", "Our troops will not strike Russian refineries for 15 days.", "UA", ["UA"]),
    ("ru", "Наши войска в течение трёх суток не наносят ударов по подстанциям.", "RU", ["RU"]),
    ("uk", "Наші підрозділи з 00:00 12 березня не уражатимуть російські порти.", "UA", ["UA"]),
    ("ru", "Прекращаем удары по энергетике Украины на 30 дней.", "RU", ["RU"]),
    ("ru", "ПРИКАЗЫВАЮ:\n1. С 00:00 мск 12 марта на 48 часов не наносить ударов по мостам.",
     "RU", ["RU"]),
    ("en", "I hereby order:\n1. No strikes on Russian oil terminals for 7 days.", "UA", ["UA"]),
    ("en", "The truce on strikes on ports is extended by 10 days. Russia agreed.", "UA",
     ["RU"]),
    ("uk", "Мораторій на удари по портах продовжено. Американці підтвердили: Росія "
           "погодилася. Україна теж дотримуватиметься.", "UA", ["RU", "UA"]),
    ("en", "Trump proposed a full ceasefire. Kyiv agreed, but Moscow refused.", "US", []),
])
def test_who_halts_by_context(language, text, speaker, bound):
    assert _terms(text, language, speaker).bound_parties == bound


@pytest.mark.parametrize(("language", "text", "start"), [
    ("en", "Both sides will halt strikes on ports starting Monday.", dt.date(2026, 3, 16)),
    ("en", "The halt on strikes on dams begins at 00:00 local time on Friday.",
     dt.date(2026, 3, 13)),
    ("ru", "Стороны прекращают удары по портам с понедельника.", dt.date(2026, 3, 16)),
    ("ru", "Пауза в ударах по энергетике. Старт — с 00:00 мск пятницы.", dt.date(2026, 3, 13)),
    ("uk", "Сторони припиняють удари по портах з понеділка.", dt.date(2026, 3, 16)),
    ("en", "The arrangement takes effect on 20 March. Both sides will not strike ports.",
     dt.date(2026, 3, 20)),
    ("ru", "Соглашение действует с 20 марта. Стороны не наносят ударов по портам.",
     dt.date(2026, 3, 20)),
])
def test_weekday_and_agreement_starts(language, text, start):
    assert _terms(text, language).start == start


@pytest.mark.parametrize(("language", "text", "days"), [
    ("ru", "Соглашение вступает в силу 20 марта, срок — 45 суток. Стороны не бьют по портам.",
     45),
    ("uk", "Домовленість набуває чинності з 20 березня, строк — шість тижнів. Сторони не "
           "атакують порти.", 42),
    ("ru", "Стороны договорились о семидневной паузе в ударах по портам.", 7),
    ("uk", "Сторони погодили десятиденну паузу в ударах по мостах.", 10),
    ("en", "The sides agreed to a twelve-day halt on strikes on ports.", 12),
    ("en", "Both sides will refrain from strikes on ports for a fortnight.", 14),
    ("ru", "Удары по мостам не наносятся с 00:00 30 апреля 2026 года до 24:00 2 мая 2026 года.",
     3),
    ("uk", "Удари по мостах припиняються з 30 квітня 2026 року до 24:00 2 травня 2026 року.",
     3),
])
def test_durations_in_other_words(language, text, days):
    assert _terms(text, language).duration_days == days


@pytest.mark.parametrize(("language", "text", "steps"), [
    ("en", "The sides will swap captives next week.", ["prisoner_exchange"]),
    ("en", "Technical experts will stay in Doha to draft a monitoring mechanism.",
     ["technical_talks"]),
    ("ru", "Экспертные группы продолжат работу в Женеве.", ["technical_talks"]),
    ("uk", "Експертні групи обох сторін працюватимуть у Женеві.", ["technical_talks"]),
    ("en", "The delegations will reconvene in Vienna in May.", ["further_negotiations"]),
    ("ru", "Следующая встреча делегаций пройдёт в Дохе.", ["further_negotiations"]),
    ("uk", "Наступна зустріч делегацій відбудеться в Досі.", ["further_negotiations"]),
    ("en", "The sides agreed to consider extending the arrangement in April.", ["extension"]),
    ("uk", "Мораторій на удари по портах діятиме ще на 20 днів.", ["extension"]),
    ("ru", "Перемирие на удары по мостам продлевается ещё на неделю.", ["extension"]),
    ("uk", "Якщо Росія продовжить бити по портах, пауза закінчиться.", []),
])
def test_further_steps_in_other_words(language, text, steps):
    assert statement_terms(text, language=language).follow_on == steps


@pytest.mark.parametrize(("language", "text", "numbers"), [
    ("en", "The two sides will exchange 80 prisoners of war each.",
     {"prisoners_exchanged_each_side": 80}),
    ("ru", "Стороны обменяются по 90 военнопленных.", {"prisoners_exchanged_each_side": 90}),
    ("uk", "Сторони обміняються по 70 полонених.", {"prisoners_exchanged_each_side": 70}),
    ("en", "Repatriation of bodies of the fallen: 500 for 500.",
     {"bodies_returned_each_side": 500}),
    ("ru", "Передача тел погибших — 800 на 800.", {"bodies_returned_each_side": 800}),
    ("uk", "Передача тіл загиблих — 400 на 400.", {"bodies_returned_each_side": 400}),
])
def test_numbers_in_other_words(language, text, numbers):
    assert statement_terms(text, language=language).numbers == numbers


@pytest.mark.parametrize(("language", "text", "scope"), [
    ("ru", "В связи с праздниками Россия прекращает удары по энергетике.", ["energy.*"]),
    ("uk", "У зв'язку зі святами Україна припиняє удари по НПЗ.", ["energy.oil_refinery"]),
    ("en", "Both sides will not strike kindergartens or clinics.", ["civilian"]),
])
def test_scope_words_in_other_senses(language, text, scope):
    assert _classes(_terms(text, language).scope) == _classes(scope)


@pytest.mark.parametrize(("language", "text", "conditions"), [
    ("uk", "Україна не б'є по НПЗ. Якщо Росія вдарить по наших ТЕС — ми відповімо. "
           "Симетрично.", ["Якщо Росія вдарить по наших ТЕС — ми відповімо"]),
    ("ru", "Россия прекращает удары по портам. Скажу прямо: если Киев нарушит режим, мы будем "
           "свободны от обязательств.",
     ["если Киев нарушит режим, мы будем свободны от обязательств"]),
])
def test_conditions_without_their_lead_ins(language, text, conditions):
    assert statement_terms(text, language=language).conditions == conditions


@pytest.mark.parametrize(("language", "text", "conditions"), [
    ("ru", "Россия прекращает удары по портам. Москва выдвинула условия:\n\u2013 отвод "
           "украинских катеров от Одессы;\n\u2013 допуск наблюдателей МККК.",
     ["отвод украинских катеров от Одессы", "допуск наблюдателей МККК"]),
    ("en", "Ukraine halts strikes on depots. Our conditions:\n- no attacks on our grid;\n"
           "- UN observers at the plants.",
     ["no attacks on our grid", "UN observers at the plants"]),
    ("en", "Ukraine halts strikes on ports. The condition is simple: no Russian drones over "
           "Odesa.", ["no Russian drones over Odesa"]),
    ("uk", "Україна не б'є по НПЗ. Умова одна: жодних атак на наші ТЕС.",
     ["жодних атак на наші ТЕС"]),
    ("en", "Both sides halt strikes on ports. A violation by either side releases the other "
           "from its obligation.", ["A violation by either side releases the other from its "
                                   "obligation"]),
    ("ru", "Стороны прекращают удары по мостам. Первая же атака на наши мосты — и перемирие "
           "прекратится.", ["Первая же атака на наши мосты — и перемирие прекратится"]),
    ("ru", "Перемирие на удары по портам действует, пока его соблюдает Киев.",
     ["пока его соблюдает Киев"]),
    ("en", "Kyiv will not strike dams on the understanding that Moscow will do the same.",
     ["on the understanding that Moscow will do the same"]),
    ("en", "In response to the request of the UN, Russia halts strikes on ports.", []),
    ("en", "Russia halts strikes on ports. I told them plainly: if a drone hits Sevastopol, "
           "the deal is off.", ["if a drone hits Sevastopol, the deal is off"]),
])
def test_conditions_in_other_shapes(language, text, conditions):
    assert statement_terms(text, language=language).conditions == conditions


# Blind 3: dates, windows, parties, scope, steps, numbers and conditions in other shapes.


@pytest.mark.parametrize(("language", "text", "start"), [
    ("en", "Both sides will halt strikes on ports from the 20th.", dt.date(2026, 3, 20)),
    ("en", "Russia will stop strikes on dams from 00:00 on the 5th of next month.",
     dt.date(2026, 4, 5)),
    ("en", "Both sides halt strikes on ports from the 14th of April.", dt.date(2026, 4, 14)),
    ("ru", "Стороны прекращают удары по портам с 00:00 18-го числа.", dt.date(2026, 3, 18)),
    ("ru", "Удары по мостам прекращаются со 2-го числа следующего месяца.", dt.date(2026, 4, 2)),
    ("uk", "Сторони припиняють удари по портах з 15-го числа поточного місяця.",
     dt.date(2026, 3, 15)),
    ("uk", "Україна не атакує НПЗ з 5-го числа.", dt.date(2026, 4, 5)),
    ("ru", "Перемирие на удары по энергетике начинается в ночь с 14 на 15 марта.",
     dt.date(2026, 3, 14)),
    ("uk", "Удари по портах припиняються з 00:00 у ніч з 20 на 21 березня.",
     dt.date(2026, 3, 21)),
    ("en", "The halt on strikes on bridges starts at midnight on the night of 14 to 15 March.",
     dt.date(2026, 3, 15)),
])
def test_days_of_the_month_and_nights(language, text, start):
    assert _terms(text, language).start == start


@pytest.mark.parametrize(("language", "text", "days"), [
    ("en", "Twenty days have passed since Russia and Ukraine halted strikes on ports for 30 "
           "days.", 30),
    ("en", "In the first three days of the 30-day truce on strikes on ports, Russia broke it "
           "twice.", 30),
    ("ru", "Прошло десять дней с начала перемирия на удары по портам сроком на 30 суток.", 30),
    ("uk", "За перші п'ять днів мораторію на удари по портах, укладеного на 30 днів, Росія "
           "порушила його 7 разів.", 30),
    ("en", "Russia halts strikes on ports from 1 April until further notice.", None),
    ("ru", "Удары по портам прекращаются с 1 апреля до особого распоряжения.", None),
    ("uk", "Удари по портах припиняються з 1 квітня до окремого розпорядження.", None),
])
def test_time_passed_is_no_duration(language, text, days):
    assert _terms(text, language).duration_days == days


@pytest.mark.parametrize(("language", "text", "window"), [
    ("en", "Both sides will halt strikes on ports.\n\nQ: When?\n\nA: It starts on the 20th "
           "and runs for two weeks.", (14, dt.date(2026, 3, 20))),
    ("ru", "Стороны прекращают удары по мостам.\n\n— С какого числа и надолго?\n\n— С 20 "
           "марта, на две недели.", (14, dt.date(2026, 3, 20))),
    ("uk", "Сторони припиняють удари по портах. Про інше. Режим діятиме з 20 березня протягом "
           "14 днів.", (14, dt.date(2026, 3, 20))),
    ("ru", "Президент решил прекратить удары по портам. Решение вступает в силу с 00:00 20 "
           "марта.", (None, dt.date(2026, 3, 20))),
    ("en", "Both sides halt strikes on ports. Other news. Talks on prisoners open on 20 March "
           "for two weeks.", (None, None)),
])
def test_windows_stated_on_their_own(language, text, window):
    terms = _terms(text, language)
    assert (terms.duration_days, terms.start) == window


@pytest.mark.parametrize(("language", "text", "speaker", "bound"), [
    ("ru", "Президент распорядился прекратить удары Вооружённых Сил России по портам Украины.",
     "RU", ["RU"]),
    ("uk", "Ухвалено рішення припинити удари Збройних Сил України по російських НПЗ.", "UA",
     ["UA"]),
    ("uk", "Ухвалено рішення припинити удари ЗСУ по мостах.", "UA", ["UA"]),
    ("en", "The decision halts strikes by Russian forces on Ukrainian ports.", "RU", ["RU"]),
    ("ru", "Россия прекращает обстрелы Киева.", "RU", ["RU"]),
    ("en", "Russia will stop striking Ukraine's ports.", "RU", ["RU"]),
    ("en", "Germany welcomes the commitment made by Russia and Ukraine to refrain from strikes "
           "on dams.", "DE", ["RU", "UA"]),
    ("en", "We welcome the pledge given by the Russian Federation and Ukraine to stop attacks "
           "on ports.", "DE", ["RU", "UA"]),
    ("en", "With the mediation of the United States, Russia and Ukraine committed to refrain "
           "from strikes on ports.", "UA", ["RU", "UA"]),
    ("en", "Thanks to its mediation, Russia and Ukraine committed to refrain from strikes on "
           "ports.", "QA", ["RU", "UA"]),
    ("ru", "Согласован отказ от ударов по портам. Обязательство берут на себя обе стороны.",
     "RU", ["RU", "UA"]),
    ("uk", "Погоджено відмову від ударів по портах. Зобов'язання беруть на себе обидві "
           "сторони.", "UA", ["RU", "UA"]),
    ("en", "Russia and Ukraine met in Riyadh. A halt on strikes on ports was agreed. Both sides "
           "have taken on this commitment.", "US", ["RU", "UA"]),
    ("ru", "Согласно предложению, вооружённые силы России и Украины воздерживались бы от ударов "
           "по портам.", "TR", ["RU", "UA"]),
])
def test_whose_strikes_and_commitments(language, text, speaker, bound):
    assert _terms(text, language, speaker).bound_parties == bound


@pytest.mark.parametrize(("language", "text", "speaker", "scope"), [
    ("en", "Russia and Ukraine agreed to halt strikes on energy and infrastructure. The halt "
           "covers only the following facilities:\n1. refineries;\n2. substations.", "US",
     ["energy.oil_refinery", "energy.power_grid"]),
    ("ru", "Стороны прекращают удары по энергетике. Мораторий распространяется исключительно на "
           "следующие объекты:\n1) НПЗ;\n2) подстанции.", "RU",
     ["energy.oil_refinery", "energy.power_grid"]),
    ("uk", "1.1. Сторони утримуються від ударів по таких об'єктах:\nа) нафтобази;\nб) мости."
           "\n1.2. Сторони передають одна одній тіла загиблих.", "UA",
     ["energy.oil_gas_network", "transport.bridge"]),
    ("en", "Both sides halt strikes on energy facilities; ports and railways fall outside the "
           "halt.", "US", ["energy.*"]),
    ("ru", "Стороны прекращают удары по энергетике, а порты не подпадают под действие "
           "моратория.", "RU", ["energy.*"]),
    ("uk", "Сторони припиняють удари по енергетиці; порти не підпадають під дію мораторію.",
     "UA", ["energy.*"]),
    ("en", "Moscow alleges that the deal 'bans all strikes on ports and railways'. That is "
           "false: the sides agreed to halt strikes on power plants for 30 days.", "UA",
     ["energy.power_generation"]),
    ("uk", "Речник МЗС Росії стверджує, що домовленість нібито «зобов'язує Київ утримуватися від "
           "ударів по НПЗ». Це неправда. Домовленість стосується лише ударів по підстанціях.",
     "UA", ["energy.power_grid"]),
])
def test_closed_lists_exclusions_and_disputed_versions(language, text, speaker, scope):
    assert _classes(_terms(text, language, speaker).scope) == _classes(scope)


@pytest.mark.parametrize(("language", "text", "steps"), [
    ("en", "This is not a full ceasefire, but both sides halt strikes on ports.", []),
    ("ru", "Это не полное прекращение огня, а пауза в ударах по портам.", []),
    ("uk", "Це не повне припинення вогню, а пауза в ударах по портах.", []),
    ("en", "Through the good offices of Türkiye, both sides agreed to halt strikes on ports.", []),
    ("en", "Talks continue on a full ceasefire at sea.", ["maritime_ceasefire"]),
    ("ru", "Продолжаются переговоры о полном прекращении огня на море.", ["maritime_ceasefire"]),
    ("uk", "Тривають переговори про повне припинення вогню на морі.", ["maritime_ceasefire"]),
    ("en", "The truce on strikes on ports should not be read as extending it to railways.", []),
    ("en", "The truce on strikes on ports is extended to the end of April.", ["extension"]),
    ("en", "The next round of consultations will take place in Geneva.",
     ["further_negotiations"]),
    ("ru", "Следующий раунд консультаций пройдёт в Женеве.", ["further_negotiations"]),
    ("uk", "Наступний раунд консультацій відбудеться в Женеві.", ["further_negotiations"]),
    ("uk", "Завершився черговий раунд переговорів у Женеві.", []),
])
def test_steps_negated_mediated_or_at_sea(language, text, steps):
    assert statement_terms(text, language=language).follow_on == steps


@pytest.mark.parametrize(("language", "text", "numbers"), [
    ("en", "The sides will return the remains of the fallen, 500 from each side.",
     {"bodies_returned_each_side": 500}),
    ("ru", "Стороны передадут тела погибших — по 500 с каждой стороны.",
     {"bodies_returned_each_side": 500}),
    ("uk", "Сторони передадуть тіла загиблих — по 500 з кожної сторони.",
     {"bodies_returned_each_side": 500}),
    ("en", "Since the truce on strikes on power plants began, Russia has launched 120 drones and "
           "14 missiles at our grid.", {}),
    ("ru", "За сутки ВСУ 11 раз нарушили договорённость, применив 40 беспилотников.", {}),
])
def test_numbers_each_side_and_tallies(language, text, numbers):
    assert statement_terms(text, language=language).numbers == numbers


@pytest.mark.parametrize(("language", "text", "conditions"), [
    ("en", "Both sides halt strikes on ports. The truce does not depend on sanctions relief.", []),
    ("ru", "Стороны прекращают удары по портам. Перемирие не зависит от снятия санкций.", []),
    ("en", "Both sides halt strikes on ports. We will support Ukraine for as long as it takes.",
     []),
    ("uk", "Сторони припиняють удари по портах. Відповіді поки що немає.", []),
    ("uk", "Сторони припиняють удари по портах. Лише за перші три дні росія порушила режим 19 "
           "разів.", []),
    ("en", "Both sides halt strikes on ports. Germany expects two things. First, observers must "
           "have access to the ports. Second, the parties must exchange lists of vessels.",
     ["observers must have access to the ports", "the parties must exchange lists of vessels"]),
    ("ru", "Стороны прекращают удары по портам. Москва выдвигает два требования. Во-первых, Киев "
           "должен отвести катера от Одессы. Во-вторых, наблюдатели МККК должны получить доступ "
           "к портам.", ["Киев должен отвести катера от Одессы",
                         "наблюдатели МККК должны получить доступ к портам"]),
    ("uk", "Сторони припиняють удари по портах. Київ очікує двох речей. По-перше, спостерігачі "
           "ООН мають отримати доступ до портів. По-друге, росія має повернути захоплені судна.",
     ["спостерігачі ООН мають отримати доступ до портів", "росія має повернути захоплені судна"]),
    ("ru", "Россия прекращает удары по портам. В случае провокаций решение будет пересмотрено.",
     ["В случае провокаций решение будет пересмотрено"]),
    ("uk", "Україна припиняє удари по НПЗ. У разі масованого удару по нашій енергетиці дія "
           "цього рішення припиняється.",
     ["У разі масованого удару по нашій енергетиці дія цього рішення припиняється"]),
    ("uk", "Україна припиняє удари по НПЗ. Кожен удар по нашій енергосистемі звільняє Україну "
           "від зобов'язань.",
     ["Кожен удар по нашій енергосистемі звільняє Україну від зобов'язань"]),
    ("en", "Ukraine halts strikes on refineries. Any strike on our grid releases Ukraine from "
           "this commitment.", ["Any strike on our grid releases Ukraine from this commitment"]),
    ("en", "Ukraine halts strikes on refineries. If the deal is broken, the decision will be "
           "reconsidered.", ["If the deal is broken, the decision will be reconsidered"]),
    ("en", "Both sides halt strikes on ports. We will comply if they do.", ["if they do"]),
    ("uk", "Удари по енергетиці припиняються з 00:00 1 квітня до 24:00 30 квітня.", []),
])
def test_conditions_enumerated_negated_and_escapes(language, text, conditions):
    assert statement_terms(text, language=language).conditions == conditions


# Blind 4 (an everyday mix): a second side taking on the same commitment, "neither ... nor",
# sides that "each" commit, windows given by a regime coming into force or in a speaker's own
# recap, escape and linked conditions, extensions proposed by a length, topics of past talks.


@pytest.mark.parametrize(("language", "text", "speaker", "bound"), [
    ("en", "Russia will stop strikes on Ukrainian ports for 30 days. Kyiv has undertaken the "
           "same obligations.", "RU", ["RU", "UA"]),
    ("en", "Ukraine halts strikes on refineries from Monday, in return for a similar pledge by "
           "Moscow.", "UA", ["RU", "UA"]),
    ("en", "Russia suspends attacks on railways. Ukraine will do likewise.", "RU", ["RU", "UA"]),
    ("en", "We will stop strikes on Russian ports if Moscow does the same.", "UA", ["UA"]),
    ("en", "From May 3, neither Moscow nor Kyiv will target dams or bridges.", "US",
     ["RU", "UA"]),
    ("en", "What Moscow and Kyiv have each agreed to is a halt to strikes on ports.", "US",
     ["RU", "UA"]),
    ("ru", "Украина прекращает удары по российским НПЗ на 30 суток. Российская сторона, в "
           "свою очередь, взяла на себя такие же обязательства.", "UA", ["RU", "UA"]),
    ("ru", "Россия воздерживается от ударов по портам — в ответ на аналогичное обещание "
           "Киева.", "RU", ["RU", "UA"]),
    ("ru", "Мы прекратим удары по мостам, если Киев поступит так же.", "RU", ["RU"]),
    ("ru", "С 1 июня ни Москва, ни Киев не будут атаковать плотины.", "US", ["RU", "UA"]),
    ("uk", "Росія не завдаватиме ударів по наших портах. Київ вчинить так само.", "UA",
     ["RU", "UA"]),
    ("uk", "Україна утримається від ударів по НПЗ, якщо Москва діятиме дзеркально.", "UA",
     ["UA"]),
    ("uk", "Від 1 червня ні Київ, ні Москва не атакуватимуть греблі.", "US", ["RU", "UA"]),
])
def test_same_commitments_and_neither_nor(language, text, speaker, bound):
    assert _terms(text, language, speaker).bound_parties == bound


@pytest.mark.parametrize(("language", "text", "start", "days"), [
    ("en", "Starting from June 5, neither Russia nor Ukraine will strike bridges for ten days.",
     dt.date(2026, 6, 5), 10),
    ("ru", "Стороны воздержатся от ударов по портам в течение 20 суток. Обсуждение шло долго. "
           "Режим вступает в силу с 00:00 по московскому времени 14 марта.",
     dt.date(2026, 3, 14), 20),
    ("uk", "Сторони утримаються від ударів по мостах 15 днів. Розмова була довгою. Режим "
           "почне діяти з 20 березня.", dt.date(2026, 3, 20), 15),
    ("ru", "— Напомню, действует двухнедельный мораторий на удары по портам, который начался "
           "с 2 марта.", dt.date(2026, 3, 2), 14),
    ("uk", "— Нагадаю, діє взаємний мораторій на удари по портах на 20 днів, що почався з "
           "2 березня.", dt.date(2026, 3, 2), 20),
])
def test_regimes_in_force_and_own_recaps(language, text, start, days):
    terms = _terms(text, language)
    assert (terms.start, terms.duration_days) == (start, days)


@pytest.mark.parametrize(("language", "text", "conditions"), [
    ("en", "Both sides halt strikes on ports. If the truce is violated, our forces will resume "
           "strikes at once.", ["If the truce is violated, our forces will resume strikes at "
                                "once"]),
    ("ru", "Стороны прекращают удары по мостам. В случае нарушения перемирия удары будут "
           "возобновлены.", ["В случае нарушения перемирия удары будут возобновлены"]),
    ("uk", "Сторони припиняють удари по мостах. У разі порушення режиму ми відновимо удари.",
     ["У разі порушення режиму ми відновимо удари"]),
    ("ru", "Россия прекращает удары по мостам. Если обстрелы продолжатся, Москва будет "
           "считать себя свободной от взятых обязательств.",
     ["Если обстрелы продолжатся, Москва будет считать себя свободной от взятых "
      "обязательств"]),
    ("en", "Ukraine halts strikes on refineries. Any strike on Odesa will mean Russia has "
           "walked away from the deal.",
     ["Any strike on Odesa will mean Russia has walked away from the deal"]),
    ("uk", "Україна припиняє удари по НПЗ. Удар по Одесі означатиме, що Росія вийшла з угоди.",
     ["Удар по Одесі означатиме, що Росія вийшла з угоди"]),
    ("ru", "Стороны прекращают удары по портам. Соблюдение договорённости увязано с доступом "
           "судов в порты.", ["Соблюдение договорённости увязано с доступом судов в порты"]),
    ("en", "Both sides halt strikes on dams. Observance is tied to the return of the "
           "inspectors.", ["Observance is tied to the return of the inspectors"]),
    ("uk", "Сторони припиняють удари по греблях. Невід'ємною частиною домовленості є доступ "
           "інспекторів.", ["Невід'ємною частиною домовленості є доступ інспекторів"]),
])
def test_escape_and_linked_conditions(language, text, conditions):
    assert statement_terms(text, language=language).conditions == conditions


@pytest.mark.parametrize(("language", "text", "steps"), [
    ("uk", "Обмін полоненими відбудеться в суботу. Ми запропонували продовжити тишу на 30 "
           "днів.", ["prisoner_exchange", "extension"]),
    ("en", "The exchange of prisoners happens on Saturday. We have proposed to extend the quiet "
           "by thirty days.", ["prisoner_exchange", "extension"]),
    ("ru", "Обмен пленными состоится в субботу. Мы предложили продлить тишину ещё на 30 суток.",
     ["prisoner_exchange", "extension"]),
    ("ru", "В Анкаре прошли переговоры по безопасности судоходства. Стороны прекращают удары "
           "по портам.", []),
    ("en", "The delegations met in Ankara to discuss safe navigation. The parties halt strikes "
           "on ports.", []),
    ("uk", "В Анкарі відбулися переговори щодо безпеки судноплавства. Сторони припиняють "
           "удари по портах. Наступним кроком має стати морське перемир'я.",
     ["maritime_ceasefire"]),
    ("en", "The delegations met in Ankara and agreed on a prisoner exchange.",
     ["prisoner_exchange"]),
])
def test_extensions_by_length_and_topics_of_past_talks(language, text, steps):
    assert statement_terms(text, language=language).follow_on == steps


@pytest.mark.parametrize(("language", "text", "conditions"), [
    ("ru", "Стороны прекращают удары по портам. Вопрос о продлении пока не решён.", []),
    ("uk", "Сторони припиняють удари по портах. Питання продовження поки не вирішено.", []),
    ("uk", "Сторони припиняють удари по портах.\n▪️ будь-який удар по Одесі означатиме, що "
           "Росія вийшла з домовленості.",
     ["будь-який удар по Одесі означатиме, що Росія вийшла з домовленості"]),
])
def test_undecided_is_no_condition_and_bullets_are_trimmed(language, text, conditions):
    assert statement_terms(text, language=language).conditions == conditions
