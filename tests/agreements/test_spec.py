from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from trucewatch.agreements import dump_spec, load_spec, parse_spec
from trucewatch.errors import NotFoundError, SpecError

VALID = textwrap.dedent(
    """\
    id: test-truce
    title: A test truce
    parties: [RU, UA]
    mediators: [US]
    sources:
      - id: readout
        url: https://example.org/readout
    commitments:
      - id: energy-halt
        kind: halt_strikes
        title: Halt on energy strikes
        readings:
          - party: RU
            scope: [energy.power_grid]
            start: 2025-03-18
            duration_days: 30
            quote: refrain from strikes
            source: readout
    """
)


def spec_error(text: str) -> str:
    with pytest.raises(SpecError) as caught:
        parse_spec(text, path="truce.yaml")
    return str(caught.value)


def test_valid_spec_parses():
    agreement = parse_spec(VALID)
    reading = agreement.commitments[0].readings[0]
    assert reading.last_day == dt.date(2025, 4, 16)
    assert reading.classes == ["energy.power_grid"]


def test_flagship_spec_is_valid(flagship_spec):
    agreement = load_spec(flagship_spec)
    halt = agreement.commitment("energy-halt")
    assert {r.party: r.start for r in halt.readings} == {
        "US": dt.date(2025, 3, 18), "RU": dt.date(2025, 3, 18), "UA": dt.date(2025, 3, 25),
    }
    exchange = agreement.commitment("prisoner-exchange")
    items = {(i.item, i.side): i.quantity for i in exchange.items}
    assert items == {("prisoners", "RU"): 175, ("prisoners", "UA"): 175, ("wounded", "RU"): 23}


def test_spec_refuses_another_kinds_terms_and_times_without_offset():
    text = VALID.replace("    readings:", "    items: [{item: prisoners, side: RU, quantity: 5}]\n"
                         "    readings:", 1)
    assert "commitments.0.items: `items` belongs to a exchange commitment" in spec_error(text)
    text = VALID.replace("start: 2025-03-18", "start: 2025-03-18\n        start_time: 17:00", 1)
    assert "in quotes with its UTC offset" in spec_error(text)


def test_unknown_target_class():
    text = VALID.replace("[energy.power_grid]", "[energy.powergrid]")
    assert spec_error(text) == (
        "truce.yaml:14: commitments.0.readings.0.scope: 'energy.powergrid' is not a target "
        "class or wildcard of the taxonomy (e.g. energy.power_grid, energy.*, "
        "infrastructure.*); run `trucewatch taxonomy` to list them"
    )


def test_end_before_start():
    text = VALID.replace("duration_days: 30", "end: 2025-03-01")
    assert spec_error(text) == (
        "truce.yaml:13: commitments.0.readings.0: end 2025-03-01 is before start 2025-03-18"
    )


def test_end_disagrees_with_duration():
    text = VALID.replace("duration_days: 30", "duration_days: 30\n        end: 2025-04-30")
    assert "disagrees with start 2025-03-18 + 30 days (last day 2025-04-16)" in spec_error(text)


def test_reading_by_party_not_in_agreement():
    text = VALID.replace("- party: RU", "- party: TR")
    assert spec_error(text) == (
        "truce.yaml:13: commitments.0.readings.0.party: TR is not a party or mediator of this "
        "agreement (RU, UA, US); add it to parties or mediators"
    )


def test_party_code_must_be_iso_or_a_profiles_non_state_code():
    text = VALID.replace("parties: [RU, UA]", "parties: [RU, Ukraine]")
    assert spec_error(text) == (
        "truce.yaml:3: parties.1: 'Ukraine' is not an ISO 3166-1 alpha-2 party code such as "
        "RU, UA, US, nor a non-state party's code in a shipped profile (trucewatch profiles)"
    )
    assert parse_spec(VALID.replace("mediators: [US]", "mediators: [US, TRF]")).mediators == [
        "US", "TRF"]  # a non-state party of the india-pakistan profile


def test_an_agreement_may_name_its_profile():
    assert "'atlantis' is not a shipped profile" in spec_error(
        VALID.replace("mediators: [US]", "mediators: [US]\nprofile: atlantis"))
    agreement = parse_spec(VALID.replace("mediators: [US]", "mediators: [US]\nprofile: "
                                         "russia-ukraine"))
    assert agreement.profile == "russia-ukraine"
    assert parse_spec(dump_spec(agreement)) == agreement


def test_duplicate_commitment_id():
    second = VALID[VALID.index("  - id: energy-halt"):]
    text = VALID + second
    assert spec_error(text) == (
        "truce.yaml:19: commitments.1.id: duplicate commitment id 'energy-halt'; each must be "
        "unique"
    )


def test_duplicate_reading_party():
    reading = VALID[VALID.index("      - party: RU"):]
    assert "duplicate reading by party 'RU'" in spec_error(VALID + reading)


def test_missing_source():
    text = VALID.replace("        source: readout\n", "")
    assert spec_error(text) == (
        "truce.yaml:13: commitments.0.readings.0.source: is required but missing"
    )


def test_unknown_source_id():
    text = VALID.replace("source: readout", "source: kremlin")
    assert spec_error(text) == (
        "truce.yaml:18: commitments.0.readings.0.source: source 'kremlin' is neither a url nor "
        "one of the spec's source ids (readout)"
    )


def test_no_sources_at_all():
    start, end = VALID.index("sources:"), VALID.index("commitments:")
    text = VALID[:start] + VALID[end:]
    assert spec_error(text) == "truce.yaml:1: sources: is required but missing"


def test_misspelt_field():
    text = VALID.replace("duration_days: 30", "duration: 30")
    assert spec_error(text) == (
        "truce.yaml:16: commitments.0.readings.0.duration: is not a spec field; check its "
        "spelling (see docs/spec.md)"
    )


def test_duplicate_yaml_key():
    text = VALID.replace("title: A test truce\n", "title: A test truce\ntitle: Again\n")
    assert spec_error(text) == "truce.yaml:3: title: key 'title' appears twice in one mapping"


def test_not_yaml():
    assert spec_error("id: [unclosed\n").startswith("truce.yaml:2: not valid YAML")


def test_halt_without_readings():
    text = VALID[: VALID.index("    readings:")]
    assert spec_error(text) == (
        "truce.yaml:9: commitments.0.readings: a halt_strikes commitment needs at least one "
        "reading"
    )


def test_error_counts_further_problems():
    text = VALID.replace("[energy.power_grid]", "[energy.x]").replace("party: RU", "party: XX")
    assert spec_error(text).endswith("; 1 more problem(s) after this one")


def test_missing_file(tmp_path):
    with pytest.raises(NotFoundError, match="no such spec file"):
        load_spec(tmp_path / "absent.yaml")


def test_dump_round_trips_flagship(flagship_spec):
    agreement = load_spec(flagship_spec)
    assert parse_spec(dump_spec(agreement)) == agreement
