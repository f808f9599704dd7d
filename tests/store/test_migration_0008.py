"""Migration 0008: times of attacks and commitment events, added to a database of schema 5."""

from __future__ import annotations

from pathlib import Path

from trucewatch.store import SCHEMA_VERSION, open_store


def test_a_schema_5_database_keeps_its_rows_and_gains_the_new_columns(db_path: Path) -> None:
    with open_store(db_path, schema_version=5) as store:
        store.conn.execute(
            "INSERT INTO incidents (id, event_date, target_class, target_group, claimants, "
            "corroborated, negated, report_count, source_count, confidence) VALUES "
            "('inc-1', DATE '2025-03-19', 'energy.power_grid', 'energy', ['UA'], false, false, "
            "1, 1, 0.5)")
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.conn.execute(
            "SELECT id, event_at, event_offset FROM incidents").fetchall() == [
                ("inc-1", None, None)]
        columns = {name for (name,) in store.conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'reports'"
        ).fetchall()}
        assert {"event_at", "event_offset"} <= columns
        assert store.conn.execute("SELECT count(*) FROM commitment_events").fetchone() == (0,)
        assert store.conn.execute("SELECT count(*) FROM event_scans").fetchone() == (0,)
