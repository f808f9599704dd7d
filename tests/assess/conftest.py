"""The assessment tests' store: the test agreement and the table fixture, merged and judged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.incidents.test_merge import MAPPING
from tests.ingest.helpers import FIXTURES
from trucewatch.agreements import add_agreement, load_spec
from trucewatch.assess import assess
from trucewatch.incidents import merge_incidents
from trucewatch.sources import ingest_file
from trucewatch.store import Store, open_store

__all__ = ["INCIDENTS"]

INCIDENTS = FIXTURES / "table" / "incidents.csv"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "t.duckdb") as opened:
        add_agreement(opened, load_spec(FIXTURES / "agreement.yaml"))
        ingest_file(opened, "table", INCIDENTS, mapping=MAPPING)
        merge_incidents(opened)
        assess(opened)
        yield opened
