"""geo.maps.features: the itinerary as the map draws it, legs simplified but still cut at the antimeridian."""

from __future__ import annotations

from app_fixtures import ANADYR, ANCHORAGE, SOCHI, VLADIVOSTOK, event

from geo.itinerary import build_itinerary
from geo.maps.features import display_collection


def test_display_legs_keep_the_antimeridian_cut():
    trip = [event("A", ANADYR, when="2024-01-01"), event("A", ANCHORAGE, when="2024-01-05", start=50)]
    (leg,) = [f for f in display_collection(build_itinerary("A", trip))["features"] if f["properties"]["kind"] == "leg"]
    assert leg["geometry"]["type"] == "MultiLineString"
    first, second = leg["geometry"]["coordinates"]
    assert first[-1][0] == 180.0 and second[0][0] == -180.0
    assert first[0] == [ANADYR.lon, ANADYR.lat] and second[-1] == [ANCHORAGE.lon, ANCHORAGE.lat]


def test_display_legs_are_simplified_but_keep_their_ends():
    trip = [event("A", VLADIVOSTOK, when="2024-01-01"), event("A", SOCHI, when="2024-01-05", start=50)]
    itinerary = build_itinerary("A", trip)
    (leg,) = [f for f in display_collection(itinerary)["features"] if f["properties"]["kind"] == "leg"]
    shown = leg["geometry"]["coordinates"]
    assert 2 < len(shown) < len(itinerary.legs[0].path[0])
    assert shown[0] == [VLADIVOSTOK.lon, VLADIVOSTOK.lat] and shown[-1] == [SOCHI.lon, SOCHI.lat]
