"""From an actor's events to an itinerary: order the events, merge stays, join stops by legs.

Order: what occurred comes before what is planned or speculative (a plan is for later, whatever
date it names); within each, events go by date (the start of their interval), those with no
known date after the dated ones, and ties in reading order (article, then position in it).

Stays: consecutive events of one status at the same place (`same_place`) are one stop, unless
their known dates lie more than `MAX_STAY_GAP` apart, which makes a return visit a new stop.

Trips: the dated stops, in travel order, split wherever one lies more than `trip_gap` (by
default `TRIP_GAP`) from the trip so far; a stop whose dates are unknown belongs to no trip, is
numbered after the dated ones, and is joined by no leg (its place in the order is a guess).
Within a trip, legs join its point stops (cities, sites) one to the next; an area stop (a
country, a region: AREA_PRECISIONS) is part of the trip but neither the end of a leg nor a kilometre of it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Final

from geo.errors import InvalidInputError
from geo.geodesy import check_location, same_place
from geo.itinerary.model import Itinerary, Leg, Stop, Trip
from geo.itinerary.regions import region_of
from geo.model import DateInterval, DatePrecision, Event, EventStatus

__all__ = ["MAX_STAY_GAP", "TRIP_GAP", "event_order_key", "span_of", "build_stops", "split_trips", "build_itinerary"]

# Two dated events at one place further apart than this are two visits, not one stay: a week
# covers a state visit or a summit; a return a month later is another trip.
MAX_STAY_GAP: Final = timedelta(days=7)
# Stops further apart in time than this are two journeys: a state visit or a tour lasts days or
# weeks; a month at home between two stops means the actor went home in between, and a line
# from one to the other would draw a trip that never happened.
TRIP_GAP: Final = timedelta(days=30)

_COARSENESS = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}


def _end_of(interval: DateInterval) -> date | None:
    return interval.end if interval.end is not None else interval.start


def event_order_key(event: Event) -> tuple:
    """The sort key of travel order (see the module docstring)."""
    start = event.date.start
    return (
        event.status is not EventStatus.OCCURRED,
        start is None,
        start or date.min,
        event.article_id is None,
        event.article_id or 0,
        event.evidence_start,
    )


def span_of(intervals: Iterable[DateInterval]) -> DateInterval:
    """The smallest interval holding every known date, at the coarsest of their precisions."""
    known = [i for i in intervals if i.start is not None]
    if not known:
        return DateInterval()
    if len(known) == 1 and known[0].end is not None and known[0].precision in _COARSENESS:
        return known[0]  # what the lines below make of it, equal to it (most stops hold one event)
    dated = [i for i in known if i.precision in _COARSENESS]
    precision = max((i.precision for i in dated), key=_COARSENESS.__getitem__) if dated else DatePrecision.UNKNOWN
    start = min(i.start for i in known if i.start is not None)
    end = max(e for i in known if (e := _end_of(i)) is not None)
    return DateInterval(start=start, end=end, precision=precision)


def _continues_stay(stay: list[Event], event: Event, same: dict[tuple[int, int], bool]) -> bool:
    """Whether `event` belongs to `stay`; `same` keeps same_place's answers by the places' ids."""
    first = stay[0]
    if event.status is not first.status:
        return False
    # One place object is one place (the events of a query share theirs), its point checked.
    if event.place is not first.place:
        pair = (id(first.place), id(event.place))
        if pair not in same:
            same[pair] = same_place(first.place, event.place)
        if not same[pair]:
            return False
    if event.date.start is None:
        return True  # nothing says the actor left in between
    stay_end = max((e for ev in stay if (e := _end_of(ev.date)) is not None), default=None)
    return stay_end is None or event.date.start - stay_end <= MAX_STAY_GAP


def _group_stays(ordered: Sequence[Event]) -> list[list[Event]]:
    stays: list[list[Event]] = []
    # A traveller goes back and forth between few places, and each comparison of two may cost a
    # geodesic: each pair of place objects is compared once (by id: the events hold them).
    same: dict[tuple[int, int], bool] = {}
    for event in ordered:
        if stays and _continues_stay(stays[-1], event, same):
            stays[-1].append(event)
        else:
            stays.append([event])
    return stays


def _ordered_stays(actor: str, events: Iterable[Event]) -> list[tuple[list[Event], DateInterval]]:
    """The stays of `actor` (their events, and the span of their dates) in stop order; see build_stops."""
    if not actor.strip():
        raise InvalidInputError("an itinerary needs an actor", field="actor")
    events = list(events)
    for event in events:
        if event.actor != actor:
            raise InvalidInputError(f"an event of {event.actor!r} given for the itinerary of {actor!r}", field="events")
        check_location(event.place)
    stays = _group_stays(sorted(events, key=event_order_key))
    spans = [span_of(event.date for event in stay) for stay in stays]
    # The dated stays keep their travel order; the undated ones, whose place in it is unknown,
    # follow them all (in reading order, as event_order_key left them).
    order = sorted(range(len(stays)), key=lambda index: spans[index].start is None)
    return [(stays[index], spans[index]) for index in order]


def build_stops(actor: str, events: Iterable[Event]) -> tuple[Stop, ...]:
    """The stops of `actor` in travel order, without the legs between them (which cost geodesy).

    Every event must be the actor's own: the caller picks them (an event of someone else
    raises InvalidInputError rather than being dropped quietly).
    """
    return tuple(
        Stop(number=number, place=stay[0].place, status=stay[0].status, date=span, events=tuple(stay))
        for number, (stay, span) in enumerate(_ordered_stays(actor, events), start=1)
    )


def _apart(trip_span: tuple[date, date], interval: DateInterval) -> timedelta:
    """The time between a trip so far and a stop's dates; none when they overlap. A planned stop
    may be dated before the trip it follows (a plan for a date now past), so both sides count."""
    start, end = trip_span
    stop_start = interval.start or start
    stop_end = _end_of(interval) or stop_start
    return max(stop_start - end, start - stop_end, timedelta(0))


def _trip_numbers(dates: Sequence[DateInterval], trip_gap: timedelta) -> list[int | None]:
    """The number of the trip of each stop, from the stops' dates in travel order (see
    split_trips); None for an undated stop."""
    if trip_gap < timedelta(0):
        raise InvalidInputError("the gap between trips cannot be negative", field="trip_gap")
    numbers: list[int | None] = []
    trips = 0
    span: tuple[date, date] | None = None
    for interval in dates:
        if interval.start is None:
            numbers.append(None)
            continue
        stop_end = _end_of(interval) or interval.start
        if span is None or _apart(span, interval) > trip_gap:
            trips += 1
            span = (interval.start, stop_end)
        else:
            span = (min(span[0], interval.start), max(span[1], stop_end))
        numbers.append(trips)
    return numbers


def split_trips(stops: Sequence[Stop], trip_gap: timedelta = TRIP_GAP) -> list[list[Stop]]:
    """The dated `stops` (in travel order) in trips: a new trip wherever a stop lies more than
    `trip_gap` from the trip before it. Undated stops are left out."""
    trips: list[list[Stop]] = []
    for stop, number in zip(stops, _trip_numbers([stop.date for stop in stops], trip_gap), strict=True):
        if number is None:
            continue
        if number > len(trips):
            trips.append([])
        trips[-1].append(stop)
    return trips


def _legs_of(stops: Sequence[Stop]) -> tuple[Leg, ...]:
    if len(stops) < 2:
        return ()  # a trip of one stop, as many are
    points = [stop for stop in stops if not stop.is_area]
    return tuple(Leg.between(origin, destination) for origin, destination in itertools.pairwise(points))


def build_itinerary(actor: str, events: Iterable[Event], *, trip_gap: timedelta = TRIP_GAP) -> Itinerary:
    """The itinerary of `actor` from their events, given in any order: stops, their trips (split at
    gaps of more than `trip_gap`), and the legs between the point stops of each trip."""
    stays = _ordered_stays(actor, events)
    # The trips are numbered before the stops are made, so that each stop is made once, with its
    # trip (as build_stops, then split_trips, would number them).
    numbers = _trip_numbers([span for _, span in stays], trip_gap)
    stops = tuple(
        Stop(number=number, place=stay[0].place, status=stay[0].status, date=span, events=tuple(stay), trip=trip)
        for number, ((stay, span), trip) in enumerate(zip(stays, numbers, strict=True), start=1)
    )
    members: list[list[Stop]] = []
    for stop in stops:
        if stop.trip is None:
            continue
        if stop.trip > len(members):
            members.append([])
        members[-1].append(stop)
    trips = tuple(
        Trip(
            number=number,
            stops=tuple(trip_stops),
            legs=_legs_of(trip_stops),
            date=span_of(stop.date for stop in trip_stops),
            region=region_of([stop.place for stop in trip_stops]),
        )
        for number, trip_stops in enumerate(members, start=1)
    )
    return Itinerary(actor=actor, stops=stops, legs=tuple(leg for trip in trips for leg in trip.legs), trips=trips)
