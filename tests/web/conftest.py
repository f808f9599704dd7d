from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from trucewatch.accounts import add_user
from trucewatch.store import open_store
from trucewatch.web import create_app

from .seed import MANY, seed_many, seed_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return seed_store(tmp_path / "web.duckdb")


@pytest.fixture(scope="module")
def many_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store past the map's point limit (read only: tests must not change it)."""
    return seed_many(tmp_path_factory.mktemp("many") / "many.duckdb", MANY)


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


PASSWORD = "correct horse battery"
#: One account per role: name -> role.
TEAM = {"vera": "viewer", "ana": "analyst", "ed": "editor", "ada": "admin"}


@pytest.fixture
def team_db(db: Path) -> Path:
    """The test store with one account per role (password PASSWORD)."""
    with open_store(db) as store:
        for name, role in TEAM.items():
            add_user(store, name, role, PASSWORD)
    return db


@pytest.fixture
def team_client(team_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(team_db), base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


def log_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log ``client`` in as ``name``; the session's CSRF token."""
    response = client.post("/api/session", json={"username": name, "password": password})
    assert response.status_code == 200, response.text
    return response.json()["csrf"]
