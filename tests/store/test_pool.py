"""The read pool: cursors reused, at most ``size`` reads at once, a thread never waits for
itself."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from trucewatch.store import open_store
from trucewatch.store.pool import ReadPool


def test_at_most_size_reads_run_at_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        pool = ReadPool(store, size=2)
        inside, most, entered, lock = [0], [0], [0], threading.Lock()
        release = threading.Event()
        two_in = threading.Barrier(3)  # two readers inside, and this test

        def read() -> None:
            with pool.store() as borrowed:
                borrowed.conn.execute("SELECT 1").fetchall()
                with lock:
                    inside[0] += 1
                    entered[0] += 1
                    most[0] = max(most[0], inside[0])
                    first_two = entered[0] <= 2
                if first_two:
                    two_in.wait(timeout=30)
                release.wait(timeout=30)
                with lock:
                    inside[0] -= 1

        threads = [threading.Thread(target=read) for _ in range(5)]
        for thread in threads:
            thread.start()
        two_in.wait(timeout=30)  # two are reading now; the other three must be waiting
        assert inside[0] == 2
        release.set()
        for thread in threads:
            thread.join(timeout=30)
        assert most[0] == 2 and inside[0] == 0
        pool.close()


def test_a_thread_that_reads_may_borrow_again(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        pool = ReadPool(store, size=1)
        with pool.store() as outer, pool.store() as inner:  # would wait forever if counted
            assert outer.conn is not inner.conn
        with pool.store() as again:  # the turn was given back
            assert again.conn.execute("SELECT 2").fetchone() == (2,)
        pool.close()


def test_a_cursor_that_failed_is_not_handed_on(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        pool = ReadPool(store, size=1)
        with pytest.raises(duckdb.Error), pool.store() as broken:
            failed = broken.conn
            failed.execute("SELECT * FROM no_such_table")
        with pool.store() as next_one:
            assert next_one.conn is not failed
        pool.close()
