"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from typer.testing import CliRunner

from trucewatch.accounts import passwords

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FLAGSHIP = REPO / "examples" / "energy-moratorium-2025"
#: The Java versions Spark 4 runs on.
SPARK_JAVA = (17, 21)


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


def _java_version() -> tuple[str, int | None]:
    """The java Spark would start (under ``JAVA_HOME``, else on the PATH) and its major
    version (None when there is none, or it does not say)."""
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if java is None:
        return "no java on the PATH", None
    if not Path(java).is_file():
        return f"no {java} (JAVA_HOME)", None
    said = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    found = re.search(r'version "(\d+)', said.stderr + said.stdout)
    return java, int(found[1]) if found else None


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """A real Spark session, ``local[2]``, one per test module; the module's Spark tests skip
    when no Java Spark runs on is found (``make test`` installs one: .ci/install-java.sh)."""
    java, major = _java_version()
    if major is None or major < SPARK_JAVA[0]:
        pytest.skip(f"Spark needs Java {' or '.join(map(str, SPARK_JAVA))}; found {java}"
                    f"{f' (Java {major})' if major else ''}: run `make java` "
                    "(bash .ci/install-java.sh)")
    from trucewatch.batch import spark_session

    session = spark_session("local[2]", app="trucewatch tests")
    yield session
    session.stop()
