"""Scope phrases: coordination and modification in English, Russian and Ukrainian."""

from __future__ import annotations

import pytest

from trucewatch.readouts import statement_terms

CASES = [
    # "energy and infrastructure": energy plus all infrastructure
    ("en", "The leaders agreed on an energy and infrastructure ceasefire.",
     ["energy.*", "infrastructure.*"]),
    ("en", "We agreed to an immediate ceasefire on all energy and infrastructure.",
     ["energy.*", "infrastructure.*"]),
    ("ru", "Стороны договорились о прекращении ударов по энергетике и инфраструктуре.",
     ["energy.*", "infrastructure.*"]),
    ("uk", "Сторони домовилися про припинення ударів по енергетиці та інфраструктурі.",
     ["energy.*", "infrastructure.*"]),
    # a modifier: only energy
    ("en", "Russia will halt strikes against energy infrastructure.", ["energy.*"]),
    ("en", "Ukraine supports a pause in attacks on energy facilities.", ["energy.*"]),
    ("en", "Officials described a partial ceasefire against energy.", ["energy.*"]),
    ("ru", "Путин приказал прекратить удары по объектам энергетической инфраструктуры.",
     ["energy.*"]),
    ("ru", "Мораторий на удары по энергосистеме продлится месяц.", ["energy.*"]),
    ("uk", "Україна підтримує мораторій на удари по енергетичних об’єктах.", ["energy.*"]),
    # energy plus civilian infrastructure
    ("en", "We are ready to stop strikes on energy and other civilian infrastructure.",
     ["energy.*", "infrastructure.*"]),
    ("ru", "Киев предложил отказаться от ударов по энергетике и другой гражданской "
           "инфраструктуре.", ["energy.*", "infrastructure.*"]),
    ("uk", "Україна готова припинити удари по енергетиці та іншій цивільній інфраструктурі.",
     ["energy.*", "infrastructure.*"]),
    # a shared head: energy and transport infrastructure
    ("en", "Both sides will refrain from striking energy and transport infrastructure.",
     ["energy.*", "transport.*"]),
    ("en", "Ukraine proposed to stop strikes on energy and port infrastructure.",
     ["energy.*", "transport.port"]),
    # facility types: only those classes
    ("en", "The truce covers oil refineries, substations and nuclear power plants.",
     ["energy.oil_refinery", "energy.power_grid", "energy.nuclear"]),
    ("en", "Kyiv proposed to halt strikes on railways, ports and bridges.",
     ["transport.bridge", "transport.rail", "transport.port"]),
    ("en", "The halt covers oil and gas pipelines.", ["energy.oil_gas_network"]),
    ("ru", "Стороны не будут наносить удары по нефтеперерабатывающим заводам и атомным "
           "электростанциям.", ["energy.oil_refinery", "energy.nuclear"]),
    ("uk", "Мораторій поширюється на електростанції, підстанції та залізницю.",
     ["energy.power_generation", "energy.power_grid", "transport.rail"]),
    # a general wording next to facility types is kept
    ("en", "Ukraine proposed a ceasefire covering energy facilities, railways and ports.",
     ["energy.*", "transport.rail", "transport.port"]),
]


@pytest.mark.parametrize(("language", "text", "scope"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_scope_follows_coordination_and_modification(language, text, scope):
    assert statement_terms(text, language=language).scope == scope


def test_energy_in_a_sentence_without_a_halt_is_not_scope():
    text = "The talks focused on the security of energy and critical infrastructure."
    assert statement_terms(text, language="en").scope == []


def test_a_closed_list_replaces_the_general_energy_wording():
    text = ("The facilities under the moratorium on strikes against the energy system are:\n"
            "1. oil refineries;\n"
            "2. power plants and substations;\n"
            "3. hydroelectric dams.\n")
    terms = statement_terms(text, language="en")
    assert terms.scope == ["energy.oil_refinery", "energy.power_generation",
                           "energy.power_grid", "energy.hydro"]
    assert "oil refineries" in terms.scope_text


def test_a_list_of_transport_keeps_the_general_infrastructure_wording():
    text = ("Україна пропонує припинити удари по енергетиці та іншій цивільній інфраструктурі. "
            "До переліку ми включили також залізницю та портову інфраструктуру.")
    assert statement_terms(text, language="uk").scope == ["energy.*", "infrastructure.*"]


def test_hard_wrapped_lines_are_read_as_one_sentence():
    text = "The leaders agreed on an energy and infrastructure\nceasefire.\n"
    assert statement_terms(text).scope == ["energy.*", "infrastructure.*"]
