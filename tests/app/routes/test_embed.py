"""Embeds, framing headers and oEmbed."""

from __future__ import annotations

import pytest
from app_fixtures import TRIP

TEXT = "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi."


@pytest.fixture
def trip_client(make_client):
    def make(**overrides):
        client = make_client(events=TRIP, tiles="none", **overrides)
        assert client.post("/api/articles", json={"text": TEXT}).status_code == 201
        return client

    return make


def frame_ancestors(response) -> str:
    """The frame-ancestors directive of the response's CSP."""
    directives = [d.strip() for d in response.headers["content-security-policy"].split(";")]
    [directive] = [d for d in directives if d.startswith("frame-ancestors ")]
    return directive


@pytest.mark.parametrize(
    "path", ["/", "/articles/1", "/actors/kim-jong-un", "/actors/kim-jong-un/map", "/map", "/ingest", "/api/articles"]
)
def test_pages_refuse_to_be_framed(trip_client, path):
    response = trip_client().get(path)
    assert response.status_code == 200
    assert frame_ancestors(response) == "frame-ancestors 'none'"
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("path", ["/embed/actors/kim-jong-un", "/embed/map?actors=kim-jong-un", "/embed/map"])
def test_embeds_may_be_framed_as_configured(trip_client, path):
    response = trip_client().get(path)
    assert response.status_code == 200
    assert frame_ancestors(response) == "frame-ancestors *"
    assert "x-frame-options" not in response.headers


def test_embed_frame_ancestors_from_settings_keep_our_own_pages(trip_client):
    client = trip_client(frame_ancestors="https://news.example https://blog.example")
    policy = frame_ancestors(client.get("/embed/actors/kim-jong-un"))
    assert policy == "frame-ancestors 'self' https://news.example https://blog.example"


def test_embed_has_minimal_chrome(trip_client):
    html = trip_client().get("/embed/actors/kim-jong-un").text
    assert "itinerant.itineraryLayer(" in html
    assert "itinerant.embedControl(" not in html and "application/json+oembed" not in html


@pytest.mark.parametrize(
    ("page", "src"),
    [
        ("/actors/kim-jong-un/map", "http://testserver/embed/actors/kim-jong-un"),
        ("/embed/actors/kim-jong-un", "http://testserver/embed/actors/kim-jong-un"),
        ("/actors/kim-jong-un/map?tiles=none", "http://testserver/embed/actors/kim-jong-un?tiles=none"),
        (
            "/map?actors=kim-jong-un,vladimir-putin&from=2019-01-01",
            "http://testserver/embed/map?actors=kim-jong-un%2Cvladimir-putin&amp;from=2019-01-01",
        ),
        ("/map", "http://testserver/embed/map"),
    ],
)
def test_oembed_of_a_map(trip_client, page, src):
    response = trip_client().get("/oembed", params={"url": f"http://testserver{page}", "format": "json"})
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "1.0" and body["type"] == "rich" and body["provider_name"] == "itinerant"
    assert body["provider_url"] == "http://testserver/"
    assert body["title"]
    assert body["html"].startswith(f'<iframe src="{src}"')
    assert f'width="{body["width"]}"' in body["html"] and f'height="{body["height"]}"' in body["html"]


@pytest.mark.parametrize(
    ("params", "size"),
    [
        ({}, (800, 600)),
        ({"maxwidth": 400}, (400, 600)),
        ({"maxwidth": 1000, "maxheight": 300}, (800, 300)),
        ({"maxwidth": 20, "maxheight": 10}, (20, 10)),
    ],
)
def test_oembed_size_stays_within_the_maximum(trip_client, params, size):
    url = "http://testserver/actors/kim-jong-un/map"
    body = trip_client().get("/oembed", params={"url": url, **params}).json()
    assert (body["width"], body["height"]) == size


@pytest.mark.parametrize(
    "url",
    [
        "http://elsewhere.example/actors/kim-jong-un/map",
        "http://testserver/api/articles",
        "http://testserver/actors/kim-jong-un",
        "http://testserver/actors/nobody/map",
        "http://testserver/map?actors=nobody",
        "javascript:alert(1)",
        "not a url",
    ],
)
def test_oembed_of_anything_else_is_404(trip_client, url):
    assert trip_client().get("/oembed", params={"url": url}).status_code == 404


def test_oembed_xml_is_not_implemented(trip_client):
    response = trip_client().get("/oembed", params={"url": "http://testserver/map", "format": "xml"})
    assert response.status_code == 501


def test_oembed_uses_the_public_url(trip_client):
    client = trip_client(public_url="https://maps.example/itinerant/")
    ok = client.get("/oembed", params={"url": "https://maps.example/itinerant/actors/kim-jong-un/map"})
    assert ok.status_code == 200
    assert ok.json()["html"].startswith('<iframe src="https://maps.example/itinerant/embed/actors/kim-jong-un"')
    assert ok.json()["provider_url"] == "https://maps.example/itinerant/"
    assert client.get("/oembed", params={"url": "http://testserver/actors/kim-jong-un/map"}).status_code == 404
