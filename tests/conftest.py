"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from typer.testing import CliRunner

from trucewatch.accounts import passwords

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FLAGSHIP = REPO / "examples" / "energy-moratorium-2025"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database path in a fresh temporary folder (the file does not exist yet)."""
    return tmp_path / "test.duckdb"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def flagship_spec() -> Path:
    return FLAGSHIP / "agreement.yaml"


@pytest.fixture
def shared_corpus() -> Path:
    """The shared labeled corpus folder; tests using it skip when it is absent."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"shared corpus not found at {corpus}")
    return corpus


@pytest.fixture(autouse=True)
def quick_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id hashes with the smallest cost, so that tests making accounts stay fast."""
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(passwords, "_hasher", lambda: hasher)
    monkeypatch.setattr(passwords, "stand_in_hash", lambda: hasher.hash("stand-in"))
