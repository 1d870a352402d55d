"""app.routes.articles: POST/GET /api/articles on every configured database: storage, paging, errors, atomic writes."""

from __future__ import annotations

import dataclasses

import pytest
from app_fixtures import ARTICLE, VISIT
from app_fixtures import ARTICLE_TEXT as TEXT
from sqlmodel import Session, func, select

from app import models


def count(engine, table) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(table)).one()


def test_post_stores_article_with_its_mentions_and_events(client):
    response = client.post("/api/articles", json=ARTICLE)
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["location"] == f"/api/articles/{body['id']}"
    assert body["title"] == "Kim in the Far East"
    assert body["published"] == "2023-09-15"
    assert body["url"] == "https://example.org/kim"
    assert len(body["content_hash"]) == 64
    surfaces = [(m["surface"], m["place"]["geonameid"]) for m in body["mentions"]]
    assert surfaces == [("Vladivostok", 2013348), ("Sochi", 491422)]
    first = body["mentions"][0]
    assert TEXT[first["start"] : first["end"]] == "Vladivostok"
    [event] = body["events"]
    assert event["actor"] == {"name": "Kim Jong Un", "slug": "kim-jong-un"}
    assert event["date"] == "2019-04" and event["date_precision"] == "month"
    assert event["status"] == "occurred" and event["place"]["name"] == "Vladivostok"
    assert (event["lat"], event["lon"]) == (43.10562, 131.87353)


def test_a_venue_named_with_its_town_is_stored_on_the_mention(client):
    text = "Kim toured the Vladivostok Civic Center on Friday. Later he flew on to Sochi."
    response = client.post("/api/articles", json={**ARTICLE, "text": text})
    assert response.status_code == 201, response.text
    mentions = [(m["surface"], m["venue"]) for m in response.json()["mentions"]]
    assert mentions == [("Vladivostok", "Vladivostok Civic Center"), ("Sochi", None)]
    fetched = client.get(f"/api/articles/{response.json()['id']}").json()
    assert [m["venue"] for m in fetched["mentions"]] == ["Vladivostok Civic Center", None]


def test_get_returns_what_post_stored(client):
    created = client.post("/api/articles", json=ARTICLE).json()
    fetched = client.get(f"/api/articles/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_same_text_twice_is_stored_once(client, engine):
    first = client.post("/api/articles", json=ARTICLE)
    # Other padding and line endings are the same article.
    second = client.post("/api/articles", json={**ARTICLE, "text": "  " + TEXT.replace(" ", "\n", 1) + "\n"})
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["id"] == first.json()["id"]
    assert count(engine, models.Article) == 1
    assert count(engine, models.Event) == 1


def test_places_and_actors_are_shared_between_articles(client, engine):
    client.post("/api/articles", json=ARTICLE)
    client.post("/api/articles", json={**ARTICLE, "text": "Kim visited Vladivostok again."})
    assert count(engine, models.Article) == 2
    assert count(engine, models.Place) == 2  # Vladivostok, Sochi
    assert count(engine, models.Actor) == 1


def test_list_pages_with_next_links(client):
    for day in range(1, 6):
        client.post("/api/articles", json={**ARTICLE, "text": f"{TEXT} Day {day}.", "published": f"2023-09-0{day}"})
    page = client.get("/api/articles", params={"limit": 2}).json()
    assert page["total"] == 5
    assert [a["published"] for a in page["items"]] == ["2023-09-05", "2023-09-04"]
    assert "text" not in page["items"][0]
    seen = [a["id"] for a in page["items"]]
    while page["next"]:
        page = client.get(page["next"]).json()
        seen += [a["id"] for a in page["items"]]
    assert len(seen) == len(set(seen)) == 5


def test_empty_list(client):
    assert client.get("/api/articles").json() == {"items": [], "total": 0, "next": None}


def test_unknown_article_is_404_json(client):
    response = client.get("/api/articles/999")
    assert response.status_code == 404
    assert response.json()["error"] == "not found"
    assert "999" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**ARTICLE, "text": ""}, "text"),
        ({**ARTICLE, "text": "   "}, "text"),
        ({k: v for k, v in ARTICLE.items() if k not in ("text", "url")}, "text"),  # with a url, it is fetched
        ({**ARTICLE, "published": "15/09/2023"}, "published"),
        ({**ARTICLE, "published": "2023-13-40"}, "published"),
        ({**ARTICLE, "url": "not a url"}, "url"),
        ({**ARTICLE, "url": "ftp://example.org/x"}, "url"),
        ({**ARTICLE, "title": "x" * 501}, "title"),
        ({**ARTICLE, "colour": "blue"}, "colour"),
        ({**ARTICLE, "text": 42}, "text"),
    ],
)
def test_invalid_article_is_422_naming_the_field(client, engine, body, field):
    response = client.post("/api/articles", json=body)
    assert response.status_code == 422, response.text
    error = response.json()
    assert error["error"] == "invalid input"
    assert field in error["fields"]
    assert error["detail"].startswith(field) or f"; {field}" in error["detail"]
    assert count(engine, models.Article) == 0


@pytest.mark.parametrize("raw", [b"{not json", b"[]", b'"text"', b""])
def test_malformed_body_is_422(client, raw):
    response = client.post("/api/articles", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"] == "invalid input"


@pytest.mark.parametrize(
    "path", ["/api/articles/abc", "/api/articles?limit=0", "/api/articles?limit=100000", "/api/articles?offset=-1"]
)
def test_bad_path_and_query_values_are_422(client, path):
    response = client.get(path)
    assert response.status_code == 422
    assert response.json()["fields"]


def test_a_failed_write_leaves_nothing_behind(make_client, engine):
    broken = dataclasses.replace(VISIT, evidence=None)  # violates NOT NULL when the events are flushed
    client = make_client(events=[VISIT, broken])
    response = client.post("/api/articles", json=ARTICLE)
    assert response.status_code == 422
    for table in (models.Article, models.Mention, models.Place, models.Event, models.Actor):
        assert count(engine, table) == 0, table.__name__


def test_openapi_docs_describe_the_article_endpoints(client):
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/articles/{article_id}", "/healthz"} <= set(spec["paths"])


# Stops added by hand: POST /api/articles/{id}/events.

STOPS_TEXT = "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi."
PUTIN_SENTENCE = (STOPS_TEXT.index("Putin"), len(STOPS_TEXT))


@pytest.fixture
def stops_gazetteer():
    from app_fixtures import ANADYR, KOMSOMOLSK, SOCHI, VLADIVOSTOK
    from memory_gazetteer import MemoryGazetteer

    gazetteer = MemoryGazetteer()
    for place in (ANADYR, KOMSOMOLSK, SOCHI, VLADIVOSTOK):
        gazetteer.add(place)
    return gazetteer


def _putin_in_sochi():
    from app_fixtures import SOCHI

    from geo.model import DateInterval, Event, EventStatus

    start, end = PUTIN_SENTENCE
    return Event(
        actor="Vladimir Putin",
        action="stay",
        place=SOCHI,
        status=EventStatus.OCCURRED,
        date=DateInterval.parse_iso("2023-09-15"),
        evidence=STOPS_TEXT[start:end],
        evidence_start=start,
        evidence_end=end,
        confidence=0.6,
        mention_start=STOPS_TEXT.index("Sochi"),
        mention_end=STOPS_TEXT.index("Sochi") + 5,
    )


def test_a_stop_added_by_hand_is_stored_as_a_correction(make_client, stops_gazetteer):
    client = make_client(events=(), gazetteer=stops_gazetteer)
    article = client.post("/api/articles", json={"text": STOPS_TEXT, "published": "2023-09-15"}).json()
    assert article["events"] == []
    start, end = PUTIN_SENTENCE
    body = {"actor": "Vladimir Putin", "evidence_start": start - 1, "evidence_end": end, "geonameid": 491422}
    response = client.post(f"/api/articles/{article['id']}/events", json={**body, "date": "2023-09-15"})
    assert response.status_code == 201, response.text
    event = response.json()
    assert response.headers["location"] == f"/api/events/{event['id']}"
    # The span is trimmed to the sentence; the analyst's stop is reviewed, corrected and sure.
    assert event["evidence"] == "Putin stayed in Sochi." and event["evidence_start"] == start
    assert event["actor"]["slug"] == "vladimir-putin" and event["place"]["name"] == "Sochi"
    assert (event["date"], event["status"], event["action_label"]) == ("2023-09-15", "occurred", "visited")
    assert event["corrected"] and event["reviewed"] and event["confidence"] == 1.0
    assert client.get("/api/actors/vladimir-putin/itinerary").json()["stops"][0]["place"] == "Sochi"
    # The same stop again is a conflict, and nothing is added.
    again = client.post(f"/api/articles/{article['id']}/events", json=body)
    assert again.status_code == 409 and again.json()["field"] == "evidence_start"
    assert len(client.get(f"/api/events?article={article['id']}").json()["items"]) == 1


def test_a_stop_added_by_hand_survives_re_processing_and_is_not_read_twice(make_client, stops_gazetteer):
    client = make_client(events=(), gazetteer=stops_gazetteer)
    article_id = client.post("/api/articles", json={"text": STOPS_TEXT}).json()["id"]
    start, end = PUTIN_SENTENCE
    planned = {"actor": "Vladimir Putin", "evidence_start": start, "evidence_end": end, "geonameid": 491422}
    added = client.post(f"/api/articles/{article_id}/events", json={**planned, "status": "planned"})
    assert added.status_code == 201, added.text
    elsewhere = {"actor": "Kim Jong Un", "evidence_start": 0, "evidence_end": 32, "lat": 43.1, "lon": 131.9}
    assert client.post(f"/api/articles/{article_id}/events", json=elsewhere).status_code == 201
    # A reader that now finds the same stop (same person, sentence and place mention) re-processes.
    rereading = make_client(events=[_putin_in_sochi()], gazetteer=stops_gazetteer)
    events = rereading.post(f"/api/articles/{article_id}/reprocess").json()["events"]
    assert sorted((e["actor"]["slug"], e["place"]["name"], e["status"]) for e in events) == [
        ("kim-jong-un", "43.1000, 131.9000", "occurred"),
        ("vladimir-putin", "Sochi", "planned"),
    ]


def test_a_change_of_actor_survives_re_processing(make_client, stops_gazetteer):
    client = make_client(events=[_putin_in_sochi()], gazetteer=stops_gazetteer)
    article = client.post("/api/articles", json={"text": STOPS_TEXT}).json()
    [event] = article["events"]
    assert client.patch(f"/api/events/{event['id']}", json={"actor": "Sergei Lavrov"}).status_code == 200
    events = client.post(f"/api/articles/{article['id']}/reprocess").json()["events"]
    # The fresh reading of Putin's stop is the corrected event: not read again under his name.
    assert [(e["id"], e["actor"]["slug"]) for e in events] == [(event["id"], "sergei-lavrov")]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"evidence_start": 5, "evidence_end": 5}, "evidence_start"),
        ({"evidence_start": 0, "evidence_end": 10_000}, "evidence_start"),
        ({"evidence_start": 32, "evidence_end": 33}, "evidence_start"),  # a space
        ({"evidence_start": -1}, "evidence_start"),
        ({"geonameid": None}, "geonameid"),
        ({"geonameid": 424242}, "geonameid"),
        ({"lat": 43.1}, "lat"),
        ({"lat": 43.1, "lon": 131.9}, "geonameid"),  # both a place and a point
        ({"status": "rumoured"}, "status"),
        ({"date": "next week"}, "date"),
        ({"actor": ""}, "actor"),
        ({"actor": "Kim \u0000"}, "actor"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_bad_stop_is_422_naming_the_field_and_adds_nothing(make_client, stops_gazetteer, engine, body, field):
    client = make_client(events=(), gazetteer=stops_gazetteer)
    article_id = client.post("/api/articles", json={"text": STOPS_TEXT}).json()["id"]
    base = {"actor": "Kim Jong Un", "evidence_start": 0, "evidence_end": 32, "geonameid": 2013348}
    response = client.post(f"/api/articles/{article_id}/events", json={**base, **body})
    assert response.status_code == 422, response.text
    answer = response.json()
    assert field in answer.get("fields", [answer.get("field")]) or field in answer["detail"]
    assert count(engine, models.Event) == 0 and count(engine, models.Actor) == 0


def test_a_stop_for_an_unknown_article_is_404_and_writes_need_the_key(make_client, stops_gazetteer):
    body = {"actor": "Kim Jong Un", "evidence_start": 0, "evidence_end": 32, "geonameid": 2013348}
    client = make_client(events=(), gazetteer=stops_gazetteer)
    assert client.post("/api/articles/99/events", json=body).status_code == 404
    keyed = make_client(events=(), gazetteer=stops_gazetteer, api_key="s3cret")
    article_id = keyed.post("/api/articles", json={"text": STOPS_TEXT}, headers={"X-API-Key": "s3cret"}).json()["id"]
    assert keyed.post(f"/api/articles/{article_id}/events", json=body).status_code == 401
    accepted = keyed.post(f"/api/articles/{article_id}/events", json=body, headers={"X-API-Key": "s3cret"})
    assert accepted.status_code == 201
    cross_site = {"X-API-Key": "s3cret", "Origin": "https://evil.example"}
    assert keyed.post(f"/api/articles/{article_id}/events", json=body, headers=cross_site).status_code == 403
