"""geo.geojson: features, collections, bboxes and streaming, checked against RFC 7946."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from geo_samples import ACTOR, KOMSOMOLSK, VLADIVOSTOK, assert_rfc7946, event, place
from geojson_pydantic import Feature
from shapely.geometry import LineString, Point

from geo.errors import InvalidInputError
from geo.features import event_feature
from geo.geojson import (
    bbox_of,
    bbox_of_geometries,
    feature,
    feature_collection,
    geometry_of,
    iter_feature_collection,
)

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


def test_bbox_of_geometries_takes_normalised_geometries_as_they_are() -> None:
    items = [feature(VLADIVOSTOK), KOMSOMOLSK, {"type": "LineString", "coordinates": [[179.5, 60], [-179.5, 61]]}]
    geometries = [geometry_of(item) for item in items]
    assert bbox_of_geometries([*geometries, None]) == bbox_of(items)
    assert bbox_of_geometries([]) is None
