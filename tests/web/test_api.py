"""Every dashboard route through FastAPI's TestClient: pages, JSON twins, bad parameters."""

from __future__ import annotations

from html import unescape

import pytest
from fastapi.testclient import TestClient

from trucewatch.web import create_app, pages

from .seed import SCRIPT, XSS_ID


def test_home_redirects_to_agreements(client):
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == "/agreements"


def test_agreements_page_and_twin(client):
    page = client.get("/agreements")
    assert page.status_code == 200
    assert 'href="/agreements/test-halt"' in page.text
    data = client.get("/api/agreements").json()
    assert [a["id"] for a in data["agreements"]] == ["test-halt"]
    assert data["agreements"][0]["parties"] == ["RU", "UA"]


def test_agreement_page_shows_readings_side_by_side_and_differences(client):
    page = client.get("/agreements/test-halt")
    assert page.status_code == 200
    assert page.text.count('class="reading"') == 2
    assert "refrain from strikes on energy infrastructure for 30 days" in page.text
    data = client.get("/api/agreements/test-halt").json()
    commitment = data["commitments"][0]
    assert [r["party"] for r in commitment["readings"]] == ["RU", "UA"]
    terms = [d["term"] for d in commitment["differences"]]
    assert "start" in terms and "scope" in terms
    start = next(d for d in commitment["differences"] if d["term"] == "start")
    assert start["values"] == {"RU": "2025-03-18", "UA": "2025-03-25"}
    assert {"date": "2025-03-18", "label": "start per RU"} in data["marks"]


def test_agreement_verdicts_twin(client):
    data = client.get("/api/agreements/test-halt/verdicts").json()
    assert {"reading": "UA reading of energy-halt", "perpetrator": "RU", "verdict": "violation",
            "incidents": 2} in data["counts"]
    assert [(f["reading"], f["perpetrator"], f["incident_id"]) for f in data["first_violations"]
            ] == [("RU", "RU", "inc-001"), ("UA", "RU", XSS_ID)]
    assert data["spec"]["encoding"]["row"]["field"] == "reading"


@pytest.mark.parametrize("path", ["/agreements/nope", "/api/agreements/nope",
                                  "/api/agreements/nope/verdicts"])
def test_unknown_agreement_is_404_with_reason(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "no agreement 'nope' in the store; known: test-halt" in unescape(response.text)


def test_incidents_page_lists_newest_first(client):
    page = client.get("/incidents")
    assert page.status_code == 200
    assert "7 incidents · page 1 of 1" in page.text
    assert "verdict under each reading" in page.text and "strongest" not in page.text
    assert "verdict under RU's reading" in client.get("/incidents?reading=RU").text
    data = client.get("/api/incidents").json()
    assert data["total"] == 7
    assert [i["id"] for i in data["incidents"]][:2] == ["inc-006", "inc-004"]
    verdicts = {i["id"]: i["verdicts"] for i in data["incidents"]}["inc-002"]
    assert [v["verdict"] for v in verdicts] == ["disputed", "outside_window"]  # per reading
    assert all(v["why"] and v["rule"] for v in verdicts)


def test_incidents_filters(client):
    data = client.get("/api/incidents", params={
        "agreement": "test-halt", "reading": "UA", "verdict": "violation"}).json()
    assert sorted(i["id"] for i in data["incidents"]) == ["inc-005", XSS_ID]
    assert data["filters"] == {"agreement": "test-halt", "reading": "UA", "verdict": "violation"}
    data = client.get("/api/incidents", params={
        "date_from": "2025-03-19", "date_to": "2025-03-20", "perpetrator": "UA"}).json()
    assert [i["id"] for i in data["incidents"]] == ["inc-002"]
    data = client.get("/api/incidents", params={"target_class": "energy.power_grid",
                                                 "admin1": "Kherson"}).json()
    assert [i["id"] for i in data["incidents"]] == ["inc-003"]
    page = client.get("/incidents", params={"country": "ru"})
    assert "1 incident · page 1 of 1" in page.text


def test_incidents_paginate_on_the_server(client):
    data = client.get("/api/incidents", params={"per_page": 2, "page": 2}).json()
    assert (data["total"], data["pages"], data["page"]) == (7, 4, 2)
    assert [i["id"] for i in data["incidents"]] == ["inc-005", "inc-003"]
    page = client.get("/incidents", params={"per_page": 2, "page": 2})
    assert 'href="/incidents?page=1&amp;per_page=2"' in page.text
    assert 'href="/incidents?page=3&amp;per_page=2"' in page.text


@pytest.mark.parametrize(("params", "reason"), [
    ({"page": "0"}, "page: 0 is outside 1..10000000"),
    ({"page": "x"}, "page: 'x' is not a whole number"),
    ({"per_page": "501"}, "per_page: 501 is outside 1..500"),
    ({"date_from": "2025-13-01"}, "date_from: '2025-13-01' is not a date; use YYYY-MM-DD"),
    ({"date_from": "2025-04-02", "date_to": "2025-04-01"},
     "date_to: date_to 2025-04-01 is before date_from 2025-04-02"),
    ({"verdict": "guilty"}, "verdict: 'guilty' is not a verdict; use one of violation, "),
    ({"target_class": "power"}, "target_class: 'power' is not a target class"),
    ({"perpetrator": "Russia"}, "perpetrator: 'Russia' is not a party code such as RU, UA, US"),
    ({"country": "Ukraine"}, "country: 'Ukraine' is not an ISO 3166-1 alpha-2 country code"),
    ({"sort": "date"}, "unknown parameter 'sort'; filters are date_from, date_to, country"),
])
@pytest.mark.parametrize("path", ["/api/incidents", "/api/incidents/timeline", "/incidents"])
def test_bad_query_parameters_are_400_with_a_reason(client, path, params, reason):
    response = client.get(path, params=params)
    assert response.status_code == 400
    if path.startswith("/api"):
        assert response.json()["error"].startswith(reason)
    else:
        assert "text/html" in response.headers["content-type"]
        assert reason in unescape(response.text)
        assert "Traceback" not in response.text


def test_timeline_twin_counts_per_day_and_perpetrator(client):
    data = client.get("/api/incidents/timeline", params={"agreement": "test-halt"}).json()
    assert data["counted"] == 7
    assert {"date": "2025-03-20", "perpetrator": "UA", "incidents": 1} in data["daily"]
    assert data["spec"]["layer"][0]["mark"]["type"] == "bar"


def test_incident_page_and_twin(client):
    page = client.get("/incidents/inc-002")
    assert page.status_code == 200
    assert "a pumping station was attacked; Kyiv denied it" in page.text
    assert "the accused party denies the attack" in page.text  # the rule, explained
    assert "<li><b>target_class</b>: lexicon</li>" in page.text  # how the report was read
    assert 'name="csrf_token"' in page.text
    data = client.get("/api/incidents/inc-002").json()
    assert "verdict" not in data  # one verdict per reading, never a maximum across them
    assert [(v["party"], v["verdict"]) for v in data["verdicts"]] == [
        ("RU", "disputed"), ("UA", "outside_window")]
    assert data["reports"][0]["evidence"] == "a pumping station was attacked; Kyiv denied it"
    assert data["reports"][0]["reasons"] == {"target_class": "lexicon"}
    assert data["sources"] == [{"url": "https://example.org/a2", "outlet": "TASS",
                                "published": "2025-03-20", "source_format": "text"}]
    assert data["readings"]["test-halt/energy-halt/UA"]["start"] == "2025-03-25"
    assert data["reviews"] == []


@pytest.mark.parametrize("path", ["/incidents/nope", "/api/incidents/nope"])
def test_unknown_incident_is_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "no incident 'nope'" in unescape(response.text)


def test_source_markup_and_scripts_are_escaped(client):
    for path in (f"/incidents/{XSS_ID}", "/incidents"):
        html = client.get(path).text
        assert SCRIPT not in html
        assert "<b>Bold</b>" not in html and "<i>Outlet</i>" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html
    html = client.get(f"/incidents/{XSS_ID}").text
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    # The JSON twin carries the text as data, typed as JSON.
    response = client.get(f"/api/incidents/{XSS_ID}")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["reports"][0]["evidence"].startswith(SCRIPT)
    # The map's data is JSON too: the place is text for the browser to show as text.
    response = client.get("/api/incidents/map")
    assert response.headers["content-type"] == "application/geo+json"
    places = {f["id"]: f["properties"]["place"] for f in response.json()["features"]}
    assert places[XSS_ID] == "<b>Bold</b> town"


def test_every_response_carries_security_headers(client):
    response = client.get("/incidents")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-eval'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_tiles_are_allowed_only_when_configured(db):
    with TestClient(create_app(db, tiles="https://{s}.tile.example.org/{z}/{x}/{y}.png"),
                    base_url="http://localhost:8000") as c:
        response = c.get("/incidents")
    assert "img-src 'self' data: https://*.tile.example.org" in (
        response.headers["content-security-policy"])
    assert 'data-tiles="https://{s}.tile.example.org/{z}/{x}/{y}.png"' in response.text


def test_api_docs_page_and_openapi(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/agreements", "/api/agreements/{agreement_id}",
            "/api/agreements/{agreement_id}/verdicts",
            "/api/agreements/{agreement_id}/commitments", "/api/incidents",
            "/api/incidents/timeline", "/api/incidents/map", "/api/incidents/{incident_id}",
            "/api/incidents/{incident_id}/reviews", "/api/alerts", "/alerts.atom",
            "/api/session", "/api/outlines", "/api/users",
            "/api/users/{name}/disable"} == set(spec["paths"])
    names = [p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]]
    assert names[:3] == ["date_from", "date_to", "country"]
    page = client.get("/docs")
    assert page.status_code == 200
    assert "<code>POST /api/incidents/{incident_id}/reviews</code>" in page.text


def test_unknown_page_and_wrong_method_are_pages(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "no page at /no/such/page" in response.text
    assert "text/html" in response.headers["content-type"]
    response = client.delete("/api/incidents/inc-001")
    assert response.status_code == 405
    assert response.json() == {"error": "method not allowed here", "status": 405}


def test_an_unexpected_error_is_a_500_page_without_traceback(db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(pages, "incidents_page", broken)
    with TestClient(create_app(db), raise_server_exceptions=False,
                    base_url="http://127.0.0.1:8000") as c:
        page = c.get("/incidents")
        api = c.get("/api/incidents")
    assert page.status_code == 500 and api.status_code == 500
    assert "internal error; the server log has the details" in page.text
    assert "secret detail" not in page.text and "Traceback" not in page.text
    assert api.json() == {"error": "internal error; the server log has the details",
                          "status": 500}


def test_static_vendored_scripts_are_served(client):
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/vega/vega.min.js",
                 "/static/vendor/vega/vega-lite.min.js", "/static/vendor/vega/vega-embed.min.js",
                 "/static/dashboard.js", "/static/vendor/leaflet/leaflet.css"):
        assert client.get(path).status_code == 200, path


def test_missing_database_is_refused(tmp_path):
    from trucewatch.errors import NotFoundError

    with pytest.raises(NotFoundError, match="no trucewatch database here"):
        create_app(tmp_path / "absent.duckdb")
