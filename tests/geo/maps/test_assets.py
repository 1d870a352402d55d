"""geo.maps.assets: every file a map links to has a vendored copy, served locally when asked."""

from __future__ import annotations

import dataclasses
import re

import pytest
from app_fixtures import TRIP
from map_samples import KIM, OFFLINE, PUTIN

from geo.errors import InvalidInputError
from geo.features import event_feature
from geo.maps.assets import VENDORED, asset_links, local_path_of
from geo.maps.builders import MapOptions, actors_map, events_map, itinerary_map, render_map


def test_assets_come_from_cdns_by_default_and_from_the_given_base_when_local():
    cdn_map = itinerary_map(KIM, OFFLINE)
    cdn_html = render_map(cdn_map)
    links = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', cdn_html)
    assert links and all(link.startswith("https://") for link in links)

    local = dataclasses.replace(OFFLINE, asset_base="/assets/vendor")
    local_html = render_map(itinerary_map(KIM, local), local)
    local_links = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', local_html)
    assert len(local_links) == len(links)
    assert all(link.startswith("/assets/vendor/") for link in local_links)
    assert "cdn.jsdelivr" not in local_html and "cdnjs" not in local_html and "code.jquery" not in local_html


def test_every_link_of_every_map_kind_has_a_vendored_copy():
    collection = {"type": "FeatureCollection", "features": [event_feature(e) for e in TRIP]}
    for m in (
        itinerary_map(KIM, OFFLINE),
        actors_map([KIM, PUTIN], OFFLINE),
        events_map(collection, options=OFFLINE),
        itinerary_map(KIM, MapOptions()),
    ):
        m.get_root().render()  # links are gathered from the whole tree, plugins included
        for url in asset_links(m):
            assert local_path_of(url)


def test_a_link_without_a_vendored_copy_is_refused():
    with pytest.raises(InvalidInputError, match="no vendored copy"):
        local_path_of("https://cdn.example.org/evil.js")


def test_vendored_files_are_unique_per_url():
    assert len({f.cdn_url for f in VENDORED}) == len(VENDORED)


def test_a_map_loads_leaflet_and_the_plugins_it_uses_alone():
    # Folium's defaults (Bootstrap, jQuery, Font Awesome, awesome-markers) are left out: no map uses them.
    collection = {"type": "FeatureCollection", "features": [event_feature(e) for e in TRIP]}
    local = dataclasses.replace(OFFLINE, asset_base="/assets/vendor")
    for m, plugins in (
        (itinerary_map(KIM, local), ["leaflet-textpath/leaflet.textpath.js"]),
        (
            events_map(collection, options=local),
            [
                "leaflet.markercluster/dist/leaflet.markercluster.js",
                "leaflet.markercluster/dist/MarkerCluster.css",
                "leaflet.markercluster/dist/MarkerCluster.Default.css",
            ],
        ),
    ):
        html = render_map(m, local)
        links = re.findall(r'<(?:script src|link rel="stylesheet" href)="/assets/vendor/([^"]+)"', html)
        assert sorted(links) == sorted(["leaflet/dist/leaflet.js", "leaflet/dist/leaflet.css", *plugins])
        assert re.search(r"bootstrap|jquery|fontawesome|awesome-markers", html, re.I) is None


def test_a_map_page_has_a_language_a_heading_and_allows_pinch_zoom():
    html = render_map(itinerary_map(KIM, OFFLINE))
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert re.findall(r'<meta name="viewport"[^>]*>', html) == [
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
    ]
    assert len(re.findall(r"<h1\b", html)) == 1
