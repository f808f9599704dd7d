"""Reverse geocoding from the bundled admin-1 outlines, and region names in any spelling."""

from __future__ import annotations

import numpy as np
import pytest

from trucewatch.geo.boundaries import decode, encode, regions_by_code
from trucewatch.geo.build_boundaries import simplify
from trucewatch.geo.region_names import admin1_from_name
from trucewatch.geo.reverse import locate


@pytest.mark.parametrize(("lat", "lon", "code"), [
    (47.8388, 35.1396, "UA-23"),   # Zaporizhzhia
    (50.4501, 30.5234, "UA-30"),   # Kyiv city, inside Kyiv oblast
    (49.7968, 30.1311, "UA-32"),   # Bila Tserkva, Kyiv oblast
    (44.58, 33.45, "UA-40"),       # Sevastopol: Ukraine by ISO 3166-2
    (45.0355, 38.9753, "RU-KDA"),  # Krasnodar
    (31.5204, 74.3587, "PK-PB"),   # Lahore
    (30.7333, 76.7794, "IN-CH"),   # Chandigarh
    (11.3, 2.4, "BJ-AL"),
])
def test_points_inside_outlines(lat: float, lon: float, code: str) -> None:
    found = locate(lat, lon)
    assert found is not None and (found.admin1, found.country, found.how) == (
        code, code[:2], "inside")


def test_a_point_just_off_the_coast_gets_the_nearest_region() -> None:
    found = locate(46.48, 30.80)  # in the bay off Odesa
    assert found is not None and (found.admin1, found.how) == ("UA-51", "nearest")
    assert "km outside the outline of UA-51" in found.reason


@pytest.mark.parametrize(("lat", "lon"), [(40.0, -30.0), (float("nan"), 3.0), (95.0, 0.0)])
def test_open_sea_and_non_coordinates_give_nothing(lat: float, lon: float) -> None:
    assert locate(lat, lon) is None


@pytest.mark.parametrize(("name", "country", "code"), [
    ("Zaporizhzhia", "UA", "UA-23"), ("Zaporozhye", "UA", "UA-23"),
    ("Saporischschja Oblast", "UA", "UA-23"), ("Запорожье", None, "UA-23"),
    ("Запорізька область", "UA", "UA-23"), ("Zaporizhzhya Oblast", None, "UA-23"),
    ("Kherson oblast", "UA", "UA-65"), ("Kiev Special Republican city", "UA", "UA-30"),
    ("Kyiv Oblast", "UA", "UA-32"), ("Kharkov", "UA", "UA-63"),
    ("Moscow", "RU", "RU-MOW"), ("Moscow Oblast", "RU", "RU-MOS"),
    ("Khyber Pakhtunkhwa", "PK", "PK-KP"), ("FATA", "PK", "PK-TA"),
    ("Telangana", "IN", "IN-TG"), ("Orissa", "IN", "IN-OR"), ("Alibori", "BJ", "BJ-AL"),
])
def test_region_names_in_any_spelling(name: str, country: str | None, code: str) -> None:
    assert admin1_from_name(name, country) == code


@pytest.mark.parametrize(("name", "country"), [("Punjab", None), ("Atlantis", "UA"), ("", "UA")])
def test_unknown_or_ambiguous_names_give_nothing(name: str, country: str | None) -> None:
    assert admin1_from_name(name, country) is None


def test_file_format_round_trips_and_simplify_keeps_the_ring_closed() -> None:
    ring = np.array([[0, 0], [50, 1], [100, 0], [100, 100], [0, 100], [0, 0]], dtype=np.int64)
    kept = simplify(ring, tolerance=10)
    assert kept.tolist() == [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]
    (region,) = decode(encode([("XX-A", ["Alpha", "Alfa"], [kept])]))
    assert (region.code, region.names, region.bbox) == ("XX-A", ("Alpha", "Alfa"),
                                                       (0.0, 0.0, 0.001, 0.001))
    assert regions_by_code()["UA-23"].geojson()["geometry"]["type"] == "MultiPolygon"
