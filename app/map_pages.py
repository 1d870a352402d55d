"""Building the map pages: one actor's itinerary, several actors, or every event clustered.

The maps are Folium pages (geo.maps); this module picks their data and options: tiles from
the settings or `?tiles=`, assets from our own server or the CDNs (settings.asset_mode), popup
links to article pages, an embed code and oEmbed discovery for each map. The map routes
(app/routes/maps.py), the embeds (app/routes/embed.py) and the web pages (app/routes/pages.py)
call it; it declares no route itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import escape
from sqlmodel import Session

from app import models
from app.assets import LABELS_PATH, OUTLINES_PATH, VENDOR_PREFIX
from app.itineraries import itinerary_of
from app.queries import EventFilter, actor_by_slug, count_events, iter_events
from app.security import PageSources, allow_page_sources, inline_script_hashes, origins_of
from app.settings import EMBED_SIZE, INLINE_EVENT_LIMIT, MAP_EVENTS_PAGE_SIZE, Settings
from geo.errors import UntrustedHostError
from geo.features import event_feature
from geo.itinerary import Itinerary
from geo.maps import OFFLINE, MapOptions, actors_map, asset_links, events_map, render_map, tile_provider
from geo.maps.features import date_span

__all__ = [
    "base_url",
    "trusted_base_url",
    "root_path",
    "embed_iframe",
    "map_options",
    "actor_itineraries",
    "map_page",
    "actor_map_page",
    "TilesQuery",
    "CombinedMapQuery",
    "CombinedMapQueryDep",
]

TilesQuery = Annotated[
    str | None, Query(description="An xyzservices provider (e.g. OpenStreetMap, OpenTopoMap) or 'none'.")
]
ActorsQuery = Annotated[str | None, Query(description="Comma-separated actor slugs.")]
FromQuery = Annotated[date | None, Query(alias="from", description="Events on or after this date.")]
ToQuery = Annotated[date | None, Query(alias="to", description="Events on or before this date.")]


@dataclass(frozen=True)
class CombinedMapQuery:
    """What /map and /embed/map show: some actors' itineraries, or every event, within dates, on tiles."""

    actors: ActorsQuery = None
    date_from: FromQuery = None
    date_to: ToQuery = None
    tiles: TilesQuery = None


CombinedMapQueryDep = Annotated[CombinedMapQuery, Depends()]


def root_path(request: Request) -> str:
    """The path the app is mounted under ("" unless behind a prefixing proxy)."""
    return request.scope.get("root_path", "").rstrip("/")


def base_url(request: Request, settings: Settings) -> str | None:
    """The service's external base URL: the configured one, else the request's if its host is
    trusted (settings.trusted_hosts), else None.

    The Host header is the client's to write: a URL built from any Host would let a request
    (or a shared cache it passes through) put another site's address into the embed codes
    and oEmbed answers that others copy.
    """
    if settings.public_url:
        return settings.public_url.rstrip("/")
    host = (request.url.hostname or "").lower()
    if host in settings.trusted_hosts:
        return str(request.base_url).rstrip("/")
    return None


def trusted_base_url(request: Request, settings: Settings) -> str:
    """base_url, or UntrustedHostError (400) where the Host is not trusted."""
    base = base_url(request, settings)
    if base is None:
        raise UntrustedHostError(
            f"this service does not answer for the host {request.url.hostname!r}: "
            "set ITINERANT_PUBLIC_URL, or add it to ITINERANT_ALLOWED_HOSTS",
            field="Host",
        )
    return base


def embed_iframe(src: str, title: str, width: int, height: int) -> str:
    """The HTML that embeds a map: an iframe, its attributes escaped, in a wrapper that takes the
    width of the column it is pasted in (at most `width`) and keeps the shape width x height, so
    that the map fits a phone as well as a wide article. The iframe keeps its size attributes for
    the readers that ignore the styles."""
    width, height = int(width), int(height)
    return (
        f'<div class="itinerant-embed-frame" style="position:relative;width:100%;max-width:{width}px;'
        f'aspect-ratio:{width}/{height}">'
        f'<iframe src="{escape(src)}" width="{width}" height="{height}" title="{escape(title)}" '
        'style="position:absolute;top:0;left:0;width:100%;height:100%;border:0" loading="lazy" allowfullscreen>'
        "</iframe></div>"
    )


def map_options(
    request: Request,
    settings: Settings,
    *,
    title: str,
    tiles: str | None,
    embed_path: str | None,
    page_path: str | None,
    heading: tuple[str, str | None] | None = None,
    source_path: str | None = None,
) -> MapOptions:
    """Options for a map page; `embed_path` gives it an embed control, `page_path` oEmbed discovery;
    an embed has a visible `heading` (title, dates) and a source line linking to `source_path`."""
    chosen = tiles if tiles else settings.tiles
    if chosen.strip().lower() != OFFLINE:
        tile_provider(chosen)  # an unknown provider is the caller's mistake: a 422 naming it
    prefix = root_path(request)
    # Without a trusted base URL the map goes without its embed code and oEmbed link.
    base = base_url(request, settings)
    alternates: tuple[tuple[str, str, str], ...] = ()
    if page_path is not None and base is not None:
        oembed = f"{base}/oembed?{urlencode({'url': base + page_path, 'format': 'json'})}"
        alternates = (("application/json+oembed", oembed, title),)
    return MapOptions(
        tiles=chosen,
        asset_base=prefix + VENDOR_PREFIX if settings.asset_mode == "local" else None,
        article_url=prefix + "/articles/{id}",
        # The evidence sentences are most of an itinerary's weight: popups fetch theirs.
        event_url=prefix + "/api/events/{id}",
        outlines_url=prefix + OUTLINES_PATH,
        labels_url=prefix + LABELS_PATH,
        title=title,
        embed_code=embed_iframe(base + embed_path, title, *EMBED_SIZE) if embed_path and base else None,
        alternates=alternates,
        heading=heading,
        # Relative without a trusted base: inside the embed it still resolves to this service.
        source=(f"{title}, on itinerant", (base or prefix) + source_path) if source_path else None,
    )


def actor_itineraries(
    session: Session,
    settings: Settings,
    slugs: list[str],
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Itinerary]:
    """The itineraries of the named actors, from their events within the dates."""
    return [
        itinerary_of(
            session, actor_by_slug(session, slug), date_from=date_from, date_to=date_to, trip_gap=settings.trip_gap
        )
        for slug in slugs
    ]


def _slugs(actors: str | None) -> list[str]:
    return list(dict.fromkeys(s.strip() for s in (actors or "").split(",") if s.strip()))


def _query(**params: object) -> str:
    given = {key: str(value) for key, value in params.items() if value not in (None, "")}
    return f"?{urlencode(given)}" if given else ""


def _map_response(request: Request, folium_map, options: MapOptions) -> HTMLResponse:
    """The map's page, allowed to run its inline scripts (Folium writes its code into the page)
    and, with the assets on CDNs, to load them from there."""
    html = render_map(folium_map, options)
    external = origins_of(asset_links(folium_map)) if options.asset_base is None else ()
    allow_page_sources(
        request, PageSources(scripts=inline_script_hashes(html) + external, styles=external, fonts=external)
    )
    return HTMLResponse(html)


def map_page(
    request: Request, session: Session, settings: Settings, shown: CombinedMapQuery, *, embedded: bool
) -> HTMLResponse:
    """The page of /map (or /embed/map): actors' layers, or every event clustered."""
    actors, date_from, date_to, tiles = shown.actors, shown.date_from, shown.date_to, shown.tiles
    slugs = _slugs(actors)
    query = _query(actors=",".join(slugs), **{"from": date_from, "to": date_to}, tiles=tiles)
    itineraries: list[Itinerary] = []
    if slugs:
        itineraries = actor_itineraries(session, settings, slugs, date_from, date_to)
        title = "Itineraries: " + ", ".join(itinerary.actor for itinerary in itineraries)
    else:
        title = "Every event"
    options = map_options(
        request,
        settings,
        title=title,
        tiles=tiles,
        embed_path=None if embedded else "/embed/map" + query,
        page_path=None if embedded else "/map" + query,
        heading=(title, date_span(itineraries)) if embedded else None,
        source_path="/map" + query if embedded else None,
    )
    if slugs:
        return _map_response(request, actors_map(itineraries, options), options)
    event_filter = EventFilter(date_from=date_from, date_to=date_to)
    if count_events(session, event_filter) > INLINE_EVENT_LIMIT:
        url = (
            root_path(request)
            + "/api/events.geojson"
            + _query(**{"from": date_from, "to": date_to}, limit=MAP_EVENTS_PAGE_SIZE)
        )
        return _map_response(request, events_map(url=url, options=options), options)
    features = [event_feature(event) for event in iter_events(session, event_filter)]
    collection = {"type": "FeatureCollection", "features": features}
    return _map_response(request, events_map(collection, options=options), options)


def actor_map_page(
    request: Request, session: Session, settings: Settings, slug: str, tiles: str | None, *, embedded: bool
) -> HTMLResponse:
    actor: models.Actor = actor_by_slug(session, slug)
    (itinerary,) = actor_itineraries(session, settings, [actor.slug])
    query = _query(tiles=tiles)
    options = map_options(
        request,
        settings,
        title=f"{actor.name}: itinerary",
        tiles=tiles,
        embed_path=None if embedded else f"/embed/actors/{actor.slug}{query}",
        page_path=None if embedded else f"/actors/{actor.slug}/map{query}",
        heading=(actor.name, date_span([itinerary])) if embedded else None,
        # An embed links back to the person's page: the itinerary, its evidence and the map.
        source_path=f"/actors/{actor.slug}" if embedded else None,
    )
    return _map_response(request, actors_map([itinerary], options), options)
