"""The values an itinerary is made of: stops in travel order and the legs between them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from geo.errors import InvalidInputError
from geo.geodesy import PathParts, geodesic_km, great_circle_path
from geo.geojson import bbox_of, line_geometry  # generic GeoJSON, which knows nothing of itineraries
from geo.model import DateInterval, Event, EventStatus, Place

__all__ = ["Stop", "Leg", "Itinerary"]


@dataclass(frozen=True, slots=True)
class Stop:
    """One stay at one place: the events that put the actor there, in reading order.

    The first event is the stop's representative: its place is the stop's place and its
    action and evidence are the stop's. `date` spans the dates of all the events.
    """

    number: int  # 1-based, in travel order
    place: Place
    status: EventStatus
    date: DateInterval
    events: tuple[Event, ...]

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
    def evidence(self) -> str:
        return self.events[0].evidence

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
    """The journey from one stop to the next, along the geodesic between them.

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


@dataclass(frozen=True, slots=True)
class Itinerary:
    """Where one actor went, or is to go: stops in travel order and the legs joining them."""

    actor: str
    stops: tuple[Stop, ...]
    legs: tuple[Leg, ...]

    @property
    def total_km(self) -> float:
        """Kilometres travelled: the legs that occurred, leaving out planned ones."""
        return sum((leg.distance_km for leg in self.legs if leg.status is EventStatus.OCCURRED), 0.0)

    @property
    def planned_km(self) -> float:
        """Kilometres still to travel: the planned (and speculative) legs."""
        return sum((leg.distance_km for leg in self.legs if leg.status is not EventStatus.OCCURRED), 0.0)

    @property
    def bbox(self) -> tuple[float, float, float, float] | None:
        """(west, south, east, north) of stops and legs, per RFC 7946 (geo.geojson.bbox_of)."""
        return bbox_of([*self.stops, *self.legs])
