from __future__ import annotations

import os

import duckdb
import pytest

from trucewatch.errors import NotFoundError, SchemaVersionError, StoreError
from trucewatch.store import SCHEMA_VERSION, open_store
from trucewatch.store.db import migrations


def test_new_file_gets_latest_schema(db_path):
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert set(store.counts()) >= {"agreements", "readings", "incidents", "verdicts"}
        assert all(count == 0 for count in store.counts().values())


def test_migrations_are_numbered_once_each_in_order():
    # parallel work is assigned numbers ahead, so the bundled list may have gaps
    versions = [version for version, _, _ in migrations()]
    assert versions[0] == 1 and versions == sorted(set(versions))


def test_a_migration_numbered_below_the_files_version_is_still_applied(db_path, monkeypatch):
    """Branches take migration numbers in parallel: one that lands after a higher-numbered one
    must still be applied to files already past its number."""
    first = [(1, "one", "CREATE TABLE one (x INTEGER)"),
             (3, "three", "CREATE TABLE three (x INTEGER)")]
    monkeypatch.setattr("trucewatch.store.db.migrations", lambda: first)
    with open_store(db_path) as store:
        assert store.schema_version == 3
    later = sorted([*first, (2, "two", "CREATE TABLE two (x INTEGER)")])
    monkeypatch.setattr("trucewatch.store.db.migrations", lambda: later)
    with open_store(db_path) as store:
        assert store.conn.execute("SELECT count(*) FROM two").fetchone() == (0,)
        applied = store.conn.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()
        assert applied == [(1,), (2,), (3,)]


def test_older_file_is_migrated_and_keeps_its_rows(db_path):
    with open_store(db_path, schema_version=1) as store:
        store.audit("add", "note", "n1", {"text": "kept"})
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.conn.execute("SELECT entity_id FROM audit_log").fetchall() == [("n1",)]


def test_newer_file_is_refused(db_path):
    with open_store(db_path) as store:
        store.conn.execute(
            "INSERT INTO schema_migrations VALUES (?, 'from_the_future', now())",
            [SCHEMA_VERSION + 1],
        )
    with pytest.raises(SchemaVersionError) as caught:
        open_store(db_path)
    assert str(caught.value) == (
        f"{db_path}: written by a newer trucewatch (schema version {SCHEMA_VERSION + 1}; "
        f"this one knows up to {SCHEMA_VERSION}); upgrade trucewatch (pip install -U trucewatch) "
        "or use another --db file"
    )


def test_failed_migration_leaves_file_unchanged(db_path, monkeypatch):
    with open_store(db_path, schema_version=0):
        pass
    broken = [*migrations(), (SCHEMA_VERSION + 1, "broken", "CREATE TABLE x (;")]
    monkeypatch.setattr("trucewatch.store.db.migrations", lambda: broken)
    monkeypatch.setattr("trucewatch.store.db.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="rolled back"):
        open_store(db_path, schema_version=SCHEMA_VERSION + 1)
    conn = duckdb.connect(str(db_path))
    tables = conn.execute("SELECT table_name FROM information_schema.tables").fetchall()
    conn.close()
    assert tables == []


def test_missing_file_without_create(db_path):
    with pytest.raises(NotFoundError, match="run `trucewatch init`"):
        open_store(db_path, create=False)


def test_not_a_database(tmp_path):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("not a database")
    with pytest.raises(StoreError, match="cannot open as a DuckDB database"):
        open_store(bogus)


def test_transaction_rolls_back_on_error(db_path):
    with open_store(db_path) as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.audit("add", "note", "n1")
            raise RuntimeError("boom")
        assert store.counts()["audit_log"] == 0


def test_audit_records_who_and_when(db_path, monkeypatch):
    monkeypatch.setenv("TRUCEWATCH_USER", "analyst@mission")
    with open_store(db_path) as store:
        store.audit("review", "incident", "i-1", {"status": "confirmed"})
        actor, action, detail = store.conn.execute(
            "SELECT actor, action, detail FROM audit_log"
        ).fetchone()
    assert (actor, action) == ("analyst@mission", "review")
    assert '"confirmed"' in detail


def test_audit_names_the_uid_when_the_login_name_is_unknown(db_path, monkeypatch):
    def no_passwd_entry() -> str:
        raise KeyError("getpwuid(): uid not found")

    monkeypatch.delenv("TRUCEWATCH_USER", raising=False)
    monkeypatch.setattr("getpass.getuser", no_passwd_entry)
    with open_store(db_path) as store:
        store.audit("review", "incident", "i-1", {})
        (actor,) = store.conn.execute("SELECT actor FROM audit_log").fetchone()
    assert actor == f"uid {os.getuid()}"


def test_ingests_recorded_before_0007_keep_their_identity(db_path):
    import datetime as dt

    from tests.ingest.helpers import FIXTURES
    from trucewatch.sources import ingest_file
    from trucewatch.sources.pipeline import scan_file

    small = FIXTURES / "acled" / "small.csv"
    file_hash, _ = scan_file(small)
    with open_store(db_path, schema_version=5) as store:
        store.conn.execute("INSERT INTO ingested_files VALUES (?, ?, 'acled', 5, 4, 4, 0, ?)",
                           [file_hash, str(small), dt.datetime.now(dt.UTC)])
    with open_store(db_path) as store:
        assert store.conn.execute(
            "SELECT ingest_id, content_hash, options, skipped, superseded_by "
            "FROM ingested_files").fetchall() == [(file_hash, file_hash, "{}", 0, None)]
        assert ingest_file(store, "acled", small).skipped_unchanged  # the same reading


def _ingested(path):
    """The documents (but their time of ingest) and reports of the small ACLED fixture
    ingested into a new store at ``path``, with the column names of each."""
    from trucewatch.sources import ingest_file

    with open_store(path) as fresh:
        ingest_file(fresh, "acled", _small())
        docs = fresh.conn.execute("SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY id"
                                  ).fetchall()
        names = [d[0] for d in fresh.conn.description]
        reports = fresh.conn.execute("SELECT * FROM reports ORDER BY id").fetchall()
        report_names = [d[0] for d in fresh.conn.description]
    return docs, names, reports, report_names


def _small():
    from tests.ingest.helpers import FIXTURES

    return FIXTURES / "acled" / "small.csv"


def _insert_documents_with_md5(store, docs, names):
    """``docs`` written as a store before 0006 held them: each with its MD5 beside its id."""
    for doc in docs:
        store.conn.execute(
            f"INSERT INTO documents ({', '.join(names)}, content_hash, ingested_at) "
            f"VALUES ({', '.join('?' * len(names))}, ?, now())",
            [*doc, doc[0].removeprefix("acled-") + "0" * 12])


def _assert_kept(store, docs, reports):
    """Every document and report is still there, and re-ingesting adds nothing."""
    from trucewatch.sources import ingest_file

    assert store.conn.execute("SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY id"
                              ).fetchall() == docs
    assert store.conn.execute("SELECT * FROM reports ORDER BY id").fetchall() == reports
    again = ingest_file(store, "acled", _small())
    assert (again.documents, again.reports) == (0, 0)


def test_schema_5_file_keeps_its_documents_and_ids(tmp_path):
    """0006 drops the MD5 beside each document id; a file built at schema 5 keeps every
    document and report, and re-ingesting what it holds adds nothing (the ids match)."""
    docs, names, reports, report_names = _ingested(tmp_path / "new.duckdb")
    old = tmp_path / "old.duckdb"
    with open_store(old, schema_version=5) as store:
        assert "content_hash" in {
            name for (name,) in store.conn.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'documents'").fetchall()}
        _insert_documents_with_md5(store, docs, names)
        kept = [name for (name,) in store.conn.execute(  # reports had fewer columns then
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'reports' "
            "ORDER BY ordinal_position").fetchall()]
        at = [report_names.index(name) for name in kept]
        store.conn.executemany(
            f"INSERT INTO reports ({', '.join(kept)}) VALUES ({', '.join('?' * len(kept))})",
            [[report[n] for n in at] for report in reports])
    with open_store(old) as store:
        assert store.schema_version == SCHEMA_VERSION
        _assert_kept(store, docs, reports)


def test_0006_lands_on_files_already_past_it(tmp_path, monkeypatch):
    """A file made by main's migrations before 0006 was bundled (every other one applied,
    1-5 and 7-10, documents with their MD5) gets 0006 on opening, after the higher numbers:
    the MD5 column goes, every document and report stays, and re-ingesting what it holds
    adds nothing."""
    docs, names, reports, _ = _ingested(tmp_path / "new.duckdb")
    bundled = migrations()
    path = tmp_path / "before.duckdb"
    monkeypatch.setattr("trucewatch.store.db.migrations",
                        lambda: [m for m in bundled if m[0] != 6])
    with open_store(path) as store:
        assert store.conn.execute("SELECT version FROM schema_migrations ORDER BY 1"
                                  ).fetchall() == [(v,) for v, _, _ in bundled if v != 6]
        assert store.schema_version > 6
        _insert_documents_with_md5(store, docs, names)
        store.conn.executemany(f"INSERT INTO reports VALUES ({', '.join('?' * len(reports[0]))})",
                               reports)
    monkeypatch.setattr("trucewatch.store.db.migrations", lambda: bundled)
    with open_store(path) as store:
        assert store.conn.execute("SELECT version FROM schema_migrations ORDER BY 1"
                                  ).fetchall() == [(v,) for v, _, _ in bundled]
        _assert_kept(store, docs, reports)
