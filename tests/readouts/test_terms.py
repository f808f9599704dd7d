"""Duration, start, bound parties, conditions, follow-ons and numbers, in three languages."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.readouts import Statement, read_statement, statement_terms

MARCH_18 = dt.date(2025, 3, 18)


@pytest.mark.parametrize(("language", "text", "days"), [
    ("en", "Both sides will stop strikes on energy facilities for 30 days.", 30),
    ("en", "Putin backed a 30-day halt on attacks against power plants.", 30),
    ("en", "The moratorium on strikes lasts thirty days.", 30),
    ("ru", "Мораторий на удары по энергетике действует в течение 30 суток.", 30),
    ("ru", "Стороны отказываются от ударов по энергосистеме на тридцать дней.", 30),
    ("uk", "Мораторій на удари по енергетиці діятиме 30 днів.", 30),
    ("en", "Ukraine supports a halt on strikes on energy facilities.", None),
    ("en", "The ceasefire talks lasted 12 days.", 12),
])
def test_duration(language, text, days):
    assert statement_terms(text, language=language).duration_days == days


@pytest.mark.parametrize(("language", "text", "start"), [
    ("en", "The moratorium lasts 30 days starting from March 18, 2025.", MARCH_18),
    ("en", "Kyiv says its own order to stop such attacks began on March 25.",
     dt.date(2025, 3, 25)),
    ("en", "The order issued by Putin on 18 March to halt strikes has expired.", MARCH_18),
    ("ru", "Мораторий действует 30 суток, начиная с 18 марта 2025 года.", MARCH_18),
    ("uk", "Наш мораторій на удари по енергетиці діє з 25 березня.", dt.date(2025, 3, 25)),
    ("en", "A prisoner exchange will take place on March 19 and the truce holds.", None),
])
def test_start(language, text, start):
    terms = statement_terms(text, language=language, published=dt.date(2025, 4, 16))
    assert terms.start == start


def test_a_yearless_date_needs_a_reference():
    text = "The halt on strikes began on March 25."
    assert statement_terms(text).start is None
    assert statement_terms(text, published=dt.date(2025, 4, 1)).start == dt.date(2025, 3, 25)


@pytest.mark.parametrize(("language", "text", "bound"), [
    ("en", "Putin supported a mutual 30-day renunciation of strikes on the energy sector by "
           "the Russian Federation and Ukraine.", ["RU", "UA"]),
    ("en", "If either side violates the moratorium, the other side is free of its obligations.",
     ["RU", "UA"]),
    ("en", "Putin ordered the Russian military to halt strikes on energy facilities.", ["RU"]),
    ("en", "The Kremlin said the moratorium, which Russia upheld, has ended.", ["RU"]),
    ("en", "The parties agreed to ban strikes against energy facilities of Russia and Ukraine.",
     []),
    ("ru", "Стороны договорились о взаимном отказе от ударов по энергетике.", ["RU", "UA"]),
    ("ru", "Путин дал российским военным команду прекратить удары по энергетике.", ["RU"]),
    ("uk", "Зеленський віддав наказ припинити удари по енергетиці Росії.", ["UA"]),
    ("en", "Russia and Ukraine will halt strikes on energy infrastructure.", ["RU", "UA"]),
    ("en", "Ukraine would support proposals to cease strikes on energy facilities.", []),
    ("ru", "Россия и Украина прекратят удары по энергетике.", ["RU", "UA"]),
    ("uk", "Україна готова припинити удари по енергетиці.", ["UA"]),
    ("en", "The United States and Russia agreed to ban strikes against energy facilities.", []),
    ("en", "Russia ended the moratorium on strikes against energy facilities.", []),
])
def test_bound_parties(language, text, bound):
    assert statement_terms(text, language=language).bound_parties == bound


def test_sides_name_who_a_mutual_halt_binds():
    statement = Statement(id="s", text="Both sides will halt strikes on energy facilities.")
    assert read_statement(statement, sides=["AM", "AZ"]).terms.bound_parties == ["AM", "AZ"]


@pytest.mark.parametrize(("language", "text", "kind"), [
    ("en", "If either side violates the moratorium, the other party may consider itself "
           "released from its obligations.", "escape"),
    ("en", "The halt on strikes must be reciprocal.", "reciprocity"),
    ("en", "The Black Sea arrangements take effect only after sanctions are lifted.",
     "precondition"),
    ("ru", "В случае нарушения моратория одной из сторон другая сторона вправе считать себя "
           "свободной от обязательств.", "escape"),
    ("uk", "Припинення ударів по енергетиці можливе лише за умови, що Росія робитиме те саме.",
     "precondition"),
])
def test_conditions_and_their_kinds(language, text, kind):
    read = read_statement(Statement(id="s", text=text, language=language))
    assert len(read.terms.conditions) == 1
    assert read.condition_kinds[read.terms.conditions[0]] == kind


def test_a_condition_loses_its_attribution():
    text = 'Zelensky stressed that "the halt on strikes must be reciprocal," his office said.'
    assert statement_terms(text).conditions == ["the halt on strikes must be reciprocal"]


@pytest.mark.parametrize(("language", "text", "steps"), [
    ("en", "Technical talks on a maritime ceasefire in the Black Sea, a full ceasefire and "
           "permanent peace will begin.", ["maritime_ceasefire", "full_ceasefire",
                                           "permanent_peace"]),
    ("en", "Our team is ready for technical talks.", ["technical_talks"]),
    ("en", "The moratorium may be extended by mutual agreement.",
     ["extension_by_mutual_agreement"]),
    ("en", "The halt on strikes should be extended.", ["extension"]),
    ("en", "This meeting is a logical extension of the Jeddah talks.", []),
    ("ru", "Стороны проведут обмен пленными и продолжат переговоры о прочном мире.",
     ["prisoner_exchange", "permanent_peace"]),
    ("uk", "Україна виступає за повне припинення вогню та безпечне судноплавство в Чорному морі.",
     ["full_ceasefire", "maritime_ceasefire"]),
])
def test_follow_on(language, text, steps):
    assert statement_terms(text, language=language).follow_on == steps


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Russia and Ukraine will exchange prisoners 175 for 175, and Russia will hand over "
           "23 seriously wounded prisoners."),
    ("ru", "Стороны обменяются пленными 175 на 175, также будут переданы 23 тяжелораненых."),
    ("uk", "Відбудеться обмін полоненими 175 на 175, також буде передано 23 тяжкопоранених."),
])
def test_committed_numbers(language, text):
    assert statement_terms(text, language=language).numbers == {
        "prisoners_exchanged_each_side": 175, "wounded_prisoners_transferred": 23}


def test_casualties_of_a_strike_are_not_a_commitment():
    text = "The strike on the substation left 12 wounded, despite the ceasefire."
    assert statement_terms(text).numbers == {}


def test_another_partys_version_is_not_the_speakers_term():
    text = ("Ukraine would support a halt on strikes on energy facilities. "
            "The Kremlin stated that Putin had ordered the military to halt strikes on energy "
            "for 30 days.")
    ukraine = read_statement(Statement(id="s", speaker="UA", text=text)).terms
    # the Kremlin's account of Russia's own order still binds Russia
    assert (ukraine.duration_days, ukraine.bound_parties) == (None, ["RU"])
    russia = read_statement(Statement(id="s", speaker="RU", text=text)).terms
    assert (russia.duration_days, russia.bound_parties) == (30, ["RU"])


def test_an_outlets_background_paragraph_is_not_the_statement():
    text = ("Ukraine would support a halt on strikes on energy facilities.\n\n"
            "Background: The Kremlin stated that Putin agreed to a mutual 30-day halt on strikes "
            "on energy and ordered the military to stop them.\n")
    terms = read_statement(Statement(id="s", speaker="UA", text=text)).terms
    assert (terms.scope, terms.duration_days, terms.bound_parties) == (["energy.*"], None, [])


def test_a_proposal_counts_once_the_speaker_accepts_it():
    proposal = ("President Trump proposed that the sides mutually refrain from strikes on "
                "energy infrastructure for 30 days.")
    accepted = proposal + " Putin supported the initiative."
    rejected = proposal + " Moscow rejected the idea."
    russia = Statement(id="s", speaker="RU", text=accepted)
    assert read_statement(russia).terms.duration_days == 30
    russia = Statement(id="s", speaker="RU", text=rejected)
    assert read_statement(russia).terms.duration_days is None


def test_language_is_detected_from_the_letters():
    read = read_statement(Statement(id="s", text="Україна підтримує мораторій на удари."))
    assert read.language == "uk"
    read = read_statement(Statement(id="s", text="Россия поддержала мораторий на удары."))
    assert read.language == "ru"
