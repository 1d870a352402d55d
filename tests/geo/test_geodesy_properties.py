"""Geometry invariants of legs, on generated points with pinned cases (the mercantile habit)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from geojson_pydantic import Feature
from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo.features import leg_feature
from geo.geodesy import PathParts, wrap_longitude
from geo.geojson import bbox_of
from geo.itinerary import build_itinerary, geodesic_km, great_circle_path
from geo.model import DateInterval, DatePrecision, Event, EventStatus, Place, Precision

# Deterministic and modest: the same examples every run, few enough to keep the suite quick.
PROPERTY_SETTINGS = settings(derandomize=True, max_examples=150, deadline=None, database=None)

# Geodesic distances are exact to about a nanometre; the tolerance only absorbs float rounding.
TOLERANCE_KM = 1e-6

latitudes = st.floats(min_value=-90, max_value=90, allow_nan=False)
longitudes = st.floats(min_value=-180, max_value=180, allow_nan=False)
points = st.tuples(latitudes, longitudes)


def place(lat: float, lon: float, name: str = "P") -> Place:
    return Place(f"test:{name}:{lat}:{lon}", name, lat, lon, "city", Precision.CITY)


def leg_between(a: tuple[float, float], b: tuple[float, float]):
    when = DateInterval(date(2020, 1, 1), date(2020, 1, 1), DatePrecision.DAY)
    later = DateInterval(date(2020, 1, 30), date(2020, 1, 30), DatePrecision.DAY)
    events = [
        Event("A", "visit", place(*a, name="origin"), EventStatus.OCCURRED, when),
        Event("A", "visit", place(*b, name="destination"), EventStatus.OCCURRED, later),
    ]
    itinerary = build_itinerary("A", events)
    return itinerary, itinerary.legs


def assert_drawable(path: PathParts) -> None:
    """Every part is a line within the map that never jumps across it."""
    for part in path:
        assert len(part) >= 2
        for lon, lat in part:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
        for (lon_a, _), (lon_b, _) in itertools.pairwise(part):
            assert abs(lon_b - lon_a) < 180
    for before, after in itertools.pairwise(path):
        (end_lon, end_lat), (start_lon, start_lat) = before[-1], after[0]
        assert end_lat == start_lat  # the parts meet...
        at_pole = abs(end_lat) == 90
        assert at_pole or (abs(end_lon) == 180 and start_lon == -end_lon)  # ...at +/-180


def same_position(position: tuple[float, float], lat: float, lon: float) -> bool:
    if position[1] != lat:
        return False
    return abs(lat) == 90 or wrap_longitude(position[0] - lon) == 0


@PROPERTY_SETTINGS
@given(points, points)
@example((0.0, 0.0), (0.0, 180.0))  # antipodal on the equator: the geodesic runs over a pole
@example((90.0, 0.0), (-90.0, 0.0))  # pole to pole
@example((64.73, 177.51), (61.22, -149.90))  # Anadyr to Anchorage
@example((10.0, -180.0), (10.0, 180.0))  # one point, named twice
def test_distance_is_symmetric(a: tuple[float, float], b: tuple[float, float]) -> None:
    there, back = geodesic_km(place(*a), place(*b)), geodesic_km(place(*b), place(*a))
    assert there == pytest.approx(back, abs=TOLERANCE_KM)
    assert 0 <= there <= 20_004


@PROPERTY_SETTINGS
@given(points, points, points)
@example((0.0, 0.0), (0.0, 90.0), (0.0, 180.0))
@example((64.73, 177.51), (90.0, 0.0), (61.22, -149.90))
@example((0.0, 0.0), (0.0, 0.0), (45.0, 45.0))
def test_distance_obeys_the_triangle_inequality(a, b, c) -> None:
    pa, pb, pc = place(*a), place(*b), place(*c)
    assert geodesic_km(pa, pc) <= geodesic_km(pa, pb) + geodesic_km(pb, pc) + TOLERANCE_KM


@PROPERTY_SETTINGS
@given(points, points)
@example((0.0, 0.0), (0.0, 180.0))
@example((0.0, 0.0), (0.0, -180.0))
@example((80.0, 10.0), (80.0, -170.0))  # over the north pole along one meridian plane
@example((-89.0, 0.0), (-90.0, 0.0))  # to the south pole
@example((90.0, 45.0), (90.0, -135.0))  # the pole, named twice
@example((5.0, 180.0), (5.0, 170.0))  # leaving from the antimeridian westward
@example((5.0, -180.0), (-5.0, -170.0))  # leaving from it eastward
@example((64.73, 177.51), (61.22, -149.90))
@example((0.0, 179.99999999999997), (0.0, -1.0))  # a leg that starts on the antimeridian, rounded to 180
@example((0.0, -180.0), (0.0, 179.99999999999997))  # one meridian, named from both sides
@example((90.0, 45.0), (0.0, 180.0))  # from the pole down the antimeridian
@example((90.0, -135.0), (0.0, 179.99999999999997))
def test_leg_geometry_is_valid_geojson_that_never_jumps_the_map(a, b) -> None:
    itinerary, (leg,) = leg_between(a, b)
    assert_drawable(leg.path)
    first, last = leg.path[0][0], leg.path[-1][-1]
    assert same_position(first, a[0], a[1]) and same_position(last, b[0], b[1])
    assert leg.geometry["type"] == ("LineString" if len(leg.path) == 1 else "MultiLineString")
    Feature.model_validate(leg_feature(leg, itinerary.actor))
    # and the itinerary's bbox holds all of it
    west, south, east, north = bbox_of([leg])
    for part in leg.path:
        for lon, lat in part:
            assert south <= round(lat, 6) <= north
            lon = round(lon, 6)
            if abs(lon) == 180.0:  # one meridian: a box from -180 holds a point at 180, and back
                lon = west if abs(west) == 180.0 else east if abs(east) == 180.0 else lon
            assert (west <= lon <= east) if west <= east else (lon >= west or lon <= east)


@PROPERTY_SETTINGS
@given(
    st.tuples(st.floats(-60, 60), st.floats(150, 179.9)),
    st.tuples(st.floats(-60, 60), st.floats(-179.9, -150)),
)
@example((64.73, 177.51), (61.22, -149.90))
def test_legs_across_the_pacific_are_cut_once_at_the_antimeridian(a, b) -> None:
    _, (leg,) = leg_between(a, b)
    assert leg.crosses_antimeridian
    west_part, east_part = leg.path
    assert west_part[-1][0] == 180 and east_part[0][0] == -180
    assert west_part[-1][1] == east_part[0][1]
    # neither part spans the map: both stay by the antimeridian
    assert min(lon for lon, _ in west_part) >= min(a[1], 150) - 1e-9
    assert max(lon for lon, _ in east_part) <= max(b[1], -150) + 1e-9


def test_anadyr_to_anchorage() -> None:
    _, (leg,) = leg_between((64.73, 177.51), (61.22, -149.90))
    geometry = leg.geometry
    assert geometry["type"] == "MultiLineString"
    west_part, east_part = geometry["coordinates"]
    assert west_part[0] == (177.51, 64.73) and east_part[-1] == (-149.90, 61.22)
    assert (west_part[-1][0], east_part[0][0]) == (180.0, -180.0)
    assert west_part[-1][1] == pytest.approx(64.74, abs=0.05)  # the crossing, interpolated
    spans = [max(p[0] for p in part) - min(p[0] for p in part) for part in (west_part, east_part)]
    assert spans[0] < 3 and spans[1] < 31  # 177.51..180 and -180..-149.9: not the whole map
    assert leg.distance_km == pytest.approx(1678.1, abs=0.1)


@PROPERTY_SETTINGS
@given(points, points)
def test_coarse_paths_stay_drawable_and_bounded(a, b) -> None:
    path = great_circle_path(place(*a), place(*b), max_segments=8)
    assert_drawable(path)
    # 9 sampled positions, plus the two ends of each cut
    assert sum(len(part) for part in path) <= 9 + 2 * (len(path) - 1)
