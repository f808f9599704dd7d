"""Drafting an agreement spec from statements, for an analyst to review and add."""

from __future__ import annotations

from pathlib import Path

from trucewatch.agreements import parse_spec
from trucewatch.cli import app
from trucewatch.readouts import draft_agreement, read_statements

STATEMENTS = Path(__file__).parent / "statements"
EXAMPLES = Path(__file__).parents[2] / "examples" / "readouts"
#: The sample call readouts the README compares, shipped under examples/readouts.
CALL = [EXAMPLES / "us-call.txt", EXAMPLES / "ru-call.txt", EXAMPLES / "ua-call.txt"]


def test_one_reading_per_speaker_quoting_its_source():
    statements = [s for path in CALL for s in read_statements(path)]
    agreement = draft_agreement(statements, agreement_id="energy-draft")
    halt = agreement.commitment("halt-strikes")
    assert [r.party for r in halt.readings] == ["US", "RU", "UA"]
    us = halt.readings[0]
    assert us.scope == ["energy.*", "infrastructure.*"]
    assert "energy and infrastructure" in us.quote
    assert agreement.source_url(us.source) == "https://example.org/statements/us-call"
    assert agreement.parties == ["RU", "UA"]
    assert agreement.mediators == ["US"]
    exchange = agreement.commitment("prisoner-exchange")
    assert exchange.numbers == {"prisoners_exchanged_each_side": 175,
                                "wounded_prisoners_transferred": 23}
    assert {c.id for c in agreement.commitments} >= {
        "talks-maritime_ceasefire", "talks-full_ceasefire", "talks-permanent_peace"}


def test_cli_writes_a_spec_that_agreement_add_accepts(runner, db_path, tmp_path):
    draft = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["agreement", "from-statements", *map(str, CALL),
                                 "--id", "energy-draft", "-o", str(draft)])
    assert result.exit_code == 0, result.output
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("# Draft agreement spec")
    assert parse_spec(text).id == "energy-draft"
    added = runner.invoke(app, ["--db", str(db_path), "agreement", "add", str(draft)])
    assert added.exit_code == 0, added.output


def test_cli_prints_the_spec_without_output(runner):
    result = runner.invoke(app, ["agreement", "from-statements", *map(str, CALL)])
    assert result.exit_code == 0, result.output
    assert parse_spec(result.output).id == "draft-call"


def test_a_statement_without_url_is_refused(runner, tmp_path):
    path = tmp_path / "kremlin.txt"
    path.write_text("Russia will halt strikes on energy facilities for 30 days.\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["agreement", "from-statements", f"RU={path}"])
    assert result.exit_code == 4
    assert ("url: statement 'kremlin' has no url; a spec cites every source by url; "
            "add `url: https://...` to its front matter or JSONL record") in result.output


def test_an_existing_draft_is_not_overwritten_without_force(runner, tmp_path):
    draft = tmp_path / "draft.yaml"
    draft.write_text("# edited by an analyst\n", encoding="utf-8")
    args = ["agreement", "from-statements", *map(str, CALL), "-o", str(draft)]
    refused = runner.invoke(app, args)
    assert refused.exit_code == 2
    assert refused.output.strip() == (f"error: {draft}: the file exists (an edited draft?); "
                                      "nothing was written; choose another -o, or pass --force "
                                      "to replace it")
    assert draft.read_text(encoding="utf-8") == "# edited by an analyst\n"
    replaced = runner.invoke(app, [*args, "--force"])
    assert replaced.exit_code == 0, replaced.output
    assert draft.read_text(encoding="utf-8").startswith("# Draft agreement spec")
