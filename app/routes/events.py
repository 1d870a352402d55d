"""Events: filtered lists, GeoJSON, and an analyst's corrections."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from app.corrections import correct_event
from app.deps import MAX_ID, EventId, ServicesDep, SessionDep, WriteAccess
from app.export import event_feature_texts
from app.geojson_response import GEOJSON, streamed_features
from app.pagination import PageDep, PageParams, next_page_url, page_of
from app.present import event_public
from app.queries import EventFilter, actor_by_slug, count_events, event_row, event_rows, parse_bbox
from app.response_cache import CachedOn, cached_on
from app.schemas import EventCorrection, EventPublic, Page
from app.settings import GEOJSON_PAGE_SIZE, MAX_GEOJSON_LIMIT, MAX_OFFSET
from geo.errors import NotFoundError
from geo.model import EventStatus

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["events"])


def event_filter(
    session: SessionDep,
    actor: Annotated[str | None, Query(description="An actor's slug, e.g. kim-jong-un.")] = None,
    status: Annotated[EventStatus | None, Query(description="occurred, planned or speculative.")] = None,
    date_from: Annotated[date | None, Query(alias="from", description="Events on or after this date.")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Events on or before this date.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    article: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Events read from this article.")] = None,
) -> EventFilter:
    actor_id = actor_by_slug(session, actor).id if actor else None
    return EventFilter(actor_id, status, date_from, date_to, parse_bbox(bbox), article)


EventFilterDep = Annotated[EventFilter, Depends(event_filter)]


def _event_public(session: SessionDep, event_id: int) -> EventPublic:
    row = event_row(session, event_id)
    if row is None:
        raise NotFoundError(f"no event with id {event_id}", field="event_id")
    return event_public(row)


@router.get("/events", response_model=Page[EventPublic], summary="Events, filtered")
@cached_on(CachedOn.DATA)
def list_events(request: Request, session: SessionDep, filters: EventFilterDep, page: PageDep):
    rows = event_rows(session, filters, offset=page.offset, limit=page.limit)
    return page_of(request, [event_public(row) for row in rows], count_events(session, filters), page)


@router.get(
    "/events.geojson",
    summary="Events as a GeoJSON FeatureCollection, streamed",
    response_class=StreamingResponse,
    responses={200: {"content": {GEOJSON: {}}}},
)
@cached_on(CachedOn.DATA)
def events_geojson(
    request: Request,
    session: SessionDep,
    filters: EventFilterDep,
    limit: Annotated[int, Query(ge=1, le=MAX_GEOJSON_LIMIT)] = GEOJSON_PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
):
    page = PageParams(limit=min(limit, MAX_GEOJSON_LIMIT), offset=offset)
    total = count_events(session, filters)
    following = next_page_url(request, total, page)
    features = event_feature_texts(session, filters, offset=page.offset, limit=page.limit)
    links = [{"rel": "self", "type": GEOJSON, "href": str(request.url)}]
    if following:
        links.append({"rel": "next", "type": GEOJSON, "href": following})
    return streamed_features(features, numberMatched=total, links=links, next=following)


@router.get("/events/{event_id}", response_model=EventPublic, summary="One event")
@cached_on(CachedOn.DATA)
def get_event(event_id: EventId, session: SessionDep):
    return _event_public(session, event_id)


@router.patch(
    "/events/{event_id}",
    response_model=EventPublic,
    summary="Correct an event (kept on re-processing)",
    dependencies=[WriteAccess],
)
def patch_event(event_id: EventId, correction: EventCorrection, session: SessionDep, services: ServicesDep):
    event = correct_event(session, event_id, correction, lambda: services.gazetteer)
    return _event_public(session, event.id)
