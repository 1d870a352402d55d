"""Corrections made in a real browser, through the article page's forms, kept when the article is re-read.

A server of its own holds one article read as the test trip (tests/support/app_fixtures.TRIP):
Kim Jong Un in Vladivostok (2019), in Komsomolsk-on-Amur (2023) and planned in Vladivostok, and
Vladimir Putin in Sochi; its gazetteer also knows Khabarovsk, which a search finds. Every test also
passes the `page` fixture's checks (no foreign request, console error, uncaught error or dialog).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from app_fixtures import KHABAROVSK, KOMSOMOLSK, SOCHI, TRIP, VLADIVOSTOK
from live_server import serve
from memory_gazetteer import MemoryGazetteer
from page_watch import PageWatch
from pipelines import pipeline

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TEXT = "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi."


@pytest.fixture(scope="module")
def corrections_server(tmp_path_factory) -> Iterator[str]:
    from fastapi.testclient import TestClient

    from app.db import make_engine
    from app.main import create_app
    from app.migrate import upgrade_database
    from app.services import Services
    from app.settings import Settings

    data_dir = tmp_path_factory.mktemp("corrections-store")
    engine = make_engine(f"sqlite:///{data_dir / 'itinerant.sqlite'}")
    upgrade_database(engine)
    gazetteer = MemoryGazetteer()
    for place in (VLADIVOSTOK, KOMSOMOLSK, KHABAROVSK, SOCHI):
        gazetteer.add(place)
    places = {"Vladivostok": VLADIVOSTOK, "Sochi": SOCHI}
    services = Services(
        Settings(data_dir=data_dir, tiles="none", asset_mode="local", _env_file=None),
        engine,
        gazetteer_factory=lambda _settings: gazetteer,
        pipeline_factory=lambda _settings, _gazetteer: pipeline(places, TRIP),
    )
    app = create_app(services=services)
    with TestClient(app) as client:
        assert client.post("/api/articles", json={"text": TEXT, "published": "2023-09-15"}).status_code == 201
    with serve(app) as url:
        yield url
    engine.dispose()


@pytest.fixture
def watch(corrections_server) -> PageWatch:
    return PageWatch({urlsplit(corrections_server).netloc})


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"corrections-{name}.png"), full_page=True)


def _event_row(page, place: str):
    return page.locator("tr[id^=event-]", has_text=place)


def test_reject_an_event_and_change_a_place_in_the_browser_then_re_process(page, corrections_server):
    page.goto(f"{corrections_server}/articles/1")
    assert page.locator("details.correction").count() == len(TRIP)

    # Reject Putin's stop in Sochi: not a stop.
    putin = _event_row(page, "Vladimir Putin")
    putin_id = putin.get_attribute("id").removeprefix("event-")
    form = page.locator(f"#correct-{putin_id}")
    form.locator("summary").click()
    form.get_by_role("button", name="Reject: not a stop").click()
    page.wait_for_url(f"{corrections_server}/articles/1#rejected")
    rejected = page.locator("#rejected")
    assert "Vladimir Putin · met · Sochi" in rejected.inner_text()
    assert _event_row(page, "Vladimir Putin").count() == 0

    # Move the Komsomolsk-on-Amur stop to Khabarovsk, found by a search of the gazetteer.
    komsomolsk_id = _event_row(page, "Komsomolsk-on-Amur").get_attribute("id").removeprefix("event-")
    form = page.locator(f"#correct-{komsomolsk_id}")
    form.locator("summary").click()
    form.get_by_label("Find another place").fill("Khabarovsk")
    form.get_by_role("button", name="Search the gazetteer").click()
    page.wait_for_url(f"**/articles/1?correct={komsomolsk_id}&q=Khabarovsk#correct-{komsomolsk_id}")
    form = page.locator(f"#correct-{komsomolsk_id}")
    assert form.get_attribute("open") is not None  # the form the search was for comes back open
    form.get_by_label("Place", exact=True).select_option(label="Khabarovsk, Khabarovsk, RU — found for “Khabarovsk”")
    form.get_by_label("Date").fill("2023-09-16")
    _shot(page, "form")
    form.get_by_role("button", name="Save the correction").click()
    page.wait_for_url(f"{corrections_server}/articles/1#event-{komsomolsk_id}")
    row = page.locator(f"#event-{komsomolsk_id}")
    assert "Khabarovsk" in row.inner_text() and "2023-09-16" in row.inner_text()

    # Read the article again: both corrections stand, and neither stop is read back in.
    response = page.request.post(f"{corrections_server}/api/articles/1/reprocess")
    assert response.ok, response.text()
    page.goto(f"{corrections_server}/articles/1")
    rows = page.locator("tr[id^=event-]")
    where = page.locator("tr[id^=event-] > td:nth-child(3)").all_inner_texts()
    # The evidence still says Komsomolsk-on-Amur: only the place changed.
    assert sorted(where) == ["Khabarovsk RU", "Vladivostok RU", "Vladivostok RU"]
    assert "Vladimir Putin" not in " ".join(rows.all_inner_texts())
    assert "Vladimir Putin · met · Sochi" in page.locator("#rejected").inner_text()
    stops = page.request.get(f"{corrections_server}/api/actors/kim-jong-un/itinerary").json()["stops"]
    assert "Khabarovsk" in [stop["place"] for stop in stops]
    assert "Komsomolsk-on-Amur" not in [stop["place"] for stop in stops]
    _shot(page, "after-reprocessing")


def test_a_bad_date_comes_back_beside_its_field_and_a_missed_stop_is_added(page, watch, corrections_server):
    page.goto(f"{corrections_server}/articles/1")
    event_id = page.locator("tr[id^=event-]").first.get_attribute("id").removeprefix("event-")
    form = page.locator(f"#correct-{event_id}")
    form.locator("summary").click()
    form.get_by_label("Date").fill("next week")
    form.get_by_role("button", name="Save the correction").click()
    page.wait_for_selector(f"#c{event_id}-date-error")
    assert "is not an ISO 8601 date" in page.locator(f"#c{event_id}-date-error").inner_text()
    assert page.get_by_label("Date").first.get_attribute("aria-invalid") == "true"
    # The browser logs the page's 422 as a failed load: that one is expected, and only that one.
    assert [message for message in watch.console_errors if "422" in message] == watch.console_errors != []
    watch.console_errors.clear()

    page.goto(f"{corrections_server}/articles/1")
    add = page.locator("#add-stop")
    add.get_by_label("Sentence").select_option(label="Putin stayed in Sochi.")
    add.get_by_label("Person").fill("Sergei Shoigu")
    add.get_by_label("Place", exact=True).select_option(label="Sochi, Krasnodar Krai, RU — in the article")
    add.get_by_label("Status").select_option("planned")
    add.get_by_role("button", name="Add the stop").click()
    page.wait_for_url(f"{corrections_server}/articles/1#event-*")
    added = page.locator("tr[id^=event-]", has_text="Sergei Shoigu")
    assert "planned visit" in added.inner_text() and "Sochi" in added.inner_text()
    _shot(page, "stop-added")


def test_reject_and_restore_a_stop_from_the_actor_page(page, corrections_server):
    page.goto(f"{corrections_server}/actors/kim-jong-un")
    page.frame_locator(".itinerary-map iframe").locator(".itinerant-stop").first.wait_for()
    stops = page.locator("tr[data-stop]")
    count = stops.count()
    first_event = page.locator("details.correction").first
    event_id = first_event.get_attribute("id").removeprefix("correct-")
    place = stops.first.locator("td").nth(2).inner_text().split("\n")[0].split(" ")[0]
    first_event.locator("summary").click()
    first_event.get_by_role("button", name="Reject: not a stop").click()
    page.wait_for_url(f"{corrections_server}/actors/kim-jong-un#rejected")
    assert page.locator("tr[data-stop]").count() == count - 1
    restore = page.locator(f"#rejected #event-{event_id}")
    assert place in restore.inner_text()
    _shot(page, "actor-rejected")
    restore.get_by_role("button", name="Restore").click()
    page.wait_for_url(f"{corrections_server}/actors/kim-jong-un#event-{event_id}")
    assert page.locator("tr[data-stop]").count() == count
    assert page.locator("#rejected").count() == 0
