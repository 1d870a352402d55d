"""Writes: cross-site form posts are refused, keys come in X-API-Key or as a bearer token, several may be set."""

from __future__ import annotations

from app_fixtures import TRIP
from sqlmodel import Session, func, select

from app import models

TEXT = "In April 2019 Kim visited Vladivostok."


def _articles(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(models.Article)).one()


def test_a_cross_site_form_post_stores_nothing(make_client, engine):
    client = make_client(events=TRIP)
    refused = client.post("/ingest", data={"text": TEXT}, headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403
    refused = client.post("/ingest", data={"text": TEXT}, headers={"Referer": "https://evil.example/page"})
    assert refused.status_code == 403
    assert client.post("/ingest", data={"text": TEXT}, headers={"Origin": "null"}).status_code == 403
    assert _articles(engine) == 0


def test_a_same_site_form_post_and_a_post_without_origin_are_taken(make_client, engine):
    client = make_client(events=TRIP)
    same = client.post("/ingest", data={"text": TEXT}, headers={"Origin": "http://testserver"}, follow_redirects=False)
    assert same.status_code == 303
    plain = client.post("/ingest", data={"text": TEXT + " Again."}, follow_redirects=False)
    assert plain.status_code == 303
    assert _articles(engine) == 2


def test_the_configured_public_origin_may_post(make_client):
    client = make_client(events=TRIP, public_url="https://maps.example.org/itinerant")
    response = client.post(
        "/ingest", data={"text": TEXT}, headers={"Origin": "https://maps.example.org"}, follow_redirects=False
    )
    assert response.status_code == 303


def test_a_cross_site_api_write_is_refused(make_client):
    client = make_client(events=TRIP)
    response = client.post("/api/articles", json={"text": TEXT}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"


def test_writes_take_a_bearer_token_and_any_configured_key(make_client):
    client = make_client(events=TRIP, api_key="first", api_keys="second, third")
    assert client.post("/api/articles", json={"text": TEXT}).status_code == 401
    assert (
        client.post("/api/articles", json={"text": TEXT}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    )
    for number, key in enumerate(("first", "second", "third")):
        body = {"text": f"{TEXT} ({number})"}
        assert client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {key}"}).status_code == 201
        body = {"text": f"{TEXT} [{number}]"}
        assert client.post("/api/articles", json=body, headers={"X-API-Key": key}).status_code == 201


def test_the_form_takes_any_configured_key(make_client):
    client = make_client(events=TRIP, api_keys="second,third")
    assert client.post("/ingest", data={"text": TEXT, "api_key": "wrong"}).status_code == 401
    accepted = client.post("/ingest", data={"text": TEXT, "api_key": "third"}, follow_redirects=False)
    assert accepted.status_code == 303


def test_a_non_ascii_key_is_a_401_not_a_500(make_client):
    client = make_client(events=TRIP, api_key="s3cret")
    response = client.post("/api/articles", json={"text": TEXT}, headers={"X-API-Key": "sécret".encode()})
    assert response.status_code == 401
    response = client.post("/ingest", data={"text": TEXT, "api_key": "sécret"})
    assert response.status_code == 401
