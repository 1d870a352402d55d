"""Map pages: one actor's itinerary on a map, several actors, or every event clustered (built by app/map_pages.py)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.deps import ServicesDep, SessionDep
from app.map_pages import CombinedMapQueryDep, TilesQuery, actor_map_page, map_page

__all__ = ["router"]

router = APIRouter(tags=["maps"])


@router.get("/actors/{slug}/map", response_class=HTMLResponse, summary="A person's itinerary on a map")
def actor_map(request: Request, slug: str, session: SessionDep, services: ServicesDep, tiles: TilesQuery = None):
    return actor_map_page(request, session, services.settings, slug, tiles, embedded=False)


@router.get("/map", response_class=HTMLResponse, summary="Several itineraries, or every event clustered")
def combined_map(request: Request, session: SessionDep, services: ServicesDep, shown: CombinedMapQueryDep):
    return map_page(request, session, services.settings, shown, embedded=False)
