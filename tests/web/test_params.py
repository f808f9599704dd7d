"""Incident query parameters: parsing, defaults, links."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.errors import UsageError
from trucewatch.web.params import parse_incident_query


def test_defaults_and_empty_values():
    query = parse_incident_query({"verdict": "", "country": " "})
    assert (query.filters, query.page, query.per_page, query.offset) == ({}, 1, 50, 0)


def test_values_are_typed_and_links_keep_them():
    query = parse_incident_query({"date_from": "2025-03-18", "target_class": "energy.*",
                                  "country": "ua", "page": "3", "per_page": "20"})
    assert query.filters == {"date_from": dt.date(2025, 3, 18), "target_class": "energy.*",
                             "country": "UA"}
    assert query.offset == 40
    assert query.as_params(page=4) == {"date_from": "2025-03-18", "target_class": "energy.*",
                                       "country": "UA", "page": "4", "per_page": "20"}


def test_a_wildcard_must_cover_a_class():
    with pytest.raises(UsageError, match=r"'nothing\.\*' is not a target class or wildcard"):
        parse_incident_query({"target_class": "nothing.*"})


def test_overlong_free_text_is_refused():
    with pytest.raises(UsageError, match="admin1: is longer than 200 characters"):
        parse_incident_query({"admin1": "x" * 201})
