"""geo.maps.features: the itinerary as the map draws it, legs simplified but still cut at the antimeridian."""

from __future__ import annotations

from app_fixtures import ANADYR, ANCHORAGE, SOCHI, VLADIVOSTOK, event

from geo.itinerary import build_itinerary
from geo.maps.features import (
    date_span,
    decode_polyline,
    display_collection,
    encode_polyline,
    encode_polylines,
    expand_page_collection,
    page_collection,
)


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
    assert 2 < len(shown) <= len(itinerary.legs[0].path[0])  # the path is already about as fine as a map shows
    assert shown[0] == [VLADIVOSTOK.lon, VLADIVOSTOK.lat] and shown[-1] == [SOCHI.lon, SOCHI.lat]


def test_encoded_polylines_follow_googles_algorithm_and_decode_back():
    # Google's own example, its (lat, lng) pairs given here as the [x, y] the encoder reads.
    assert encode_polyline([[38.5, -120.2], [40.7, -120.95], [43.252, -126.453]]) == "_p~iF~ps|U_ulLnnqC_mqNvxq`@"
    lines = [[[179.99999, -0.5], [-180.0, 12.34567]], [[131.88563, 43.11981], [0.0, 0.0], [-0.00001, 89.99999]]]
    assert [decode_polyline(text) for text in encode_polylines(lines)] == lines


def test_the_page_collection_packs_the_display_collection_and_unpacks_to_it():
    trip = [
        event("A", VLADIVOSTOK, when="2024-01-01"),
        event("A", ANADYR, when="2024-01-03", start=50),
        event("A", ANCHORAGE, when="2024-01-05", start=100),
    ]
    collection = display_collection(build_itinerary("A", trip))
    packed = page_collection(collection)
    assert len(packed["stops"]) == 3 and len(packed["legs"]) == 2 and "features" not in packed
    expanded = expand_page_collection(packed)
    for shown, original in zip(expanded["features"], collection["features"], strict=True):
        assert shown["geometry"] == original["geometry"]
        wanted = {key: value for key, value in original["properties"].items() if key in shown["properties"]}
        assert shown["properties"] == wanted
    # Without the evidence, a stop keeps the id of the event to fetch it from.
    light = expand_page_collection(page_collection(collection, evidence=False))
    stop = light["features"][0]["properties"]
    assert "evidence" not in stop and stop["event_id"] == collection["features"][0]["properties"]["event_id"]


def test_the_date_span_of_itineraries_reads_as_a_reader_says_it():
    trip = [event("A", VLADIVOSTOK, when="2019-04"), event("A", SOCHI, when="2023-09-15", start=50)]
    assert date_span([build_itinerary("A", trip)]) == "Apr 2019 \u2013 15 Sep 2023"
    assert date_span([build_itinerary("A", trip[:1])]) == "Apr 2019"
    assert date_span([build_itinerary("A", [event("A", SOCHI, start=0)])]) is None
