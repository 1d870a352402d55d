"""Every route answers junk input with a 4xx JSON error that says what is wrong: never a 500.

The routes come from the app itself, so a new route is covered the day it is added.
"""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute

from app.main import create_app

JUNK_PATH_VALUES = ["0", "-1", "999999999999999999999999", "abc", "%00", "..%2F..%2Fetc", "ü"]
JUNK_QUERIES = [
    "limit=-5", "limit=abc", "offset=-1", "from=notadate", "to=2023-02-30", "bbox=1,2", "status=maybe",
    "datetime=yesterday", "lat=100&lon=0", "q=", "f=xml", "actors=%00", "tiles=NoSuchProvider", "url=ftp://x",
]  # fmt: skip
BODIES = [
    b"", b"{", b"[]", b'{"text": null}', b'{"text": "x", "published": "never"}', b"\xff\xfe",
    b'{"text": "Kim \\u0000 went"}', b'{"actor": "\\u0000"}', b'{"text": "x", "url": "javascript:alert(1)"}',
]  # fmt: skip


def api_routes(routes):
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):  # a router included in the app
            yield from api_routes(route.original_router.routes)


def routes():
    for route in api_routes(create_app().routes):
        for method in sorted(route.methods - {"HEAD"}):
            yield method, route.path


ROUTES = sorted(set(routes()))


def fill(path: str, value: str) -> str:
    return re.sub(r"\{[^}]+\}", value, path)


def assert_clean(response) -> None:
    assert response.status_code < 500, (response.request.url, response.text[:300])
    if response.status_code >= 400 and response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        assert body.get("error") and body.get("detail"), body


@pytest.mark.parametrize(("method", "path"), ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
def test_junk_never_makes_a_500(client, method, path):
    for value in JUNK_PATH_VALUES if "{" in path else ["-"]:
        url = fill(path, value)
        if method == "GET":
            for query in JUNK_QUERIES:
                assert_clean(client.get(f"{url}?{query}"))
        else:
            for body in BODIES:
                assert_clean(client.request(method, url, content=body, headers={"content-type": "application/json"}))


def test_the_table_covers_the_write_routes():
    assert {("POST", "/api/articles"), ("PATCH", "/api/events/{event_id}")} <= set(ROUTES)
