"""Itineraries of stored actors: their events to geo.itinerary, and to API shapes (geo.features' records)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session

from app import models
from app.queries import EventFilter, actor_aliases, events_of
from app.schemas import ActorPublic, ActorRef, ItineraryPublic, LegPublic, StopPublic, TripPublic
from geo.features import km, leg_record, stop_record, trip_record
from geo.itinerary import TRIP_GAP, Itinerary, build_itinerary, build_stops
from geo.model import EventStatus

__all__ = ["itinerary_of", "actor_public", "itinerary_public"]


def itinerary_of(
    session: Session,
    actor: models.Actor,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    trip_gap: timedelta = TRIP_GAP,
) -> Itinerary:
    """The actor's itinerary from their stored events (within the dates, when given), in trips
    split at gaps of more than `trip_gap` (the settings' trip_gap)."""
    return build_itinerary(
        actor.name,
        events_of(session, EventFilter(actor_id=actor.id, date_from=date_from, date_to=date_to)),
        trip_gap=trip_gap,
    )


def actor_public(session: Session, actor: models.Actor) -> ActorPublic:
    # Counting stops needs no legs: lists of actors skip the geodesy of every leg.
    stops = build_stops(actor.name, events_of(session, EventFilter(actor_id=actor.id)))
    occurred = [s for s in stops if s.status is EventStatus.OCCURRED]
    # The last place is the last dated one: an undated stop's place in the order is unknown.
    occurred = [s for s in occurred if s.is_dated] or occurred
    return ActorPublic(
        name=actor.name,
        slug=actor.slug,
        kind=actor.kind,
        aliases=actor_aliases(session, actor.id),
        stops=len(stops),
        events=sum(len(s.events) for s in stops),
        last_place=occurred[-1].place.name if occurred else None,
    )


def itinerary_public(actor: models.Actor, itinerary: Itinerary) -> ItineraryPublic:
    stops = [
        StopPublic.model_validate({**stop_record(stop, itinerary.actor), "lat": stop.place.lat, "lon": stop.place.lon})
        for stop in itinerary.stops
    ]
    legs = [LegPublic.model_validate(leg_record(leg, itinerary.actor)) for leg in itinerary.legs]
    return ItineraryPublic(
        actor=ActorRef(name=actor.name, slug=actor.slug),
        stops=stops,
        legs=legs,
        trips=[TripPublic.model_validate(trip_record(trip)) for trip in itinerary.trips],
        undated=[stop.number for stop in itinerary.undated],
        total_km=km(itinerary.total_km),
        planned_km=km(itinerary.planned_km),
        bbox=list(itinerary.bbox) if itinerary.bbox else None,
    )
