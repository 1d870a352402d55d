"""Map pages: one actor's itinerary on a map, several actors, or every event clustered (built by app/map_pages.py)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from app.deps import ServicesDep, SessionDep
from app.map_pages import CombinedMapQueryDep, TilesQuery, actor_itineraries, actor_map_page, map_page
from app.queries import actor_by_slug
from app.response_cache import CachedOn, cached_on
from geo.maps.static_image import IMAGE_SIZE, MAX_IMAGE_SIDE, itinerary_drawing, png_of, svg_of

__all__ = ["router"]

router = APIRouter(tags=["maps"])


@router.get("/actors/{slug}/map", response_class=HTMLResponse, summary="A person's itinerary on a map")
@cached_on(CachedOn.ACTOR)
def actor_map(request: Request, slug: str, session: SessionDep, services: ServicesDep, tiles: TilesQuery = None):
    return actor_map_page(request, session, services.settings, slug, tiles, embedded=False)


@router.get("/map", response_class=HTMLResponse, summary="Several itineraries, or every event clustered")
@cached_on(CachedOn.DATA)
def combined_map(request: Request, session: SessionDep, services: ServicesDep, shown: CombinedMapQueryDep):
    return map_page(request, session, services.settings, shown, embedded=False)


WidthQuery = Annotated[int, Query(ge=200, le=MAX_IMAGE_SIDE, description="Pixels.")]
HeightQuery = Annotated[int, Query(ge=200, le=MAX_IMAGE_SIDE, description="Pixels.")]
# A still image changes only when the actor's events do; a few minutes of caching spares redrawing.
_IMAGE_CACHE = "public, max-age=300"


class ImageFormat(StrEnum):
    png = "png"
    svg = "svg"


# Each format: its media type and the writer of a drawing in it.
_IMAGE_WRITERS = {ImageFormat.png: ("image/png", png_of), ImageFormat.svg: ("image/svg+xml", svg_of)}


@router.get(
    "/actors/{slug}/map.{image_format}",
    response_class=Response,
    responses={
        200: {
            "content": {media_type: {} for media_type, _ in _IMAGE_WRITERS.values()},
            "description": "The itinerary as a PNG or SVG image.",
        }
    },
    summary="A person's itinerary as a still image (PNG or SVG), drawn offline, with title and credits",
)
def actor_map_image(
    slug: str,
    image_format: ImageFormat,
    session: SessionDep,
    services: ServicesDep,
    width: WidthQuery = IMAGE_SIZE[0],
    height: HeightQuery = IMAGE_SIZE[1],
):
    actor = actor_by_slug(session, slug)
    (itinerary,) = actor_itineraries(session, services.settings, [actor.slug])
    media_type, write = _IMAGE_WRITERS[image_format]
    image = write(itinerary_drawing(itinerary, width=width, height=height))
    return Response(image, media_type=media_type, headers={"Cache-Control": _IMAGE_CACHE})
