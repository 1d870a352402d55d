"""Embeds and small screens, in a real browser: an embed at 720x480 shows every stop clear of its
controls, the legend folds away on narrow maps, the actor page puts its map first on a phone and
shows its stops as cards without overflowing, and Escape closes a popup.

The trips server (conftest) holds Kim Jong Un's two trips to Russia and an undated Sochi, which
spread the stops from the Black Sea to the Sea of Japan. Every test also passes the `page`
fixture's checks (no foreign request, console error, uncaught error or dialog).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
MAP_READY = ".itinerant-stop"

# Each point stop's box, and whether it lies inside the map and clear of every control.
STOPS_IN_THE_OPEN = """() => {
  const map = document.querySelector(".leaflet-container").getBoundingClientRect();
  const controls = [...document.querySelectorAll(".leaflet-control")]
    .map(node => node.getBoundingClientRect()).filter(r => r.width && r.height);
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  return [...document.querySelectorAll(".itinerant-stop")].map(node => {
    const r = node.getBoundingClientRect();
    const inside = r.left >= map.left && r.right <= map.right && r.top >= map.top && r.bottom <= map.bottom;
    return {stop: node.innerText, inside: inside, clear: !controls.some(c => overlaps(r, c))};
  });
}"""
NO_HORIZONTAL_OVERFLOW = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def watch(watch, trips_server):
    """conftest's watch, with the trips server's host allowed too."""
    watch.allowed_hosts.add(urlsplit(trips_server).netloc)
    return watch


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"embeds-{name}.png"))


def _open(page, url: str, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url)
    page.wait_for_selector(MAP_READY)


@pytest.mark.parametrize("path", ["/embed/actors/kim-jong-un", "/embed/map?actors=kim-jong-un"])
def test_an_embed_at_720x480_shows_every_stop_clear_of_its_controls(page, trips_server, path):
    _open(page, trips_server + path, 720, 480)
    stops = page.evaluate(STOPS_IN_THE_OPEN)
    assert len(stops) == 5
    assert [s for s in stops if not (s["inside"] and s["clear"])] == []
    assert page.locator(".itinerant-replay").is_visible()  # the controls are there, beside the stops
    _shot(page, "embed-720x480" + ("-combined" if "map?" in path else ""))


def test_an_embed_has_a_title_line_and_a_source_line_that_links_back(page, trips_server):
    _open(page, f"{trips_server}/embed/actors/kim-jong-un", 720, 480)
    title = page.locator("h1.itinerant-title")
    assert title.is_visible() and title.inner_text() == "Kim Jong Un 25 Apr 2019 \u2013 18 Sep 2023"
    source = page.locator(".itinerant-source a")
    assert source.is_visible() and source.get_attribute("href") == f"{trips_server}/actors/kim-jong-un"
    # The title and source lines sit outside the map, which takes the height between them.
    map_box = page.locator(".leaflet-container").bounding_box()
    assert title.bounding_box()["y"] + title.bounding_box()["height"] <= map_box["y"] + 1
    assert source.bounding_box()["y"] >= map_box["y"] + map_box["height"] - 1


def test_the_legend_is_a_toggle_collapsed_under_800_px_and_open_above(page, trips_server):
    _open(page, f"{trips_server}/embed/actors/kim-jong-un", 720, 480)
    toggle = page.locator(".itinerant-legend-toggle")
    assert toggle.get_attribute("aria-expanded") == "false" and toggle.get_attribute("aria-label")
    assert page.locator(".itinerant-legend ul").is_hidden()
    toggle.click()
    assert page.locator(".itinerant-legend ul").is_visible() and toggle.get_attribute("aria-expanded") == "true"
    _open(page, f"{trips_server}/actors/kim-jong-un/map", 1200, 800)
    assert page.locator(".itinerant-legend ul").is_visible()
    assert page.locator(".itinerant-legend-toggle").get_attribute("aria-expanded") == "true"


UNNAMED_BUTTONS = """() => [...document.querySelectorAll("button, a[role=button]")]
  .filter(b => !(b.getAttribute("aria-label") || b.innerText.trim())).map(b => b.outerHTML)"""


def test_every_button_on_a_map_is_named(page, trips_server, live_server):
    _open(page, f"{trips_server}/actors/kim-jong-un/map", 1200, 800)
    assert page.evaluate(UNNAMED_BUTTONS) == []
    assert page.locator("h1").count() == 1 and page.evaluate("() => document.documentElement.lang") == "en"
    # Several actors: Leaflet's layer control too.
    _open(page, f"{live_server.url}/map?actors=kim-jong-un,vladimir-putin", 1200, 800)
    assert page.locator(".leaflet-control-layers").count() == 1
    assert page.evaluate(UNNAMED_BUTTONS) == []


def test_escape_closes_a_popup(page, trips_server):
    _open(page, f"{trips_server}/actors/kim-jong-un/map", 1200, 800)
    page.locator(".itinerant-stop", has_text="4").click()
    page.locator(".leaflet-popup-content").wait_for()
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert page.locator(".leaflet-popup").count() == 0


def test_the_actor_page_on_a_phone_shows_the_map_first_and_the_stops_as_cards(page, trips_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{trips_server}/actors/kim-jong-un")
    frame = page.frame_locator(".itinerary-map iframe")
    frame.locator(MAP_READY).first.wait_for()
    map_box = page.locator(".itinerary-map iframe").bounding_box()
    first_stop = page.locator(".itinerary-table tbody tr").first.bounding_box()
    assert map_box["y"] + map_box["height"] <= first_stop["y"]
    assert page.evaluate(NO_HORIZONTAL_OVERFLOW)
    displays = page.eval_on_selector_all(
        ".itinerary-table tbody tr", "rows => rows.map(r => getComputedStyle(r).display)"
    )
    assert displays and set(displays) == {"block"}
    assert page.locator(".itinerary-table thead").first.bounding_box()["width"] <= 1  # for screen readers alone
    # The map inside is narrow: its legend is folded away.
    assert frame.locator(".itinerant-legend-toggle").get_attribute("aria-expanded") == "false"
    _shot(page, "actor-page-390x844")
    page.locator(".itinerary-table").first.scroll_into_view_if_needed()
    _shot(page, "actor-page-390x844-stops")


@pytest.mark.parametrize(
    "path", ["/actors/kim-jong-un/map", "/map?actors=kim-jong-un", "/", "/articles/1", "/ingest", "/feeds"]
)
def test_pages_on_a_phone_do_not_overflow_and_allow_pinch_zoom(page, trips_server, path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(trips_server + path)
    if "map" in path:
        page.wait_for_selector(MAP_READY)
    assert page.evaluate(NO_HORIZONTAL_OVERFLOW)
    viewports = page.eval_on_selector_all('meta[name="viewport"]', "metas => metas.map(m => m.content)")
    assert len(viewports) == 1 and "user-scalable" not in viewports[0] and "maximum-scale" not in viewports[0]
    assert page.locator("h1").count() == 1 and page.evaluate("() => document.documentElement.lang") == "en"


def test_the_copied_embed_code_fills_a_narrow_column(page, trips_server, live_server):
    # The code from the actor page, pasted into a column 360 px wide: the map takes its width.
    page.set_viewport_size({"width": 1200, "height": 800})
    page.goto(f"{trips_server}/actors/kim-jong-un")
    code = page.locator("#embed-code").input_value()
    page.set_content(f'<!DOCTYPE html><html lang="en"><body><div style="width:360px">{code}</div></body></html>')
    frame_box = page.locator("iframe").bounding_box()
    assert round(frame_box["width"]) == 360 and round(frame_box["height"]) == 270  # 800x600's shape
