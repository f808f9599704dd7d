"""Migration 0015: feed tokens, added to a database of schema 10 with its accounts."""

from __future__ import annotations

from pathlib import Path

from trucewatch.accounts import add_user, feed_token_account, new_feed_token
from trucewatch.store import SCHEMA_VERSION, open_store


def test_a_schema_10_database_keeps_its_accounts_and_gains_feed_tokens(db_path: Path) -> None:
    with open_store(db_path, schema_version=10) as store:
        add_user(store, "ana", "analyst", "correct horse battery")
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.conn.execute("SELECT count(*) FROM feed_tokens").fetchone() == (0,)
        token = new_feed_token(store, "ana")
        found = feed_token_account(store, token)
        assert found is not None and found.name == "ana"
        assert feed_token_account(store, token + "x") is None
