from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from trucewatch.web import create_app

from .seed import seed_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return seed_store(tmp_path / "web.duckdb")


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as test_client:
        yield test_client
