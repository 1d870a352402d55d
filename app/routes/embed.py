"""Embeds: maps with minimal chrome for other sites' iframes, and oEmbed 1.0 to discover them.

Embed routes may be framed by the origins in settings.frame_ancestors (app.security); oEmbed
answers for URLs of itinerant's map pages (or embeds) on this service, with an iframe whose
size stays within the consumer's maxwidth and maxheight.
"""

from __future__ import annotations

import re
from typing import Annotated, Final, Literal
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel

from app.deps import ServicesDep, SessionDep
from app.map_pages import (
    CombinedMapQueryDep,
    TilesQuery,
    actor_map_page,
    embed_iframe,
    map_page,
    trusted_base_url,
)
from app.queries import actor_by_slug
from app.response_cache import CachedOn, cached_on
from app.settings import EMBED_SIZE
from geo.errors import FormatNotImplementedError, NotFoundError

__all__ = ["router", "OEmbed"]

router = APIRouter(tags=["embeds"])

# Every public page of a map: the person's page (the one people copy), their map, its embed.
_ACTOR_MAP: Final = re.compile(r"^/(?:actors/(?P<slug>[^/]+)(?:/map)?|embed/actors/(?P<embed_slug>[^/]+))/?$")
_COMBINED_MAP: Final = re.compile(r"^/(?:embed/)?map/?$")
_EMBED_QUERY_KEYS: Final = ("actors", "from", "to", "tiles")


class OEmbed(BaseModel):
    """An oEmbed 1.0 response of type "rich"."""

    version: Literal["1.0"] = "1.0"
    type: Literal["rich"] = "rich"
    provider_name: str = "itinerant"
    provider_url: str
    title: str
    html: str
    width: int
    height: int
    cache_age: int = 3600


@router.get("/embed/actors/{slug}", response_class=HTMLResponse, summary="A person's itinerary map, to embed")
@cached_on(CachedOn.ACTOR)
def embed_actor(request: Request, slug: str, session: SessionDep, services: ServicesDep, tiles: TilesQuery = None):
    return actor_map_page(request, session, services.settings, slug, tiles, embedded=True)


@router.get("/embed/map", response_class=HTMLResponse, summary="Several itineraries or every event, to embed")
@cached_on(CachedOn.DATA)
def embed_combined(request: Request, session: SessionDep, services: ServicesDep, shown: CombinedMapQueryDep):
    return map_page(request, session, services.settings, shown, embedded=True)


def _not_ours(url: str) -> NotFoundError:
    return NotFoundError(f"{url!r} is not the URL of an itinerant map", field="url")


def _size(maxwidth: int | None, maxheight: int | None) -> tuple[int, int]:
    # oEmbed: the size must not exceed the consumer's maximum, however small it is.
    width, height = EMBED_SIZE
    return min(width, maxwidth or width), min(height, maxheight or height)


@router.get(
    "/oembed",
    response_model=OEmbed,
    summary="oEmbed 1.0 for map URLs (format json; xml answers 501)",
    responses={
        400: {"description": "A Host the service is not known by (see ITINERANT_ALLOWED_HOSTS)."},
        404: {"description": "Not an itinerant map URL."},
        501: {"description": "Format not supported."},
    },
)
def oembed(
    request: Request,
    session: SessionDep,
    services: ServicesDep,
    url: Annotated[
        str,
        Query(
            max_length=2000,
            description="A map's page URL: .../actors/kim-jong-un, .../actors/kim-jong-un/map, .../map?actors=...",
        ),
    ],
    maxwidth: Annotated[int | None, Query(ge=1)] = None,
    maxheight: Annotated[int | None, Query(ge=1)] = None,
    format: Annotated[str, Query(description="json (xml is not implemented)")] = "json",
):
    if format not in ("", "json"):  # oEmbed's format is optional: empty means the default
        raise FormatNotImplementedError(f"oEmbed format {format!r} is not supported; use json", field="format")
    base = trusted_base_url(request, services.settings)
    parts, ours = urlsplit(url), urlsplit(base)
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != ours.netloc.lower():
        raise _not_ours(url)
    base_path = ours.path.rstrip("/")
    if not parts.path.startswith(base_path + "/"):
        raise _not_ours(url)
    path = parts.path[len(base_path) :]
    query = {key: values[-1] for key, values in parse_qs(parts.query).items() if key in _EMBED_QUERY_KEYS}
    if match := _ACTOR_MAP.match(path):
        actor = actor_by_slug(session, match["slug"] or match["embed_slug"])
        title = f"{actor.name}: itinerary"
        query.pop("actors", None)
        src = f"{base}/embed/actors/{actor.slug}"
    elif _COMBINED_MAP.match(path):
        for slug in filter(None, (s.strip() for s in query.get("actors", "").split(","))):
            actor_by_slug(session, slug)  # a map of someone unknown is no map
        title = "itinerant map"
        src = f"{base}/embed/map"
    else:
        raise _not_ours(url)
    if query:
        src += "?" + urlencode(query)
    width, height = _size(maxwidth, maxheight)
    body = OEmbed(
        provider_url=base + "/", title=title, html=embed_iframe(src, title, width, height), width=width, height=height
    )
    return JSONResponse(body.model_dump())
