"""geo.itinerary.build: events to stops in travel order, stays, and the legs between them; bad input."""

from __future__ import annotations

import dataclasses
import itertools
import math
from datetime import date, timedelta

import pytest
from itinerary_samples import (
    ACTOR,
    ANADYR,
    ANCHORAGE,
    KHABAROVSK,
    KOMSOMOLSK,
    LOS_ANGELES,
    OCCURRED,
    PLANNED,
    PRIMORYE,
    PYONGYANG,
    RUSSIA,
    SPECULATIVE,
    TOKYO,
    VLADIVOSTOK,
    day,
    event,
    month,
    place,
)

from geo.errors import InvalidInputError
from geo.geodesy import PATH_SPACING_KM, PATH_TOLERANCE_DEG, WGS84
from geo.itinerary import (
    MAX_STAY_GAP,
    TRIP_GAP,
    Itinerary,
    build_itinerary,
    build_stops,
    geodesic_km,
    span_of,
)
from geo.model import DateInterval, DatePrecision


def stop_names(itinerary: Itinerary) -> list[tuple[str, str]]:
    return [(stop.place.name, stop.status.value) for stop in itinerary.stops]


# -- ordering -------------------------------------------------------------------------------


def test_stops_follow_dates_not_the_order_given() -> None:
    events = [
        event(KOMSOMOLSK, day(2023, 9, 15), at=10),
        event(VLADIVOSTOK, month(2019, 4), at=500),
        event(PYONGYANG, day(2023, 9, 10), at=900),
    ]
    itinerary = build_itinerary(ACTOR, events)
    assert stop_names(itinerary) == [
        ("Vladivostok", "occurred"),
        ("Pyongyang", "occurred"),
        ("Komsomolsk-on-Amur", "occurred"),
    ]
    assert [stop.number for stop in itinerary.stops] == [1, 2, 3]


def test_planned_stops_come_after_what_occurred_whatever_their_dates() -> None:
    events = [
        event(VLADIVOSTOK, month(2019, 4), PLANNED),  # a plan reported for a date now past
        event(PYONGYANG, DateInterval(), SPECULATIVE, at=5),
        event(KOMSOMOLSK, day(2023, 9, 15)),
        event(ANADYR, month(2019, 6), SPECULATIVE),
    ]
    itinerary = build_itinerary(ACTOR, events)
    assert stop_names(itinerary) == [
        ("Komsomolsk-on-Amur", "occurred"),
        ("Vladivostok", "planned"),  # planned and speculative go together, by date
        ("Anadyr", "speculative"),
        ("Pyongyang", "speculative"),  # no date: after the dated ones of its status
    ]


def test_unknown_dates_follow_known_ones_of_the_same_status_in_reading_order() -> None:
    events = [
        event(ANADYR, DateInterval(), article_id=2, at=0),
        event(KHABAROVSK, DateInterval(), article_id=1, at=300),
        event(TOKYO, DateInterval(), article_id=1, at=100),
        event(VLADIVOSTOK, day(2023, 9, 1), article_id=3),
    ]
    assert [name for name, _ in stop_names(build_itinerary(ACTOR, events))] == [
        "Vladivostok",
        "Tokyo",
        "Khabarovsk",
        "Anadyr",
    ]


def test_same_day_events_keep_reading_order() -> None:
    events = [
        event(KOMSOMOLSK, day(2023, 9, 13), at=400),
        event(VLADIVOSTOK, day(2023, 9, 13), at=100),
    ]
    assert [s.place.name for s in build_itinerary(ACTOR, events).stops] == [
        "Vladivostok",
        "Komsomolsk-on-Amur",
    ]


# -- stays ----------------------------------------------------------------------------------


def test_consecutive_events_at_one_place_are_one_stay() -> None:
    arrive = event(KOMSOMOLSK, day(2023, 9, 15), action="arrive", at=10, event_id=7)
    tour = event(place("Aircraft plant", 50.56, 137.02), day(2023, 9, 16), action="tour", at=90, event_id=8)
    leave = event(VLADIVOSTOK, day(2023, 9, 17), at=200, event_id=9)
    itinerary = build_itinerary(ACTOR, [leave, tour, arrive])
    first, second = itinerary.stops
    assert first.events == (arrive, tour)
    assert first.place == KOMSOMOLSK  # the first event stands for the stay
    assert (first.action, first.evidence, first.article_id) == ("arrive", arrive.evidence, arrive.article_id)
    assert first.event_ids == (7, 8)
    assert first.date == DateInterval(date(2023, 9, 15), date(2023, 9, 16), DatePrecision.DAY)
    assert second.number == 2 and second.events == (leave,)
    assert len(itinerary.legs) == 1


def test_a_return_to_a_place_is_a_new_stop() -> None:
    events = [
        event(VLADIVOSTOK, day(2023, 9, 12)),
        event(KOMSOMOLSK, day(2023, 9, 14)),
        event(VLADIVOSTOK, day(2023, 9, 16)),
    ]
    assert [s.place.name for s in build_itinerary(ACTOR, events).stops] == [
        "Vladivostok",
        "Komsomolsk-on-Amur",
        "Vladivostok",
    ]


def test_visits_far_apart_in_time_are_separate_stops() -> None:
    april = event(VLADIVOSTOK, month(2019, 4))  # ends 30 April
    late_may = event(VLADIVOSTOK, day(2019, 5, 30))
    june = event(VLADIVOSTOK, day(2019, 6, 2))
    stops = build_itinerary(ACTOR, [april, late_may, june]).stops
    assert [s.events for s in stops] == [(april,), (late_may, june)]


@pytest.mark.parametrize(("days_later", "stops"), [(MAX_STAY_GAP.days, 1), (MAX_STAY_GAP.days + 1, 2)])
def test_the_stay_gap_boundary(days_later: int, stops: int) -> None:
    first = event(VLADIVOSTOK, day(2023, 9, 1))
    later = date(2023, 9, 1).toordinal() + days_later
    second = event(VLADIVOSTOK, DateInterval(date.fromordinal(later), date.fromordinal(later), DatePrecision.DAY))
    assert len(build_itinerary(ACTOR, [first, second]).stops) == stops


def test_an_undated_event_joins_the_stay_it_follows() -> None:
    dated = event(VLADIVOSTOK, day(2023, 9, 12))
    undated = event(VLADIVOSTOK, DateInterval(), at=50)
    (stop,) = build_itinerary(ACTOR, [undated, dated]).stops
    assert stop.events == (dated, undated)
    assert stop.date == day(2023, 9, 12)


def test_occurred_and_planned_at_one_place_stay_apart() -> None:
    been = event(VLADIVOSTOK, day(2023, 9, 12))
    plan = event(VLADIVOSTOK, day(2023, 9, 14), PLANNED)
    itinerary = build_itinerary(ACTOR, [plan, been])
    assert stop_names(itinerary) == [("Vladivostok", "occurred"), ("Vladivostok", "planned")]
    (leg,) = itinerary.legs
    assert leg.distance_km == 0.0
    assert leg.geometry["type"] == "LineString"


@pytest.mark.parametrize(
    ("intervals", "expected"),
    [
        ([], DateInterval()),
        ([DateInterval(), DateInterval()], DateInterval()),
        ([day(2023, 9, 15)], day(2023, 9, 15)),
        (
            [day(2023, 9, 15), day(2023, 9, 12), DateInterval()],
            DateInterval(date(2023, 9, 12), date(2023, 9, 15), DatePrecision.DAY),
        ),
        # the coarsest precision wins: a day inside a month is known only to the month
        (
            [month(2019, 4), day(2019, 4, 25)],
            DateInterval(date(2019, 4, 1), date(2019, 4, 30), DatePrecision.MONTH),
        ),
        # an interval without an end ends on its start
        (
            [DateInterval(date(2020, 1, 1), None, DatePrecision.YEAR), day(2019, 12, 31)],
            DateInterval(date(2019, 12, 31), date(2020, 1, 1), DatePrecision.YEAR),
        ),
    ],
)
def test_span_of(intervals: list[DateInterval], expected: DateInterval) -> None:
    assert span_of(intervals) == expected


# -- legs -----------------------------------------------------------------------------------


def test_leg_distance_and_status() -> None:
    events = [
        event(PYONGYANG, day(2023, 9, 10)),
        event(VLADIVOSTOK, day(2023, 9, 12)),
        event(KOMSOMOLSK, day(2023, 9, 14), PLANNED),
        event(KHABAROVSK, day(2023, 9, 16), SPECULATIVE, at=40),
    ]
    itinerary = build_itinerary(ACTOR, events)
    statuses = [leg.status for leg in itinerary.legs]
    assert statuses == [OCCURRED, PLANNED, PLANNED]
    assert [leg.number for leg in itinerary.legs] == [1, 2, 3]
    assert [(leg.origin.number, leg.destination.number) for leg in itinerary.legs] == [(1, 2), (2, 3), (3, 4)]
    # Pyongyang to Vladivostok is about 690 km as the crow flies
    assert itinerary.legs[0].distance_km == pytest.approx(690, abs=15)
    assert itinerary.total_km == pytest.approx(itinerary.legs[0].distance_km)
    assert itinerary.planned_km == pytest.approx(itinerary.legs[1].distance_km + itinerary.legs[2].distance_km)


def test_empty_and_single_stop_itineraries() -> None:
    empty = build_itinerary(ACTOR, [])
    assert (empty.stops, empty.legs, empty.total_km, empty.bbox) == ((), (), 0.0, None)
    single = build_itinerary(ACTOR, [event(VLADIVOSTOK, day(2023, 9, 12))])
    assert single.legs == ()
    assert single.bbox == (131.87353, 43.10562, 131.87353, 43.10562)


def test_leg_path_is_a_densified_great_circle() -> None:
    (leg,) = build_itinerary(
        ACTOR, [event(TOKYO, day(2020, 1, 1)), event(place("Sydney", -33.86785, 151.20732), day(2020, 1, 2))]
    ).legs
    assert leg.geometry["type"] == "LineString"
    positions = leg.geometry["coordinates"]
    assert positions[0] == (TOKYO.lon, TOKYO.lat)
    assert positions[-1] == (151.20732, -33.86785)
    steps = [geodesic_km(place("a", a[1], a[0]), place("b", b[1], b[0])) for a, b in itertools.pairwise(positions)]
    assert max(steps) <= PATH_SPACING_KM
    # the points lie on the geodesic: their distances add up to the leg's
    assert sum(steps) == pytest.approx(leg.distance_km, rel=1e-6)
    # and the line drawn between them stays by it, with far fewer points than every 75 km
    assert map_offset_deg(positions) <= 1.5 * PATH_TOLERANCE_DEG
    assert 3 <= len(positions) <= leg.distance_km / 200


@pytest.mark.parametrize(
    ("origin", "destination", "most_positions"),
    [
        ((43.10562, 131.87353), (50.55034, 137.00995), 5),  # Vladivostok to Komsomolsk, 900 km
        ((0.0, -30.0), (0.0, 60.0), 17),  # along the equator: straight on the map, a point every 1,000 km at most
        ((51.5, -0.13), (40.71, -74.0), 40),  # London to New York, bending north on the map
        ((-33.9, 18.4), (-37.8, 144.96), 80),  # Cape Town to Melbourne, by the Southern Ocean
    ],
)
def test_legs_take_the_positions_their_curve_needs(origin, destination, most_positions) -> None:
    (leg,) = build_itinerary(
        ACTOR, [event(place("A", *origin), day(2020, 1, 1)), event(place("B", *destination), day(2020, 1, 2))]
    ).legs
    positions = [position for part in leg.path for position in part]
    steps = [geodesic_km(place("a", a[1], a[0]), place("b", b[1], b[0])) for a, b in itertools.pairwise(positions)]
    assert max(steps) <= PATH_SPACING_KM
    assert sum(steps) == pytest.approx(leg.distance_km, rel=1e-6)
    assert map_offset_deg(positions) <= 1.5 * PATH_TOLERANCE_DEG
    assert len(positions) <= most_positions


def map_offset_deg(positions) -> float:
    """How far the geodesic strays from the straight segments between positions, on a Web
    Mercator map in degrees (longitude, and latitude as the map stretches it), sampled every 5 km."""
    worst = 0.0
    for (lon_a, lat_a), (lon_b, lat_b) in itertools.pairwise(positions):
        distance = geodesic_km(place("a", lat_a, lon_a), place("b", lat_b, lon_b))
        samples = max(2, int(distance / 5))
        step = (lon_b - lon_a + 180.0) % 360.0 - 180.0
        for k, (lon, lat) in enumerate(WGS84.npts(lon_a, lat_a, lon_b, lat_b, samples), start=1):
            fraction = k / (samples + 1)
            off_lon = (lon - lon_a - fraction * step + 180.0) % 360.0 - 180.0
            off_lat = (lat - lat_a - fraction * (lat_b - lat_a)) / math.cos(math.radians(min(abs(lat), 85.0)))
            worst = max(worst, math.hypot(off_lon, off_lat))
    return worst


def test_leg_across_the_pacific_is_cut_at_the_antimeridian() -> None:
    (leg,) = build_itinerary(ACTOR, [event(TOKYO, day(2020, 1, 1)), event(LOS_ANGELES, day(2020, 1, 2))]).legs
    assert leg.crosses_antimeridian
    geometry = leg.geometry
    assert geometry["type"] == "MultiLineString"
    west_part, east_part = geometry["coordinates"]
    assert west_part[0] == (TOKYO.lon, TOKYO.lat)
    assert east_part[-1] == (LOS_ANGELES.lon, LOS_ANGELES.lat)
    assert west_part[-1][0] == 180.0 and east_part[0][0] == -180.0
    assert west_part[-1][1] == east_part[0][1]
    # the great circle from Tokyo to Los Angeles bows north, past 47 degrees at the crossing
    assert 45 < west_part[-1][1] < 50
    assert all(lon > 0 for lon, _ in west_part) and all(lon < 0 for lon, _ in east_part)


def test_itinerary_bbox_crosses_the_antimeridian_when_its_legs_do() -> None:
    itinerary = build_itinerary(ACTOR, [event(ANADYR, day(2020, 1, 1)), event(ANCHORAGE, day(2020, 1, 2))])
    west, south, east, north = itinerary.bbox
    assert (west, east) == (ANADYR.lon, ANCHORAGE.lon)  # west > east: across 180
    assert south == ANCHORAGE.lat
    (leg,) = itinerary.legs  # the box holds the line drawn, which bows poleward of both ends
    assert north == round(max(lat for part in leg.path for _, lat in part), 6) > ANADYR.lat


# -- trips ----------------------------------------------------------------------------------


def test_stops_more_than_thirty_days_apart_are_two_trips_with_no_leg_between() -> None:
    events = [
        event(VLADIVOSTOK, month(2019, 4)),
        event(KHABAROVSK, day(2019, 4, 26)),
        event(VLADIVOSTOK, day(2023, 9, 12)),
        event(KOMSOMOLSK, day(2023, 9, 15)),
    ]
    itinerary = build_itinerary(ACTOR, events)
    assert [[stop.number for stop in trip.stops] for trip in itinerary.trips] == [[1, 2], [3, 4]]
    assert [stop.trip for stop in itinerary.stops] == [1, 1, 2, 2]
    assert [(leg.origin.number, leg.destination.number) for leg in itinerary.legs] == [(1, 2), (3, 4)]
    assert [trip.legs for trip in itinerary.trips] == [itinerary.legs[:1], itinerary.legs[1:]]
    assert itinerary.total_km == pytest.approx(sum(leg.distance_km for leg in itinerary.legs))


@pytest.mark.parametrize(("days_later", "trips"), [(TRIP_GAP.days, 1), (TRIP_GAP.days + 1, 2)])
def test_the_trip_gap_boundary_is_thirty_days(days_later: int, trips: int) -> None:
    later = date(2023, 9, 1) + timedelta(days=days_later)
    events = [event(VLADIVOSTOK, day(2023, 9, 1)), event(KOMSOMOLSK, day(later.year, later.month, later.day))]
    itinerary = build_itinerary(ACTOR, events)
    assert len(itinerary.trips) == trips
    assert len(itinerary.legs) == (1 if trips == 1 else 0)


def test_the_trip_gap_is_a_parameter() -> None:
    events = [event(VLADIVOSTOK, day(2023, 9, 1)), event(KOMSOMOLSK, day(2023, 9, 20))]
    assert len(build_itinerary(ACTOR, events).trips) == 1
    assert len(build_itinerary(ACTOR, events, trip_gap=timedelta(days=10)).trips) == 2
    with pytest.raises(InvalidInputError):
        build_itinerary(ACTOR, events, trip_gap=timedelta(days=-1))


def test_the_gap_is_measured_from_the_end_of_the_trip_so_far() -> None:
    # A month-long stay ends on 30 April: a stop on 20 May is twenty days after it, not fifty.
    events = [event(VLADIVOSTOK, month(2019, 4)), event(KHABAROVSK, day(2019, 5, 20))]
    assert len(build_itinerary(ACTOR, events).trips) == 1


def test_a_plan_dated_long_before_the_trip_it_follows_is_a_trip_of_its_own() -> None:
    events = [event(KOMSOMOLSK, day(2023, 9, 15)), event(VLADIVOSTOK, month(2019, 4), PLANNED)]
    itinerary = build_itinerary(ACTOR, events)
    assert [len(trip.stops) for trip in itinerary.trips] == [1, 1]
    assert itinerary.legs == ()


def test_undated_stops_are_apart_after_the_dated_ones_with_no_leg_and_no_km() -> None:
    events = [
        event(TOKYO, DateInterval(), at=5),
        event(VLADIVOSTOK, day(2023, 9, 12), at=10),
        event(KOMSOMOLSK, DateInterval(), PLANNED, at=20),
        event(KHABAROVSK, day(2023, 9, 14), PLANNED, at=30),
    ]
    itinerary = build_itinerary(ACTOR, events)
    assert [(stop.place.name, stop.number, stop.trip) for stop in itinerary.stops] == [
        ("Vladivostok", 1, 1),
        ("Khabarovsk", 2, 1),
        ("Tokyo", 3, None),
        ("Komsomolsk-on-Amur", 4, None),
    ]
    assert [stop.place.name for stop in itinerary.undated] == ["Tokyo", "Komsomolsk-on-Amur"]
    ((only,),) = [trip.legs for trip in itinerary.trips]
    assert (only.origin.place, only.destination.place, only.status) == (VLADIVOSTOK, KHABAROVSK, PLANNED)
    assert itinerary.legs == (only,)
    assert itinerary.total_km == 0.0


def test_area_stops_have_no_legs_and_km_count_only_between_point_stops() -> None:
    events = [
        event(VLADIVOSTOK, day(2023, 9, 12)),
        event(RUSSIA, day(2023, 9, 13)),  # "in Russia": its point is in Siberia, far from anywhere he went
        event(KOMSOMOLSK, day(2023, 9, 15)),
        event(PRIMORYE, day(2023, 9, 16)),
    ]
    itinerary = build_itinerary(ACTOR, events)
    (trip,) = itinerary.trips
    assert [stop.is_area for stop in trip.stops] == [False, True, False, True]
    (leg,) = itinerary.legs
    assert (leg.origin.place, leg.destination.place) == (VLADIVOSTOK, KOMSOMOLSK)
    assert itinerary.total_km == pytest.approx(geodesic_km(VLADIVOSTOK, KOMSOMOLSK))
    assert not trip.known_only_as_area


def test_a_trip_known_only_at_country_level_has_its_area_stop_and_no_leg() -> None:
    itinerary = build_itinerary(ACTOR, [event(RUSSIA, day(2023, 9, 13)), event(RUSSIA, day(2023, 9, 25))])
    (trip,) = itinerary.trips
    assert trip.known_only_as_area and trip.precision.value == "country"
    assert [stop.place for stop in trip.stops] == [RUSSIA, RUSSIA]
    assert itinerary.legs == () and itinerary.total_km == 0.0


def test_trip_labels_name_the_month_the_shared_country_and_the_stops() -> None:
    events = [
        event(VLADIVOSTOK, month(2019, 4)),
        event(VLADIVOSTOK, day(2023, 9, 12)),
        event(RUSSIA, day(2023, 9, 13)),
        event(KOMSOMOLSK, day(2023, 9, 15)),
        event(PYONGYANG, day(2023, 10, 2)),
    ]
    labels = [trip.label for trip in build_itinerary(ACTOR, events).trips]
    assert labels == ["Apr 2019: Primorye, Russia, 1 stop", "Sep\u2013Oct 2023: Russia and North Korea, 4 stops"]


# -- bad input ------------------------------------------------------------------------------


def test_events_of_someone_else_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="Vladimir Putin"):
        build_itinerary(ACTOR, [event(VLADIVOSTOK, actor="Vladimir Putin")])


def test_an_actor_is_required() -> None:
    with pytest.raises(InvalidInputError):
        build_itinerary("  ", [])


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 0.0), (0.0, 180.5), (float("nan"), 0.0)])
def test_coordinates_off_the_globe_are_refused(lat: float, lon: float) -> None:
    with pytest.raises(InvalidInputError):
        build_itinerary(ACTOR, [event(place("Nowhere", lat, lon))])


def test_build_stops_gives_the_itinerarys_stops_without_legs() -> None:
    events = [event(TOKYO, day(2020, 1, 1)), event(LOS_ANGELES, day(2020, 1, 2))]
    # The same stops, but for the trip each belongs to, which only the itinerary works out.
    stops = build_itinerary(ACTOR, events).stops
    assert build_stops(ACTOR, events) == tuple(dataclasses.replace(stop, trip=None) for stop in stops)
