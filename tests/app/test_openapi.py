"""The OpenAPI document names the errors each operation really answers, in their real shape."""

from __future__ import annotations

import json

import pytest
from app_fixtures import TRIP

TEXT = "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi."


@pytest.fixture
def keyed_client(make_client):
    client = make_client(events=TRIP, tiles="none", api_key="k")
    assert client.post("/api/articles", json={"text": TEXT}, headers={"X-API-Key": "k"}).status_code == 201
    return client


@pytest.fixture
def spec(keyed_client) -> dict:
    return keyed_client.get("/openapi.json").json()


def statuses(spec, method: str, path: str) -> set[int]:
    return {int(code) for code in spec["paths"][path][method.lower()]["responses"]}


def test_no_fastapi_validation_body_is_documented(spec):
    assert "HTTPValidationError" not in json.dumps(spec)
    assert set(spec["components"]["schemas"]["Error"]["required"]) == {"error", "detail"}


def test_every_error_answer_is_documented_with_the_error_body(spec):
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for code, response in operation["responses"].items():
                if int(code) >= 400:
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Error"}, (method, path, code)


@pytest.mark.parametrize(
    ("method", "path", "documented", "absent"),
    [
        ("POST", "/api/articles", {401, 403, 413, 422}, {404}),
        ("PATCH", "/api/events/{event_id}", {401, 403, 404, 413, 422}, set()),
        ("POST", "/api/actors/{slug}/aliases", {401, 404, 409, 413, 422}, set()),
        ("GET", "/api/actors/{slug}", {404}, {422, 401, 413}),
        ("GET", "/api/actors/{slug}/itinerary", {404}, {422}),
        ("GET", "/api/events", {404, 422}, {401}),  # 404: an actor or article filter that names nothing
        ("GET", "/ogc/collections/{collection_id}/items", {400, 404, 406}, {422}),
        ("GET", "/oembed", {400, 404, 422, 501}, set()),
        ("GET", "/api/feeds", set(), {422}),
        ("GET", "/healthz", set(), {422}),
    ],
)
def test_each_operation_documents_its_errors(spec, method, path, documented, absent):
    found = statuses(spec, method, path)
    assert documented <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("method", "path", "operation", "kwargs"),
    [
        ("POST", "/api/articles", "/api/articles", {"json": {"text": TEXT}}),
        ("POST", "/api/articles", "/api/articles", {"json": {"text": ""}, "headers": {"X-API-Key": "k"}}),
        ("POST", "/api/articles", "/api/articles", {"content": b"x" * 2_000_000, "headers": {"X-API-Key": "k"}}),
        ("POST", "/api/articles", "/api/articles", {"json": {}, "headers": {"Origin": "https://elsewhere.example"}}),
        ("GET", "/api/actors/nobody", "/api/actors/{slug}", {}),
        ("GET", "/api/articles/x", "/api/articles/{article_id}", {}),
        ("GET", "/api/articles/99", "/api/articles/{article_id}", {}),
        ("GET", "/api/events?status=rumoured", "/api/events", {}),
        ("GET", "/api/events?actor=nobody", "/api/events", {}),
        ("GET", "/ogc/collections/events/items?limit=x", "/ogc/collections/{collection_id}/items", {}),
        ("GET", "/ogc/collections/nope/items", "/ogc/collections/{collection_id}/items", {}),
        ("GET", "/ogc", "/ogc", {"headers": {"Accept": "application/xml"}}),
        ("GET", "/oembed?url=http://testserver/nowhere", "/oembed", {}),
        ("GET", "/oembed?url=http://evil.example/map", "/oembed", {"headers": {"Host": "evil.example"}}),
        ("PATCH", "/api/events/1", "/api/events/{event_id}", {"json": {"status": "x"}, "headers": {"X-API-Key": "k"}}),
        ("POST", "/api/actors/kim-jong-un/aliases", "/api/actors/{slug}/aliases", {"json": {"alias": "Kim Jong Un"}}),
    ],
)
def test_the_errors_sent_are_the_errors_documented(keyed_client, spec, method, path, operation, kwargs):
    response = keyed_client.request(method, path, **kwargs)
    assert response.status_code >= 400
    assert response.status_code in statuses(spec, method, operation), response.text
    assert {"error", "detail"} <= set(response.json())
