"""Real public dataset files (``/work/realdata``, see its MANIFEST.md; they stay outside the
repository): each ingests with no traceback and every row accounted for, and the region
coordinates give matches the region rows name. Skipped when the folder is absent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from trucewatch.sources import ingest_file
from trucewatch.store import open_store

REAL = Path("/work/realdata")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not REAL.is_dir(), reason=f"no real data folder at {REAL}")]
sys.path.insert(0, str(REPO / "benchmarks"))
realdata_files = pytest.importorskip("realdata_files")

#: The workbook takes most of a minute to read; the benchmark covers it.
FILES = [item for item in realdata_files.FILES if not item[0].endswith(".xlsx")]


@pytest.mark.parametrize(("name", "fmt", "options"), FILES, ids=[f[0] for f in FILES])
def test_real_file_ingests_with_every_row_accounted_for(tmp_path: Path, name: str, fmt: str,
                                                         options: dict) -> None:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with open_store(tmp_path / "t.duckdb") as store:
        result = ingest_file(store, fmt, path, skip_bad=True,
                             rejects_path=tmp_path / "rejects.csv", **options)
    assert result.rows == result.records + sum(result.skipped.values()) + result.rejected
    assert result.documents == result.records - result.duplicates
    assert result.rejected <= result.rows * 0.01
    if fmt != "gdelt":
        assert result.date_format


def test_regions_from_coordinates_match_the_named_regions() -> None:
    figures = realdata_files.region_accuracy(REAL, skip=(".xlsx",))
    checked = sum(item["checked"] for item in figures)
    right = sum(item["right"] for item in figures)
    assert checked > 15_000
    assert right / checked >= 0.95
