"""The values an itinerary is made of: stops in travel order, the legs between them, and trips.

A stop is a point or an area by its place's precision: a city, a site or a district (admin2) is
where the actor was, to a few kilometres or tens of them; a country or a region (admin1) says
only that they were somewhere in it, and its point (a centroid, often hundreds of kilometres from
anywhere they went) must not be drawn as a destination. So legs join point stops only, and only point stops count in the
kilometres travelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from geo.actions import action_label
from geo.errors import InvalidInputError
from geo.geodesy import PathParts, geodesic_km, great_circle_path
from geo.geojson import bbox_of, line_geometry  # generic GeoJSON, which knows nothing of itineraries
from geo.model import DateInterval, DatePrecision, Event, EventStatus, Place, Precision

__all__ = ["AREA_PRECISIONS", "Stop", "Leg", "Trip", "Itinerary"]

# Places whose point does not say where the actor was: a country's or a region's centroid.
AREA_PRECISIONS: Final = frozenset({Precision.COUNTRY, Precision.ADMIN1})
_FINENESS: Final = {precision: rank for rank, precision in enumerate(Precision)}  # coarsest first


@dataclass(frozen=True, slots=True)
class Stop:
    """One stay at one place: the events that put the actor there, in reading order.

    The first event is the stop's representative: its place is the stop's place and its
    action and evidence are the stop's. `date` spans the dates of all the events.
    """

    number: int  # 1-based, in travel order: the dated stops, then the undated ones
    place: Place
    status: EventStatus
    date: DateInterval
    events: tuple[Event, ...]
    trip: int | None = None  # the number of its trip; None for a stop with no known date

    def __post_init__(self) -> None:
        if not self.events:
            raise InvalidInputError("a stop needs at least one event")
        if self.number < 1:
            raise InvalidInputError(f"stop numbers start at 1, not {self.number}")

    @property
    def first_event(self) -> Event:
        return self.events[0]

    @property
    def action(self) -> str:
        return self.events[0].action

    @property
    def action_label(self) -> str:
        """What the stop's action amounts to ("arrived", "met", "planned visit"): geo.actions."""
        return action_label(self.action, self.status)

    @property
    def evidence(self) -> str:
        return self.events[0].evidence

    @property
    def confidence(self) -> float:
        """The best of its events' confidences: the stop holds if any of its sentences does."""
        return max(event.confidence for event in self.events)

    @property
    def is_area(self) -> bool:
        """A country or a region: somewhere in it, not at its point (see the module docstring)."""
        return self.place.precision in AREA_PRECISIONS

    @property
    def is_dated(self) -> bool:
        return self.date.start is not None

    @property
    def article_id(self) -> int | None:
        return self.events[0].article_id

    @property
    def event_ids(self) -> tuple[int, ...]:
        """The stored ids of the stop's events, for those that have one."""
        return tuple(event.event_id for event in self.events if event.event_id is not None)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        return self.place.__geo_interface__


@dataclass(frozen=True, slots=True)
class Leg:
    """The journey from one point stop to the next of the same trip, along the geodesic between them.

    `path` holds the drawable line as parts of (lon, lat) positions, cut where it crosses
    the antimeridian; `geometry` gives it as GeoJSON. A leg is planned when the stop it leads
    to is planned or speculative, and occurred otherwise.
    """

    origin: Stop
    destination: Stop
    distance_km: float
    status: EventStatus
    path: PathParts

    @classmethod
    def between(cls, origin: Stop, destination: Stop) -> Leg:
        """The leg from `origin` to `destination`, with its distance, status and path."""
        occurred = destination.status is EventStatus.OCCURRED
        return cls(
            origin=origin,
            destination=destination,
            distance_km=geodesic_km(origin.place, destination.place),
            status=EventStatus.OCCURRED if occurred else EventStatus.PLANNED,
            path=great_circle_path(origin.place, destination.place),
        )

    @property
    def number(self) -> int:
        """Legs are numbered like their origin stops: leg 1 goes from stop 1 to stop 2."""
        return self.origin.number

    @property
    def crosses_antimeridian(self) -> bool:
        return any(
            abs(part[-1][0]) == 180.0 and part[-1][0] == -following[0][0]
            for part, following in zip(self.path, self.path[1:])
        )

    @property
    def geometry(self) -> dict[str, Any]:
        return line_geometry(self.path)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        return line_geometry(self.path)


_MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _when(interval: DateInterval) -> str:
    """ "Sep 2023", "Sep–Oct 2023", "Dec 2023–Jan 2024", or "2019" for dates known to the year."""
    start = interval.start
    end = interval.end or start
    if start is None or end is None:
        return "Undated"
    if interval.precision is DatePrecision.YEAR:
        return str(start.year) if start.year == end.year else f"{start.year}\u2013{end.year}"
    first, last = f"{_MONTHS[start.month - 1]} {start.year}", f"{_MONTHS[end.month - 1]} {end.year}"
    if first == last:
        return first
    if start.year == end.year:
        return f"{_MONTHS[start.month - 1]}\u2013{last}"
    return f"{first}\u2013{last}"


@dataclass(frozen=True, slots=True)
class Trip:
    """Dated stops close enough in time to be one journey, with the legs between their point stops.

    `region` names where it went as the gazetteer knows it: the country (or the region and
    country) every stop shares, or the countries it went through.
    """

    number: int  # 1-based, in travel order
    stops: tuple[Stop, ...]
    legs: tuple[Leg, ...]
    date: DateInterval
    region: str

    def __post_init__(self) -> None:
        if not self.stops:
            raise InvalidInputError("a trip needs at least one stop")

    @property
    def point_stops(self) -> tuple[Stop, ...]:
        return tuple(stop for stop in self.stops if not stop.is_area)

    @property
    def precision(self) -> Precision:
        """The finest precision of its places: COUNTRY when it is known only at country level."""
        return max((stop.place.precision for stop in self.stops), key=_FINENESS.__getitem__)

    @property
    def known_only_as_area(self) -> bool:
        """No stop of the trip is a point: where in the country or region the actor went is unknown."""
        return all(stop.is_area for stop in self.stops)

    @property
    def label(self) -> str:
        """ "Sep 2023: Russia, 3 stops"."""
        count = len(self.stops)
        return f"{_when(self.date)}: {self.region}, {count} stop{'' if count == 1 else 's'}"

    @property
    def total_km(self) -> float:
        return sum((leg.distance_km for leg in self.legs if leg.status is EventStatus.OCCURRED), 0.0)


@dataclass(frozen=True, slots=True)
class Itinerary:
    """Where one actor went, or is to go: stops in travel order, the legs joining them, and the
    trips the dated stops make (the undated stops belong to none)."""

    actor: str
    stops: tuple[Stop, ...]
    legs: tuple[Leg, ...]
    trips: tuple[Trip, ...] = ()

    @property
    def undated(self) -> tuple[Stop, ...]:
        """Stops with no known date: in no trip, joined by no leg."""
        return tuple(stop for stop in self.stops if stop.trip is None)

    @property
    def total_km(self) -> float:
        """Kilometres travelled: the legs that occurred (between point stops, within trips)."""
        return sum((leg.distance_km for leg in self.legs if leg.status is EventStatus.OCCURRED), 0.0)

    @property
    def planned_km(self) -> float:
        """Kilometres still to travel: the planned (and speculative) legs."""
        return sum((leg.distance_km for leg in self.legs if leg.status is not EventStatus.OCCURRED), 0.0)

    @property
    def bbox(self) -> tuple[float, float, float, float] | None:
        """(west, south, east, north) of stops and legs, per RFC 7946 (geo.geojson.bbox_of)."""
        return bbox_of([*self.stops, *self.legs])
