"""UCDP, GDELT, generic table and text importers on small files in their real layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.helpers import FIXTURES
from trucewatch.errors import InputError, UsageError
from trucewatch.sources import ingest_file, read
from trucewatch.store import open_store


def test_ucdp_keeps_precisions_and_one_sided_perpetrator() -> None:
    first, second = (r["reports"][0] for r in read("ucdp", FIXTURES / "ucdp" / "ged.csv"))
    assert (first["country"], first["admin1"], first["target_class"], first["perpetrator"]) == (
        "UA", "UA-65", "civilian", "RU")
    assert (first["date_precision"], first["geo_precision"]) == ("day", "1")
    assert (second["country"], second["admin1"], second["perpetrator"]) == ("RU", "RU-KRS", None)
    assert (second["date_precision"], second["geo_precision"]) == ("week", "4")


@pytest.mark.parametrize("name", ["events.export.CSV", "events.export.CSV.zip"])
def test_gdelt_reads_attacks_plain_and_zipped(name: str) -> None:
    records = list(read("gdelt", FIXTURES / "gdelt" / name))
    assert [r["source_key"] for r in records] == ["gdelt:1200000001", "gdelt:1200000002"]
    attack, violation = (r["reports"][0] for r in records)
    assert (attack["country"], attack["admin1"], attack["perpetrator"],
            attack["target_class"]) == ("UA", "UA-65", "RU", "civilian")
    assert violation["reasons"]["event"] == "CAMEO 196: alleged ceasefire violation"
    assert records[0]["document"]["url"] == "https://example.org/gdelt/1"


def test_gdelt_wrong_column_count(tmp_path: Path) -> None:
    path = tmp_path / "bad.CSV"
    good = (FIXTURES / "gdelt" / "events.export.CSV").read_text(encoding="utf-8")
    path.write_text("1\t20250101\tx\n" + good, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read("gdelt", path))
    assert str(caught.value) == (f"{path}:1: expected 61 columns, found 3; "
                                 "fix the row or pass --skip-bad")
    with open_store(tmp_path / "t.duckdb") as store:
        result = ingest_file(store, "gdelt", path, skip_bad=True,
                             rejects_path=tmp_path / "rejects.csv")
    assert (result.reports, result.rejected) == (2, 1)
    assert (tmp_path / "rejects.csv").read_text(encoding="utf-8").splitlines()[1] == (
        '1,"expected 61 columns, found 3",1,20250101,x')
    assert (tmp_path / "rejects.csv").read_text(encoding="utf-8").startswith(
        "line,reason,GlobalEventID,Day,")


def test_ucdp_bad_coordinates(tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    text = (FIXTURES / "ucdp" / "ged.csv").read_text(encoding="utf-8")
    path.write_text(text.replace("46.6354", "96.6354"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read("ucdp", path))
    assert str(caught.value) == (f"{path}:2: latitude: 96.6354 is outside -90..90; "
                                 "fix the row or pass --skip-bad")


def test_table_csv_with_mapping(tmp_path: Path) -> None:
    mapping = {"date": "Date", "country": "Country", "admin1": "Region",
               "target_class": "Target", "perpetrator": "By", "claimed_by": "Claimed",
               "negated": "Denied", "outlet": "Outlet", "url": "Url"}
    records = list(read("table", FIXTURES / "table" / "incidents.csv", mapping=mapping))
    assert len(records) == 12
    report = records[5]["reports"][0]
    assert (report["admin1"], report["target_class"], report["perpetrator"],
            report["negated"]) == ("RU-KRS", "energy.oil_gas_network", "UA", True)
    with open_store(tmp_path / "t.duckdb") as store:
        assert ingest_file(store, "table", FIXTURES / "table" / "incidents.csv",
                           mapping=mapping).reports == 12


def test_table_json_and_region_names() -> None:
    mapping = {"date": "when", "country": "country", "admin1": "region",
               "target_class": "what", "perpetrator": "by", "url": "url"}
    records = list(read("table", FIXTURES / "table" / "events.json", mapping=mapping))
    assert [r["reports"][0]["admin1"] for r in records] == ["UA-65", "RU-KRS"]


def test_table_mapping_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--map needs the date column"):
        list(read("table", FIXTURES / "table" / "incidents.csv", mapping={"country": "Country"}))
    with pytest.raises(InputError) as caught:
        list(read("table", FIXTURES / "table" / "incidents.csv", mapping={"date": "When"}))
    assert "column(s) When not in the header" in str(caught.value)
    path = tmp_path / "bad.csv"
    path.write_text("Date,Target\n2025-03-20,energy.moon\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read("table", path, mapping={"date": "Date", "target_class": "Target"}))
    assert str(caught.value).startswith(f"{path}:2: Target: 'energy.moon' is not a target class")


def test_text_documents_through_the_extractor(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "d1", "published": "2025-03-28", "language": "en", "url": "https://example.org/d1",'
        ' "text": "On 27 March 2025 Russian forces shelled an energy facility in Kherson, '
        'Ukrainian officials said."}\n{"id": "d2", "text": 5}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read("text", path))
    assert str(caught.value) == (f'{path}:2: text: missing or non-string text; '
                                 'add "text": "..." to the line')
    with open_store(tmp_path / "t.duckdb") as store:
        result = ingest_file(store, "text", path, skip_bad=True)
        assert (result.documents, result.rejected) == (1, 1)
        row = store.conn.execute("SELECT admin1, target_class, perpetrator FROM reports"
                                 ).fetchone()
        assert row == ("UA-65", "energy.other", "RU")
