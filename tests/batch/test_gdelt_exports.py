"""GDELT at scale: a folder of zipped exports is one input, and only attacks in the
agreement's parties' countries are kept, as each block is parsed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pyarrow as pa
import pytest
from benchmarks.gdelt_scale import generate

from tests.batch.conftest import read_output
from tests.conftest import FLAGSHIP
from trucewatch.agreements import load_spec
from trucewatch.batch import DuckDBEngine, run_batch
from trucewatch.errors import InputError
from trucewatch.sources.gdelt import COLUMNS
from trucewatch.sources.gdelt_map import export_files, fips_codes, read_export


def _rows(path: Path) -> list[list[str]]:
    with zipfile.ZipFile(path) as archive:
        text = archive.read(archive.namelist()[0]).decode("utf-8")
    return [line.split("\t") for line in text.splitlines()]


def test_the_filter_keeps_the_parties_attacks_and_nothing_else(tmp_path: Path) -> None:
    files = generate(tmp_path / "exports", 3_000, 3)
    assert export_files([tmp_path / "exports"]) == [str(f) for f in files]
    fips = fips_codes(["UA"])
    assert fips == ["UP"]
    kept = pa.Table.from_batches(
        [b for f in files for b in read_export(str(f), io.BytesIO(f.read_bytes()), fips)])
    rows = [r for f in files for r in _rows(f)]
    expected = [r[0] for r in rows if r[COLUMNS.index("ActionGeo_CountryCode")] == "UP"
                and (r[COLUMNS.index("EventRootCode")] in ("18", "19", "20")
                     or r[COLUMNS.index("EventCode")] == "196")]
    assert sorted(kept.column("GlobalEventID").to_pylist()) == sorted(expected)
    assert 0 < len(expected) < len(rows) / 4


def test_parties_decide_the_countries(tmp_path: Path) -> None:
    """The flagship's parties are RU and UA: a spec naming other parties keeps other rows."""
    generate(tmp_path / "exports", 2_000, 2)
    flagship = load_spec(FLAGSHIP / "agreement.yaml")
    other = flagship.model_copy(update={"parties": ["US"]})
    countries = {}
    for name, agreement in (("flagship", flagship), ("other", other)):
        duck = DuckDBEngine(tmp_path)
        try:
            run_batch(duck, agreement, "gdelt", [tmp_path / "exports"], tmp_path / name)
        finally:
            duck.close()
        countries[name] = {row["country"] for row in read_output(tmp_path / name, "reports")}
    assert countries == {"flagship": {"RU", "UA"}, "other": {"US"}}


def test_a_broken_export_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "20250101.export.CSV.zip"
    broken.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a readable zip file") as caught:
        list(read_export(str(broken), io.BytesIO(broken.read_bytes()), ["UP"]))
    assert caught.value.path == str(broken)
