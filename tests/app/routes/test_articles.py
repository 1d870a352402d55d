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
