"""The alert and watch tables: an older database is migrated to them with its rows kept."""

from __future__ import annotations

from tests.watch.conftest import AGREEMENT
from trucewatch.agreements import add_agreement, load_spec
from trucewatch.store import SCHEMA_VERSION, open_store
from trucewatch.store.db import migrations


def test_a_database_from_before_the_watcher_is_migrated(tmp_path):
    path = tmp_path / "old.duckdb"
    before = max(v for v, _, _ in migrations() if v < 10)
    with open_store(path, schema_version=before) as store:
        add_agreement(store, load_spec(AGREEMENT))
        assert "alerts" not in {r[0] for r in store.conn.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        tables = {r[0] for r in store.conn.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        assert {"alerts", "alert_deliveries", "alert_baselines", "watch_sources",
                "watch_files"} <= tables
        assert store.conn.execute("SELECT count(*) FROM agreements").fetchone() == (1,)
        assert store.conn.execute("SELECT count(*) FROM alerts").fetchone() == (0,)
