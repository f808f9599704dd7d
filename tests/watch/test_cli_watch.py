"""``trucewatch watch`` and ``trucewatch alerts`` in-process."""

from __future__ import annotations

import json

from trucewatch.cli import app

from .conftest import KHARKIV, SUDZHA, serve_feed


def test_check_lists_the_sources(runner, tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("interval: 10m\nsources:\n  - rss: https://example.org/feed.xml\n"
                    "  - folder: drops\n    format: ucdp\n")
    result = runner.invoke(app, ["watch", str(path), "--check"])
    assert result.exit_code == 0, result.output
    assert "rss https://example.org/feed.xml every 600 s" in result.output
    assert f"folder {tmp_path / 'drops'} every 600 s as ucdp" in result.output


def test_a_bad_watch_file_is_one_line_and_exit_2(runner, tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - rss: https://example.org/feed.xml\n    every: often\n")
    result = runner.invoke(app, ["watch", str(path), "--once"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"error: {path}:3: sources.0.every: 'often' is not a duration such as 30s, 15m, 2h or 1d")


def test_once_then_alerts(runner, tmp_path, db, site):
    feed = serve_feed(site, "/feed.xml", [KHARKIV])
    path = tmp_path / "sources.yaml"
    path.write_text(f"sources:\n  - rss: {feed}\nalerts:\n  to:\n    - stdout: text\n")
    first = runner.invoke(app, ["--db", str(db), "watch", str(path), "--once"])
    assert first.exit_code == 0, first.output
    assert "[summary] Watching from now on:" in first.stdout
    assert "round: 1 source(s) polled, 1 with news, 0 failing" in first.stderr
    serve_feed(site, "/feed.xml", [KHARKIV, SUDZHA])
    second = runner.invoke(app, ["--db", str(db), "watch", str(path), "--once", "--all"])
    assert "[first_violation] First violation by UA under RU's reading" in second.stdout
    listed = runner.invoke(app, ["--db", str(db), "alerts", "--kind", "first_violation",
                                 "--format", "json"])
    found = json.loads(listed.stdout)
    assert [a["party"] for a in found] == ["UA", "UA"]
    assert all(a["deliveries"][0]["state"] == "delivered" for a in found)
    table = runner.invoke(app, ["--db", str(db), "alerts", "--history"])
    assert table.exit_code == 0 and "summary" in table.stdout
