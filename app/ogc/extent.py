"""The extent of the events collection: where and when the stored events lie."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func
from sqlmodel import Session, select

from app import models
from app.ogc.vocabulary import CRS84, GREGORIAN
from app.queries import EventFilter
from geo.geojson import Bbox, bbox_of

__all__ = ["EventsExtent", "events_extent", "extent_document", "WHOLE_WORLD"]

WHOLE_WORLD: Bbox = (-180.0, -90.0, 180.0, 90.0)


@dataclass(frozen=True)
class EventsExtent:
    """The box of the events' points and the days their dates span; None where there is nothing to go by."""

    bbox: Bbox | None
    first_day: date | None
    last_day: date | None


def events_extent(session: Session) -> EventsExtent:
    """The extent of the events the collection serves (rejected ones are not served)."""
    event = models.Event
    served = and_(*EventFilter().conditions())
    # Distinct positions, not min/max of longitude: the box is the narrowest that holds them,
    # across the antimeridian when that is narrower (geo.geojson.bbox_of), and many events
    # share a place, so the distinct positions are far fewer than the events.
    positions = session.exec(select(event.lon, event.lat).where(served).distinct()).all()
    bbox = bbox_of([{"type": "MultiPoint", "coordinates": [list(p) for p in positions]}]) if positions else None
    first_day, last_day = session.exec(
        select(func.min(event.date_start), func.max(func.coalesce(event.date_end, event.date_start))).where(served)
    ).one()
    return EventsExtent(bbox, first_day, last_day)


def extent_document(extent: EventsExtent) -> dict[str, Any]:
    """The `extent` member of a collection: a CRS84 box (the world while empty) and an interval open where unknown."""
    start = f"{extent.first_day.isoformat()}T00:00:00Z" if extent.first_day else None
    end = f"{extent.last_day.isoformat()}T23:59:59Z" if extent.last_day else None
    return {
        "spatial": {"bbox": [list(extent.bbox or WHOLE_WORLD)], "crs": CRS84},
        "temporal": {"interval": [[start, end]], "trs": GREGORIAN},
    }
