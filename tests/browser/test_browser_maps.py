"""What a person sees, in a real browser: maps, popups, the replay, embeds, and hostile text.

Every test also passes the `page` fixture's checks: no request to any host but the servers,
no console error, no uncaught error, no dialog.
"""

from __future__ import annotations

import re

import pytest
from page_wait import wait_until

pytestmark = pytest.mark.browser

MAP_READY = ".itinerant-stop"


def _open_map(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(MAP_READY)


def test_actor_map_shows_numbered_stops_and_legend_and_no_leg_between_trips(page, live_server):
    _open_map(page, f"{live_server.url}/actors/kim-jong-un/map")
    # April 2019 and September 2023 are two trips; the planned stop has no date, so no number.
    # (Legs within a trip, dashed when planned, with arrows: tests/browser/test_browser_trips.py.)
    assert page.locator(".itinerant-stop").all_inner_texts() == ["1", "2", ""]
    assert page.locator(".itinerant-stop.itinerant-planned.itinerant-undated").count() == 1
    assert page.locator("path.itinerant-leg").count() == 0
    assert page.locator("textPath").count() == 0
    assert page.locator(".itinerant-legend").is_visible()
    assert "GeoNames" in page.locator(".leaflet-control-attribution").inner_text()
    # The offline basemap's country outlines, fetched from the server after the map opens.
    wait_until(page, "() => document.querySelectorAll('.leaflet-container.itinerant-offline path').length > 100")


def test_popup_opens_on_click_with_evidence_and_article_link(page, live_server):
    _open_map(page, f"{live_server.url}/actors/kim-jong-un/map")
    page.locator(".itinerant-stop").nth(1).click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "2. Komsomolsk-on-Amur" in popup.inner_text() and "2023-09-15" in popup.inner_text()
    # The evidence is fetched from the event's URL as the popup opens.
    from playwright.sync_api import expect

    expect(popup.locator(".itinerant-evidence")).to_have_text("Kim Jong Un went to Komsomolsk-on-Amur.")
    assert popup.locator("a").get_attribute("href") == "/articles/1"


def test_replay_steps_from_stop_to_stop(page, live_server):
    _open_map(page, f"{live_server.url}/actors/kim-jong-un/map")
    label = page.locator(".itinerant-replay-label")
    assert label.inner_text() == "1. Vladivostok, Apr 2019"
    page.locator(".itinerant-replay-next").click()
    assert label.inner_text() == "2. Komsomolsk-on-Amur, 15 Sep 2023"
    # The undated plan is no step: the replay ends here, with no leg between the two trips.
    assert page.locator(".itinerant-replay-next").is_disabled()
    assert page.locator("path.itinerant-replay-leg").count() == 0


def test_several_actors_each_in_a_layer(page, live_server):
    _open_map(page, f"{live_server.url}/map?actors=kim-jong-un,vladimir-putin")
    assert page.locator(".itinerant-stop").count() == 4
    layer_names = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    assert [name.strip() for name in layer_names if name.strip() != "Replay"] == ["Kim Jong Un", "Vladimir Putin"]
    page.locator(".leaflet-control-layers-overlays label", has_text="Vladimir Putin").locator("input").uncheck()
    assert page.locator(".itinerant-stop").count() == 3


def test_all_events_clustered(page, live_server):
    page.goto(f"{live_server.url}/map")
    page.wait_for_selector(".marker-cluster, .itinerant-event")
    clustered = page.evaluate(
        "() => Object.values(window).filter(v => v instanceof L.MarkerClusterGroup).map(g => g.getLayers().length)"
    )
    assert clustered == [4]
    assert page.locator(".marker-cluster").count() >= 1  # Vladivostok's two events, at least, share a cluster


def test_embed_renders_inside_an_iframe_of_another_origin(page, live_server, other_origin):
    page.goto(f"{other_origin.url}/embed/actors/kim-jong-un")
    frame = page.frame_locator("#map")
    frame.locator(MAP_READY).first.wait_for()
    assert frame.locator(".itinerant-stop").count() == 3
    assert frame.locator(".itinerant-embed").count() == 0  # minimal chrome
    frame.locator(".itinerant-stop").nth(1).click()
    assert "Komsomolsk-on-Amur" in frame.locator(".leaflet-popup-content").inner_text()


def test_other_pages_refuse_to_be_framed(page, live_server, other_origin, watch):
    page.goto(f"{other_origin.url}/actors/kim-jong-un/map")
    wait_until(page, "() => window.frames.length === 1")
    page.wait_for_timeout(300)
    (framed,) = [frame for frame in page.frames if frame != page.main_frame]
    assert framed.url.startswith("chrome-error://")  # Chromium's page for a refused frame
    refusals = [e for e in watch.console_errors if "frame-ancestors" in e or "Refused to display" in e]
    assert refusals  # the refusal is the point of this test, not a fault
    watch.console_errors[:] = [e for e in watch.console_errors if e not in refusals]


def test_embed_code_control_offers_the_iframe(page, live_server):
    _open_map(page, f"{live_server.url}/actors/kim-jong-un/map")
    page.locator(".itinerant-embed-toggle").click()
    code = page.locator(".itinerant-embed-code").input_value()
    assert code.startswith('<div class="itinerant-embed-frame" style="position:relative;width:100%;max-width:800px;')
    assert f'<iframe src="{live_server.url}/embed/actors/kim-jong-un"' in code
    page.locator(".itinerant-embed-copy").click()
    wait_until(page, "() => document.querySelector('.itinerant-embed-status').textContent !== ''")


@pytest.mark.parametrize(
    "path",
    [
        "/actors/kim-jong-un/map",
        "/map",
        "/map?actors=kim-jong-un,vladimir-putin",
        "/articles/1",
        "/actors/kim-jong-un",
        "/",
    ],
)
def test_hostile_article_text_runs_nothing(page, live_server, watch, path):
    page.goto(f"{live_server.url}{path}")
    page.wait_for_load_state("networkidle")
    # Open every popup a map offers, so that the hostile evidence is on the page. The click is
    # dispatched to the marker: an open popup pans the map and may carry the next marker out of view.
    for index in range(page.locator(".itinerant-stop").count()):
        page.locator(".itinerant-stop").nth(index).dispatch_event("click")
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator('img[src="x"], svg[onload], [onerror]').count() == 0
    assert watch.dialogs == []
    if path == "/actors/kim-jong-un/map":
        page.locator(".itinerant-stop").first.click(force=True)
        popup = page.locator(".leaflet-popup-content", has_text="1. Vladivostok")
        from playwright.sync_api import expect

        expect(popup).to_contain_text('onerror="window.__pwned')  # shown, as text, once fetched
        assert page.evaluate("() => window.__pwned") is None


def test_pages_render(page, live_server, watch):
    page.goto(f"{live_server.url}/")
    assert page.locator("h1").inner_text() == "Who went where, and when"
    page.locator("a", has_text="Kim Jong Un").first.click()
    page.wait_for_url(re.compile(r"/actors/kim-jong-un$"))
    assert page.locator("table.data tbody tr[data-stop]").count() == 3  # a row each, besides their forms
    page.frame_locator(".itinerary-map iframe").locator(MAP_READY).first.wait_for()
    page.goto(f"{live_server.url}/ingest")
    page.locator("button[type=submit]").click()
    page.wait_for_selector(".form-errors")
    assert "Article text is required" in page.locator("#e-text").inner_text()
    # The form answers 422 to a bad submission, which Chromium notes on the console.
    watch.console_errors[:] = [e for e in watch.console_errors if "422" not in e]


@pytest.mark.parametrize("path", ["/actors/kim-jong-un/map", "/embed/map?actors=kim-jong-un", "/"])
def test_the_content_security_policy_runs_the_page_but_no_script_added_to_it(page, live_server, watch, path):
    # The map pages' own inline scripts run (the map is drawn; the page fixture sees no CSP
    # report); a script that something else puts into the page, inline or as a handler, does not.
    page.goto(f"{live_server.url}{path}")
    if "map" in path:
        page.wait_for_selector(MAP_READY)
    page.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.__injected = "script"';
            document.body.appendChild(script);
            const image = document.createElement('img');
            image.setAttribute('onerror', 'window.__injected = "handler"');
            image.src = 'data:,';
            document.body.appendChild(image);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__injected") is None
    refusals = [e for e in watch.console_errors if "Content Security Policy" in e]
    assert len(refusals) == 2, watch.console_errors
    watch.console_errors[:] = [e for e in watch.console_errors if e not in refusals]
