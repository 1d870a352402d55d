"""People and their itineraries."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app.deps import ServicesDep, SessionDep, WriteAccess
from app.geojson_response import GEOJSON, GeoJSONResponse
from app.itineraries import actor_public, itinerary_of, itinerary_public
from app.pagination import PageDep, page_of
from app.queries import actor_by_slug, actors_by_name, count_actors
from app.response_cache import CachedOn, cached_on
from app.schemas import ActorPublic, AliasCreate, ItineraryPublic, Page
from app.storage import add_alias
from geo.features import itinerary_feature_collection

__all__ = ["router"]

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get("", response_model=Page[ActorPublic], summary="People the articles speak of, by name")
@cached_on(CachedOn.DATA)
def list_actors(request: Request, session: SessionDep, page: PageDep):
    total = count_actors(session)
    actors = actors_by_name(session, offset=page.offset, limit=page.limit)
    return page_of(request, [actor_public(session, a) for a in actors], total, page)


@router.get("/{slug}", response_model=ActorPublic, summary="One person")
@cached_on(CachedOn.ACTOR)
def get_actor(slug: str, session: SessionDep):
    return actor_public(session, actor_by_slug(session, slug))


@router.post(
    "/{slug}/aliases",
    response_model=ActorPublic,
    status_code=201,
    summary="Add another name of this person; later articles that use it join the same actor",
    responses={409: {"description": "The alias already names another actor."}},
    dependencies=[WriteAccess],
)
def add_actor_alias(slug: str, body: AliasCreate, session: SessionDep):
    return actor_public(session, add_alias(session, actor_by_slug(session, slug), body.alias))


@router.get("/{slug}/itinerary", response_model=ItineraryPublic, summary="A person's stops and legs, in travel order")
@cached_on(CachedOn.ACTOR)
def get_itinerary(slug: str, session: SessionDep, services: ServicesDep):
    actor = actor_by_slug(session, slug)
    return itinerary_public(actor, itinerary_of(session, actor, trip_gap=services.settings.trip_gap))


@router.get(
    "/{slug}/itinerary.geojson",
    response_class=GeoJSONResponse,
    summary="A person's itinerary as GeoJSON: stop Points in travel order, then leg lines",
    responses={200: {"content": {GEOJSON: {}}}},
)
@cached_on(CachedOn.ACTOR)
def get_itinerary_geojson(slug: str, session: SessionDep, services: ServicesDep):
    actor = actor_by_slug(session, slug)
    itinerary = itinerary_of(session, actor, trip_gap=services.settings.trip_gap)
    return GeoJSONResponse(itinerary_feature_collection(itinerary))
