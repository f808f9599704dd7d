from __future__ import annotations

from trucewatch.agreements import describe_classes, load_spec, reading_differences, side_by_side
from trucewatch.model import Reading
from trucewatch.taxonomy import expand_scope


def reading(party: str, **terms) -> Reading:
    return Reading(party=party, quote="q", source="s", **terms)


def test_identical_readings_have_no_differences():
    a = reading("RU", scope=["energy.*"], start="2025-03-18")
    b = reading("UA", scope=["energy.*"], start="2025-03-18")
    assert reading_differences([a, b]) == []


def test_scope_difference_names_what_falls_between():
    us = reading("US", scope=["energy.*", "infrastructure.*"])
    ru = reading("RU", scope=["energy.*"])
    (difference,) = reading_differences([us, ru])
    assert difference.term == "scope"
    assert difference.explanation == (
        "the US wording covers transport infrastructure (bridges, railways, ports, roads and "
        "airports) and water, telecom and other civilian infrastructure; the RU wording does not"
    )


def test_start_date_difference_explains_the_gap():
    ru = reading("RU", scope=["energy.*"], start="2025-03-18")
    ua = reading("UA", scope=["energy.*"], start="2025-03-25")
    (difference,) = reading_differences([ru, ua])
    assert difference.values == {"RU": "2025-03-18", "UA": "2025-03-25"}
    assert difference.explanation.endswith(
        "Strikes from 2025-03-18 until 2025-03-25 are inside the window under some readings "
        "and before it under others"
    )


def test_omitted_duration_is_reported():
    ru = reading("RU", scope=["energy.*"], start="2025-03-18", duration_days=30)
    us = reading("US", scope=["energy.*"], start="2025-03-18")
    (difference,) = reading_differences([ru, us])
    assert difference.term == "duration_days"
    assert difference.explanation == (
        "RU gives a duration in days of 30; US states none. Under the US reading the halt has "
        "no stated end"
    )


def test_describe_classes_collapses_groups():
    classes = ["energy.hydro", *expand_scope("transport.*")]
    assert describe_classes(classes) == (
        "transport infrastructure (bridges, railways, ports, roads and airports) and "
        "hydroelectric plants and dams"
    )
    assert describe_classes(["transport.bridge", "energy.hydro"]) == (
        "bridges and hydroelectric plants and dams"
    )


def test_flagship_side_by_side_marks_differing_terms(flagship_spec):
    agreement = load_spec(flagship_spec)
    view = side_by_side(agreement, agreement.commitment("energy-halt"))
    assert view.parties == ["US", "RU", "UA"]
    differing = {row.term for row in view.rows if row.differs}
    assert {"scope", "start", "duration_days", "last_day", "escape"} <= differing
    assert "bound_parties" not in differing
    assert {d.term for d in view.differences} == {"scope", "start", "duration_days", "conditions"}
