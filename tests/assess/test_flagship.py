"""The flagship case's sample inputs judged under its agreement, with the real extractor."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FLAGSHIP
from trucewatch.agreements import load_spec
from trucewatch.assess import summarise
from trucewatch.store import open_store
from trucewatch.workflow import add_agreement, ingest


def test_sample_inputs_show_the_disputed_start_date(tmp_path: Path) -> None:
    agreement = load_spec(FLAGSHIP / "agreement.yaml")
    with open_store(tmp_path / "t.duckdb") as store:
        add_agreement(store, agreement)
        ingest(store, "acled", [FLAGSHIP / "inputs" / "acled.csv"], merge=False)
        summary = ingest(store, "text", [FLAGSHIP / "inputs" / "texts.jsonl"])
        assert summary.files[0].reports == 3
        sudzha = dict(store.conn.execute(
            "SELECT v.party, v.verdict FROM verdicts v JOIN incidents i ON i.id = v.incident_id "
            "WHERE i.admin1 = 'RU-KRS' AND i.event_date = DATE '2025-03-18' "
            "AND v.commitment_id = 'energy-halt'").fetchall())
        assert sudzha["RU"] == "violation"  # RU's moratorium runs from 18 March
        assert sudzha["UA"] == "outside_window"  # Ukraine's halt began on 25 March
        result = summarise(store, agreement.id)
    denied = [c for c in result.counts if c["verdict"] == "disputed"]
    assert denied, "the 28 March Sudzha claim is denied"
    assert any("window.before_start" in d["rules"] for d in result.differing)


def test_after_the_declared_expiry_no_reading_finds_a_violation(tmp_path: Path) -> None:
    agreement = load_spec(FLAGSHIP / "agreement.yaml")
    with open_store(tmp_path / "t.duckdb") as store:
        add_agreement(store, agreement)
        ingest(store, "acled", [FLAGSHIP / "inputs" / "acled.csv"])
        late = store.conn.execute(
            "SELECT v.party, v.verdict, v.rule FROM verdicts v JOIN incidents i "
            "ON i.id = v.incident_id WHERE i.event_date >= DATE '2025-04-18' "
            "AND v.commitment_id = 'energy-halt'").fetchall()
    assert late, "the sample inputs hold strikes after 18 April"
    assert {party for party, _, _ in late} == {"US", "RU", "UA"}
    assert {(verdict, rule) for _, verdict, rule in late} == {
        ("outside_window", "window.expired")}
