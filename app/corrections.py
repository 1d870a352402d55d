"""An analyst's corrections to an event: place, date, status, actor, or rejection."""

from __future__ import annotations

from sqlmodel import Session

from app import models
from app.queries import stored
from app.schemas import EventCorrection
from app.storage import ActorRows, PlaceRows
from geo.errors import InvalidInputError
from geo.gazetteer.base import Gazetteer
from geo.model import DateInterval, EventStatus, Place, Precision

__all__ = ["correct_event", "point_place"]


def point_place(lat: float, lon: float, name: str | None) -> Place:
    """A place an analyst gave by its coordinates."""
    return Place(
        gazetteer_id=f"point:{lat:.5f},{lon:.5f}",
        name=name or f"{lat:.4f}, {lon:.4f}",
        lat=lat,
        lon=lon,
        kind="point",
        precision=Precision.SITE,
    )


def _status(raw: str) -> EventStatus:
    try:
        return EventStatus(raw)
    except ValueError:
        allowed = ", ".join(s.value for s in EventStatus)
        raise InvalidInputError(f"status must be one of {allowed}, not {raw!r}", field="status") from None


def _new_place(correction: EventCorrection, gazetteer_factory) -> Place | None:
    given_point = correction.lat is not None or correction.lon is not None
    if given_point and (correction.lat is None or correction.lon is None):
        raise InvalidInputError("give both lat and lon to move an event to a point", field="lat")
    if given_point and correction.geonameid is not None:
        raise InvalidInputError("give either geonameid or lat/lon, not both", field="geonameid")
    if correction.geonameid is not None:
        gazetteer: Gazetteer = gazetteer_factory()
        place = gazetteer.by_geonameid(correction.geonameid)
        if place is None:
            raise InvalidInputError(f"no place with GeoNames id {correction.geonameid}", field="geonameid")
        return place
    if given_point:
        return point_place(correction.lat, correction.lon, correction.place_name)
    if correction.place_name is not None:
        raise InvalidInputError("place_name names a corrected point: give lat and lon with it", field="place_name")
    return None


def correct_event(session: Session, event_id: int, correction: EventCorrection, gazetteer_factory) -> models.Event:
    """Apply the correction in one transaction; the event is marked reviewed and corrected."""
    event = stored(session, models.Event, event_id)
    given = correction.model_dump(exclude_unset=True)
    if not given:
        raise InvalidInputError("nothing to correct: give at least one of " + ", ".join(EventCorrection.model_fields))

    # Everything is checked before anything changes.
    place = _new_place(correction, gazetteer_factory)
    status = _status(correction.status) if correction.status is not None else None
    interval = DateInterval.parse_iso(correction.date) if correction.date is not None else None
    try:
        if place is not None:
            event.place_id = PlaceRows(session).id_of(place)
            event.lat, event.lon = place.lat, place.lon
        if status is not None:
            event.status = status.value
        if "date" in given:
            event.set_date(interval or DateInterval())
        if correction.actor is not None:
            event.actor_id = ActorRows(session).id_of(correction.actor)
        if correction.rejected is not None:
            event.rejected = correction.rejected
        event.reviewed = event.corrected = True
        event.updated_at = models.utcnow()
        session.add(event)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    session.refresh(event)
    return event
