"""app.routes.corrections: the article and actor pages' correction forms, without JavaScript.

Each form posts, is answered with a 303 back to its page or with the page again (its values kept,
the errors beside their fields, nothing written), needs the key when the service has one, is
refused from another site's page, and what it stores survives re-processing.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

import pytest
from app_fixtures import ANADYR, KOMSOMOLSK, SOCHI, TRIP, VLADIVOSTOK
from memory_gazetteer import MemoryGazetteer
from pipelines import GivenEvents, ListedPlaces
from sqlmodel import Session, select

from app import models
from geo.model import Mention
from geo.pipeline import ArticlePipeline

TEXT = "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi."
PUTIN_SENTENCE = f"{TEXT.index('Putin')}-{len(TEXT)}"
HOSTILE = ' <script>alert("text")</script> Kim said "<b>hi</b>".'


@dataclasses.dataclass
class PlacesWithReadings(ListedPlaces):
    """The listed places, each mention also carrying the other readings the resolver weighed."""

    readings: dict[str, tuple] = dataclasses.field(default_factory=dict)

    def parse(self, text: str, doc=None) -> Sequence[Mention]:
        return [
            dataclasses.replace(mention, alternatives=self.readings.get(mention.surface, ()))
            for mention in super().parse(text, doc)
        ]


@pytest.fixture
def gazetteer():
    gazetteer = MemoryGazetteer()
    for place in (ANADYR, KOMSOMOLSK, SOCHI, VLADIVOSTOK):
        gazetteer.add(place)
    return gazetteer


@pytest.fixture
def make_page_client(engine, settings, gazetteer):
    """A client over a store holding TEXT, read as the test trip; Vladivostok could also be Anadyr."""
    from fastapi.testclient import TestClient

    from app.main import create_app
    from app.services import Services

    def make(text: str = TEXT, **overrides):
        places = PlacesWithReadings({"Vladivostok": VLADIVOSTOK, "Sochi": SOCHI}, {"Vladivostok": (ANADYR,)})
        services = Services(
            settings.model_copy(update=overrides),
            engine,
            gazetteer_factory=lambda _settings: gazetteer,
            pipeline_factory=lambda _s, _g: ArticlePipeline(places=places, events=GivenEvents(list(TRIP))),
        )
        client = TestClient(create_app(services=services))
        headers = {"X-API-Key": overrides["api_key"]} if "api_key" in overrides else {}
        response = client.post("/api/articles", json={"text": text, "published": "2023-09-15"}, headers=headers)
        assert response.status_code in (200, 201), response.text
        return client

    return make


@pytest.fixture
def client(make_page_client):
    return make_page_client()


def events(client, **query) -> list[dict]:
    return client.get("/api/events", params={"article": 1, **query}).json()["items"]


def kim_in_vladivostok(client) -> dict:
    return next(e for e in events(client) if e["place"]["name"] == "Vladivostok" and e["status"] == "occurred")


def form_of(event: dict, **changes) -> dict:
    """The event's form as the page fills it, with `changes`."""
    values = {"place": "", "actor": event["actor"]["name"], "date": event["date"] or "", "status": event["status"]}
    return {**values, **changes}


def reprocess(client) -> list[dict]:
    response = client.post("/api/articles/1/reprocess")
    assert response.status_code == 200, response.text
    return response.json()["events"]


def test_each_event_has_a_form_offering_its_mention_s_other_readings(client):
    page = client.get("/articles/1").text
    event = kim_in_vladivostok(client)
    form = page[page.index(f'id="correct-{event["id"]}"') :]
    form = form[: form.index("</details>")]
    assert f'action="/events/{event["id"]}/correct"' in form and 'method="post"' in form
    assert '<option value="2127202">Anadyr, Chukotka, RU — a reading of “Vladivostok”</option>' in form
    assert 'name="actor" value="Kim Jong Un"' in form and 'value="2019-04"' in form
    assert 'name="do" value="reject"' in form
    assert 'name="api_key"' not in page  # no key configured
    # The form that adds a stop lists the sentences and the article's places.
    assert f'<option value="{PUTIN_SENTENCE}">Putin stayed in Sochi.</option>' in page
    assert '<option value="491422">Sochi, Krasnodar Krai, RU — in the article</option>' in page


def test_a_search_of_the_gazetteer_offers_its_places_in_the_event_s_form(client):
    event = events(client)[1]
    page = client.get(f"/articles/1?correct={event['id']}&q=Anadyr").text
    form = page[page.index(f'id="correct-{event["id"]}" open') :]
    assert "Anadyr, Chukotka, RU — found for “Anadyr”" in form[: form.index("</details>")]
    assert "found for “Sochi”" in client.get("/articles/1?add_q=Sochi").text
    nothing = client.get(f"/articles/1?correct={event['id']}&q=Atlantis").text
    assert "nothing found for “Atlantis”" in nothing
    for junk in ("%00", "x" * 500, "%3Cscript%3E", ""):
        assert client.get(f"/articles/1?correct=1&q={junk}&add_q={junk}").status_code == 200
    assert client.get("/articles/1?correct=abc&q=Anadyr").status_code == 200


def test_rejecting_an_event_and_undoing_it(client):
    event = kim_in_vladivostok(client)
    response = client.post(f"/events/{event['id']}/correct", data={"do": "reject"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/articles/1#rejected"
    assert event["id"] not in [e["id"] for e in events(client)]
    page = client.get("/articles/1").text
    rejected = page[page.index('id="rejected"') :]
    assert f'<li id="event-{event["id"]}">Kim Jong Un · visited · Vladivostok' in rejected
    # Kept rejected when the article is read again.
    assert event["id"] not in [e["id"] for e in reprocess(client)]
    response = client.post(f"/events/{event['id']}/correct", data={"do": "restore"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/articles/1#event-{event['id']}"
    assert event["id"] in [e["id"] for e in events(client)]


def test_changing_place_person_date_and_status_survives_re_processing(client):
    event = kim_in_vladivostok(client)
    data = form_of(event, place="2127202", actor="Kim Yo Jong", date="2019-04-25", status="planned")
    response = client.post(f"/events/{event['id']}/correct", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"/articles/1#event-{event['id']}"
    for current in (
        client.get(f"/api/events/{event['id']}").json(),
        *[e for e in reprocess(client) if e["id"] == event["id"]],
    ):
        assert current["place"]["name"] == "Anadyr" and current["actor"]["slug"] == "kim-yo-jong"
        assert (current["date"], current["status"], current["corrected"]) == ("2019-04-25", "planned", True)
    # The reader's own Kim-in-Vladivostok is not read back in beside the correction.
    after = [(e["actor"]["slug"], e["place"]["name"], e["status"]) for e in events(client)]
    assert ("kim-jong-un", "Vladivostok", "occurred") not in after


def test_only_the_fields_changed_are_corrected_and_an_emptied_date_is_unknown(client):
    event = kim_in_vladivostok(client)
    response = client.post(f"/events/{event['id']}/correct", data=form_of(event, date=""), follow_redirects=False)
    assert response.status_code == 303
    corrected = client.get(f"/api/events/{event['id']}").json()
    assert corrected["date"] is None and corrected["place"]["name"] == "Vladivostok"
    assert corrected["actor"]["slug"] == "kim-jong-un" and corrected["status"] == "occurred"


def test_the_actor_page_has_the_forms_and_sends_back_there(client):
    page = client.get("/actors/kim-jong-un").text
    event = kim_in_vladivostok(client)
    assert f'id="correct-{event["id"]}"' in page and 'name="back" value="actor"' in page
    data = form_of(event, place="2127202", back="actor")
    response = client.post(f"/events/{event['id']}/correct", data=data, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/actors/kim-jong-un#event-{event['id']}"
    stops = client.get("/api/actors/kim-jong-un/itinerary").json()["stops"]
    assert "Anadyr" in [s["place"] for s in stops]
    rejected = client.post(
        f"/events/{event['id']}/correct", data={"do": "reject", "back": "actor"}, follow_redirects=False
    )
    assert rejected.headers["location"] == "/actors/kim-jong-un#rejected"
    assert 'aria-label="Restore: Kim Jong Un at Anadyr"' in client.get("/actors/kim-jong-un").text


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"date": "next week"}, "date", "is not an ISO 8601 date"),
        ({"date": "2023-02-30"}, "date", "real date"),
        ({"place": "Anadyr"}, "place", "choose a place from the list"),
        ({"place": "424242"}, "place", "no place with GeoNames id 424242"),
        ({"status": "rumoured"}, "status", "status must be one of"),
        ({"actor": "  "}, "actor", "must not be empty"),
        ({"actor": "x" * 201}, "actor", "is too long"),
        ({}, "form", "nothing was changed"),
        ({"do": "explode"}, "form", "cannot do"),
    ],
)
def test_a_bad_correction_comes_back_with_the_error_beside_its_field(client, changes, field, message):
    event = kim_in_vladivostok(client)
    before = events(client)
    response = client.post(f"/events/{event['id']}/correct", data=form_of(event, **changes))
    assert response.status_code == 422
    error_id = f"c{event['id']}-{field}-error"
    found = re.search(rf'<p class="error" id="{error_id}">([^<]*)</p>', response.text)
    assert found and message in found.group(1).replace("&#39;", "'"), response.text[:300]
    if field != "form":
        assert f'aria-describedby="{error_id}"' in response.text
    assert f'id="correct-{event["id"]}" open' in response.text
    typed = changes.get("date") or changes.get("actor")
    if typed and typed.strip():
        assert f'value="{typed}"' in response.text  # what was typed is kept
    assert events(client) == before


def test_a_correction_of_an_unknown_event_is_404(client):
    assert client.post("/events/999/correct", data={"do": "reject"}).status_code == 404
    assert client.post("/events/abc/correct", data={"do": "reject"}).status_code == 422


def test_the_forms_need_the_key_when_the_service_has_one(make_page_client):
    client = make_page_client(api_key="s3cret")
    event = kim_in_vladivostok(client)
    page = client.get("/articles/1").text
    assert f'id="c{event["id"]}-key" name="api_key" type="password"' in page and 'id="add-key"' in page
    assert 'name="api_key"' in client.get("/actors/kim-jong-un").text
    refused = client.post(f"/events/{event['id']}/correct", data={"do": "reject", "api_key": "wrong"})
    assert refused.status_code == 401
    assert (
        f'<p class="error" id="c{event["id"]}-key-error">API key: the API key is missing or wrong</p>' in refused.text
    )
    assert event["id"] in [e["id"] for e in events(client)]
    add = {"sentence": PUTIN_SENTENCE, "actor": "Sergei Shoigu", "place": "491422"}
    refused = client.post("/articles/1/events", data=add)
    assert refused.status_code == 401 and 'id="add-key-error"' in refused.text
    accepted = client.post(
        f"/events/{event['id']}/correct", data={"do": "reject", "api_key": "s3cret"}, follow_redirects=False
    )
    assert accepted.status_code == 303
    accepted = client.post("/articles/1/events", data={**add, "api_key": "s3cret"}, follow_redirects=False)
    assert accepted.status_code == 303


def test_a_cross_site_form_post_is_refused_and_writes_nothing(client, engine):
    event = kim_in_vladivostok(client)
    evil = {"Origin": "https://evil.example"}
    assert client.post(f"/events/{event['id']}/correct", data={"do": "reject"}, headers=evil).status_code == 403
    add = {"sentence": PUTIN_SENTENCE, "actor": "Sergei Shoigu", "place": "491422"}
    assert client.post("/articles/1/events", data=add, headers=evil).status_code == 403
    referer = {"Referer": "https://evil.example/page"}
    assert client.post("/articles/1/events", data=add, headers=referer).status_code == 403
    with Session(engine) as session:
        stored = session.exec(select(models.Event)).all()
    assert not any(e.rejected or e.corrected for e in stored) and len(stored) == len(TRIP)
    same_site = {"Origin": "http://testserver"}
    taken = client.post("/articles/1/events", data=add, headers=same_site, follow_redirects=False)
    assert taken.status_code == 303


def test_adding_a_missed_stop_survives_re_processing(client):
    data = {"sentence": PUTIN_SENTENCE, "actor": "Sergei Shoigu", "place": "491422", "date": "2023-09-16"}
    response = client.post("/articles/1/events", data={**data, "status": "planned"}, follow_redirects=False)
    assert response.status_code == 303, response.text
    added_id = int(response.headers["location"].rsplit("#event-", 1)[1])
    assert response.headers["location"] == f"/articles/1#event-{added_id}"
    added = client.get(f"/api/events/{added_id}").json()
    assert (added["actor"]["slug"], added["place"]["name"], added["date"], added["status"]) == (
        "sergei-shoigu",
        "Sochi",
        "2023-09-16",
        "planned",
    )
    assert added["evidence"] == "Putin stayed in Sochi." and added["corrected"]
    assert [e for e in reprocess(client) if e["id"] == added_id] == [added]
    assert f'id="event-{added_id}"' in client.get("/articles/1").text
    # By its characters rather than a sentence chosen.
    start = TEXT.index("Then")
    by_characters = {"evidence_start": str(start), "evidence_end": str(start + 24), "actor": "Kim Jong Un"}
    response = client.post("/articles/1/events", data={**by_characters, "place": "2021851"}, follow_redirects=False)
    assert response.status_code == 303
    assert client.get(response.headers["location"].split("#")[0]).status_code == 200


@pytest.mark.parametrize(
    ("data", "field", "message", "status"),
    [
        ({"sentence": ""}, "sentence", "choose the sentence", 422),
        ({"sentence": "", "evidence_start": "3"}, "sentence", "give both characters", 422),
        ({"sentence": "", "evidence_start": "70", "evidence_end": "9999"}, "sentence", "must lie within", 422),
        ({"place": ""}, "place", "choose a place", 422),
        ({"place": "424242"}, "place", "no place with GeoNames id", 422),
        ({"actor": ""}, "actor", "is required", 422),
        ({"date": "soon"}, "date", "ISO 8601", 422),
        ({"status": "rumoured"}, "status", "status must be one of", 422),
        ({"actor": "Vladimir Putin"}, "sentence", "already has Vladimir Putin at Sochi", 409),
    ],
)
def test_a_bad_stop_comes_back_with_the_error_beside_its_field(client, data, field, message, status):
    client.post("/articles/1/events", data={"sentence": PUTIN_SENTENCE, "actor": "Vladimir Putin", "place": "491422"})
    before = events(client)
    good = {"sentence": PUTIN_SENTENCE, "actor": "Sergei Shoigu", "place": "491422"}
    response = client.post("/articles/1/events", data={**good, **data})
    assert response.status_code == status, response.text[:500]
    found = re.search(rf'<p class="error" id="add-{field}-error">([^<]*)</p>', response.text)
    assert found and message in found.group(1), response.text[:500]
    assert 'id="add-stop"' in response.text and "The stop was not added" in response.text
    if data.get("date"):
        assert f'value="{data["date"]}"' in response.text
    assert events(client) == before
    assert client.post("/articles/99/events", data=good).status_code == 404


def test_everything_from_the_article_is_escaped_in_the_forms(make_page_client):
    client = make_page_client(TEXT + HOSTILE)
    page = client.get("/articles/1?add_q=%3Cscript%3Ealert(1)%3C/script%3E").text
    assert "<script>alert" not in page and "<b>hi</b>" not in page
    assert "&lt;script&gt;alert(&#34;text&#34;)&lt;/script&gt;" in page  # the sentence, as text
    assert "nothing found for “&lt;script&gt;alert(1)&lt;/script&gt;”" in page
    hostile_actor = '"><script>alert(2)</script>'
    event = kim_in_vladivostok(client)
    answer = client.post(f"/events/{event['id']}/correct", data=form_of(event, actor=hostile_actor, date="never"))
    assert "<script>alert(2)" not in answer.text and "&#34;&gt;&lt;script&gt;alert(2)" in answer.text
