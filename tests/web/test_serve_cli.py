"""``trucewatch serve``: binds to 127.0.0.1 unless told otherwise; refuses a missing store."""

from __future__ import annotations

import uvicorn

from trucewatch.cli import app


def test_serve_binds_to_localhost_by_default(db, runner, monkeypatch):
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **options: calls.append(options))
    result = runner.invoke(app, ["--db", str(db), "serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "dashboard on http://127.0.0.1:8123/" in result.output
    assert calls == [{"host": "127.0.0.1", "port": 8123, "log_level": "warning"}]


def test_serve_elsewhere_only_when_asked(db, runner, monkeypatch):
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **options: calls.append(options))
    result = runner.invoke(app, ["--db", str(db), "serve", "--host", "0.0.0.0"])
    assert result.exit_code == 0
    assert calls[0]["host"] == "0.0.0.0"


def test_serve_refuses_a_missing_database(tmp_path, runner):
    result = runner.invoke(app, ["--db", str(tmp_path / "none.duckdb"), "serve"])
    assert result.exit_code == 6
    assert "no trucewatch database here" in result.output
