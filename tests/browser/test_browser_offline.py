"""Pages that work with no network but the service: the API documentation, error pages, and
maps whose tile server cannot be reached.

Every test also passes the `page` fixture's checks: no request to any host but the servers,
no console error, no uncaught error, no dialog. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re

import pytest
from page_wait import wait_until

pytestmark = pytest.mark.browser

TILE_HOST = "tile.openstreetmap.org"
MAP_READY = ".itinerant-stop"
OFFLINE_READY = "document.querySelectorAll('.leaflet-container.itinerant-offline path').length > 100"


@pytest.fixture
def no_tile_server(page, watch, tiled_server):
    """No tile server answers: every tile request fails, as it would offline."""
    watch.allowed_hosts.add(f"127.0.0.1:{tiled_server.port}")
    page.context.route(re.compile(rf"^https://{re.escape(TILE_HOST)}/"), lambda route: route.abort())
    yield tiled_server
    # The tiles tried and failed: that is the point of these tests, not a fault. Nothing else left the host.
    assert {url.split("/")[2] for url in watch.foreign_requests()} <= {TILE_HOST}
    watch.requests[:] = [url for url in watch.requests if TILE_HOST not in url]
    watch.console_errors[:] = [e for e in watch.console_errors if "net::ERR_FAILED" not in e]


def _attribution(frame) -> str:
    return frame.locator(".leaflet-control-attribution").inner_text()


@pytest.mark.parametrize(
    "path", ["/actors/kim-jong-un/map", "/map", "/map?actors=kim-jong-un,vladimir-putin", "/embed/actors/kim-jong-un"]
)
def test_a_map_whose_tiles_cannot_load_shows_the_offline_basemap(page, no_tile_server, path):
    page.goto(f"{no_tile_server.url}{path}")
    wait_until(page, OFFLINE_READY)
    assert page.locator(".leaflet-tile-pane img").count() == 0  # the tile layer is gone
    assert page.locator(".leaflet-itinerant-basemap-pane path").count() > 100
    page.wait_for_selector(".itinerant-label-country span")
    credits = _attribution(page)
    assert "countryinfo" in credits and "OpenStreetMap" not in credits
    if path != "/map":
        page.wait_for_selector(MAP_READY)  # the itinerary is drawn over it


def test_the_actor_pages_map_falls_back_inside_its_frame(page, no_tile_server):
    page.goto(f"{no_tile_server.url}/actors/kim-jong-un")
    frame = page.frame_locator(".itinerary-map iframe")
    frame.locator(".leaflet-container.itinerant-offline").wait_for()
    frame.locator(".itinerant-label-country span").first.wait_for()
    frame.locator(MAP_READY).first.wait_for()
    # The outlines and the labels load side by side: wait for the outlines themselves.
    frame.locator(".leaflet-container.itinerant-offline path").nth(100).wait_for(state="attached")
    assert "countryinfo" in _attribution(frame)


def test_the_offline_basemap_labels_cities_by_zoom_and_credits_geonames(page, no_tile_server):
    page.goto(f"{no_tile_server.url}/actors/kim-jong-un/map")
    wait_until(page, OFFLINE_READY)
    page.wait_for_selector(".itinerant-label-country span")
    # Without animation, the view (and the labels it allows) changes before evaluate returns.
    set_view = "([lat, lon, zoom]) => Object.values(window).find(v => v instanceof L.Map)"
    set_view += ".setView([lat, lon], zoom, {animate: false})"
    page.evaluate(set_view, [42.0, 126.0, 3])
    assert page.locator(".itinerant-label-country").count() > 0
    assert page.locator(".itinerant-label-capital, .itinerant-label-city").count() == 0  # too far out for cities
    page.evaluate(set_view, [42.0, 126.0, 5])
    page.wait_for_selector(".itinerant-label-capital span:has-text('Pyongyang')")
    page.wait_for_selector(".itinerant-label-city span:has-text('Harbin')")
    assert "City labels: GeoNames (CC BY 4.0)" in _attribution(page)


def test_tiles_that_load_stay_with_their_attribution(page, watch, tiled_server):
    watch.allowed_hosts.add(f"127.0.0.1:{tiled_server.port}")
    blank_png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082"
    )
    page.context.route(
        re.compile(rf"^https://{re.escape(TILE_HOST)}/"),
        lambda route: route.fulfill(status=200, content_type="image/png", body=blank_png),
    )
    page.goto(f"{tiled_server.url}/actors/kim-jong-un/map")
    page.wait_for_selector(".leaflet-tile-loaded")
    page.wait_for_selector(MAP_READY)
    assert "OpenStreetMap" in _attribution(page)
    assert page.locator(".leaflet-container.itinerant-offline").count() == 0
    # The tiles came from the (stand-in) tile server, and nothing else left the host.
    assert {url.split("/")[2] for url in watch.foreign_requests()} == {TILE_HOST}
    watch.requests[:] = [url for url in watch.requests if TILE_HOST not in url]


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
