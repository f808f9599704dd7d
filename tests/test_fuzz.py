"""Property-based tests over hostile input: every importer, the spec loader and the
extractor's entry point. Random bytes, truncated files and mutated copies of the fixture
files (byte flips, stray quotes, NULs and line breaks, shuffled and repeated lines, odd
values) must end in a result whose rows add up, or in a TrucewatchError; never another
exception, and never a partial write. ``HYPOTHESIS_PROFILE=long`` runs many more examples.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.helpers import FIXTURES
from trucewatch.agreements.spec import parse_spec
from trucewatch.errors import TrucewatchError
from trucewatch.sources import ingest_file
from trucewatch.store import open_store
from trucewatch.text import extract

settings.register_profile("default", max_examples=20, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

LAYOUTS = FIXTURES / "layouts"
#: (format, fixture file, reader options) for every importer and the layouts each reads.
INPUTS: list[tuple[str, Path, dict[str, Any]]] = [
    ("acled", FIXTURES / "acled" / "small.csv", {}),
    ("acled", LAYOUTS / "acled_2016_api.csv", {}),
    ("acled", LAYOUTS / "acled_2015_upper.cp1252.csv", {}),
    ("acled", LAYOUTS / "acled_r_export_na.csv", {}),
    ("ucdp", FIXTURES / "ucdp" / "ged.csv", {}),
    ("ucdp", LAYOUTS / "ucdp_hdx.csv", {}),
    ("ucdp", LAYOUTS / "ucdp_us_dates.cp1252.csv", {}),
    ("gdelt", FIXTURES / "gdelt" / "events.export.CSV", {}),
    ("table", LAYOUTS / "civharm.csv", {"mapping": {
        "date": "Date", "lat": "lat", "lon": "lon", "country": "country", "admin1": "province",
        "place": "town/city", "text": "brief description", "id": "entry"}}),
    ("table", LAYOUTS / "civharm.json", {"mapping": {
        "date": "date", "lat": "latitude", "lon": "longitude", "place": "location",
        "text": "description", "id": "id"}}),
    ("table", FIXTURES / "table" / "incidents.csv", {"mapping": {
        "date": "Date", "country": "Country", "admin1": "Region", "target_class": "Target",
        "perpetrator": "By"}}),
    ("rss", FIXTURES / "rss" / "news-uk.xml", {}),
    ("text", LAYOUTS / "news.jsonl", {}),
]
_TABLES = ("documents", "reports", "ingested_files")
_STRAY = [b'"', b"\x00", b"\n", b"\r\n", b",", b"\t", b"\xff", b"\xd0", b"=1+1", b"NA",
          b"-999.9", b"31/02/2025", b"\xef\xbb\xbf", b"\\"]


@pytest.fixture(scope="module")
def store() -> Iterator[Any]:
    folder = Path(tempfile.mkdtemp(prefix="tw-fuzz-"))
    with open_store(folder / "fuzz.duckdb") as opened:
        yield opened
    shutil.rmtree(folder, ignore_errors=True)


def _counts(store: Any) -> tuple[int, ...]:
    return tuple(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in _TABLES)


def _mutate(data: bytes, seed: int, steps: int) -> bytes:
    """``data`` after ``steps`` random edits: flips, truncations, stray bytes, lines shuffled,
    repeated or dropped."""
    rng = random.Random(seed)
    for _ in range(steps):
        kind = rng.randrange(6)
        at = rng.randrange(len(data) + 1)
        if kind == 0 and data:
            flipped = data[min(at, len(data) - 1)] ^ (1 << rng.randrange(8))
            data = data[:at] + bytes([flipped]) + data[at + 1:]
        elif kind == 1:
            data = data[:at]
        elif kind == 2:
            data = data[:at] + rng.choice(_STRAY) + data[at:]
        else:
            lines = data.split(b"\n")
            if kind == 3:
                rng.shuffle(lines)
            elif kind == 4 and lines:
                lines.insert(rng.randrange(len(lines) + 1), rng.choice(lines))
            elif lines:
                del lines[rng.randrange(len(lines))]
            data = b"\n".join(lines)
    return data


def _ingest_survives(store: Any, fmt: str, path: Path, options: dict[str, Any],
                     skip_bad: bool) -> None:
    before = _counts(store)
    try:
        result = ingest_file(store, fmt, path, skip_bad=skip_bad,
                             rejects_path=path.with_suffix(".rejects.csv"), **options)
    except TrucewatchError:
        assert _counts(store) == before, "a refused file left rows behind"
        return
    if not result.skipped_unchanged:
        assert result.rows == result.records + sum(result.skipped.values()) + result.rejected
        assert result.documents <= result.records - result.duplicates
        assert _counts(store)[2] == before[2] + 1


def _write(data: bytes, suffix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="tw-fuzz-file-"))
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("fmt", "fixture", "options"), INPUTS,
                         ids=[f"{f}-{p.name}" for f, p, _ in INPUTS])
@given(seed=st.integers(0, 2**32), steps=st.integers(1, 6), skip_bad=st.booleans())
def test_mutated_files_are_read_or_refused(store: Any, fmt: str, fixture: Path,
                                           options: dict[str, Any], seed: int, steps: int,
                                           skip_bad: bool) -> None:
    path = _write(_mutate(fixture.read_bytes(), seed, steps), fixture.suffix)
    try:
        _ingest_survives(store, fmt, path, options, skip_bad)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)


#: One input per importer and layout family, for random bytes and truncations.
SOME = [INPUTS[i] for i in (0, 3, 6, 7, 8, 9, 10, 11, 12)]


@pytest.mark.parametrize(("fmt", "fixture", "options"), SOME,
                         ids=[f"{f}-{p.name}" for f, p, _ in SOME])
@given(data=st.binary(max_size=3000), cut=st.floats(0, 1), skip_bad=st.booleans())
def test_random_bytes_and_truncated_files(store: Any, fmt: str, fixture: Path,
                                          options: dict[str, Any], data: bytes, cut: float,
                                          skip_bad: bool) -> None:
    whole = fixture.read_bytes()
    for sample in (data, whole[: int(len(whole) * cut)]):
        path = _write(sample, fixture.suffix)
        try:
            _ingest_survives(store, fmt, path, options, skip_bad)
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)


@given(data=st.binary(max_size=3000))
def test_random_workbooks_are_refused_cleanly(store: Any, data: bytes) -> None:
    path = _write(b"PK\x03\x04" + data, ".xlsx")
    try:
        _ingest_survives(store, "acled", path, {}, True)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)


SPEC = (FIXTURES / "agreement.yaml").read_text(encoding="utf-8")


@given(seed=st.integers(0, 2**32), steps=st.integers(1, 6))
def test_spec_loader_on_mutated_specs(seed: int, steps: int) -> None:
    text = _mutate(SPEC.encode("utf-8"), seed, steps).decode("utf-8", "replace")
    with contextlib.suppress(TrucewatchError):
        parse_spec(text)


@given(text=st.text(max_size=2000))
def test_spec_loader_on_any_text(text: str) -> None:
    with contextlib.suppress(TrucewatchError):
        parse_spec(text)


@given(text=st.text(max_size=600), language=st.sampled_from([None, "en", "uk", "ru"]),
       published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1))))
def test_extractor_entry_point_on_any_text(text: str, language: str | None,
                                            published: dt.date | None) -> None:
    for report in extract(text, published, language):
        assert report.target_class
