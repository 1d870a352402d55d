"""app.deps: writes need the service's API key when it has one; reads stay open; the request's database
session lets many concurrent requests share a small connection pool without deadlock."""

from __future__ import annotations

import asyncio

import httpx
from app_fixtures import ARTICLE, TRIP
from sqlalchemy import text

from app.db import make_engine
from app.main import create_app
from app.services import Services

# Many more requests at once than the pool has connections, and more than the threadpool's 40 threads.
CONCURRENT = 64
PATHS = (
    "/healthz",
    "/api/events",
    "/api/events.geojson?limit=100",
    "/api/actors",
    "/api/actors/kim-jong-un/itinerary.geojson",
    "/ogc/collections/events/items",
)


def _small_pool_engine(engine):
    """The same database as `engine` through a pool of two connections that waits 5 s at most."""
    url = engine.url.render_as_string(hide_password=False)
    options = {}
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            schema = connection.execute(text("SHOW search_path")).scalar_one()
        options["connect_args"] = {"options": f"-csearch_path={schema}"}
    return make_engine(url, pool_size=2, max_overflow=0, pool_timeout=5, **options)


async def _get_all(app, path: str) -> list[int]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        responses = await asyncio.gather(*(client.get(path) for _ in range(CONCURRENT)))
    return [response.status_code for response in responses]


def test_many_concurrent_requests_on_a_small_pool_all_succeed(make_client, engine, settings):
    make_client(events=TRIP).post("/api/articles", json={"text": "Kim visited Vladivostok, then Sochi."})
    small = _small_pool_engine(engine)
    try:
        services = Services(settings, small, gazetteer_factory=lambda _s: None, pipeline_factory=lambda _s, _g: None)
        app = create_app(services=services)
        for path in PATHS:
            statuses = asyncio.run(_get_all(app, path))
            assert statuses == [200] * CONCURRENT, path
    finally:
        small.dispose()


def test_writes_need_the_key_when_the_service_has_one(make_client):
    client = make_client(api_key="s3cret")
    refused = client.post("/api/articles", json=ARTICLE)
    assert refused.status_code == 401
    assert "X-API-Key" in refused.json()["detail"]
    assert client.post("/api/articles", json=ARTICLE, headers={"X-API-Key": "wrong"}).status_code == 401
    created = client.post("/api/articles", json=ARTICLE, headers={"X-API-Key": "s3cret"})
    assert created.status_code == 201
    assert client.get("/api/articles").json()["total"] == 1  # reads stay open
    event_id = created.json()["events"][0]["id"]
    assert client.patch(f"/api/events/{event_id}", json={"rejected": True}).status_code == 401
    assert client.post(f"/api/articles/{created.json()['id']}/reprocess").status_code == 401
