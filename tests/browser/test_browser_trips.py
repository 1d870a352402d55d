"""Trips, areas and the replay by stop, in a real browser.

A server of its own holds Kim Jong Un's two trips to Russia (tests/support/app_fixtures.TWO_TRIPS):
Vladivostok in April 2019; then in September 2023 "Russia" (known only at country level),
Vladivostok, Komsomolsk-on-Amur and a planned Khabarovsk; and Sochi, undated. Every test also
passes the `page` fixture's checks (no foreign request, console error, uncaught error or dialog).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from page_watch import PageWatch

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
MAP_READY = ".itinerant-stop"
# Every leg drawn, as (from, to, trip, dashed), read from the map's own layers.
DRAWN_LEGS = """() => {
  const group = Object.values(window).find(v => v && v.itinerant && v.itinerant.collection);
  const legs = [];
  group.eachLayer(sub => sub.eachLayer && sub.eachLayer(layer => {
    const p = layer.feature && layer.feature.properties;
    if (p && p.kind === "leg") legs.push([p.from, p.to, p.trip, layer.options.dashArray === "8 7"]);
  }));
  return legs;
}"""


@pytest.fixture
def watch(trips_server) -> PageWatch:
    return PageWatch({urlsplit(trips_server).netloc})


def _open_map(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(MAP_READY)


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"trips-{name}.png"))


def test_two_trips_have_no_leg_between_them_and_the_area_stop_none(page, trips_server):
    _open_map(page, f"{trips_server}/actors/kim-jong-un/map")
    # Point stops are numbered badges (the undated one has no number); the country is an area.
    assert page.locator(".itinerant-stop").all_inner_texts() == ["1", "3", "4", "5", ""]
    assert page.locator(".itinerant-stop.itinerant-undated").count() == 1
    area = page.locator(".itinerant-area-label")
    assert area.all_inner_texts() == ["in Russia, 12 Sep 2023"]
    assert page.locator("path.itinerant-area-shape").count() == 1  # Russia's outline, shaded
    # Legs only within the second trip, from Vladivostok (3) to Komsomolsk (4), then planned to Khabarovsk (5).
    assert page.evaluate(DRAWN_LEGS) == [[3, 4, 2, False], [4, 5, 2, True]]
    assert page.locator("path.itinerant-leg").count() == 2
    assert page.locator("path.itinerant-leg.itinerant-trip-1").count() == 0
    assert page.locator('path.itinerant-leg[stroke-dasharray="8 7"]').count() == 1
    legend = page.locator(".itinerant-legend").inner_text()
    assert "Apr 2019: Primorye, Russia, 1 stop" in legend and "Sep 2023: Russia, 4 stops" in legend
    _shot(page, "map")
    area.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Sep 2023: Russia, 4 stops" in text and "arrived" in text
    assert "Precision: country level" in text and "Confidence: medium (0.70)" in text


def test_popups_show_readable_actions_precision_and_confidence(page, trips_server):
    _open_map(page, f"{trips_server}/actors/kim-jong-un/map")
    page.locator(".itinerant-stop", has_text="4").click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "4. Komsomolsk-on-Amur" in text and "arrived" in text and "pull" not in text.split("\n")[2]
    assert page.locator(".itinerant-action").get_attribute("title") == "pull"  # the verb, kept
    assert "Precision: city" in text and "Confidence: medium" in text


def test_replay_steps_stop_by_stop_and_ends_on_the_last_stop_that_happened(page, trips_server):
    _open_map(page, f"{trips_server}/actors/kim-jong-un/map")
    label, counter = page.locator(".itinerant-replay-label"), page.locator(".itinerant-replay-counter")
    next_button = page.locator(".itinerant-replay-next")
    replay_legs = page.locator("path.itinerant-replay-leg")
    seen = [(counter.inner_text(), label.inner_text(), replay_legs.count())]
    while not next_button.is_disabled():
        next_button.click()
        seen.append((counter.inner_text(), label.inner_text(), replay_legs.count()))
    assert seen == [
        ("1/4", "1. Vladivostok, 25 Apr 2019", 0),
        ("2/4", "in Russia, 12 Sep 2023", 0),  # an area: no leg to it
        ("3/4", "3. Vladivostok, 13 Sep 2023", 0),  # a new trip: no leg from 2019
        ("4/4", "4. Komsomolsk-on-Amur, 15 Sep 2023", 1),
    ]
    # It ends at Komsomolsk-on-Amur: the planned Khabarovsk leg stays dashed, never drawn as travelled.
    assert page.locator(".itinerant-replay-current").all_inner_texts() == ["4"]
    assert page.locator('path.itinerant-leg[stroke-dasharray="8 7"]').count() == 1
    _shot(page, "replay-end")
    page.locator(".itinerant-replay-previous").click()
    assert label.inner_text() == "3. Vladivostok, 13 Sep 2023" and replay_legs.count() == 0
    page.locator(".itinerant-replay-first").click()
    assert counter.inner_text() == "1/4"


def test_actor_page_has_a_heading_per_trip_and_the_undated_apart(page, trips_server):
    page.goto(f"{trips_server}/actors/kim-jong-un")
    headings = page.locator(".itinerary-table h3").all_inner_texts()
    assert headings == ["Apr 2019: Primorye, Russia, 1 stop", "Sep 2023: Russia, 4 stops", "Undated"]
    undated = page.locator("#undated tbody tr[data-stop]")  # its row, besides its correction form
    assert undated.count() == 1 and undated.locator("td.num").inner_text() == ""
    assert "in Russia" in page.locator("#trip-2").inner_text()
    page.frame_locator(".itinerary-map iframe").locator(MAP_READY).first.wait_for()
    _shot(page, "actor-page")
