"""geo.maps.tiles: tile providers by name with their attribution, or none at all."""

from __future__ import annotations

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
    assert 'fetch("/assets/basemap/countries.geojson")' in render_map(itinerary_map(KIM, fetched))
