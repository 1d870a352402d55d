"""Pages that work with no network but the service: the API documentation, error pages, and
maps whose tile server cannot be reached.

Every test also passes the `page` fixture's checks: no request to any host but the servers,
no console error, no uncaught error, no dialog. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_swagger_ui_renders_the_operations_offline(page, live_server):
    page.goto(f"{live_server.url}/docs")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() > 10
    assert page.locator(".opblock-summary-path", has_text="/api/articles").count() >= 1
    page.locator(".opblock-summary", has_text="/api/actors").first.click()
    page.wait_for_selector(".opblock.is-open")


def test_redoc_renders_the_operations_offline(page, live_server):
    page.goto(f"{live_server.url}/redoc")
    page.wait_for_selector("h1:has-text('itinerant')")
    page.wait_for_selector("[data-section-id^='operation/']")
    assert page.locator("[data-section-id^='operation/']").count() > 10
    assert page.get_by_text("/api/articles", exact=False).count() >= 1


def test_a_typo_shows_a_page_with_a_way_home(page, live_server, watch):
    response = page.goto(f"{live_server.url}/actros/kim-jong-un")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert "/actros/kim-jong-un" in page.locator("main").inner_text()
    page.locator("a", has_text="home").click()
    page.wait_for_url(f"{live_server.url}/")
    # Chromium notes the 404 itself on the console; it is the point of the test.
    watch.console_errors[:] = [e for e in watch.console_errors if "404" not in e]
