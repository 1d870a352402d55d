"""geo.maps.tiles: tile providers by name with their attribution, or none at all."""

from __future__ import annotations

import folium
import pytest
from map_samples import KIM, OFFLINE

from geo.errors import InvalidInputError
from geo.maps.builders import MapOptions, itinerary_map, render_map
from geo.maps.tiles import tile_provider


def test_tiles_by_provider_name_with_attribution():
    html = render_map(itinerary_map(KIM, MapOptions(tiles="OpenTopoMap")))
    assert "tile.opentopomap.org" in html and "OpenStreetMap" in html
    osm = render_map(itinerary_map(KIM, MapOptions()))
    assert "tile.openstreetmap.org/{z}/{x}/{y}.png" in osm and "openstreetmap.org/copyright" in osm


@pytest.mark.parametrize("name", ["no-such-provider", "Thunderforest.OpenCycleMap"])
def test_unknown_or_keyed_tile_providers_are_refused(name):
    with pytest.raises(InvalidInputError):
        tile_provider(name)


def test_offline_basemap_needs_no_tile_server():
    html = render_map(itinerary_map(KIM, OFFLINE))
    assert "{z}" not in html and "tile." not in html
    assert '"type":"FeatureCollection"' in html  # the outlines, inline
    fetched = MapOptions(tiles="none", outlines_url="/assets/basemap/countries.geojson")
    page = render_map(itinerary_map(KIM, fetched))
    assert '"outlines":{"url":"/assets/basemap/countries.geojson"}' in page
    assert '"labels":{"data":{"countries":[["Antarctica"' in page  # country names inline, no city without a gazetteer
    assert "countryinfo" in page  # the outlines' credit


def test_tiles_fall_back_to_the_offline_basemap_served_at_a_url():
    urls = {"outlines_url": "/assets/basemap/countries.geojson", "labels_url": "/assets/basemap/labels.json"}
    options = MapOptions(tiles="OpenStreetMap", **urls)
    m = itinerary_map(KIM, options)
    page = render_map(m, options)
    (tiles,) = [child for child in m._children.values() if isinstance(child, folium.TileLayer)]
    assert f"itinerant.tileFallback({m.get_name()}, {tiles.get_name()}, " in page
    assert '"outlines":{"url":"/assets/basemap/countries.geojson"}' in page
    assert '"labels":{"url":"/assets/basemap/labels.json"}' in page
    assert "openstreetmap.org/copyright" in page  # the tiles' attribution while they show
    assert "Antarctica" not in page  # nothing of the basemap is written into the page


def test_without_a_url_for_the_outlines_a_tiled_map_has_no_fallback():
    page = render_map(itinerary_map(KIM, MapOptions(tiles="OpenStreetMap")))
    assert "itinerant.tileFallback(" not in page and "itinerant.offlineBasemap(" not in page
