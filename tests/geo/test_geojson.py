"""geo.geojson: features, collections, bboxes and streaming, checked against RFC 7946."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from geojson_pydantic import Feature, FeatureCollection
from shapely.geometry import LineString, Point

from geo.errors import InvalidInputError
from geo.features import event_feature, itinerary_feature_collection
from geo.geojson import (
    bbox_of,
    feature,
    feature_collection,
    geometry_of,
    iter_feature_collection,
)
from geo.itinerary import build_itinerary
from geo.model import DateInterval, DatePrecision, Event, EventStatus, Place, Precision

ACTOR = "Kim Jong Un"


def place(name: str, lat: float, lon: float, **extra: Any) -> Place:
    return Place(f"test:{name.lower()}", name, lat, lon, "city", Precision.CITY, **extra)


VLADIVOSTOK = place("Vladivostok", 43.10562, 131.87353, country="RU", geonameid=2013348)
KOMSOMOLSK = place("Komsomolsk-on-Amur", 50.55034, 137.00995, country="RU", geonameid=2021851)
ANADYR = place("Anadyr", 64.73, 177.51, country="RU")
ANCHORAGE = place("Anchorage", 61.22, -149.90, country="US")


def event(
    where: Place, when: DateInterval = DateInterval(), status: EventStatus = EventStatus.OCCURRED, **extra: Any
) -> Event:
    fields: dict[str, Any] = {"action": "visit", "evidence": f"Kim was in {where.name}.", "article_id": 3, **extra}
    return Event(actor=ACTOR, place=where, status=status, date=when, **fields)


def day(year: int, month: int, dom: int) -> DateInterval:
    return DateInterval(date(year, month, dom), date(year, month, dom), DatePrecision.DAY)


# -- RFC 7946, checked by hand ------------------------------------------------------------


def _lines(geometry: dict) -> list[list]:
    if geometry["type"] == "LineString":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiLineString":
        return geometry["coordinates"]
    return []


def _positions(geometry: dict) -> list[list[float]]:
    if geometry["type"] == "Point":
        return [geometry["coordinates"]]
    return [position for line in _lines(geometry) for position in line]


def assert_rfc7946(collection: dict) -> None:
    """The checks of RFC 7946 that matter here, written out rather than trusted to a library."""
    # Closed structure: plain JSON, no NaN, survives a round trip unchanged.
    assert json.loads(json.dumps(collection, allow_nan=False)) == collection
    assert collection["type"] == "FeatureCollection"
    for item in collection["features"]:
        assert item["type"] == "Feature"
        assert set(item) <= {"type", "geometry", "properties", "id", "bbox"}
        assert "id" not in item or isinstance(item["id"], (str, int))
        geometry = item["geometry"]
        for lon, lat in _positions(geometry):
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert round(lon, 6) == lon and round(lat, 6) == lat
        for line in _lines(geometry):
            assert len(line) >= 2
            for (lon_a, _), (lon_b, _) in itertools.pairwise(line):
                assert abs(lon_b - lon_a) < 180, "a line must not cross the antimeridian (3.1.9)"
    if "bbox" in collection:
        west, south, east, north = collection["bbox"]
        assert -180 <= west <= 180 and -180 <= east <= 180 and south <= north
    if "bbox" in collection and collection["bbox"][0] > collection["bbox"][2]:
        # geojson-pydantic warns on a bbox across the antimeridian, which RFC 7946 5.2 allows
        with pytest.warns(UserWarning, match="Antimeridian"):
            FeatureCollection.model_validate(collection)
    else:
        FeatureCollection.model_validate(collection)


# -- geometries and features --------------------------------------------------------------


def test_feature_from_an_object_with_geo_interface_rounds_lon_lat() -> None:
    result = feature(Point(131.873531234567, 43.105621234567), {"name": "x"}, id=5)
    assert result == {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [131.873531, 43.105621]},
        "properties": {"name": "x"},
        "id": 5,
    }
    Feature.model_validate(result)


def test_feature_from_a_place_puts_longitude_first() -> None:
    assert feature(VLADIVOSTOK)["geometry"]["coordinates"] == [131.87353, 43.10562]


def test_feature_without_geometry_or_properties() -> None:
    assert feature(None) == {"type": "Feature", "geometry": None, "properties": None}


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [181.0, 0.0]},
        {"type": "Point", "coordinates": [0.0, -90.5]},
        {"type": "Point", "coordinates": [float("nan"), 0.0]},
        {"type": "Point", "coordinates": [1.0]},
        {"type": "LineString", "coordinates": [[0.0, 0.0]]},
        {"type": "Circle", "coordinates": [0.0, 0.0]},
        {"coordinates": [0.0, 0.0]},
        "POINT (0 0)",
    ],
)
def test_bad_geometries_are_refused(geometry: Any) -> None:
    with pytest.raises(InvalidInputError):
        feature(geometry)


@pytest.mark.parametrize("bad_id", [True, [1], {"a": 1}])
def test_feature_ids_are_strings_or_numbers(bad_id: Any) -> None:
    with pytest.raises(InvalidInputError):
        feature(VLADIVOSTOK, {}, id=bad_id)


def test_geometry_of_takes_a_features_geometry_and_collections() -> None:
    point = {"type": "Point", "coordinates": (1.0, 2.0)}
    assert geometry_of({"type": "Feature", "geometry": point, "properties": {}}) == {
        "type": "Point",
        "coordinates": [1.0, 2.0],
    }
    collection = {"type": "GeometryCollection", "geometries": [point, LineString([(0, 0), (1, 1)])]}
    assert geometry_of(collection)["geometries"][1] == {"type": "LineString", "coordinates": [[0.0, 0.0], [1.0, 1.0]]}


def test_feature_collection_members() -> None:
    collection = feature_collection(
        [feature(VLADIVOSTOK)], bbox=(131.87353, 43.10562, 131.87353, 43.10562), actor=ACTOR
    )
    assert collection["actor"] == ACTOR
    assert collection["bbox"] == [131.87353, 43.10562, 131.87353, 43.10562]
    assert_rfc7946(collection)


@pytest.mark.parametrize("members", [{"type": "x"}, {"features": []}])
def test_foreign_members_cannot_shadow_the_collections_own(members: dict) -> None:
    with pytest.raises(InvalidInputError):
        feature_collection([], **members)
    with pytest.raises(InvalidInputError):
        iter_feature_collection([], **members)


@pytest.mark.parametrize("bbox", [(1, 2, 3), (0, 0, float("inf"), 1), ("a", 0, 1, 1)])
def test_bad_bboxes_are_refused(bbox: Any) -> None:
    with pytest.raises(InvalidInputError):
        feature_collection([], bbox=bbox)


# -- bbox ---------------------------------------------------------------------------------


def _points(*lon_lats: tuple[float, float]) -> list[dict]:
    return [{"type": "Point", "coordinates": lon_lat} for lon_lat in lon_lats]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], None),
        ([None], None),
        (_points((10, 20)), (10, 20, 10, 20)),
        (_points((10, 20), (-30, -5), (100, 60)), (-30, -5, 100, 60)),
        # 177.5 and -149.9: 32.6 degrees across the antimeridian beat 327.4 the other way
        (_points((177.5, 64.7), (-149.9, 61.2)), (177.5, 61.2, -149.9, 64.7)),
        # a cut line: its parts meet at +/-180, which is one meridian
        (
            [{"type": "MultiLineString", "coordinates": [[[170, 0], [180, 5]], [[-180, 5], [-170, 10]]]}],
            (170, 0, -170, 10),
        ),
        # touching the antimeridian from the west only: an ordinary box
        (_points((170, 0), (180, 5)), (170, 0, 180, 5)),
        (_points((170, 0), (-180, 5)), (170, 0, 180, 5)),
        # as narrow either way: the ordinary box wins
        (_points((-90, 0), (90, 0)), (-90, 0, 90, 0)),
        # a pole inside: every longitude (RFC 7946 5.3)
        ([{"type": "LineString", "coordinates": [[10, 80], [10, 90]]}], (-180, 80, 180, 90)),
    ],
)
def test_bbox_of(items: list, expected: tuple | None) -> None:
    assert bbox_of(items) == expected


def test_bbox_of_accepts_features_and_geo_objects() -> None:
    assert bbox_of([feature(VLADIVOSTOK), KOMSOMOLSK]) == (131.87353, 43.10562, 137.00995, 50.55034)


# -- itineraries and events ---------------------------------------------------------------


def _kim() -> tuple:
    events = [
        event(
            VLADIVOSTOK,
            DateInterval(date(2019, 4, 1), date(2019, 4, 30), DatePrecision.MONTH),
            event_id=11,
            evidence_start=100,
            evidence_end=180,
        ),
        event(KOMSOMOLSK, day(2023, 9, 15), event_id=12),
        event(KOMSOMOLSK, day(2023, 9, 16), event_id=13, action="tour"),
        event(VLADIVOSTOK, status=EventStatus.PLANNED, event_id=14),
    ]
    itinerary = build_itinerary(ACTOR, events)
    return itinerary, itinerary_feature_collection(itinerary)


def test_itinerary_collection_is_valid_geojson() -> None:
    _, collection = _kim()
    assert_rfc7946(collection)


def test_itinerary_collection_has_stops_in_order_then_legs() -> None:
    itinerary, collection = _kim()
    kinds = [(f["properties"]["kind"], f["properties"]["number"]) for f in collection["features"]]
    assert kinds == [("stop", 1), ("stop", 2), ("stop", 3), ("leg", 1), ("leg", 2)]
    geometry_types = [f["geometry"]["type"] for f in collection["features"]]
    assert geometry_types == ["Point"] * 3 + ["LineString"] * 2
    assert collection["actor"] == ACTOR
    assert collection["total_km"] == round(itinerary.legs[0].distance_km, 3)
    assert collection["planned_km"] == round(itinerary.legs[1].distance_km, 3)
    assert collection["bbox"] == list(itinerary.bbox)
    assert len({f["id"] for f in collection["features"]}) == 5


def test_stop_properties() -> None:
    _, collection = _kim()
    first, second, third = (f["properties"] for f in collection["features"][:3])
    assert first == {
        "kind": "stop",
        "number": 1,
        "actor": ACTOR,
        "place": "Vladivostok",
        "gazetteer_id": "test:vladivostok",
        "place_id": "test:vladivostok",
        "geonameid": 2013348,
        "country": "RU",
        "admin1": None,
        "place_precision": "city",
        "status": "occurred",
        "date": "2019-04",
        "date_start": "2019-04-01",
        "date_end": "2019-04-30",
        "date_precision": "month",
        "action": "visit",
        "evidence": "Kim was in Vladivostok.",
        "evidence_start": 100,
        "evidence_end": 180,
        "article_id": 3,
        "event_ids": [11],
    }
    # a two-day stay: both events, dated from the first day to the last
    assert (second["event_ids"], second["date"], second["date_end"]) == ([12, 13], "2023-09-15", "2023-09-16")
    assert (third["status"], third["date"], third["date_start"], third["date_precision"]) == (
        "planned",
        None,
        None,
        "unknown",
    )


def test_leg_properties() -> None:
    itinerary, collection = _kim()
    first_leg, second_leg = (f["properties"] for f in collection["features"][3:])
    assert first_leg == {
        "kind": "leg",
        "number": 1,
        "actor": ACTOR,
        "from": 1,
        "to": 2,
        "from_place": "Vladivostok",
        "to_place": "Komsomolsk-on-Amur",
        "status": "occurred",
        "distance_km": round(itinerary.legs[0].distance_km, 3),
    }
    assert (second_leg["from"], second_leg["to"], second_leg["status"]) == (2, 3, "planned")


def test_a_leg_across_the_antimeridian_is_a_multilinestring_feature() -> None:
    itinerary = build_itinerary(ACTOR, [event(ANADYR, day(2020, 1, 1)), event(ANCHORAGE, day(2020, 1, 3))])
    collection = itinerary_feature_collection(itinerary)
    assert_rfc7946(collection)
    leg = collection["features"][-1]
    assert leg["geometry"]["type"] == "MultiLineString"
    west_part, east_part = leg["geometry"]["coordinates"]
    assert west_part[-1][0] == 180 and east_part[0][0] == -180
    assert west_part[-1][1] == east_part[0][1]
    west, _, east, _ = collection["bbox"]
    assert west > east  # RFC 7946 5.2


def test_event_feature() -> None:
    result = event_feature(
        event(KOMSOMOLSK, day(2023, 9, 15), event_id=12, confidence=0.9, co_actors=("Denis Manturov",))
    )
    Feature.model_validate(result)
    assert result["id"] == 12
    assert result["geometry"] == {"type": "Point", "coordinates": [137.00995, 50.55034]}
    properties = result["properties"]
    assert properties["kind"] == "event"
    assert {
        k: properties[k]
        for k in ("actor", "place", "geonameid", "status", "date", "event_id", "co_actors", "confidence")
    } == {
        "actor": ACTOR,
        "place": "Komsomolsk-on-Amur",
        "geonameid": 2021851,
        "status": "occurred",
        "date": "2023-09-15",
        "event_id": 12,
        "co_actors": ["Denis Manturov"],
        "confidence": 0.9,
    }
    assert "id" not in event_feature(event(KOMSOMOLSK))


# -- streaming ----------------------------------------------------------------------------


def _event_features(count: int) -> Iterator[dict]:
    for number in range(count):
        lon = -180 + (number * 7.3) % 360
        lat = -80 + (number * 3.1) % 160
        yield event_feature(event(place(f"P{number}", lat, lon), event_id=number))


@pytest.mark.parametrize("count", [0, 1, 2, 500])
@pytest.mark.parametrize("chunk_chars", [1, 4096, 1 << 20])
def test_streamed_text_is_the_collection(count: int, chunk_chars: int) -> None:
    members = {"bbox": (-180, -80, 180, 80), "actor": 'Ünïcode "quoted"', "numberMatched": count}
    chunks = iter_feature_collection(_event_features(count), chunk_chars=chunk_chars, **members)
    text = "".join(chunks)
    parsed = json.loads(text)
    assert parsed == json.loads(json.dumps(feature_collection(_event_features(count), **members)))
    assert_rfc7946(parsed)


def test_streaming_pulls_features_lazily() -> None:
    pulled = 0

    def features() -> Iterator[dict]:
        nonlocal pulled
        for item in _event_features(100_000):
            pulled += 1
            yield item

    chunks = iter_feature_collection(features(), chunk_chars=10_000)
    assert pulled == 0  # nothing read before the first chunk is asked for
    first = next(chunks)
    assert 0 < pulled < 100
    assert len(first) >= 10_000
    next(chunks)
    assert pulled < 200


def test_streaming_refuses_what_is_not_a_feature() -> None:
    chunks = iter_feature_collection([{"type": "Point", "coordinates": [0, 0]}])
    with pytest.raises(InvalidInputError):
        list(chunks)


def test_streaming_needs_a_positive_chunk_size() -> None:
    with pytest.raises(InvalidInputError):
        iter_feature_collection([], chunk_chars=0)


def test_streaming_refuses_nan() -> None:
    bad = {"type": "Feature", "geometry": None, "properties": {"score": float("nan")}}
    with pytest.raises(ValueError):
        list(iter_feature_collection([bad]))
