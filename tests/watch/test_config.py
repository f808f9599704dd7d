"""The watch file: the format of the issue is accepted as written, and every mistake is an
error naming the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from trucewatch.errors import NotFoundError, UsageError
from trucewatch.watch import load_config, parse_config

ISSUE_EXAMPLE = """\
interval: 15m               # default for sources
sources:
  - rss: https://example.org/feed.xml
    every: 5m
  - page: https://example.org/news/1
  - folder: ./drops/acled       # ingest acled files dropped here
    format: acled
alerts:
  agreements: [energy-moratorium-2025]   # default: all
  rules: [first_violation, escape_clause, new_violation, expiry]
  to:
    - jsonl: ./alerts.jsonl
    - webhook: https://hooks.example.org/x
      secret_env: TW_HOOK_SECRET
    - email: analysts@example.org
      smtp: smtp.example.org:587
"""


def test_the_issue_example_as_written(tmp_path, monkeypatch):
    monkeypatch.setenv("TW_HOOK_SECRET", "s")
    path = tmp_path / "sources.yaml"
    path.write_text(ISSUE_EXAMPLE)
    config = load_config(path)
    assert config.interval == 900 and [config.every(s) for s in config.sources] == [300, 900, 900]
    assert [s.kind for s in config.sources] == ["rss", "page", "folder"]
    assert config.sources[2].folder == tmp_path / "drops" / "acled"
    assert config.sources[2].id == f"folder:{tmp_path / 'drops' / 'acled'}#acled"
    assert [s.ingest_format for s in config.sources] == ["rss", "text", "acled"]
    assert [r.name for r in config.alerts.rules] == [
        "first_violation", "escape_clause", "new_violation", "expiry"]
    assert [s.kind for s in config.alerts.to] == ["jsonl", "webhook", "email"]
    assert config.alerts.to[0].jsonl == tmp_path / "alerts.jsonl"
    assert config.alerts.to[2].email == ["analysts@example.org"]


def test_defaults_every_rule_and_only_the_dashboard():
    config = parse_config("sources: []\n")
    assert config.interval == 900 and config.alerts.to == []
    assert len(config.alerts.rules) == 10 and config.alerts.first_run == "summary"


@pytest.mark.parametrize(("text", "message"), [
    ("sources:\n  - rss: https://a.org/f\n    evry: 5m\n",
     "w.yaml:3: sources.0.evry: is not a watch-file field; check its spelling"),
    ("sources:\n  - rss: https://a.org/f\n    folder: x\n    format: acled\n",
     "w.yaml:2: sources.0: give exactly one of rss, page or folder (found rss, folder)"),
    ("sources:\n  - folder: drops\n",
     "w.yaml:2: sources.0: a folder needs format: one of acled"),
    ("sources:\n  - folder: drops\n    format: csv\n",
     "w.yaml:2: sources.0: format 'csv' is not one of acled"),
    ("sources:\n  - rss: https://a.org/f\n    format: acled\n",
     "w.yaml:2: sources.0: format is not for rss sources"),
    ("interval: soon\nsources: []\n",
     "w.yaml:1: interval: 'soon' is not a duration such as 30s, 15m, 2h or 1d"),
    ("sources:\n  - rss: ftp://a.org/f\n",
     "w.yaml:2: sources.0.rss: String should match pattern"),
    ("sources:\n  - rss: https://a.org/f\n  - rss: https://a.org/f\n",
     "w.yaml:1: source rss:https://a.org/f is listed twice"),
    ("sources: []\nalerts:\n  rules: [first_violation, frist]\n",
     "w.yaml:3: alerts.rules.1: no alert rule 'frist'; use one of disputed, escape_clause"),
    ("sources: []\nalerts:\n  rules:\n    - expiry: {days: 3}\n",
     "w.yaml:4: alerts.rules.0: expiry options: days: Extra inputs are not permitted"),
    ("sources: []\nalerts:\n  to:\n    - webhook: https://h.org/x\n",
     "w.yaml:4: alerts.to.0: a webhook needs secret_env"),
    ("sources: []\nalerts:\n  to:\n    - webhook: https://h.org/x\n      secret_env: TW_NOT_SET\n",
     "w.yaml:4: alerts.to.0: secret_env: the environment variable TW_NOT_SET is not set"),
    ("sources: []\nalerts:\n  to:\n    - email: analysts\n      smtp: mail.org:587\n",
     "w.yaml:4: alerts.to.0.email: 'analysts' is not an e-mail address"),
    ("sources: []\nalerts:\n  to:\n    - jsonl: a.jsonl\n      smtp: mail.org:587\n",
     "w.yaml:4: alerts.to.0: smtp is for email sinks, not jsonl"),
    ("sources: []\nsources: []\n", "w.yaml:2: sources: key 'sources' appears twice"),
    ("sources: [\n", "w.yaml:2: not valid YAML"),
    ("- rss: https://a.org/f\n", "w.yaml:1: a watch file is a YAML mapping"),
])
def test_mistakes_name_the_line_and_field(text, message, monkeypatch):
    monkeypatch.delenv("TW_NOT_SET", raising=False)
    with pytest.raises(UsageError) as caught:
        parse_config(text, path="w.yaml")
    assert str(caught.value).startswith(message)


def test_a_missing_file():
    with pytest.raises(NotFoundError, match="no such watch file"):
        load_config(Path("/nonexistent/sources.yaml"))
