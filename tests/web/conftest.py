from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

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
