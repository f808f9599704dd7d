"""A store holding the watch tests' agreement and strike reports ingested from text documents,
and a helper to evaluate the alert rules at a chosen time."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.watch.conftest import (  # noqa: F401  (hook, smtp, tls_files: real servers, shared)
    AGREEMENT,
    KHARKIV,
    ODESA,
    SUDZHA,
    hook,
    smtp,
    tls_files,
)
from trucewatch.agreements import add_agreement, load_spec
from trucewatch.alerts import AlertsConfig, Evaluation, evaluate
from trucewatch.store import Store, open_store
from trucewatch.workflow import ingest

NOW = dt.datetime(2025, 4, 10, 12, 0, tzinfo=dt.UTC)


def write_documents(path: Path, entries: list) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for entry in entries:
            stream.write(json.dumps({"id": entry.id, "text": f"{entry.title}\n\n{entry.text}",
                                     "published": entry.published[:10],
                                     "language": "en"}) + "\n")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "alerts.duckdb") as opened:
        add_agreement(opened, load_spec(AGREEMENT), source_path=AGREEMENT)
        yield opened


def add_strikes(store: Store, folder: Path, entries: list, name: str = "docs.jsonl") -> None:
    ingest(store, "text", [write_documents(folder / name, entries)])


@pytest.fixture
def strikes(store: Store, tmp_path: Path) -> Store:
    """The store with three strikes: RU in Kharkiv on 20 March, UA in Kursk on 28 March, RU in
    Odesa on 30 March."""
    add_strikes(store, tmp_path, [KHARKIV, SUDZHA, ODESA])
    return store


Evaluate = Callable[..., Evaluation]


@pytest.fixture
def run(store: Store) -> Evaluate:
    """``run(rules, now=NOW, first_run="alerts", **config)``: one evaluation."""

    def evaluate_once(rules: list | None = None, *, now: dt.datetime = NOW,
                      first_run: str = "alerts", sinks: list[str] | None = None,
                      sources: list[dict] | None = None, **config: object) -> Evaluation:
        fields: dict[str, object] = {"first_run": first_run, **config}
        if rules is not None:
            fields["rules"] = rules
        return evaluate(store, AlertsConfig.model_validate(fields), now=now,
                        sinks=sinks or [], sources=sources)

    return evaluate_once
