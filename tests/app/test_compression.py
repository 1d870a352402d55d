"""Responses are gzipped for clients that accept it: pages, JSON, assets, and streams chunk by chunk."""

from __future__ import annotations

import asyncio
import gzip
import json
import zlib

import pytest
from app_fixtures import TRIP

from app import geojson_response
from app.main import GZIP_MINIMUM_BYTES

TEXT = "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi."


@pytest.fixture
def trip_client(make_client):
    client = make_client(events=TRIP)
    assert client.post("/api/articles", json={"text": TEXT, "published": "2023-09-15"}).status_code == 201
    return client


def test_a_large_answer_is_gzipped_for_a_client_that_accepts_it(client):
    response = client.get("/openapi.json", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in response.headers["vary"].lower()
    assert int(response.headers["content-length"]) < len(response.content)  # decoded by the client
    assert response.json()["info"]["title"] == "itinerant"


def test_no_gzip_for_a_client_that_does_not_ask_or_a_small_answer(client):
    plain = client.get("/openapi.json", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    small = client.get("/health", headers={"Accept-Encoding": "gzip"})
    assert len(small.content) < GZIP_MINIMUM_BYTES
    assert "content-encoding" not in small.headers


def test_a_map_page_is_gzipped(trip_client):
    response = trip_client.get("/actors/kim-jong-un/map", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"


def test_an_asset_keeps_its_validators_and_answers_304(client):
    first = client.get("/static/site.css", headers={"Accept-Encoding": "gzip"})
    assert first.headers["content-encoding"] == "gzip"
    assert first.headers["etag"] and first.headers["last-modified"]
    again = client.get("/static/site.css", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def _asgi_get(app, path: str) -> list[dict]:
    """The ASGI messages the app sends for a GET of `path` accepting gzip, as a server sees them."""
    sent: list[dict] = []
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path.split("?")[0],
        "raw_path": path.split("?")[0].encode(),
        "query_string": path.partition("?")[2].encode(),
        "root_path": "",
        "headers": [(b"host", b"testserver"), (b"accept-encoding", b"gzip")],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
        "state": {},
    }

    requested = False

    async def receive() -> dict:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # the client stays connected; the response task ends this wait
        raise AssertionError("unreachable")

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def test_the_geojson_stream_still_streams_each_chunk_compressed(trip_client, monkeypatch):
    monkeypatch.setattr(geojson_response, "STREAM_CHUNK_CHARS", 1)  # a chunk a feature: a stream of four
    messages = _asgi_get(trip_client.app, "/api/events.geojson")
    (start,) = [m for m in messages if m["type"] == "http.response.start"]
    headers = {key.decode().lower(): value.decode() for key, value in start["headers"]}
    assert headers["content-encoding"] == "gzip" and "content-length" not in headers
    bodies = [m for m in messages if m["type"] == "http.response.body"]
    assert len(bodies) >= 2 and all(m.get("more_body") for m in bodies[:-1])
    # Each chunk is flushed: the first message alone decompresses to the JSON written so far,
    # rather than waiting in the compressor for the end of the stream.
    so_far = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(bodies[0]["body"]).decode()
    assert so_far.startswith('{"type":"FeatureCollection"') and so_far.count('"type":"Feature"') == 1
    collection = json.loads(gzip.decompress(b"".join(m["body"] for m in bodies)))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 4


def test_a_collection_of_one_chunk_goes_out_whole_and_gzipped(trip_client):
    messages = _asgi_get(trip_client.app, "/api/events.geojson")
    (start,) = [m for m in messages if m["type"] == "http.response.start"]
    headers = {key.decode().lower(): value.decode() for key, value in start["headers"]}
    assert headers["content-encoding"] == "gzip"
    body = b"".join(m["body"] for m in messages if m["type"] == "http.response.body")
    assert int(headers["content-length"]) == len(body)
    assert len(json.loads(gzip.decompress(body))["features"]) == 4
