"""An analyst's corrections to an event (place, date, status, actor, or rejection), and the stops
an analyst adds by hand.

Both are corrections in the store's sense (`corrected`): re-processing keeps them as they are and
does not read them a second time (app.storage.replace_extraction).
"""

from __future__ import annotations

from sqlmodel import Session

from app import models
from app.queries import article_event_rows, article_mention_rows, stored
from app.schemas import EventCorrection, EventCreate
from app.storage import ActorRows, PlaceRows
from geo.errors import ConflictError, InvalidInputError
from geo.gazetteer.base import Gazetteer
from geo.model import DateInterval, EventStatus, Place, Precision

__all__ = ["correct_event", "add_event", "point_place", "MAX_EVIDENCE_CHARS", "ADDED_ACTION"]

# A stop's evidence is a sentence or two, not the article.
MAX_EVIDENCE_CHARS = 2000
# What a stop added by hand says it was: the actor was there (the analyst gives no verb).
ADDED_ACTION = "visit"


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


def _new_place(correction: EventCorrection | EventCreate, gazetteer_factory) -> Place | None:
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
    except BaseException:
        session.rollback()
        raise
    return _stored(session, event)


def _evidence_span(article: models.Article, start: int, end: int) -> tuple[int, int]:
    """The span trimmed of white space, checked to lie in the article and to say something."""
    if not 0 <= start < end <= len(article.text):
        raise InvalidInputError(
            f"the sentence must lie within the article's {len(article.text)} characters, start before end",
            field="evidence_start",
        )
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise InvalidInputError("the sentence holds only white space", field="evidence_start")
    if end - start > MAX_EVIDENCE_CHARS:
        raise InvalidInputError(f"the sentence must be at most {MAX_EVIDENCE_CHARS} characters", field="evidence_end")
    return start, end


def _mention_of(session: Session, article_id: int, span: tuple[int, int], place: Place) -> tuple[int, int] | None:
    """The mention of `place` in the sentence, if the text names it there (as read or as an alternative
    reading): the event is then tied to it, as a read one is, and a fresh reading of the same stop
    is known for a repeat of it."""
    start, end = span
    for mention, mention_place in article_mention_rows(session, article_id):
        if not (start <= mention.start_char and mention.end_char <= end):
            continue
        readings = [mention_place.gazetteer_id] if mention_place is not None else []
        if place.gazetteer_id in readings + mention.alternatives.split():
            return mention.start_char, mention.end_char
    return None


def add_event(session: Session, article_id: int, body: EventCreate, gazetteer_factory) -> models.Event:
    """Store a stop the reader missed, told by a sentence of the article, in one transaction.

    It is marked reviewed and corrected, so that re-processing keeps it; the same person at the
    same place in the same sentence, when already stored and not rejected, is a conflict.
    """
    article = stored(session, models.Article, article_id)
    # Everything is checked before anything is written.
    start, end = _evidence_span(article, body.evidence_start, body.evidence_end)
    place = _new_place(body, gazetteer_factory)
    if place is None:
        raise InvalidInputError("give the place: a geonameid, or lat and lon", field="geonameid")
    status = _status(body.status)
    interval = DateInterval.parse_iso(body.date) if body.date else DateInterval()
    mention = _mention_of(session, article.id, (start, end), place)
    try:
        actor_id = ActorRows(session).id_of(body.actor)
        place_id = PlaceRows(session).id_of(place)
        for existing, _actor, _place in article_event_rows(session, article.id):
            if (existing.actor_id, existing.place_id, existing.evidence_start) == (actor_id, place_id, start):
                raise ConflictError(
                    f"event {existing.id} already has {body.actor} at {place.name} from this sentence",
                    field="evidence_start",
                )
        event = models.Event(
            article_id=article.id,
            actor_id=actor_id,
            action=ADDED_ACTION,
            place_id=place_id,
            lat=place.lat,
            lon=place.lon,
            status=status.value,
            evidence=article.text[start:end],
            evidence_start=start,
            evidence_end=end,
            mention_start=mention[0] if mention else None,
            mention_end=mention[1] if mention else None,
            # The analyst vouches for it.
            confidence=1.0,
            reviewed=True,
            corrected=True,
        )
        event.set_date(interval)
    except BaseException:
        session.rollback()
        raise
    return _stored(session, event)


def _stored(session: Session, event: models.Event) -> models.Event:
    """The event written in one commit, or nothing written at all."""
    session.add(event)
    try:
        session.commit()
    except BaseException:
        session.rollback()
        raise
    session.refresh(event)
    return event
