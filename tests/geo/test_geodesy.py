"""geo.geodesy: WGS84 distances, the same-place rule, drawable paths and cuts at the antimeridian."""

from __future__ import annotations

import pytest
from geopy.distance import geodesic as geopy_geodesic
from itinerary_samples import (
    ANADYR,
    ANCHORAGE,
    KOMSOMOLSK,
    LOS_ANGELES,
    PYONGYANG,
    TOKYO,
    VLADIVOSTOK,
    place,
)

from geo.errors import InvalidInputError
from geo.geodesy import (
    MAX_PATH_SEGMENTS,
    SAME_PLACE_KM,
    geodesic_km,
    great_circle_path,
    same_place,
    split_at_antimeridian,
)
from geo.model import Place, Precision


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (VLADIVOSTOK, VLADIVOSTOK, True),
        # another gazetteer entry for the same GeoNames feature, placed a little apart
        (
            VLADIVOSTOK,
            Place("curated:vlad", "Vladivostok", 43.2, 131.9, "city", Precision.CITY, geonameid=2013348),
            True,
        ),
        # a site inside the city, 2 km away, under another id
        (VLADIVOSTOK, place("Station", 43.11, 131.85), True),
        (VLADIVOSTOK, place("Artyom", 43.35, 132.19), False),  # ~37 km
        (VLADIVOSTOK, KOMSOMOLSK, False),
    ],
)
def test_same_place(a: Place, b: Place, expected: bool) -> None:
    assert same_place(a, b) is expected
    assert same_place(b, a) is expected


def test_same_place_threshold_is_a_keyword() -> None:
    artyom = place("Artyom", 43.35, 132.19)
    assert not same_place(VLADIVOSTOK, artyom)
    assert same_place(VLADIVOSTOK, artyom, within_km=40)
    assert SAME_PLACE_KM < 40


@pytest.mark.parametrize(
    ("a", "b"),
    [(PYONGYANG, VLADIVOSTOK), (VLADIVOSTOK, KOMSOMOLSK), (ANADYR, ANCHORAGE), (TOKYO, LOS_ANGELES)],
)
def test_geodesic_km_agrees_with_geopy(a: Place, b: Place) -> None:
    expected = geopy_geodesic((a.lat, a.lon), (b.lat, b.lon), ellipsoid="WGS-84").km
    assert geodesic_km(a, b) == pytest.approx(expected, abs=1e-6)


def test_path_length_is_bounded_for_the_longest_legs() -> None:
    start, end = place("a", 0.0, 0.0), place("b", 0.5, 179.0)  # nearly antipodal
    (part,) = great_circle_path(start, end)
    assert len(part) <= MAX_PATH_SEGMENTS + 1
    (capped,) = great_circle_path(start, end, max_segments=10)
    assert len(capped) == 11
    assert (capped[0], capped[-1]) == ((0.0, 0.0), (179.0, 0.5))


@pytest.mark.parametrize(
    ("positions", "expected"),
    [
        # no crossing
        ([(10.0, 0.0), (20.0, 10.0)], (((10.0, 0.0), (20.0, 10.0)),)),
        # eastward across 180, crossing latitude interpolated
        (
            [(170.0, 0.0), (-170.0, 20.0)],
            (((170.0, 0.0), (180.0, 10.0)), ((-180.0, 10.0), (-170.0, 20.0))),
        ),
        # westward across 180
        (
            [(-175.0, 10.0), (-179.0, 10.0), (175.0, 40.0)],
            (((-175.0, 10.0), (-179.0, 10.0), (-180.0, 15.0)), ((180.0, 15.0), (175.0, 40.0))),
        ),
        # starting on the antimeridian and heading west: no empty part, the sign follows
        ([(-180.0, 5.0), (170.0, 5.0)], (((180.0, 5.0), (170.0, 5.0)),)),
        # ending on it from the west: 180, not -180
        ([(170.0, 5.0), (-180.0, 5.0)], (((170.0, 5.0), (180.0, 5.0)),)),
        # through the north pole along a meridian: cut at the pole
        (
            [(10.0, 80.0), (10.0, 90.0), (-170.0, 80.0)],
            (((10.0, 80.0), (10.0, 90.0)), ((-170.0, 90.0), (-170.0, 80.0))),
        ),
        ([(10.0, 85.0), (-170.0, 85.0)], (((10.0, 85.0), (10.0, 90.0)), ((-170.0, 90.0), (-170.0, 85.0)))),
        # along the antimeridian: 180 and -180 are one meridian, not half the globe apart
        ([(180.0, 10.0), (-180.0, 5.0), (180.0, 0.0)], (((180.0, 10.0), (180.0, 5.0), (180.0, 0.0)),)),
        # a step that rounding lands on -180 exactly, on its way to just short of 180: it crossed
        (
            [(-172.5625, 0.0), (179.99999999999997, 0.0)],
            (((-172.5625, 0.0), (-180.0, 0.0)), ((180.0, 0.0), (179.99999999999997, 0.0))),
        ),
    ],
)
def test_split_at_antimeridian(positions, expected) -> None:
    assert split_at_antimeridian(positions) == expected


@pytest.mark.parametrize("positions", [[(0.0, 0.0)], [(190.0, 0.0), (0.0, 0.0)], [(0.0, 0.0), (-180.5, 0.0)]])
def test_split_refuses_what_is_not_a_path_on_the_map(positions) -> None:
    with pytest.raises(InvalidInputError):
        split_at_antimeridian(positions)
