"""Itineraries of stored actors: rows to geo events to geo.itinerary, and to API shapes."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from app import models
from app.queries import EventFilter, event_rows, to_geo_event
from app.schemas import ActorPublic, ActorRef, ItineraryPublic, LegPublic, StopPublic
from geo.itinerary import Itinerary, build_itinerary, build_stops
from geo.model import EventStatus

__all__ = ["itinerary_of", "actor_public", "itinerary_public"]


def itinerary_of(
    session: Session, actor: models.Actor, *, date_from: date | None = None, date_to: date | None = None
) -> Itinerary:
    """The actor's itinerary from their stored events (within the dates, when given)."""
    rows = event_rows(session, EventFilter(actor_id=actor.id, date_from=date_from, date_to=date_to))
    return build_itinerary(actor.name, (to_geo_event(*row) for row in rows))


def actor_public(session: Session, actor: models.Actor) -> ActorPublic:
    # Counting stops needs no legs: lists of actors skip the geodesy of every leg.
    rows = event_rows(session, EventFilter(actor_id=actor.id))
    stops = build_stops(actor.name, (to_geo_event(*row) for row in rows))
    aliases = session.exec(
        select(models.ActorAlias.alias).where(models.ActorAlias.actor_id == actor.id).order_by(models.ActorAlias.id)
    ).all()
    occurred = [s for s in stops if s.status is EventStatus.OCCURRED]
    return ActorPublic(
        name=actor.name,
        slug=actor.slug,
        kind=actor.kind,
        aliases=list(aliases),
        stops=len(stops),
        events=sum(len(s.events) for s in stops),
        last_place=occurred[-1].place.name if occurred else None,
    )


def itinerary_public(actor: models.Actor, itinerary: Itinerary) -> ItineraryPublic:
    stops = [
        StopPublic(
            number=stop.number,
            place=stop.place.name,
            place_id=stop.place.place_id,
            geonameid=stop.place.geonameid,
            country=stop.place.country,
            lat=stop.place.lat,
            lon=stop.place.lon,
            status=stop.status.value,
            date=stop.date.iso(),
            date_start=stop.date.start,
            date_end=stop.date.end,
            date_precision=stop.date.precision.value,
            action=stop.action,
            evidence=stop.evidence,
            article_id=stop.article_id,
            event_ids=list(stop.event_ids),
        )
        for stop in itinerary.stops
    ]
    legs = [
        LegPublic(
            number=leg.number,
            from_stop=leg.origin.number,
            to_stop=leg.destination.number,
            status=leg.status.value,
            distance_km=round(leg.distance_km, 3),
        )
        for leg in itinerary.legs
    ]
    return ItineraryPublic(
        actor=ActorRef(name=actor.name, slug=actor.slug),
        stops=stops,
        legs=legs,
        total_km=round(itinerary.total_km, 3),
        planned_km=round(itinerary.planned_km, 3),
        bbox=list(itinerary.bbox) if itinerary.bbox else None,
    )
