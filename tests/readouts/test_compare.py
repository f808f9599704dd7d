"""Comparing statements by speaker: differences, omissions, formats and what they cost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trucewatch.cli import app
from trucewatch.readouts import Statement, compare, read_statements
from trucewatch.store import open_store

STATEMENTS = Path(__file__).parent / "statements"
EXAMPLES = Path(__file__).parents[2] / "examples" / "readouts"
#: The sample call readouts the README compares, shipped under examples/readouts.
CALL = [EXAMPLES / "us-call.txt", EXAMPLES / "ru-call.txt", EXAMPLES / "ua-call.txt"]


def _statements(paths=CALL):
    return [s for path in paths for s in read_statements(path)]


def _differences(comparison):
    return {d.term: d for d in comparison.differences}


def test_terms_per_speaker():
    speakers = compare(_statements()).speakers
    assert speakers["US"].scope == ["energy.*", "infrastructure.*"]
    assert speakers["RU"].scope == ["energy.*"]
    assert speakers["RU"].duration_days == 30
    assert speakers["RU"].bound_parties == ["RU", "UA"]
    assert speakers["RU"].numbers == {"prisoners_exchanged_each_side": 175,
                                      "wounded_prisoners_transferred": 23}
    assert speakers["UA"].scope == ["energy.*", "infrastructure.*"]
    assert str(speakers["UA"].start) == "2025-03-25"


def test_scope_difference_names_what_one_wording_covers():
    scope = _differences(compare(_statements()))["scope"]
    assert scope.explanation == (
        "the US and UA wordings cover transport infrastructure (bridges, railways, ports, roads "
        "and airports) and water, telecom and other civilian infrastructure; "
        "the RU wording does not")
    assert "transport.rail" in scope.values["US"]
    assert "transport.rail" not in scope.values["RU"]


def test_omissions_are_differences():
    differences = _differences(compare(_statements()))
    assert differences["duration_days"].values == {"US": None, "RU": "30", "UA": None}
    assert "US and UA state none" in differences["duration_days"].explanation
    assert differences["start"].values["UA"] == "2025-03-25"
    assert differences["numbers"].explanation == (
        "prisoners exchanged each side (RU 175) is not stated by US and UA; "
        "wounded prisoners transferred (RU 23) is not stated by US and UA")
    follow_on = differences["follow_on"]
    assert follow_on.values["US"] == ["maritime_ceasefire", "full_ceasefire", "permanent_peace"]
    assert ("the US wording names maritime ceasefire, full ceasefire and permanent peace; "
            "the RU and UA wordings do not") in follow_on.explanation


def test_one_speakers_later_statement_wins_for_single_terms():
    comparison = compare(_statements([*CALL, STATEMENTS / "ru-list.txt"]))
    russia = comparison.speakers["RU"]
    assert russia.scope[0] == "energy.oil_refinery"
    assert str(russia.start) == "2025-03-18"
    assert "extension_by_mutual_agreement" in russia.follow_on
    assert "prisoner_exchange" in russia.follow_on
    assert len(comparison.statements) == 4


def test_agreeing_statements_have_no_differences():
    text = "Both sides will halt strikes on energy facilities for 30 days."
    statements = [Statement(id=speaker, speaker=speaker, text=text) for speaker in ("US", "RU")]
    assert compare(statements).differences == []


def test_json_contract(runner, db_path):
    arguments = ["--db", str(db_path), "readouts", "compare", *map(str, CALL), "--format", "json"]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [s["speaker"] for s in data["statements"]] == ["US", "RU", "UA"]
    assert set(data["statements"][0]["terms"]) == {
        "scope", "scope_text", "duration_days", "start", "start_time", "bound_parties",
        "conditions", "follow_on", "numbers"}
    scope = next(d for d in data["differences"] if d["term"] == "scope")
    assert set(scope) == {"term", "values", "explanation"}
    assert set(scope["values"]) == {"US", "RU", "UA"}
    assert "costs" not in data
    assert not db_path.exists()


def test_table_and_markdown(runner, db_path):
    for output, marker in (("table", "Differences"), ("markdown", "## Differences")):
        result = runner.invoke(app, ["--db", str(db_path), "readouts", "compare",
                                     *map(str, CALL), "--format", output])
        assert result.exit_code == 0, result.output
        assert marker in result.output
        assert "energy.*, infrastructure.*" in result.output


def _incident(conn, incident_id, day, target_class, perpetrator):
    conn.execute(
        "INSERT INTO incidents (id, event_date, country, target_class, target_group, perpetrator,"
        " claimants, corroborated, negated, report_count, source_count, confidence) VALUES "
        "(?, ?, 'UA', ?, ?, ?, ['UA'], false, false, 1, 1, 0.8)",
        [incident_id, day, target_class, target_class.split(".")[0], perpetrator])


def test_costs_count_incidents_violating_one_reading_only(runner, db_path):
    with open_store(db_path) as store:
        _incident(store.conn, "rail-0320", "2025-03-20", "transport.rail", "RU")
        _incident(store.conn, "grid-0320", "2025-03-20", "energy.power_grid", "RU")
        _incident(store.conn, "grid-0322", "2025-03-22", "energy.power_grid", "UA")
    result = runner.invoke(app, ["--db", str(db_path), "readouts", "compare", *map(str, CALL),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    costs = json.loads(result.output)["costs"]
    assert {"violation_under": "US", "not_under": "RU", "incidents": 1,
            "examples": ["rail-0320"]} in costs
    # UA dates its halt from 25 March: the grid strikes before it are violations only for RU
    assert {"violation_under": "RU", "not_under": "UA", "incidents": 2,
            "examples": ["grid-0320", "grid-0322"]} in costs


def test_bad_sides_are_refused(runner, db_path):
    result = runner.invoke(app, ["--db", str(db_path), "readouts", "compare", str(CALL[0]),
                                 "--sides", "RU,Kyiv"])
    assert result.exit_code == 2
    assert "--sides: KYIV is not a party code; give ISO 3166-1 alpha-2 codes such as RU,UA" in (
        result.output)


def test_a_missing_file_is_named(runner, db_path, tmp_path):
    result = runner.invoke(app, ["--db", str(db_path), "readouts", "compare",
                                 f"US={tmp_path / 'missing.txt'}"])
    assert result.exit_code == 6
    assert "missing.txt: no such statement file" in result.output


@pytest.mark.slow
def test_shared_corpus_statements_compare(runner, db_path, shared_corpus):
    path = shared_corpus / "statements.jsonl"
    result = runner.invoke(app, ["--db", str(db_path), "readouts", "compare", str(path),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["statements"]) == len(path.read_text(encoding="utf-8").splitlines())
