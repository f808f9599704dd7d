"""Reviews: confirm, dispute, annotate; CSRF on writes; audit log; verdicts that change."""

from __future__ import annotations

import json
from html import unescape

import pytest

from trucewatch.assess import assess
from trucewatch.assess.reviews import add_review, apply_reviews, list_reviews
from trucewatch.errors import NotFoundError, UsageError
from trucewatch.store import open_store
from trucewatch.web.csrf import COOKIE

from .conftest import log_in


def _verdicts(client, incident_id):
    data = client.get(f"/api/incidents/{incident_id}").json()
    return {v["party"]: v["verdict"] for v in data["verdicts"]}


def _token(client):
    client.get("/agreements")
    return client.cookies[COOKIE]


def test_form_review_needs_the_csrf_token(client):
    _token(client)
    response = client.post("/incidents/inc-001/review", data={"action": "dispute"})
    assert response.status_code == 403
    assert "the form has no CSRF token" in unescape(response.text)
    response = client.post("/incidents/inc-001/review",
                           data={"action": "dispute", "csrf_token": "forged"})
    assert response.status_code == 403
    assert "the CSRF token does not match" in response.text
    assert _verdicts(client, "inc-001") == {"RU": "violation", "UA": "outside_window"}


def test_form_review_from_another_origin_is_refused(client):
    token = _token(client)
    response = client.post("/incidents/inc-001/review",
                           data={"action": "dispute", "csrf_token": token},
                           headers={"Origin": "https://attacker.example"})
    assert response.status_code == 403
    assert "refused a write from another origin (https://attacker.example)" in response.text


def test_dispute_by_form_changes_the_verdict_and_is_audited(team_client, team_db):
    token = log_in(team_client, "ana")
    response = team_client.post(
        "/incidents/inc-001/review", follow_redirects=False,
        data={"action": "dispute", "note": "footage is from 2024", "csrf_token": token},
        headers={"Origin": "http://127.0.0.1:8000"},
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/incidents/inc-001#reviews"
    assert _verdicts(team_client, "inc-001") == {"RU": "disputed", "UA": "outside_window"}
    page = team_client.get("/incidents/inc-001").text
    assert "<b>dispute</b> by ana" in page
    assert "disputed by ana on" in page
    team_client.close()
    with open_store(team_db) as store:
        actor, action, entity, entity_id, detail = store.conn.execute(
            "SELECT actor, action, entity, entity_id, detail FROM audit_log "
            "WHERE action LIKE 'review.%'").fetchone()
    detail = json.loads(detail)
    assert (actor, action, entity, entity_id) == ("ana", "review.dispute", "incident", "inc-001")
    assert detail["reviewer"] == "ana" and detail["note"] == "footage is from 2024"
    assert detail["verdicts_changed"] == [{"agreement": "test-halt", "commitment": "energy-halt",
                                           "reading": "RU", "verdict": "disputed",
                                           "before": "violation"}]


def test_a_review_is_in_the_name_of_the_account_that_sends_it(team_client):
    token = log_in(team_client, "ana")
    response = team_client.post("/api/incidents/inc-002/reviews",
                                json={"action": "annotate", "note": "seen", "reviewer": "ed"},
                                headers={"X-CSRF-Token": token})
    assert response.status_code == 400
    assert response.json()["error"] == (
        "reviewer: this review would be stored as 'ana', the account that sends it, not 'ed'; "
        "leave reviewer out; log in as the reviewer instead")
    response = team_client.post("/api/incidents/inc-002/reviews",
                                json={"action": "annotate", "note": "seen"},
                                headers={"X-CSRF-Token": token})
    assert response.status_code == 201 and response.json()["reviewer"] == "ana"


def test_confirm_by_api_attributes_an_unknown_perpetrator(client):
    token = _token(client)
    response = client.post("/api/incidents/inc-003/reviews",
                           json={"action": "confirm", "perpetrator": "RU", "note": "MoD claim"},
                           headers={"X-CSRF-Token": token})
    assert response.status_code == 201
    body = response.json()
    assert body["action"] == "confirm" and body["perpetrator"] == "RU"
    assert [c["verdict"] for c in body["verdicts_changed"]] == ["violation", "violation"]
    assert _verdicts(client, "inc-003") == {"RU": "violation", "UA": "violation"}
    assert client.get("/api/incidents",
                      params={"verdict": "possible_violation"}).json()["total"] == 0


def test_api_review_needs_the_header(client):
    _token(client)
    response = client.post("/api/incidents/inc-003/reviews", json={"action": "dispute"})
    assert response.status_code == 403
    assert response.json()["error"].startswith("the form has no CSRF token")


@pytest.mark.parametrize(("body", "status", "reason"), [
    ({"action": "zap"}, 400, "action: 'zap' is not a review action; use one of confirm, "
                             "dispute, annotate"),
    ({"action": "annotate"}, 400, "note: an annotation needs a note"),
    ({"action": "dispute", "perpetrator": "RU"}, 400,
     "perpetrator: only a confirmation names a perpetrator"),
    ({"action": "confirm", "perpetrator": "Russia"}, 400,
     "perpetrator: 'Russia' is not a party code such as RU, UA"),
    ({"action": "confirm", "colour": "red"}, 422, "colour: Extra inputs are not permitted"),
    ({}, 422, "action: Field required"),
])
def test_bad_reviews_are_refused_with_a_reason(client, body, status, reason):
    token = _token(client)
    response = client.post("/api/incidents/inc-001/reviews", json=body,
                           headers={"X-CSRF-Token": token})
    assert response.status_code == status
    assert response.json()["error"] == reason


def test_review_of_an_unknown_incident_is_404(client):
    token = _token(client)
    response = client.post("/api/incidents/nope/reviews", json={"action": "confirm"},
                           headers={"X-CSRF-Token": token})
    assert response.status_code == 404


def test_annotation_changes_no_verdict(db):
    with open_store(db) as store:
        review = add_review(store, "inc-002", "annotate", "TASS only", reviewer="a")
        assert review["verdicts_changed"] == []
        assert [r["action"] for r in list_reviews(store, "inc-002")] == ["annotate"]


def test_confirming_a_denied_incident_makes_it_a_violation(db):
    with open_store(db) as store:
        review = add_review(store, "inc-002", "confirm", "satellite images", reviewer="a")
    assert review["verdicts_changed"] == [{"agreement": "test-halt", "commitment": "energy-halt",
                                           "reading": "RU", "verdict": "violation",
                                           "before": "disputed"}]


def test_the_latest_decisive_review_wins_and_survives_reassessment(db):
    with open_store(db) as store:
        add_review(store, "inc-001", "dispute", "doubtful", reviewer="a")
        add_review(store, "inc-001", "annotate", "asked the source", reviewer="b")
        assess(store, "test-halt")
        with store.transaction() as conn:
            apply_reviews(conn)
        verdicts = dict(store.conn.execute(
            "SELECT party, verdict FROM verdicts WHERE incident_id = 'inc-001'").fetchall())
        assert verdicts["RU"] == "disputed"
        add_review(store, "inc-001", "confirm", "second source", reviewer="c")
        verdicts = dict(store.conn.execute(
            "SELECT party, verdict FROM verdicts WHERE incident_id = 'inc-001'").fetchall())
        assert verdicts["RU"] == "violation"


def test_applying_reviews_again_changes_nothing(db):
    with open_store(db) as store:
        add_review(store, "inc-003", "confirm", "no attribution yet", reviewer="a")
        before = store.conn.execute("SELECT party, verdict, reasons FROM verdicts "
                                    "WHERE incident_id = 'inc-003' ORDER BY party").fetchall()
        with store.transaction() as conn:
            apply_reviews(conn)
            apply_reviews(conn, "inc-003")
        after = store.conn.execute("SELECT party, verdict, reasons FROM verdicts "
                                   "WHERE incident_id = 'inc-003' ORDER BY party").fetchall()
    assert after == before
    assert before[0][1] == "possible_violation"
    assert before[0][2][-1].startswith("confirmed by a on ")


def test_library_errors(db):
    with open_store(db) as store:
        with pytest.raises(NotFoundError, match="no incident 'x'"):
            add_review(store, "x", "confirm")
        with pytest.raises(UsageError, match="the limit is 2000"):
            add_review(store, "inc-001", "annotate", "n" * 2001)
        assert store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
