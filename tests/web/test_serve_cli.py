"""``trucewatch serve`` owns its database: commands from other shells go through it, a second
writer waits instead of failing, ``demo`` will not delete it, and it refuses what it cannot
do safely (the network without accounts, a busy port) with one line.

The server runs as its own process, as a user runs it: DuckDB lets one process open the file.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from trucewatch.cli import app
from trucewatch.store import open_store
from trucewatch.store.owner import find_server, server_file

from ..conftest import FLAGSHIP
from .seed import seed_store

#: The installed command, run as a user runs it.
TRUCEWATCH = [str(Path(sys.executable).with_name("trucewatch"))]


def _cli(*args: str, db: Path, stdin: str | None = None, timeout: float = 120
         ) -> subprocess.CompletedProcess[str]:
    """A trucewatch command in a process of its own, as from another shell."""
    return subprocess.run([*TRUCEWATCH, "--db", str(db), *args], capture_output=True,
                          text=True, input=stdin, timeout=timeout, cwd=db.parent)


class Served:
    """A ``trucewatch serve --port 0`` process and the URL it printed."""

    def __init__(self, db: Path, *args: str) -> None:
        self.db = db
        self.process = subprocess.Popen(
            [*TRUCEWATCH, "--db", str(db), "serve", "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=db.parent)
        first = self.process.stdout.readline()
        if not first.startswith("dashboard on "):
            self.process.kill()
            pytest.fail(f"serve did not start: {first}{self.process.stderr.read()}")
        self.url = first.split()[2]
        for _ in range(200):  # the file is written before the line; uvicorn may still start
            try:
                httpx.get(self.url + "login", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)

    def stop(self) -> int:
        self.process.terminate()
        code = self.process.wait(timeout=60)
        self.process.stdout.close()
        self.process.stderr.close()
        return code


@pytest.fixture
def served(db: Path) -> Iterator[Served]:
    server = Served(db)
    yield server
    if server.process.poll() is None:
        server.stop()


def test_serve_listens_on_localhost_and_owns_the_database(served, db):
    assert served.url.startswith("http://127.0.0.1:")
    info = find_server(db)
    assert info is not None and info.pid == served.process.pid
    assert info.url == served.url
    assert oct(server_file(db).stat().st_mode & 0o777) == "0o600"
    assert httpx.get(served.url + "api/agreements").status_code == 200
    assert served.stop() == 0
    assert not server_file(db).exists()


def test_commands_from_another_shell_go_through_the_server(served, db, tmp_path):
    status = _cli("status", "--format", "json", db=db)
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["counts"]["incidents"] == 7

    added = _cli("agreement", "add", str(FLAGSHIP / "agreement.yaml"), db=db)
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip().endswith("energy-moratorium-2025 version 1 added")

    ingested = _cli("ingest", "acled", str(FLAGSHIP / "inputs" / "acled.csv"), db=db)
    assert ingested.returncode == 0, ingested.stderr
    assert "20 rows read, 20 new documents, 20 new reports" in ingested.stdout
    assert "Could not set lock" not in ingested.stderr

    # the dashboard shows what came in, and the audit log names who sent it
    listed = httpx.get(served.url + "api/incidents",
                       params={"agreement": "energy-moratorium-2025"}).json()
    assert listed["total"] > 0
    shown = _cli("incidents", "--agreement", "energy-moratorium-2025", "--format", "json",
                 db=db)
    assert len(json.loads(shown.stdout)) == listed["total"]
    served.stop()
    with open_store(db) as store:
        actions = store.conn.execute(
            "SELECT action, actor FROM audit_log WHERE action IN ('add', 'ingest')").fetchall()
    assert {action for action, _ in actions} == {"add", "ingest"}
    assert all(actor for _, actor in actions)


def test_errors_come_back_as_the_command_s_own(served, db):
    missing = _cli("explain", "inc-nope", db=db)
    assert missing.returncode == 6
    assert missing.stderr.strip() == ("error: no incident 'inc-nope'; list them with "
                                      "`trucewatch incidents`")
    unknown = _cli("incidents", "--reading", "ZZ", db=db)
    assert unknown.returncode == 6
    assert "no reading 'ZZ'; known: RU, UA" in unknown.stderr


def test_a_second_writer_waits_and_says_so(db):
    holder = open_store(db)  # this process holds the file, like a long ingest in another shell
    waiting = subprocess.Popen([*TRUCEWATCH, "--db", str(db), "status", "--format", "json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        line = ""
        while "waiting" not in line and time.monotonic() < deadline:
            line = waiting.stderr.readline()
        assert f"waiting: process {os.getpid()} has {db} open" in line
        assert waiting.poll() is None
    finally:
        holder.close()
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert json.loads(out)["counts"]["incidents"] == 7


def test_demo_refuses_to_delete_a_database_in_use(tmp_path):
    workspace = tmp_path / "ws"
    workspace.mkdir()
    db = workspace / "trucewatch.duckdb"
    seed_store(db)
    server = Served(db)
    try:
        result = subprocess.run([*TRUCEWATCH, "demo", "--workspace", str(workspace)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 5
        assert "is using this database; refusing to delete it for a fresh demo" in result.stderr
        assert httpx.get(server.url + "api/incidents").json()["total"] == 7
    finally:
        server.stop()


def test_the_network_only_with_accounts(db, runner):
    result = runner.invoke(app, ["--db", str(db), "serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "error: the dashboard has no accounts, so it listens only on this machine, not on "
        "0.0.0.0; add one first: trucewatch users add NAME --role admin")


def test_a_busy_port_is_named_and_nothing_claims_to_serve(db, runner):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["--db", str(db), "serve", "--port", str(port)])
    assert result.exit_code == 2
    assert "dashboard on" not in result.output
    assert result.output.strip() == (
        f"error: port {port} on 127.0.0.1 is in use by another program; stop it, or choose "
        "another port with --port (--port 0 picks a free one)")
    assert not server_file(db).exists()


def test_serve_refuses_a_missing_database(tmp_path, runner):
    result = runner.invoke(app, ["--db", str(tmp_path / "none.duckdb"), "serve"])
    assert result.exit_code == 6
    assert "no trucewatch database here" in result.output


def test_a_stale_server_file_is_ignored(db, runner):
    server_file(db).write_text(json.dumps({"url": "http://127.0.0.1:9/", "token": "t",
                                           "pid": 2**22 + 7, "db": str(db),
                                           "started_at": "2025-01-01T00:00:00+00:00"}))
    result = runner.invoke(app, ["--db", str(db), "status", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["counts"]["incidents"] == 7
