"""The cheaper making of an itinerary and of its GeoJSON gives what the plain one gave, byte for byte.

build_itinerary numbers the trips before it makes the stops, span_of hands a lone full interval
back as it is, stays compare one place object without geodesy, the legs' paths are kept once
made, and itinerary_feature_collection makes each place's and date's fields once. The reference
below is the code as it was before (build_stops, split_trips, then each stop copied with its
trip; every feature through geo.geojson.feature), run on awkward itineraries: undated and
open-ended stops, planned ones, areas, one stop, return visits, the antimeridian, a zero and an
integer coordinate, places equal but not the same object.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
from datetime import date, timedelta

import pytest
from itinerary_samples import (
    ACTOR,
    ANADYR,
    ANCHORAGE,
    KOMSOMOLSK,
    PLANNED,
    PRIMORYE,
    RUSSIA,
    SPECULATIVE,
    VLADIVOSTOK,
    day,
    month,
    place,
)

from geo import geodesy
from geo.actions import action_label
from geo.features import (
    _where,
    confidence_cue,
    date_record,
    itinerary_feature_collection,
    km,
    leg_feature,
    leg_record,
    trip_record,
)
from geo.geojson import bbox_of_geometries, feature, feature_collection
from geo.itinerary import Itinerary, Leg, Stop, Trip, build_itinerary, region_of
from geo.itinerary.build import _group_stays, event_order_key
from geo.model import DateInterval, DatePrecision, Event, EventStatus

_COARSENESS = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}


# -- the reference: the making as it was --------------------------------------------------------


def _plain_span(intervals) -> DateInterval:
    known = [i for i in intervals if i.start is not None]
    if not known:
        return DateInterval()
    dated = [i for i in known if i.precision in _COARSENESS]
    precision = max((i.precision for i in dated), key=_COARSENESS.__getitem__) if dated else DatePrecision.UNKNOWN
    return DateInterval(
        start=min(i.start for i in known),
        end=max(i.end if i.end is not None else i.start for i in known),
        precision=precision,
    )


def _plain_stops(events: list[Event]) -> tuple[Stop, ...]:
    stays = _group_stays(sorted(events, key=event_order_key))
    spans = [_plain_span(e.date for e in stay) for stay in stays]
    order = sorted(range(len(stays)), key=lambda index: spans[index].start is None)
    return tuple(
        Stop(number=n, place=stays[i][0].place, status=stays[i][0].status, date=spans[i], events=tuple(stays[i]))
        for n, i in enumerate(order, start=1)
    )


def _plain_trips(stops, trip_gap: timedelta) -> list[list[Stop]]:
    trips: list[list[Stop]] = []
    span = None
    for stop in stops:
        if stop.date.start is None:
            continue
        end = stop.date.end or stop.date.start
        if span is not None:
            start = stop.date.start
            apart = max(start - span[1], span[0] - end, timedelta(0))
        if span is None or apart > trip_gap:
            trips.append([stop])
            span = (stop.date.start, end)
        else:
            trips[-1].append(stop)
            span = (min(span[0], stop.date.start), max(span[1], end))
    return trips


def _plain_itinerary(events: list[Event], trip_gap: timedelta) -> Itinerary:
    stops = _plain_stops(events)
    trips, numbered = [], {}
    for number, members in enumerate(_plain_trips(stops, trip_gap), start=1):
        members = [dataclasses.replace(stop, trip=number) for stop in members]
        numbered.update((stop.number, stop) for stop in members)
        points = [stop for stop in members if not stop.is_area]
        legs = tuple(
            Leg(
                origin=a,
                destination=b,
                distance_km=geodesy.geodesic_km(a.place, b.place),
                status=EventStatus.OCCURRED if b.status is EventStatus.OCCURRED else EventStatus.PLANNED,
                path=geodesy._made_path(a.place.lon, a.place.lat, b.place.lon, b.place.lat, 0.02, 1000.0, 268),
            )
            for a, b in itertools.pairwise(points)
        )
        trips.append(
            Trip(
                number,
                tuple(members),
                legs,
                _plain_span(s.date for s in members),
                region_of([s.place for s in members]),
            )
        )
    return Itinerary(
        actor=ACTOR,
        stops=tuple(numbered.get(stop.number, stop) for stop in stops),
        legs=tuple(leg for trip in trips for leg in trip.legs),
        trips=tuple(trips),
    )


def _plain_stop_record(stop: Stop, actor: str) -> dict:
    first = stop.first_event
    return {
        "kind": "stop",
        "number": stop.number,
        "actor": actor,
        **_where(stop.place),
        "status": stop.status.value,
        **date_record(stop.date),
        "action": stop.action,
        "action_label": action_label(stop.action, stop.status),
        "evidence": stop.evidence,
        "evidence_start": first.evidence_start,
        "evidence_end": first.evidence_end,
        "article_id": stop.article_id,
        "event_ids": list(stop.event_ids),
        "trip": stop.trip,
        "shown_as": "area" if stop.is_area else "point",
        "confidence": stop.confidence,
        "confidence_cue": confidence_cue(stop.confidence),
    }


def _plain_collection(itinerary: Itinerary) -> dict:
    features = [feature(s, _plain_stop_record(s, itinerary.actor), id=f"stop-{s.number}") for s in itinerary.stops]
    features += [feature(leg, leg_record(leg, itinerary.actor), id=f"leg-{leg.number}") for leg in itinerary.legs]
    return feature_collection(
        features,
        bbox=itinerary.bbox,
        actor=itinerary.actor,
        total_km=km(itinerary.total_km),
        planned_km=km(itinerary.planned_km),
        trips=[trip_record(trip) for trip in itinerary.trips],
    )


def _text(collection: dict) -> str:
    return json.dumps(collection, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


# -- awkward itineraries ------------------------------------------------------------------------

# Equal to VLADIVOSTOK but another object, as two queries' places are.
VLADIVOSTOK_AGAIN = dataclasses.replace(VLADIVOSTOK)
GREENWICH = place("Greenwich", 51.47, -0.0)  # written "-0.0": the path cache must not make it 0.0
NULL_ISLAND = place("Null Island", 0.0, 0.0, country="GH")
WHOLE_DEGREES = place("Whole", 10, 20)  # integers, written "10" where a path keeps them
PLACES = [VLADIVOSTOK, VLADIVOSTOK_AGAIN, KOMSOMOLSK, ANADYR, ANCHORAGE, RUSSIA, PRIMORYE, GREENWICH, NULL_ISLAND]
PLACES.append(WHOLE_DEGREES)
DATES = [
    DateInterval(),
    day(2023, 9, 12),
    day(2023, 9, 13),
    day(2023, 9, 30),
    day(2023, 11, 2),
    month(2023, 9),
    DateInterval(date(2023, 9, 14), None, DatePrecision.DAY),  # open-ended
    DateInterval(date(2023, 1, 1), date(2023, 12, 31), DatePrecision.YEAR),
    DateInterval(date(2023, 9, 20), date(2023, 9, 20), DatePrecision.UNKNOWN),
    DateInterval(date(2019, 4, 25), date(2019, 4, 26), DatePrecision.DAY),
]
STATUSES = [EventStatus.OCCURRED, EventStatus.OCCURRED, PLANNED, SPECULATIVE]


def _events(rng: random.Random, count: int) -> list[Event]:
    return [
        Event(
            actor=ACTOR,
            action=rng.choice(["visit", "arrive", "meet", "tour", "Unknown"]),
            place=rng.choice(PLACES),
            status=rng.choice(STATUSES),
            date=rng.choice(DATES),
            evidence=f"Kim was somewhere, sentence {number} — «quoted».",
            evidence_start=rng.randrange(0, 500),
            evidence_end=600,
            confidence=rng.choice([0.2, 0.5, 0.87, 1.0]),
            co_actors=rng.choice([(), ("Vladimir Putin",)]),
            article_id=rng.choice([None, 1, 2]),
            event_id=rng.choice([None, number + 1]),
        )
        for number in range(count)
    ]


CASES = [_events(random.Random(seed), count) for seed, count in enumerate([1, 1, 2, 3, 5, 8, 13, 21, 40] * 6)]


@pytest.mark.parametrize("trip_gap", [timedelta(0), timedelta(days=30), timedelta(days=2000)])
def test_the_itinerary_and_its_geojson_are_what_the_plain_making_gave(trip_gap) -> None:
    for events in CASES:
        plain = _plain_itinerary(events, trip_gap)
        itinerary = build_itinerary(ACTOR, events, trip_gap=trip_gap)
        assert itinerary == plain
        assert _text(itinerary_feature_collection(itinerary)) == _text(_plain_collection(plain))


def test_a_lone_full_interval_is_its_own_span_and_any_other_is_made() -> None:
    from geo.itinerary import span_of

    for interval in DATES:
        assert span_of([interval]) == _plain_span([interval])
        assert (span_of([interval]) is interval) == (
            interval.start is not None and interval.end is not None and interval.precision in _COARSENESS
        )
    assert span_of([day(2023, 9, 12), day(2023, 9, 30)]) == _plain_span([day(2023, 9, 12), day(2023, 9, 30)])


def test_a_path_once_made_is_kept_and_a_zero_or_an_integer_keeps_its_own() -> None:
    first = geodesy.great_circle_path(VLADIVOSTOK, ANCHORAGE)
    assert geodesy.great_circle_path(VLADIVOSTOK_AGAIN, ANCHORAGE) is first
    assert first == geodesy._made_path(
        VLADIVOSTOK.lon, VLADIVOSTOK.lat, ANCHORAGE.lon, ANCHORAGE.lat, 0.02, 1000.0, 268
    )
    zero = place("Zero", 51.47, 0.0)
    assert json.dumps(geodesy.great_circle_path(zero, VLADIVOSTOK)[0][0]) == "[0.0, 51.47]"
    assert json.dumps(geodesy.great_circle_path(GREENWICH, VLADIVOSTOK)[0][0]) == "[-0.0, 51.47]"
    whole = geodesy.great_circle_path(WHOLE_DEGREES, VLADIVOSTOK)
    floats = geodesy.great_circle_path(place("Whole", 10.0, 20.0), VLADIVOSTOK)
    assert json.dumps(whole[0][0]) == "[20, 10]" and json.dumps(floats[0][0]) == "[20.0, 10.0]"


def test_points_count_in_a_bbox_as_any_other_geometry() -> None:
    geometries = [
        {"type": "Point", "coordinates": [179.5, 10.0]},
        {"type": "Point", "coordinates": [-179.5, -5.0, 12.0]},
        {"type": "LineString", "coordinates": [[170.0, 1.0], [175.0, 2.0]]},
        None,
    ]
    as_multipoints = [
        {"type": "MultiPoint", "coordinates": [g["coordinates"]]} if g and g["type"] == "Point" else g
        for g in geometries
    ]
    assert bbox_of_geometries(geometries) == bbox_of_geometries(as_multipoints) == (170.0, -5.0, -179.5, 10.0)
    assert bbox_of_geometries([{"type": "Point", "coordinates": [0.0, 90.0]}]) == (-180.0, 90.0, 180.0, 90.0)


def test_a_legs_geometry_is_kept_by_its_path_and_each_feature_gets_lists_of_its_own() -> None:
    events = [
        Event(actor=ACTOR, action="visit", place=p, status=EventStatus.OCCURRED, date=day(2023, 9, d), event_id=d)
        for d, p in [(1, VLADIVOSTOK), (2, ANCHORAGE), (3, VLADIVOSTOK), (4, ANCHORAGE)]
    ]
    itinerary = build_itinerary(ACTOR, events)
    first, _, third = (leg_feature(leg, ACTOR) for leg in itinerary.legs)
    assert itinerary.legs[0].path is itinerary.legs[2].path  # the path kept by geo.geodesy
    assert first["geometry"] == third["geometry"] == feature(itinerary.legs[0])["geometry"]
    assert first["geometry"]["type"] == "MultiLineString"  # across the antimeridian
    first["geometry"]["coordinates"][0][0][0] = 0.0
    assert third["geometry"] == feature(itinerary.legs[2])["geometry"]
