"""From an actor's events to an itinerary: order the events, merge stays, join stops by legs.

Order: what occurred comes before what is planned or speculative (a plan is for later, whatever
date it names); within each, events go by date (the start of their interval), those with no
known date after the dated ones, and ties in reading order (article, then position in it).

Stays: consecutive events of one status at the same place (`same_place`) are one stop, unless
their known dates lie more than `MAX_STAY_GAP` apart, which makes a return visit a new stop.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Final

from geo.errors import InvalidInputError
from geo.geodesy import check_location, same_place
from geo.itinerary.model import Itinerary, Leg, Stop
from geo.model import DateInterval, DatePrecision, Event, EventStatus

__all__ = ["MAX_STAY_GAP", "event_order_key", "span_of", "build_stops", "build_itinerary"]

# Two dated events at one place further apart than this are two visits, not one stay: a week
# covers a state visit or a summit; a return a month later is another trip.
MAX_STAY_GAP: Final = timedelta(days=7)

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
    dated = [i for i in known if i.precision in _COARSENESS]
    precision = max((i.precision for i in dated), key=_COARSENESS.__getitem__) if dated else DatePrecision.UNKNOWN
    start = min(i.start for i in known if i.start is not None)
    end = max(e for i in known if (e := _end_of(i)) is not None)
    return DateInterval(start=start, end=end, precision=precision)


def _continues_stay(stay: list[Event], event: Event) -> bool:
    first = stay[0]
    if event.status is not first.status or not same_place(first.place, event.place):
        return False
    if event.date.start is None:
        return True  # nothing says the actor left in between
    stay_end = max((e for ev in stay if (e := _end_of(ev.date)) is not None), default=None)
    return stay_end is None or event.date.start - stay_end <= MAX_STAY_GAP


def _group_stays(ordered: Sequence[Event]) -> list[list[Event]]:
    stays: list[list[Event]] = []
    for event in ordered:
        if stays and _continues_stay(stays[-1], event):
            stays[-1].append(event)
        else:
            stays.append([event])
    return stays


def build_stops(actor: str, events: Iterable[Event]) -> tuple[Stop, ...]:
    """The stops of `actor` in travel order, without the legs between them (which cost geodesy).

    Every event must be the actor's own: the caller picks them (an event of someone else
    raises InvalidInputError rather than being dropped quietly).
    """
    if not actor.strip():
        raise InvalidInputError("an itinerary needs an actor", field="actor")
    events = list(events)
    for event in events:
        if event.actor != actor:
            raise InvalidInputError(f"an event of {event.actor!r} given for the itinerary of {actor!r}", field="events")
        check_location(event.place)
    stays = _group_stays(sorted(events, key=event_order_key))
    return tuple(
        Stop(
            number=number,
            place=stay[0].place,
            status=stay[0].status,
            date=span_of(event.date for event in stay),
            events=tuple(stay),
        )
        for number, stay in enumerate(stays, start=1)
    )


def build_itinerary(actor: str, events: Iterable[Event]) -> Itinerary:
    """The itinerary of `actor` from their events, given in any order: stops and the legs between them."""
    stops = build_stops(actor, events)
    legs = tuple(Leg.between(origin, destination) for origin, destination in itertools.pairwise(stops))
    return Itinerary(actor=actor, stops=stops, legs=legs)
