from __future__ import annotations

from pathlib import Path

import pytest

from ..web.seed import seed_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return seed_store(tmp_path / "report.duckdb")
