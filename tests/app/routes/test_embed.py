"""Embeds, framing headers and oEmbed."""

from __future__ import annotations

import json
import re
from html import unescape

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
        ("/actors/kim-jong-un", "http://testserver/embed/actors/kim-jong-un"),
        ("/actors/kim-jong-un/", "http://testserver/embed/actors/kim-jong-un"),
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
    assert f'<iframe src="{src}"' in body["html"]
    assert f'width="{body["width"]}"' in body["html"] and f'height="{body["height"]}"' in body["html"]
    # Responsive: as wide as the column, at most the width asked, in the same shape.
    assert body["html"].startswith(
        '<div class="itinerant-embed-frame" style="position:relative;width:100%;max-width:800px;'
    )
    assert "aspect-ratio:800/600" in body["html"]


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
        "http://testserver/actors/kim-jong-un/map.png",
        "http://testserver/actors/kim-jong-un/elsewhere",
        "http://testserver/actors/nobody",
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
    assert '<iframe src="https://maps.example/itinerant/embed/actors/kim-jong-un"' in ok.json()["html"]
    assert ok.json()["provider_url"] == "https://maps.example/itinerant/"
    assert client.get("/oembed", params={"url": "http://testserver/actors/kim-jong-un/map"}).status_code == 404


@pytest.mark.parametrize("page", ["/actors/kim-jong-un", "/actors/kim-jong-un/map", "/map?actors=kim-jong-un"])
def test_the_copied_embed_code_is_responsive(trip_client, page):
    html = trip_client().get(page).text
    if page == "/actors/kim-jong-un":
        shown = unescape(re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', html, re.S).group(1))
    else:
        shown = json.loads(re.search(r"itinerant\.embedControl\(\w+, (\".*?\")\);", html).group(1))
    assert "width:100%;max-width:800px;aspect-ratio:800/600" in shown
    assert 'style="position:absolute;top:0;left:0;width:100%;height:100%;border:0"' in shown
    assert 'width="800" height="600"' in shown  # kept for readers that ignore the styles


def test_an_embed_has_a_title_line_with_dates_and_a_source_line_linking_back(trip_client):
    client = trip_client()
    html = client.get("/embed/actors/kim-jong-un").text
    assert (
        '<h1 class="itinerant-title">Kim Jong Un '
        '<span class="itinerant-title-dates">Apr 2019 \u2013 15 Sep 2023</span></h1>' in html
    )
    assert (
        '<p class="itinerant-source">Source: <a href="http://testserver/actors/kim-jong-un" target="_blank" '
        'rel="noopener">Kim Jong Un: itinerary, on itinerant</a></p>'
    ) in html
    combined = client.get("/embed/map?actors=kim-jong-un,vladimir-putin").text
    assert 'href="http://testserver/map?actors=kim-jong-un%2Cvladimir-putin"' in combined


def test_a_full_page_map_has_a_heading_for_screen_readers_only(trip_client):
    html = trip_client().get("/actors/kim-jong-un/map").text
    assert '<html lang="en">' in html
    assert '<h1 class="itinerant-title">Kim Jong Un: itinerary</h1>' in html
    assert "clip: rect(0 0 0 0)" in html and "itinerant-source" not in html
