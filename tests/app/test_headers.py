"""HTTP as browsers and caches expect it: HEAD, 405 with Allow, a CSP, a referrer policy, CORS for the
data and not for the pages, and URLs built only from a trusted Host."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from app_fixtures import TRIP

TEXT = "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi."


@pytest.fixture
def trip_client(make_client):
    def make(**overrides):
        client = make_client(events=TRIP, **{"tiles": "none", **overrides})
        assert client.post("/api/articles", json={"text": TEXT}).status_code in (200, 201)  # stored once
        return client

    return make


def directives(response) -> dict[str, list[str]]:
    policy = response.headers["content-security-policy"]
    parsed = {}
    for directive in filter(None, (d.strip() for d in policy.split(";"))):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def inline_scripts(html: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", html, flags=re.S)


def sha256_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/", "GET, HEAD"),
        ("DELETE", "/api/articles", "GET, HEAD, POST"),
        ("PUT", "/api/events/1", "GET, HEAD, PATCH"),
        ("POST", "/static/site.css", "GET, HEAD"),
        ("GET", "/api/feeds/1", "DELETE"),
    ],
)
def test_a_405_names_the_allowed_methods(trip_client, method, path, allowed):
    response = trip_client().request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allowed
    assert response.json()["error"] == "method not allowed"


@pytest.mark.parametrize(
    "path",
    ["/", "/healthz", "/api/events", "/api/events.geojson", "/actors/kim-jong-un/map", "/static/site.css", "/nope"],
)
def test_head_answers_wherever_get_does(trip_client, path):
    client = trip_client()
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.content == b""


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/", 200),
        ("GET", "/api/events", 200),
        ("GET", "/actors/kim-jong-un/map", 200),
        ("GET", "/embed/map", 200),
        ("GET", "/nope", 404),
        ("DELETE", "/", 405),
        ("POST", "/api/articles", 422),
        ("HEAD", "/", 200),
    ],
)
def test_every_response_has_a_referrer_policy_and_a_content_security_policy(trip_client, method, path, status):
    response = trip_client().request(method, path, json={} if method == "POST" else None)
    assert response.status_code == status
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    assert policy["object-src"] == ["'none'"]
    # Scripts come from the service alone: no host, no inline code but by its hash, no eval.
    assert all(source.startswith("'sha256-") for source in policy["script-src"][1:])


def test_the_errors_that_middleware_answers_have_the_headers_too(trip_client):
    response = trip_client(max_body_bytes=1024).post("/api/articles", content=b"x" * 2048)
    assert response.status_code == 413
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "default-src 'self'" in response.headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/", "/articles/1", "/actors/kim-jong-un", "/ingest"])
def test_template_pages_run_no_inline_script(trip_client, path):
    response = trip_client().get(path)
    assert directives(response)["script-src"] == ["'self'"]
    assert inline_scripts(response.text) == []


@pytest.mark.parametrize("path", ["/actors/kim-jong-un/map", "/map", "/map?actors=kim-jong-un", "/embed/map"])
def test_a_map_page_may_run_exactly_its_own_inline_scripts(trip_client, path):
    response = trip_client().get(path)
    scripts = inline_scripts(response.text)
    assert scripts  # Folium writes the map's code into the page
    assert sorted(directives(response)["script-src"][1:]) == sorted({sha256_source(s) for s in scripts})


def test_maps_with_assets_on_cdns_may_load_them_from_there(trip_client):
    response = trip_client(asset_mode="cdn").get("/actors/kim-jong-un/map")
    scripts = directives(response)["script-src"]
    # The origins of the scripts the page loads, and only those (no jQuery any more).
    assert "https://cdn.jsdelivr.net" in scripts and "https://code.jquery.com" not in scripts
    assert "https://cdn.jsdelivr.net" in directives(response)["style-src"]
    # The other pages load nothing from there.
    assert directives(trip_client(asset_mode="cdn").get("/"))["script-src"] == ["'self'"]


def test_the_api_documentation_may_run_its_own_scripts(trip_client):
    response = trip_client().get("/docs")
    assert response.status_code == 200
    allowed = directives(response)["script-src"]
    assert all(sha256_source(script) in allowed for script in inline_scripts(response.text))
    for src in re.findall(r'<script src="(https?://[^/"]+)', response.text):
        assert src in allowed


@pytest.mark.parametrize("path", ["/", "/map", "/embed/map", "/actors/kim-jong-un", "/nope.html"])
def test_html_pages_are_not_shared_across_origins(trip_client, path):
    response = trip_client().get(path, headers={"Origin": "https://elsewhere.example"})
    if response.headers["content-type"].startswith("text/html"):
        assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize(
    "path",
    ["/api/events", "/api/events.geojson", "/ogc/collections/events/items", "/oembed?url=http://testserver/map"],
)
def test_the_data_is_shared_across_origins(trip_client, path):
    response = trip_client().get(path, headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"


def test_oembed_with_an_empty_format_is_json(trip_client):
    response = trip_client().get("/oembed", params={"url": "http://testserver/map", "format": ""})
    assert response.status_code == 200
    assert response.json()["type"] == "rich"


def test_oembed_refuses_to_build_urls_from_an_unknown_host(trip_client):
    client = trip_client()
    response = client.get("/oembed", params={"url": "http://evil.example/map"}, headers={"Host": "evil.example"})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "bad request" and body["field"] == "Host" and "ITINERANT_PUBLIC_URL" in body["detail"]
    assert "evil.example" not in response.headers.get("content-location", "")


def test_oembed_trusts_localhost_the_allowed_hosts_and_the_public_url(trip_client):
    client = trip_client()
    local = client.get("/oembed", params={"url": "http://localhost/map"}, headers={"Host": "localhost"})
    assert local.status_code == 200 and 'src="http://localhost/embed/map"' in local.json()["html"]

    allowed = trip_client(allowed_hosts="maps.example, news.example")
    named = allowed.get("/oembed", params={"url": "http://news.example/map"}, headers={"Host": "news.example"})
    assert named.status_code == 200 and 'src="http://news.example/embed/map"' in named.json()["html"]

    public = trip_client(public_url="https://maps.example")
    answer = public.get("/oembed", params={"url": "https://maps.example/map"}, headers={"Host": "evil.example"})
    assert answer.status_code == 200 and 'src="https://maps.example/embed/map"' in answer.json()["html"]


@pytest.mark.parametrize("path", ["/actors/kim-jong-un/map", "/map", "/actors/kim-jong-un"])
def test_pages_asked_for_under_an_unknown_host_show_no_address_of_it(trip_client, path):
    response = trip_client().get(path, headers={"Host": "evil.example"})
    assert response.status_code == 200
    assert "evil.example" not in response.text


@pytest.mark.parametrize(
    "request_headers",
    [
        {"Access-Control-Request-Method": "POST"},
        {"Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "X-Secret"},
    ],
)
def test_a_refused_cors_preflight_answers_in_the_error_shape(trip_client, request_headers):
    response = trip_client().options("/api/events", headers={"Origin": "https://elsewhere.example", **request_headers})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert set(response.json()) == {"error", "detail"} and "CORS" in response.json()["detail"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/nope", 404),
        ("DELETE", "/", 405),
        ("GET", "/static/nope.css", 404),
        ("POST", "/static/site.css", 405),
        ("OPTIONS", "/api/events", 405),
        ("GET", "/api/articles/999", 404),
        ("GET", "/api/events?limit=0", 422),
        ("GET", "/ogc/collections/events/items?limit=x", 400),
        ("GET", "/oembed?url=http://testserver/map&format=xml", 501),
    ],
)
def test_every_error_is_json_in_one_shape(trip_client, method, path, status):
    response = trip_client().request(method, path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert isinstance(body["error"], str) and "detail" in body
