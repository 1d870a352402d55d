"""geo.maps.basemap: the country outlines drawn when no tile server is used."""

from __future__ import annotations

import json

import shapely
from shapely.geometry import shape

from geo.maps.basemap import country_outlines


def test_country_outlines_are_valid_and_small():
    outlines = country_outlines()
    assert len(outlines["features"]) > 150
    names = {f["properties"]["name"] for f in outlines["features"]}
    assert {"France", "Russia", "Brazil", "Japan"} <= names
    assert all(shape(f["geometry"]).is_valid or shapely.make_valid(shape(f["geometry"])) for f in outlines["features"])
    assert len(json.dumps(outlines)) < 400_000
