"""The dashboard in a real browser: Playwright driving Debian's chromium against uvicorn.

Skipped, with the reason, when chromium or the playwright package is missing (CI installs
chromium with .ci/install-browser.sh). Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from trucewatch.cli import app
from trucewatch.report import write_report
from trucewatch.store import open_store
from trucewatch.web import create_app

from ..conftest import FLAGSHIP, REPO
from .conftest import PASSWORD, TEAM
from .seed import INCIDENTS, seed_store
from .test_serve_cli import TRUCEWATCH, Served

CHROMIUM = Path("/usr/bin/chromium")
#: ``rebind.test`` resolves to this machine, as a name a rebinding attacker controls would.
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--host-resolver-rules=MAP rebind.test 127.0.0.1"]
#: The incidents drawn as points (circle markers); region outlines are in a pane of their own.
POINTS = "#map .leaflet-overlay-pane path.leaflet-interactive"
ARTIFACTS = REPO / "test-artifacts"
INCIDENT_IDS = [row[0] for row in INCIDENTS]

if not CHROMIUM.exists():
    if os.environ.get("CI"):  # CI installs chromium (.ci/run): a skip there would hide a gap
        pytest.fail(f"CI must provide chromium at {CHROMIUM}", pytrace=False)
    pytest.skip(f"browser tests need chromium at {CHROMIUM}; install it with "
                "`bash .ci/install-browser.sh` (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="browser tests need the playwright package (dev extra)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(db: Path) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    else:
        pytest.fail("uvicorn did not start within 10 s")
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def base_url(db: Path) -> Iterator[str]:
    yield from _serve(db)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("dialog", lambda dialog: errors.append(f"dialog opened: {dialog.message}"))
    opened.errors = errors
    yield opened
    context.close()
    assert errors == []


def _marker_ids(page) -> list[str]:
    """The incident id in the popup of each marker on the map (clicked one by one)."""
    ids = []
    markers = page.locator(POINTS)
    for n in range(markers.count()):
        markers.nth(n).dispatch_event("click")
        ids.append(page.locator("#map .leaflet-popup-content a").last.inner_text())
    page.locator("#map .leaflet-popup-close-button").last.click()
    sync_api.expect(page.locator("#map .leaflet-popup")).to_have_count(0)
    return ids


def _verdict(page, reading: str) -> str:
    return page.locator(f"#verdicts tr[data-reading='{reading}'] .verdict-cell").inner_text()


def test_filter_open_review_and_see_the_verdict_change(page, base_url):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{base_url}/agreements")
    page.get_by_role("link", name="test-halt").first.click()
    sync_api.expect(page.locator(".reading")).to_have_count(2)
    sync_api.expect(page.locator("#violations")).to_have_attribute("data-ready", "1")

    page.goto(f"{base_url}/incidents")
    sync_api.expect(page.locator("#count")).to_contain_text("7 incidents")
    sync_api.expect(page.locator("#map")).to_have_attribute("data-ready", "7")
    sync_api.expect(page.locator("#timeline")).to_have_attribute("data-ready", "1")
    assert page.locator(POINTS).count() == 7
    assert page.locator("#timeline svg").count() >= 1

    # The map shows every matching incident, not just the table's page.
    page.goto(f"{base_url}/incidents?per_page=2")
    sync_api.expect(page.locator("#map")).to_have_attribute("data-ready", "7")
    sync_api.expect(page.locator("#map-status")).to_contain_text("7 incidents shown")
    table = page.locator("#incidents tbody tr td:nth-child(2)").all_inner_texts()
    assert len(table) == 2
    assert sorted(_marker_ids(page)) == sorted(INCIDENT_IDS)
    assert set(INCIDENT_IDS) - set(table)  # markers for incidents past the first page
    page.goto(f"{base_url}/incidents")

    page.select_option("select[name=verdict]", "violation")
    page.get_by_role("button", name="Filter").click()
    sync_api.expect(page.locator("#count")).to_contain_text("3 incidents")
    ids = page.locator("#incidents tbody tr td:nth-child(2)").all_inner_texts()
    assert sorted(ids) == ["inc-001", "inc-005", "inc-xss"]
    sync_api.expect(page.locator("#map")).to_have_attribute("data-ready", "3")
    assert sorted(_marker_ids(page)) == sorted(ids)
    page.screenshot(path=str(ARTIFACTS / "dashboard-incidents.png"), full_page=True)

    page.get_by_role("link", name="inc-001").click()
    sync_api.expect(page.locator("h1")).to_have_text("Incident inc-001")
    assert _verdict(page, "RU") == "violation"
    page.check("input[name=action][value=dispute]")
    page.fill("textarea[name=note]", "the footage predates the halt")
    reviewer = page.locator("#reviewer").inner_text()  # no accounts: the server's user
    page.get_by_role("button", name="Save review").click()
    sync_api.expect(page.locator("#verdicts tr[data-reading='RU'] .verdict-cell")).to_have_text(
        "disputed")
    sync_api.expect(page.locator("ol.reviews")).to_contain_text(f"dispute by {reviewer}")
    page.screenshot(path=str(ARTIFACTS / "dashboard-review.png"), full_page=True)

    page.goto(f"{base_url}/incidents?verdict=violation")
    sync_api.expect(page.locator("#count")).to_contain_text("2 incidents")


def test_source_markup_stays_text_in_the_browser(page, base_url):
    page.goto(f"{base_url}/incidents/inc-xss")
    evidence = page.locator("blockquote.evidence").inner_text()
    assert evidence.startswith("<script>alert('pwned')</script>")
    assert page.locator("main b", has_text="Bold").count() == 0
    page.goto(f"{base_url}/incidents")
    sync_api.expect(page.locator("#map")).to_have_attribute("data-ready", "7")
    page.locator(POINTS).nth(0).click(force=True)
    # popups are built from text nodes; the page fixture fails on any dialog or script error


def test_many_incidents_are_cells_until_the_reader_zooms_in(page, many_db):
    for base_url in _serve(many_db):
        page.goto(f"{base_url}/incidents")
        holder = page.locator("#map")
        sync_api.expect(holder).to_have_attribute("data-mode", "cells")
        sync_api.expect(holder).to_have_attribute("data-ready", "2548")
        status = page.locator("#map-status")
        sync_api.expect(status).to_contain_text("2,548 incidents in")
        sync_api.expect(status).to_contain_text("52 incidents without coordinates")
        cells = int(holder.get_attribute("data-features"))
        assert page.locator("#map .cell-pie").count() == cells > 1
        # a cell is a pie of its verdicts: a violation inside is a slice of its own
        slices = page.locator("#map .cell-pie [data-verdict]")
        assert slices.count() > cells
        page.screenshot(path=str(ARTIFACTS / "dashboard-map-cells.png"), full_page=True)

        page.locator("#map .cell-pie").first.click()
        sync_api.expect(page.locator("#map .leaflet-popup-content")).to_contain_text(
            "incidents in this cell")
        page.get_by_role("button", name="Zoom to this cell").click()
        sync_api.expect(holder).to_have_attribute("data-mode", "points")
        sync_api.expect(status).to_contain_text("outside this area")
        shown = int(holder.get_attribute("data-ready"))
        assert 0 < shown <= 2000
        assert page.locator(POINTS).count() == shown


def test_review_on_the_demo_workspace(page, tmp_path, runner):
    workspace = tmp_path / "demo"
    result = runner.invoke(app, ["demo", "--workspace", str(workspace)])
    assert result.exit_code == 0, result.output
    assert (workspace / "report.html").exists()
    for base_url in _serve(workspace / "trucewatch.duckdb"):
        page.goto(f"{base_url}/agreements/energy-moratorium-2025")
        assert page.locator(".reading").count() >= 3
        sync_api.expect(page.locator("#violations")).to_have_attribute("data-ready", "1")

        page.goto(f"{base_url}/incidents")
        page.select_option("select[name=agreement]", "energy-moratorium-2025")
        page.select_option("select[name=verdict]", "violation")
        page.get_by_role("button", name="Filter").click()
        sync_api.expect(page.locator("#map")).to_have_attribute("data-ready", re.compile(r"\d+"))
        sync_api.expect(page.locator("#timeline")).to_have_attribute("data-ready", "1")
        before = int(page.locator("#count").inner_text().split()[0])
        assert before > 0
        page.screenshot(path=str(ARTIFACTS / "demo-incidents.png"), full_page=True)

        page.locator("#incidents tbody tr td:nth-child(2) a").first.click()
        cells = page.locator("#verdicts .verdict-cell")
        assert "violation" in cells.all_inner_texts()
        page.check("input[name=action][value=dispute]")
        page.fill("textarea[name=note]", "one source only")
        page.get_by_role("button", name="Save review").click()
        sync_api.expect(page.locator("ol.reviews")).to_contain_text("dispute by")
        assert "violation" not in cells.all_inner_texts()
        assert "disputed" in cells.all_inner_texts()
        page.screenshot(path=str(ARTIFACTS / "demo-review.png"), full_page=True)

        page.goto(f"{base_url}/incidents?agreement=energy-moratorium-2025&verdict=violation")
        assert int(page.locator("#count").inner_text().split()[0]) < before


# -- a team's dashboard --------------------------------------------------------------------------


def _log_in(page, base_url: str, name: str) -> None:
    page.goto(f"{base_url}/incidents")
    sync_api.expect(page).to_have_url(re.compile(r"/login\?next=%2Fincidents$"))
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    sync_api.expect(page).to_have_url(f"{base_url}/incidents")
    sync_api.expect(page.locator("#who")).to_contain_text(f"{name} ({TEAM[name]})")


def _log_out(page) -> None:
    page.get_by_role("button", name="Log out").click()
    sync_api.expect(page.locator("h1")).to_have_text("Log in")


def test_each_role_in_the_browser(page, team_db, tmp_path):
    for base_url in _serve(team_db):
        page.goto(f"{base_url}/login")
        page.fill("input[name=username]", "ana")
        page.fill("input[name=password]", "not the password")
        page.get_by_role("button", name="Log in").click()
        sync_api.expect(page.locator("#login-error")).to_contain_text("wrong account name")

        # a viewer reads and may not review
        _log_in(page, base_url, "vera")
        page.goto(f"{base_url}/incidents/inc-001")
        sync_api.expect(page.locator("#review-refused")).to_contain_text("can read")
        assert page.locator("#review-form").count() == 0
        page.goto(f"{base_url}/users")
        sync_api.expect(page.locator(".error")).to_contain_text("may not manage accounts")
        page.goto(f"{base_url}/agreements")
        assert page.locator("#add-agreement").count() == 0
        _log_out(page)

        # an analyst reviews, in the account's name, and may not add agreements
        _log_in(page, base_url, "ana")
        page.goto(f"{base_url}/incidents/inc-001")
        sync_api.expect(page.locator("#reviewer")).to_have_text("ana")
        page.check("input[name=action][value=dispute]")
        page.fill("textarea[name=note]", "footage predates the halt")
        page.get_by_role("button", name="Save review").click()
        sync_api.expect(page.locator("ol.reviews")).to_contain_text("dispute by ana")
        sync_api.expect(page.locator("#verdicts tr[data-reading='RU'] .verdict-cell")
                        ).to_have_text("disputed")
        page.goto(f"{base_url}/agreements")
        assert page.locator("#add-agreement").count() == 0
        _log_out(page)

        # an editor adds an agreement spec and may not manage accounts
        _log_in(page, base_url, "ed")
        page.goto(f"{base_url}/agreements")
        page.set_input_files("#add-agreement input[type=file]", str(FLAGSHIP / "agreement.yaml"))
        page.get_by_role("button", name="Check and add").click()
        sync_api.expect(page).to_have_url(f"{base_url}/agreements/energy-moratorium-2025")
        page.goto(f"{base_url}/users")
        sync_api.expect(page.locator(".error")).to_contain_text("may not manage accounts")
        _log_out(page)

        # an admin adds an account and disables another
        _log_in(page, base_url, "ada")
        page.goto(f"{base_url}/users")
        page.fill("#add-user input[name=name]", "nina")
        page.select_option("#add-user select[name=role]", "viewer")
        page.fill("#add-user input[name=password]", PASSWORD)
        page.get_by_role("button", name="Add").click()
        sync_api.expect(page.locator("#users tr[data-user=nina]")).to_contain_text("viewer")
        page.locator("#users tr[data-user=vera]").get_by_role("button", name="Disable").click()
        sync_api.expect(page.locator("#users tr[data-user=vera]")).to_contain_text("disabled")
        page.screenshot(path=str(ARTIFACTS / "dashboard-accounts.png"), full_page=True)
        _log_out(page)

    with open_store(team_db) as store:
        actors = dict(store.conn.execute(
            "SELECT action, actor FROM audit_log WHERE action IN "
            "('review.dispute', 'add', 'user.add', 'user.disable')").fetchall())
    assert actors == {"review.dispute": "ana", "add": "ed", "user.add": "ada",
                      "user.disable": "ada"}


def test_a_page_on_another_name_gets_nothing(page, db):
    for base_url in _serve(db):
        port = base_url.rsplit(":", 1)[1]
        answer = page.goto(f"http://rebind.test:{port}/incidents")
        assert answer.status == 400
        assert "does not answer to the name 'rebind.test:" in page.content()
        page.goto(f"{base_url}/incidents")  # the right name still works
        sync_api.expect(page.locator("#count")).to_contain_text("7 incidents")


def test_a_cli_ingest_while_the_server_runs_shows_up_in_the_dashboard(page, tmp_path):
    db = tmp_path / "team.duckdb"
    seed_store(db)
    server = Served(db)
    try:
        page.goto(f"{server.url}incidents")
        sync_api.expect(page.locator("#count")).to_contain_text("7 incidents")
        for args in (["agreement", "add", str(FLAGSHIP / "agreement.yaml")],
                     ["ingest", "acled", str(FLAGSHIP / "inputs" / "acled.csv")]):
            done = subprocess.run([*TRUCEWATCH, "--db", str(db), *args], capture_output=True,
                                  text=True, timeout=300)
            assert done.returncode == 0, done.stderr
        page.reload()
        count = int(page.locator("#count").inner_text().split()[0].replace(",", ""))
        assert count > 7
        page.select_option("select[name=agreement]", "energy-moratorium-2025")
        page.get_by_role("button", name="Filter").click()
        sync_api.expect(page.locator("#map")).to_have_attribute("data-ready", re.compile(r"\d+"))
        assert page.locator(POINTS).count() > 0
    finally:
        server.stop()


def test_the_map_draws_region_outlines_and_names(page, base_url):
    page.goto(f"{base_url}/incidents")
    holder = page.locator("#map")
    sync_api.expect(holder).to_have_attribute("data-ready", "7")
    sync_api.expect(holder).to_have_attribute("data-outlines-drawn", re.compile(r"[1-9]\d*"))
    outlines = page.locator("#map .leaflet-outlines-pane path")
    assert outlines.count() == int(holder.get_attribute("data-outlines-drawn")) > 10
    sync_api.expect(holder).to_have_attribute("data-names-shown", re.compile(r"[1-9]\d*"))
    shown = page.locator("#map .region-name:not([style*='hidden'])")
    assert shown.count() == int(holder.get_attribute("data-names-shown")) >= 8
    assert {"Kharkiv", "Kherson"} <= set(shown.all_inner_texts())
    page.screenshot(path=str(ARTIFACTS / "dashboard-map-outlines.png"))
    sync_api.expect(page.locator("#timeline")).to_have_attribute("data-ready", "1")
    holder, drawn = (page.locator(s).bounding_box() for s in ("#timeline", "#timeline svg"))
    assert drawn["x"] + drawn["width"] <= holder["x"] + holder["width"] + 1  # legend not cut


def test_the_report_reads_offline_with_outlines_a_scrollable_table_and_whole_legends(page, db,
                                                                                  tmp_path):
    out = tmp_path / "report.html"
    with open_store(db) as store:
        write_report(store, "test-halt", out)
    page.set_viewport_size({"width": 1000, "height": 900})
    page.goto(out.as_uri())
    for chart in ("#map", "#timeline", "#violations"):
        sync_api.expect(page.locator(chart)).to_have_attribute("data-ready", "1")
    # the map: the regions' outlines and names under the incidents
    shapes = page.locator("#map svg path")
    assert shapes.count() > 20
    assert "Kharkiv" in page.locator("#map svg text").all_text_contents()
    # the incident table scrolls sideways inside its box, and its sources can be reached
    box = page.locator("#incident-table-scroll")
    width, shown = box.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1000
    box.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    frame, link = box.bounding_box(), page.locator("#incident-table td.sources a").first
    found = link.bounding_box()
    assert frame["x"] <= found["x"] and found["x"] + found["width"] <= frame["x"] + frame["width"]
    assert width > shown  # at 1000 px the 11 columns do not fit: it scrolls
    # no chart draws outside its box (a clipped legend)
    for chart in ("#map", "#timeline", "#violations"):
        holder = page.locator(chart).bounding_box()
        drawn = page.locator(f"{chart} svg").bounding_box()
        assert drawn["x"] + drawn["width"] <= holder["x"] + holder["width"] + 1, chart
    page.screenshot(path=str(ARTIFACTS / "report-narrow.png"), full_page=True)
