"""Real layouts of exports, written as small fixture files: older ACLED layouts, R's NA
exports, UCDP GED from HDX (HXL row, reordered columns, US dates, Windows-1252), civilian-harm
tables and JSON, workbooks (also damaged ones), and the accounting of every row."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.ingest.helpers import FIXTURES
from trucewatch.errors import InputError
from trucewatch.sources import ingest_file, read
from trucewatch.sources.base import ReadNotes
from trucewatch.store import open_store

LAYOUTS = FIXTURES / "layouts"
CIVHARM_MAP = {"date": "Date", "lat": "lat", "lon": "lon", "country": "country",
               "admin1": "province", "place": "town/city", "text": "brief description",
               "id": "entry"}


def _reasons(report: dict) -> dict:
    reasons = report["reasons"]
    return json.loads(reasons) if isinstance(reasons, str) else reasons


def _read(fmt: str, path: Path, **options: object) -> tuple[list[dict], ReadNotes, list]:
    notes, bad = ReadNotes(), []
    records = list(read(fmt, path, notes=notes, on_bad=lambda e, r: bad.append(str(e)),
                        **options))
    return records, notes, bad


def test_acled_2016_api_layout_alphabetical_with_index_and_old_names() -> None:
    records, notes, bad = _read("acled", LAYOUTS / "acled_2016_api.csv")
    assert bad == []
    assert [r["source_key"] for r in records] == ["acled:9001RTA", "acled:9004RTA"]
    assert dict(notes.skipped) == {"not an attack: Riots/Protests": 1,
                                   "not an attack: Battle-No change of territory": 1}
    assert (notes.encoding, notes.date_format) == ("utf-8", "YYYY-MM-DD")
    somalia, libya = (r["reports"][0] for r in records)
    assert (somalia["country"], somalia["admin1"]) == ("SO", "SO-BN")
    assert (libya["country"], libya["admin1"]) == ("LY", "LY-BA")
    assert records[0]["document"]["text"].endswith("Two passengers were killed.")


def test_acled_2015_uppercase_crlf_windows_1252() -> None:
    records, notes, bad = _read("acled", LAYOUTS / "acled_2015_upper.cp1252.csv")
    assert bad == []
    assert (notes.encoding, notes.date_format) == ("cp1252", "DD-Month-YYYY")
    assert [(str(r["reports"][0]["event_date"]), r["reports"][0]["admin1"]) for r in records] == [
        ("2015-01-03", "IN-MN"), ("2015-02-17", "PK-KP")]
    assert "caf\u00e9 owner\u2019s" in records[1]["document"]["text"]
    assert notes.skipped == {"not an attack: Riots/Protests": 1}


def test_acled_r_export_na_day_first_dates_and_coordinates_for_a_missing_region() -> None:
    records, notes, _ = _read("acled", LAYOUTS / "acled_r_export_na.csv")
    assert notes.date_format == "DD/MM/YYYY HH:MM:SS (day first)"
    mine, camp = (r["reports"][0] for r in records)
    assert (str(mine["event_date"]), mine["admin1"]) == ("2020-08-14", "BJ-AL")
    assert mine["target_class"] != "energy.other"  # a landmine is no coal mine
    assert camp["admin1"] == "BJ-AL"  # admin1 NA: Banikoara's coordinates lie in Alibori
    assert _reasons(camp)["admin1"].startswith("coordinates inside the outline")
    assert camp["target_class"] == "energy.other"  # a coal mine is
    assert "NA" not in (mine["place"], mine["geo_precision"], mine["weapon"])


def test_date_format_override_and_a_wrong_one(tmp_path: Path) -> None:
    records, notes, _ = _read("acled", LAYOUTS / "acled_r_export_na.csv",
                              date_format="%m/%d/%Y %H:%M:%S")
    assert notes.date_format == "%m/%d/%Y %H:%M:%S (given by --date-format)"
    assert [str(r["reports"][0]["event_date"]) for r in records] == ["2020-02-10"]  # 02/10


def test_ucdp_hdx_tags_reordered_columns_sides_and_headlines() -> None:
    records, notes, bad = _read("ucdp", LAYOUTS / "ucdp_hdx.csv")
    assert bad == [] and len(records) == 3  # the HXL tag row is no event
    assert notes.date_format == "YYYY-MM-DD HH:MM:SS.fff"
    shelled, unsaid, one_sided = (r["reports"][0] for r in records)
    assert (shelled["perpetrator"], shelled["admin1"]) == ("UA", "UA-14")
    assert _reasons(shelled)["perpetrator"].startswith("headline: 'Ukrainian troops")
    assert unsaid["perpetrator"] is None and unsaid["target_class"] == "unknown"
    reasons = _reasons(unsaid)
    assert reasons["perpetrator"] == "GED names the sides, not who struck; no headline says"
    assert "no headline says what was hit" in reasons["target_class"]
    assert unsaid["admin1"] == "UA-09"  # no adm_1: from the coordinates
    assert (unsaid["date_precision"], records[1]["source_key"]) == ("week", "ucdp:800002")
    assert (one_sided["perpetrator"], one_sided["target_class"]) == ("RU", "civilian")
    assert records[0]["document"]["outlet"] == "Test Wire"


def test_ucdp_us_dates_in_windows_1252_read_the_same() -> None:
    plain = [r["reports"][0] for r in _read("ucdp", LAYOUTS / "ucdp_hdx.csv")[0]]
    records, notes, bad = _read("ucdp", LAYOUTS / "ucdp_us_dates.cp1252.csv")
    assert bad == []
    assert (notes.encoding, notes.date_format) == (
        "cp1252", "MM/DD/YYYY hh:MM:SS AM (month first)")
    assert [(r["reports"][0]["event_date"], r["reports"][0]["admin1"],
             r["reports"][0]["perpetrator"]) for r in records] == [
        (p["event_date"], p["admin1"], p["perpetrator"]) for p in plain]


def test_civilian_harm_table_places_from_every_clue() -> None:
    records, notes, bad = _read("table", LAYOUTS / "civharm.csv", mapping=CIVHARM_MAP)
    assert bad == []
    assert (notes.encoding, notes.date_format) == ("utf-8-sig", "MM/DD/YYYY (month first)")
    assert [(r["reports"][0]["country"], r["reports"][0]["admin1"]) for r in records] == [
        ("UA", "UA-65"), ("UA", "UA-23"), ("UA", "UA-23"), ("UA", "UA-23"), ("UA", "UA-63"),
        ("UA", "UA-63")]
    assert _reasons(records[5]["reports"][0])["admin1"] == (
        "place text 'Chuhuiv, south of Kharkiv'")


def test_json_table_list_values_and_coordinates_as_text() -> None:
    mapping = {"date": "date", "lat": "latitude", "lon": "longitude", "place": "location",
               "text": "description", "id": "id", "outlet": "sources"}
    records, notes, bad = _read("table", LAYOUTS / "civharm.json", mapping=mapping)
    assert bad == [] and notes.date_format == "MM/DD/YYYY (month first)"
    first, second = records
    assert first["document"]["outlet"] == "src_a; src_b"  # not "['src_a', 'src_b']"
    assert (first["reports"][0]["lat"], first["reports"][0]["admin1"]) == (49.85005, "UA-63")
    assert str(second["reports"][0]["event_date"]) == "2022-03-01"


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _damage(path: Path) -> Path:
    """The workbook with a relationship to a drawing that is missing and a wrong dimension,
    as a spreadsheet saved by another tool may have them."""
    damaged = path.with_name("damaged.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = text.replace("</worksheet>", '<drawing r:id="rId9"/></worksheet>')
                text = text.replace("<worksheet ", '<worksheet xmlns:r="http://schemas.'
                                    'openxmlformats.org/officeDocument/2006/relationships" ', 1)
                start = text.find("<dimension ref=\"")
                end = text.find("/>", start)
                data = (text[:start] + '<dimension ref="A1"' + text[end:]).encode()
            target.writestr(item, data)
        target.writestr("xl/worksheets/_rels/sheet1.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" '
            'Target="../drawings/drawing1.xml"/></Relationships>'))
    return damaged


def test_acled_workbook_even_a_damaged_one(tmp_path: Path) -> None:
    import datetime as dt

    from openpyxl import load_workbook

    header = ["ISO", "EVENT_ID_CNTY", "EVENT_DATE", "EVENT_TYPE", "SUB_EVENT_TYPE", "COUNTRY",
              "ADMIN1", "LOCATION", "LATITUDE", "LONGITUDE", "SOURCE", "NOTES", "FATALITIES"]
    rows = [header,
            [840, "USA9001", dt.datetime(2020, 5, 24), "Violence against civilians", "Attack",
             "United States", "Minnesota", "Minneapolis", 44.98, -93.2638, "Test Tribune",
             "A man fired shots at a parked car.", 0],
            [840, "USA9002", dt.datetime(2020, 5, 25), "Protests", "Peaceful protest",
             "United States", "Texas", "Austin", 30.2672, -97.7431, "Test Tribune",
             "People gathered downtown.", 0]]
    damaged = _damage(_workbook(tmp_path / "acled.xlsx", rows))
    with pytest.raises(KeyError):
        load_workbook(damaged)  # what a plain load of such a file does
    records, notes, bad = _read("acled", damaged)
    assert bad == [] and notes.encoding is None
    assert [(r["source_key"], str(r["reports"][0]["event_date"]), r["reports"][0]["admin1"])
            for r in records] == [("acl" "ed:USA9001", "2020-05-24", "US-MN")]
    assert notes.skipped == {"not an attack: Protests": 1}


def test_not_a_workbook_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is no workbook")
    with pytest.raises(InputError, match=r"broken\.xlsx: not a readable Excel workbook"):
        list(read("acled", path))


def test_undecidable_encoding_names_the_option(tmp_path: Path) -> None:
    path = tmp_path / "noise.csv"
    path.write_bytes(b"event_id_cnty,event_date\n" + bytes(range(256)) * 4)
    with pytest.raises(InputError) as caught:
        list(read("acled", path))
    assert str(caught.value).startswith(f"{path}: ")
    assert "--encoding" in str(caught.value)


def test_every_row_accounted_for_duplicates_and_rejects(tmp_path: Path) -> None:
    source = (LAYOUTS / "acled_r_export_na.csv").read_text(encoding="utf-8").splitlines()
    header, mine, protest, camp = source
    edited = camp.replace("Gunmen attacked", "Gunmen raided")  # same id and timestamp
    broken = mine.replace("BEN9001", "BEN9004").replace("12.0667", "99.5")
    path = tmp_path / "mixed.csv"
    path.write_text("\n".join([header, mine, mine, protest, camp, edited, broken]) + "\n",
                    encoding="utf-8")
    with open_store(tmp_path / "t.duckdb") as store:
        result = ingest_file(store, "acled", path, skip_bad=True)
        assert (result.rows, result.records, result.documents, result.duplicates,
                result.rejected) == (6, 4, 2, 2, 1)
        assert result.skipped == {"not an attack: Protests": 1}
        assert result.rows == (result.records + sum(result.skipped.values()) + result.rejected)
        texts = [row[0] for row in store.conn.execute(
            "SELECT d.text FROM reports r JOIN documents d ON d.id = r.document_id "
            "WHERE NOT r.superseded AND r.source_key = 'acled:BEN9003'").fetchall()]
        assert texts == ["Gunmen raided a coal mine workers' camp."]  # the later row wins
    rejects = (tmp_path / "mixed.csv.rejects.csv").read_text(encoding="utf-8").splitlines()
    assert rejects[0].startswith("line,reason,event_id_cnty,event_date,year,")
    assert rejects[1].startswith("7,latitude: 99.5 is outside -90..90,BEN9004,14/08/2020")


def test_same_bytes_read_another_way_is_a_new_ingest(tmp_path: Path) -> None:
    path = shutil.copy(LAYOUTS / "civharm.csv", tmp_path / "civharm.csv")
    plain = {"date": "Date", "text": "brief description", "id": "entry"}
    with open_store(tmp_path / "t.duckdb") as store:
        def current() -> list[tuple]:
            return store.conn.execute(
                "SELECT admin1 FROM reports WHERE NOT superseded ORDER BY source_key"
            ).fetchall()

        first = ingest_file(store, "table", path, mapping=plain)
        assert first.documents == 6 and current() == [(None,)] * 6
        assert ingest_file(store, "table", path, mapping=plain).skipped_unchanged
        placed = ingest_file(store, "table", path, mapping=CIVHARM_MAP)
        assert (placed.documents, placed.replaced) == (6, 6)
        assert current() == [("UA-65",), ("UA-23",), ("UA-23",), ("UA-23",), ("UA-63",),
                             ("UA-63",)]
        assert ingest_file(store, "table", path, mapping=CIVHARM_MAP).skipped_unchanged
        back = ingest_file(store, "table", path, mapping=plain)  # the first reading again
        assert (back.skipped_unchanged, back.documents, back.replaced) == (False, 6, 6)
        assert current() == [(None,)] * 6
        assert store.conn.execute("SELECT count(*) FROM reports").fetchone()[0] == 18


def test_a_tie_in_a_standard_export_goes_to_the_row_reader(tmp_path: Path) -> None:
    lines = (FIXTURES / "acled" / "small.csv").read_text(encoding="utf-8").splitlines()
    tied = lines[1].replace("Power was cut", "Power was lost")  # same id and timestamp
    path = tmp_path / "tied.csv"
    path.write_text("\n".join([*lines, tied]) + "\n", encoding="utf-8")
    with open_store(tmp_path / "t.duckdb") as store:
        result = ingest_file(store, "acled", path)
        assert result.duplicates == 1
        assert store.conn.execute(
            "SELECT count(*) FROM reports WHERE source_key = 'acled:UKR1001' "
            "AND NOT superseded").fetchone()[0] == 1
