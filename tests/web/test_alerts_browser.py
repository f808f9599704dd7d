"""The alerts page in a real browser (chromium via Playwright, as tests/web/test_browser.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .seed import SCRIPT, XSS_ID
from .test_alerts_page import _seed_alerts
from .test_browser import ARTIFACTS, _serve, browser, page, sync_api  # noqa: F401  (fixtures)


@pytest.fixture
def alerts_url(db: Path) -> Iterator[str]:
    _seed_alerts(db)
    yield from _serve(db)


def test_the_alerts_page_from_the_navigation(page, alerts_url):  # noqa: F811
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{alerts_url}/agreements")
    page.get_by_role("link", name="Alerts").click()
    sync_api.expect(page.locator("h1")).to_have_text("Alerts")
    sync_api.expect(page.locator("#count")).to_contain_text("1 alert")
    row = page.locator("#alerts tbody tr").first
    sync_api.expect(row).to_contain_text(SCRIPT)  # shown as text: the page opened no dialog
    sync_api.expect(row).to_contain_text("stdout: pending")
    page.locator("input[name=history]").check()
    page.get_by_role("button", name="Filter").click()
    sync_api.expect(page.locator("#count")).to_contain_text("2 alerts")
    page.screenshot(path=str(ARTIFACTS / "dashboard-alerts.png"), full_page=True)
    page.locator("#alerts tbody tr").first.get_by_role("link", name=XSS_ID).click()
    sync_api.expect(page.locator("h1")).to_have_text(f"Incident {XSS_ID}")
