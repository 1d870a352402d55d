"""geo.itinerary.model: stops and legs as values, with their GeoJSON geometry."""

from __future__ import annotations

import pytest
from itinerary_samples import (
    ACTOR,
    ANADYR,
    ANCHORAGE,
    OCCURRED,
    PYONGYANG,
    VLADIVOSTOK,
    day,
    event,
)
from shapely.geometry import shape

from geo.errors import InvalidInputError
from geo.itinerary import (
    Leg,
    Stop,
    build_itinerary,
)
from geo.model import DateInterval


def test_leg_geometry_through_shapely() -> None:
    (leg,) = build_itinerary(ACTOR, [event(ANADYR, day(2020, 1, 1)), event(ANCHORAGE, day(2020, 1, 2))]).legs
    geometry = shape(leg)
    assert geometry.geom_type == "MultiLineString" and geometry.is_valid
    stop = shape(leg.origin)
    assert (stop.x, stop.y) == (ANADYR.lon, ANADYR.lat)


def test_a_stop_needs_events() -> None:
    with pytest.raises(InvalidInputError):
        Stop(number=1, place=VLADIVOSTOK, status=OCCURRED, date=DateInterval(), events=())


def test_stops_and_legs_are_hashable_values() -> None:
    itinerary = build_itinerary(ACTOR, [event(PYONGYANG, day(2023, 9, 10)), event(VLADIVOSTOK, day(2023, 9, 12))])
    assert itinerary == build_itinerary(
        ACTOR, [event(VLADIVOSTOK, day(2023, 9, 12)), event(PYONGYANG, day(2023, 9, 10))]
    )
    assert len({*itinerary.stops, *itinerary.legs}) == 3
    assert isinstance(itinerary.legs[0], Leg)
