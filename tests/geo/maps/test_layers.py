"""geo.maps.layers: the map's own Leaflet layers and controls."""

from __future__ import annotations

import pytest


def test_an_event_layer_needs_exactly_one_source():
    from geo.errors import InvalidInputError
    from geo.maps.layers import EventLayer

    with pytest.raises(InvalidInputError):
        EventLayer()
    with pytest.raises(InvalidInputError):
        EventLayer(collection={"type": "FeatureCollection", "features": []}, url="/api/events.geojson")
