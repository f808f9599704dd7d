"""Who may do what on a shared dashboard: login, sessions, roles, CSRF, the Host allow-list,
cross-origin writes, and commands on this machine through the server file's token."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from trucewatch.store import open_store
from trucewatch.web import create_app

from .conftest import PASSWORD, TEAM, log_in
from .seed import AGREEMENT


def _changed_spec(title: str) -> str:
    """The test agreement with another title: a new version when added."""
    return AGREEMENT.read_text(encoding="utf-8").replace("title: ", f"title: {title} ", 1)


def test_without_a_login_pages_go_to_the_login_page_and_the_api_answers_401(team_client):
    page = team_client.get("/incidents?verdict=violation", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=%2Fincidents%3Fverdict%3Dviolation"
    api = team_client.get("/api/incidents")
    assert api.status_code == 401
    assert api.json()["error"].startswith("log in first: POST /api/session")
    assert team_client.get("/static/app.css").status_code == 200


def test_login_form_sets_a_strict_httponly_cookie_and_returns_to_the_page(team_client):
    form = team_client.get("/login?next=/incidents").text
    assert 'name="next" value="/incidents"' in form
    answer = team_client.post("/login", follow_redirects=False,
                              data={"username": "vera", "password": PASSWORD,
                                    "next": "/incidents"})
    assert answer.status_code == 303 and answer.headers["location"] == "/incidents"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith("trucewatch_session=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" not in cookie
    page = team_client.get("/incidents")
    assert page.status_code == 200 and "vera" in page.text


def test_the_cookie_is_secure_behind_https(team_db):
    with TestClient(create_app(team_db), base_url="https://localhost") as client:
        answer = client.post("/api/session", json={"username": "ana", "password": PASSWORD})
    assert "Secure" in answer.headers["set-cookie"]


def test_a_login_elsewhere_is_never_followed(team_client):
    answer = team_client.post("/login", follow_redirects=False,
                              data={"username": "vera", "password": PASSWORD,
                                    "next": "//attacker.example/"})
    assert answer.headers["location"] == "/agreements"


def test_wrong_passwords_and_unknown_names_get_the_same_answer(team_client):
    wrong = team_client.post("/api/session", json={"username": "ana", "password": "nope-nope"})
    unknown = team_client.post("/api/session", json={"username": "zed", "password": "nope-no"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json() == {
        "error": "wrong account name or password, or the account is disabled", "status": 401}


def test_logins_are_rate_limited(team_client):
    for _ in range(5):
        team_client.post("/api/session", json={"username": "ana", "password": "guess-guess"})
    limited = team_client.post("/api/session", json={"username": "ana", "password": PASSWORD})
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0
    assert limited.json()["error"].startswith("too many failed logins; try again in ")
    other = team_client.post("/api/session", json={"username": "vera", "password": PASSWORD})
    assert other.status_code == 200  # the limit is per name (and, higher, per client)


def test_logout_ends_the_session(team_client):
    csrf = log_in(team_client, "vera")
    assert team_client.delete("/api/session").status_code == 403  # no CSRF token
    assert team_client.delete("/api/session", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert team_client.get("/api/incidents").status_code == 401


@pytest.mark.parametrize("name", list(TEAM))
def test_each_role_may_do_what_it_may_and_no_more(team_db, name):
    role = TEAM[name]
    with TestClient(create_app(team_db), base_url="http://127.0.0.1:8000") as client:
        csrf = log_in(client, name)
        headers = {"X-CSRF-Token": csrf}
        assert client.get("/api/incidents").status_code == 200
        review = client.post("/api/incidents/inc-001/reviews", headers=headers,
                             json={"action": "annotate", "note": f"seen by {name}"})
        agreement = client.post("/api/agreements", content=_changed_spec(name), headers=headers)
        users = client.get("/api/users")
    allowed = {"viewer": (403, 403, 403), "analyst": (201, 403, 403),
               "editor": (201, 201, 403), "admin": (201, 201, 200)}[role]
    assert (review.status_code, agreement.status_code, users.status_code) == allowed
    if review.status_code == 201:
        assert review.json()["reviewer"] == name
    else:
        assert review.json()["error"] == (
            f"the account '{name}' is a viewer and may not review or annotate incidents; that "
            "needs the role analyst or editor or admin; an admin can change it")
    if agreement.status_code == 201:
        assert agreement.json()["outcome"] == "new_version"
    with open_store(team_db) as store:
        actors = {row[0] for row in store.conn.execute(
            "SELECT actor FROM audit_log WHERE action LIKE 'review.%' OR action = 'new_version'"
        ).fetchall()}
    assert actors == ({name} if role != "viewer" else set())


def test_a_session_token_is_needed_for_writes_not_a_cookie_pair_of_ones_own(team_client):
    log_in(team_client, "ana")
    team_client.cookies.set("trucewatch_csrf", "chosen")
    forged = team_client.post("/api/incidents/inc-001/reviews", json={"action": "dispute"},
                              headers={"X-CSRF-Token": "chosen"})
    assert forged.status_code == 403
    assert forged.json()["error"].startswith("the CSRF token does not match")


def test_a_foreign_host_is_refused_on_every_request(team_client):
    for path in ("/login", "/static/app.css", "/api/incidents"):
        answer = team_client.get(path, headers={"Host": "attacker.example:8000"})
        assert answer.status_code == 400
        assert answer.json()["error"].startswith(
            "this dashboard does not answer to the name 'attacker.example:8000'; it answers to "
            "127.0.0.1, ::1, localhost")


def test_dns_rebinding_cannot_store_a_review(db):
    # The attacker's page names its own host, and its Origin matches it; it can choose the
    # cookie and token pair. The Host allow-list stops it before anything else.
    with TestClient(create_app(db), base_url="http://attacker.example:8000") as client:
        client.cookies.set("trucewatch_csrf", "chosen")
        answer = client.post("/api/incidents/inc-001/reviews", json={"action": "dispute"},
                             headers={"X-CSRF-Token": "chosen",
                                      "Origin": "http://attacker.example:8000"})
    assert answer.status_code == 400
    with open_store(db) as store:
        assert store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_an_allowed_host_is_answered(db):
    with TestClient(create_app(db, allowed_hosts=["dash.example.org"]),
                    base_url="https://dash.example.org") as client:
        assert client.get("/api/agreements").status_code == 200


@pytest.mark.parametrize("headers", [{"Origin": "https://attacker.example"},
                                     {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"}])
def test_cross_origin_writes_are_refused(team_client, headers):
    csrf = log_in(team_client, "ana")
    answer = team_client.post("/api/incidents/inc-001/reviews", json={"action": "dispute"},
                              headers={"X-CSRF-Token": csrf, **headers})
    assert answer.status_code == 403
    assert answer.json()["error"].startswith("refused a write from another")


def test_disabling_an_account_ends_its_sessions(team_client):
    log_in(team_client, "vera")
    with TestClient(team_client.app, base_url="http://127.0.0.1:8000") as admin:
        csrf = log_in(admin, "ada")
        answer = admin.post("/api/users/vera/disable", headers={"X-CSRF-Token": csrf})
        assert answer.status_code == 200 and answer.json()["disabled"]
    assert team_client.get("/api/incidents").status_code == 401


def test_the_first_account_ends_open_access(db):
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as client:
        assert "no accounts" in client.get("/agreements").text
        csrf = client.cookies["trucewatch_csrf"]
        added = client.post("/api/users", headers={"X-CSRF-Token": csrf},
                            json={"name": "ada", "role": "admin", "password": PASSWORD})
        assert added.status_code == 201
        assert client.get("/api/incidents").status_code == 401
        log_in(client, "ada")
        assert client.get("/api/incidents").status_code == 200


def test_local_commands_need_the_server_file_token(team_db):
    with TestClient(create_app(team_db, token="local-secret"),
                    base_url="http://127.0.0.1:8000") as client:
        as_admin = log_in(client, "ada")
        refused = client.post("/api/local/status", json={}, headers={"X-CSRF-Token": as_admin})
        assert refused.status_code == 403
        client.cookies.clear()
        wrong = client.post("/api/local/status", json={},
                            headers={"Authorization": "Bearer guessed"})
        assert wrong.status_code == 403
        right = client.post("/api/local/status", json={},
                            headers={"Authorization": "Bearer local-secret",
                                     "X-Trucewatch-Actor": "shell-user"})
        assert right.status_code == 200
        assert '"event": "result"' in right.text
