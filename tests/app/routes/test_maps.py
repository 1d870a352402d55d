"""app.routes.maps: map pages over the API's test store: itinerary maps, combined maps, tiles."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from app_fixtures import KOMSOMOLSK, TRIP, event

from app import map_pages
from geo.maps.features import expand_page_collection

TEXT = "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi."
LINK = re.compile(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"')


@pytest.fixture
def trip_client(make_client):
    def make(**overrides):
        client = make_client(events=TRIP, **overrides)
        assert client.post("/api/articles", json={"text": TEXT, "published": "2023-09-15"}).status_code == 201
        return client

    return make


def _layers(html: str) -> list:
    """Each itinerary layer's data (unpacked as the map script does) and options."""
    layers = [json.loads(f"[{m}]") for m in re.findall(r"itinerant\.itineraryLayer\((.*?)\);\n", html)]
    return [(expand_page_collection(packed), options) for packed, options in layers]


def test_actor_map_page_draws_the_itinerary(trip_client):
    response = trip_client(tiles="none").get("/actors/kim-jong-un/map")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    ((collection, options),) = _layers(response.text)
    places = [f["properties"]["place"] for f in collection["features"] if f["properties"]["kind"] == "stop"]
    assert places == ["Vladivostok", "Komsomolsk-on-Amur", "Vladivostok"]
    assert options["articleUrl"] == "/articles/{id}"
    assert "itinerant.legend(" in response.text and "itinerant.replay(" in response.text
    assert "<title>Kim Jong Un: itinerary</title>" in response.text


def test_map_assets_are_local_by_default(trip_client):
    html = trip_client(tiles="none").get("/actors/kim-jong-un/map").text
    links = LINK.findall(html)
    assert links and all(link.startswith("/assets/vendor/") for link in links)
    assert not re.search(r'(src|href)="https?://(?!127\.0\.0\.1|testserver)', html.split("<body>")[0])


def test_map_assets_come_from_cdns_when_configured(trip_client):
    links = LINK.findall(trip_client(tiles="none", asset_mode="cdn").get("/actors/kim-jong-un/map").text)
    assert links and all(link.startswith("https://") for link in links)
    assert any("cdn.jsdelivr.net/npm/leaflet@1.9.3" in link for link in links)


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("", "tile.openstreetmap.org", "itinerant.offlineBasemap("),
        ("?tiles=OpenTopoMap", "tile.opentopomap.org", "tile.openstreetmap.org"),
        ("?tiles=none", "itinerant.offlineBasemap(", "{z}/{x}/{y}"),
    ],
)
def test_tiles_from_settings_or_query(trip_client, query, present, absent):
    html = trip_client().get(f"/actors/kim-jong-un/map{query}").text
    assert present in html and absent not in html


@pytest.mark.parametrize(
    "path", ["/actors/kim-jong-un/map", "/map", "/map?actors=kim-jong-un", "/embed/actors/kim-jong-un", "/embed/map"]
)
def test_tiled_maps_fall_back_to_the_served_offline_basemap(trip_client, path):
    html = trip_client().get(path).text
    assert "itinerant.tileFallback(" in html
    assert '"outlines":{"url":"/assets/basemap/countries.geojson"}' in html
    assert '"labels":{"url":"/assets/basemap/labels.json"}' in html


def test_unknown_tile_provider_is_422(trip_client):
    response = trip_client().get("/actors/kim-jong-un/map?tiles=NoSuchTiles")
    assert response.status_code == 422 and response.json()["field"] == "tiles"


def test_unknown_actor_map_is_404(trip_client):
    client = trip_client()
    for path in ("/actors/nobody/map", "/map?actors=kim-jong-un,nobody", "/embed/actors/nobody"):
        assert client.get(path).status_code == 404, path


def test_map_page_offers_embed_code_and_oembed_discovery(trip_client):
    html = trip_client(tiles="none").get("/actors/kim-jong-un/map").text
    (code,) = re.findall(r"itinerant\.embedControl\(map_\w+, (.*?)\);\n", html)
    assert 'src="http://testserver/embed/actors/kim-jong-un"' in json.loads(code)
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html)
    assert link and link.group(1).startswith("http://testserver/oembed?url=http%3A%2F%2Ftestserver%2Factors")


def test_several_actors_one_layer_each_within_dates(trip_client):
    client = trip_client(tiles="none")
    html = client.get("/map?actors=kim-jong-un,vladimir-putin").text
    layers = _layers(html)
    assert [len([f for f in c["features"] if f["properties"]["kind"] == "stop"]) for c, _ in layers] == [3, 1]
    assert "L.control.layers" in html
    dated = _layers(client.get("/map?actors=kim-jong-un&from=2023-01-01").text)
    ((collection, _),) = dated
    assert [f["properties"]["place"] for f in collection["features"]] == ["Komsomolsk-on-Amur"]


def test_all_events_map_inlines_a_few(trip_client):
    html = trip_client(tiles="none").get("/map").text
    (source,) = re.findall(r"itinerant\.eventLayer\((.*?), \{", html)
    assert len(json.loads(source)["data"]["features"]) == 4
    assert "/assets/vendor/leaflet.markercluster/dist/leaflet.markercluster.js" in html


def test_all_events_map_loads_many_from_the_geojson_api(trip_client, monkeypatch):
    monkeypatch.setattr(map_pages, "INLINE_EVENT_LIMIT", 2)
    html = trip_client(tiles="none").get("/map?from=2019-01-01").text
    (source,) = re.findall(r"itinerant\.eventLayer\((.*?), \{", html)
    assert json.loads(source) == {"url": "/api/events.geojson?from=2019-01-01&limit=5000"}
    assert '"features"' not in source


def test_hostile_article_text_is_data_on_the_map(make_client):
    hostile = dataclasses.replace(
        event("Kim Jong Un", KOMSOMOLSK, when="2023-09-15"),
        evidence="<script>alert(1)</script><img src=x onerror=alert(2)>",
    )
    client = make_client(events=[hostile], tiles="none")
    client.post("/api/articles", json={"text": TEXT})
    html = client.get("/actors/kim-jong-un/map").text
    assert "<script>alert" not in html and "<img src=x" not in html
    # The page leaves the evidence out; its popup fetches it, as JSON, from the event's URL.
    ((collection, options),) = _layers(html)
    stop = collection["features"][0]["properties"]
    assert "evidence" not in stop and options["eventUrl"] == "/api/events/{id}"
    fetched = client.get(options["eventUrl"].replace("{id}", str(stop["event_id"])))
    assert fetched.json()["evidence"].startswith("<script>alert(1)")


def test_jinja_in_article_text_stays_text(make_client):
    # Branca compiles each element's script as a Jinja template: braces from an article must not run.
    jinja = '{{ "pwn" ~ "ed" }} {% if true %}yes{% endif %} {# gone #}'
    person = dataclasses.replace(event("Kim Jong Un", KOMSOMOLSK, when="2023-09-15"), actor=jinja, evidence=jinja)
    client = make_client(events=[person], tiles="none")
    client.post("/api/articles", json={"text": TEXT})
    slug = client.get("/api/actors").json()["items"][0]["slug"]
    for path in (f"/actors/{slug}/map", f"/embed/actors/{slug}", f"/map?actors={slug},{slug}"):
        html = client.get(path).text
        assert "pwned" not in html and "yes}" not in html and "gone" in html, path
        ((collection, _), *_rest) = _layers(html)
        assert collection["actor"] == jinja


@pytest.mark.parametrize(
    ("suffix", "media_type", "magic"), [("png", "image/png", b"\x89PNG"), ("svg", "image/svg+xml", b"<svg")]
)
def test_actor_map_as_a_still_image(trip_client, suffix, media_type, magic):
    client = trip_client()
    response = client.get(f"/actors/kim-jong-un/map.{suffix}?width=600&height=400")
    assert response.status_code == 200 and response.headers["content-type"].startswith(media_type)
    assert response.content.startswith(magic) and "max-age" in response.headers["cache-control"]
    assert client.get(f"/actors/nobody/map.{suffix}").status_code == 404
    assert client.get(f"/actors/kim-jong-un/map.{suffix}?width=5").status_code == 422
    assert f'href="/actors/kim-jong-un/map.{suffix}"' in client.get("/actors/kim-jong-un").text
