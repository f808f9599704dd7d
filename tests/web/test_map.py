"""The map route: every matching incident as GeoJSON points, or grid cells past the limit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from trucewatch.incidents import IncidentFilter, count_incidents, map_points
from trucewatch.incidents.map_points import POINT_LIMIT, BBox, map_features
from trucewatch.store import open_store
from trucewatch.web import create_app
from trucewatch.web.params import parse_map_query

from .seed import MANY, VERDICTS, XSS_ID


@pytest.fixture(scope="module")
def many(many_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(many_db), base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


def _ids(collection: dict) -> list[str]:
    return [f["properties"]["id"] for f in collection["features"]]


def test_a_small_store_is_sent_as_points(client):
    response = client.get("/api/incidents/map")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert data["summary"] | {"extent": None} == {
        "matching": 7, "located": 7, "without_coordinates": 0, "in_view": 7, "outside_view": 0,
        "shown": 7, "point_limit": POINT_LIMIT, "colour_by": "strongest verdict",
        "extent": None, "mode": "points", "points": 7, "cells": 0, "cell_size": None,
        "text": "7 incidents shown"}
    assert data["summary"]["extent"] == [30.72, 45.43, 40.57, 50.9]
    first = data["features"][0]
    assert first == {"type": "Feature", "id": "inc-006",
                     "geometry": {"type": "Point", "coordinates": [36.35, 49.68]},
                     "properties": {"kind": "incident", "id": "inc-006", "date": "2025-04-25",
                                    "place": "Zmiiv", "target_class": "energy.power_generation",
                                    "perpetrator": "RU", "verdict": "outside_window"}}
    assert {f["id"]: f["properties"]["verdict"] for f in data["features"]}["inc-002"] == (
        "disputed")


def test_points_are_coloured_by_the_selected_reading(client):
    data = client.get("/api/incidents/map", params={"reading": "UA"}).json()
    assert data["summary"]["colour_by"] == "verdict under UA's reading"
    verdicts = {f["id"]: f["properties"]["verdict"] for f in data["features"]}
    assert verdicts == {iid: under_ua for iid, (_, under_ua) in VERDICTS.items()}
    data = client.get("/api/incidents/map", params={
        "agreement": "test-halt", "commitment": "energy-halt", "reading": "RU"}).json()
    assert data["summary"]["colour_by"] == (
        "verdict under RU's reading of commitment energy-halt of agreement test-halt")
    assert {f["id"]: f["properties"]["verdict"] for f in data["features"]} == {
        iid: under_ru for iid, (under_ru, _) in VERDICTS.items()}


def test_the_map_applies_the_page_filters_and_ignores_paging(client):
    data = client.get("/api/incidents/map", params={
        "agreement": "test-halt", "reading": "UA", "verdict": "violation", "page": 3,
        "per_page": 1}).json()
    assert sorted(_ids(data)) == ["inc-005", XSS_ID]
    data = client.get("/api/incidents/map", params={
        "date_from": "2025-03-19", "date_to": "2025-03-20", "perpetrator": "UA"}).json()
    assert _ids(data) == ["inc-002"]
    data = client.get("/api/incidents/map", params={"target_class": "energy.*",
                                                     "country": "ua"}).json()
    assert sorted(_ids(data)) == ["inc-001", "inc-003", "inc-006", XSS_ID]
    data = client.get("/api/incidents/map", params={"admin1": "Nowhere"}).json()
    assert data["features"] == [] and data["summary"]["extent"] is None
    assert data["summary"]["text"] == "0 incidents shown"


def test_every_incident_beyond_the_table_page_is_on_the_map(client):
    table = client.get("/api/incidents", params={"per_page": 2}).json()
    assert len(table["incidents"]) == 2
    assert len(client.get("/api/incidents/map", params={"per_page": 2}).json()["features"]) == 7
    page = client.get("/incidents", params={"per_page": 2, "reading": "UA"}).text
    assert 'data-src="/api/incidents/map?reading=UA"' in page
    assert 'href="/api/incidents/map?reading=UA">map GeoJSON</a>' in page


def test_a_bbox_keeps_the_incidents_inside_it(client):
    data = client.get("/api/incidents/map", params={"bbox": "30,46,34,48", "zoom": 7}).json()
    assert sorted(_ids(data)) == ["inc-003", "inc-004", "inc-005"]
    assert (data["summary"]["in_view"], data["summary"]["outside_view"]) == (3, 4)
    assert data["summary"]["text"] == "3 incidents shown; 4 outside this area"


def test_incidents_without_coordinates_are_counted(db):
    with open_store(db, create=False) as store:
        store.conn.execute("UPDATE incidents SET lat = NULL, lon = NULL WHERE id = 'inc-003'")
        data = map_features(store)
    assert "inc-003" not in _ids(data)
    assert (data["summary"]["located"], data["summary"]["without_coordinates"]) == (6, 1)
    assert data["summary"]["text"] == "6 incidents shown; 1 incident without coordinates"


def test_past_the_limit_incidents_become_cells_that_add_up(many, many_db):
    data = many.get("/api/incidents/map").json()
    summary = data["summary"]
    assert (summary["mode"], summary["matching"], summary["located"]) == ("cells", MANY, 2548)
    assert summary["without_coordinates"] == 52
    assert summary["cells"] == len(data["features"]) > 1
    cells = [f["properties"] for f in data["features"]]
    assert sum(c["count"] for c in cells) == 2548
    assert all(sum(c["verdicts"].values()) == c["count"] for c in cells)
    assert summary["text"] == ("2,548 incidents in 135 cells (zoom in to see each incident; up "
                               "to 2,000 are shown one by one); 52 incidents without coordinates")
    size = summary["cell_size"]
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        west, south, east, north = feature["properties"]["bounds"]
        assert west <= lon <= east and south <= lat <= north
        assert east - west == pytest.approx(size)
    # the cells' verdicts are the strongest per incident: none weaker than every verdict
    assert "none" not in {k for c in cells for k in c["verdicts"]}


@pytest.mark.parametrize("params", [
    {"perpetrator": "RU"},
    {"agreement": "test-halt", "reading": "UA", "verdict": "disputed"},
    {"date_from": "2025-03-10", "date_to": "2025-04-10"},
])
def test_cells_count_the_filtered_incidents(many, many_db, params):
    data = many.get("/api/incidents/map", params=params).json()
    with open_store(many_db, create=False) as store:
        total = count_incidents(store, IncidentFilter(**parse_map_query(params).filters))
    summary = data["summary"]
    assert summary["matching"] == total
    located = sum(f["properties"]["count"] for f in data["features"]) if (
        summary["mode"] == "cells") else len(data["features"])
    assert located == summary["located"] == total - summary["without_coordinates"]
    if "reading" in params:
        assert summary["mode"] == "points"
        assert {f["properties"]["verdict"] for f in data["features"]} == {"disputed"}


def test_the_zoom_sets_the_cell_size_and_a_small_view_gives_points(many):
    data = many.get("/api/incidents/map", params={"zoom": 5}).json()
    assert data["summary"]["cell_size"] == 360 / 2**8
    data = many.get("/api/incidents/map", params={"zoom": 9, "bbox": "31,46,33,47.5"}).json()
    assert data["summary"]["mode"] == "points"
    assert 0 < data["summary"]["in_view"] == len(data["features"]) <= POINT_LIMIT
    assert all(31 <= f["geometry"]["coordinates"][0] <= 33 for f in data["features"])


def test_a_huge_zoom_over_a_wide_view_is_capped(many):
    data = many.get("/api/incidents/map", params={"zoom": 22, "bbox": "-180,-90,180,90"}).json()
    assert data["summary"]["cell_size"] >= 360 / map_points.MAX_CELLS_ACROSS


def test_verdicts_without_index_bits_read_the_verdicts_table(many_db, monkeypatch):
    flt = IncidentFilter(agreement="test-halt", reading="RU")
    with open_store(many_db, create=False) as store:
        indexed = map_features(store, flt)
        small = map_features(store, flt, bbox=BBox(31, 46, 33, 47.5))
        monkeypatch.setattr(map_points, "verdict_mask", lambda *args, **kwargs: None)
        assert map_features(store, flt) == indexed
        assert map_features(store, flt, bbox=BBox(31, 46, 33, 47.5)) == small


@pytest.mark.parametrize(("params", "reason"), [
    ({"bbox": "30,46,34"}, "bbox: '30,46,34' is not west,south,east,north in degrees, "
                           "e.g. 22,44,41,53"),
    ({"bbox": "a,b,c,d"}, "bbox: 'a,b,c,d' is not four numbers west,south,east,north"),
    ({"bbox": "30,46,200,48"}, "bbox: east 200 is outside -180..180"),
    ({"bbox": "30,-95,34,48"}, "bbox: south -95 is outside -90..90"),
    ({"bbox": "34,46,30,48"}, "bbox: '34,46,30,48' is empty or inverted; west must be less "
                              "than east and south less than north"),
    ({"zoom": "23"}, "zoom: 23 is outside 0..22"),
    ({"zoom": "near"}, "zoom: 'near' is not a whole number"),
    ({"verdict": "guilty"}, "verdict: 'guilty' is not a verdict; use one of violation, "),
    ({"date_from": "2025-04-02", "date_to": "2025-04-01"},
     "date_to: date_to 2025-04-01 is before date_from 2025-04-02"),
    ({"sort": "date"}, "unknown parameter 'sort'; filters are date_from, date_to, country, "
                       "admin1, target_class, perpetrator, verdict, agreement, commitment, "
                       "reading, the view is bbox and zoom (page and per_page are ignored)"),
])
def test_bad_map_parameters_are_400_with_a_reason(client, params, reason):
    response = client.get("/api/incidents/map", params=params)
    assert response.status_code == 400
    assert response.json()["error"].startswith(reason)


def test_the_map_route_is_documented(client):
    operation = client.get("/openapi.json").json()["paths"]["/api/incidents/map"]["get"]
    names = [p["name"] for p in operation["parameters"]]
    assert names[:3] == ["date_from", "date_to", "country"]
    assert names[-2:] == ["bbox", "zoom"]
    assert "GeoJSON" in operation["summary"]
    docs = client.get("/docs").text
    assert "<code>GET /api/incidents/map</code>" in docs
    assert "A GeoJSON FeatureCollection of every incident matching the filters" in docs
