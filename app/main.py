"""The FastAPI application factory."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles

from app import assets
from app.errors import install_error_handlers
from app.limits import BodySizeLimit
from app.methods import AllowHeader, HeadAsGet
from app.openapi import install_openapi
from app.response_cache import ResponseCache
from app.routes import actors, articles, corrections, docs, embed, events, feeds, geocode, health, maps, ogc, pages
from app.security import DataCORS, SameOriginWrites, SecurityHeaders
from app.services import Services
from app.settings import Settings, get_settings
from app.shared_responses import SHARED_ENV, SharedResponses

__all__ = ["create_app", "create_served_app", "GZIP_MINIMUM_BYTES"]

GZIP_MINIMUM_BYTES = 1024

DESCRIPTION = """
itinerant reads news articles, finds the places they mention, works out who was where and when,
and serves the result as GeoJSON and maps.

Place data © GeoNames (CC-BY 4.0), https://www.geonames.org/.
"""


def create_app(
    settings: Settings | None = None, *, services: Services | None = None, shared_cache: Path | None = None
) -> FastAPI:
    """The web application; tests pass `services` to bring their own database and pipeline.
    `shared_cache`: the directory of the response cache shared by the workers of a `serve`
    (app/shared_responses.py), which `serve` made."""
    if services is None:
        services = Services.from_settings(settings or get_settings())
    settings = services.settings
    # The documentation pages are app/routes/docs.py's, which load nothing from CDNs.
    app = FastAPI(title="itinerant", version="0.1.0", description=DESCRIPTION, docs_url=None, redoc_url=None)
    app.state.services = services
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    # No other site's page may write here (CSRF), with or without a key.
    app.add_middleware(SameOriginWrites, public_url=settings.public_url)
    # Other tools (Leaflet pages, notebooks, QGIS web clients) read the data from any origin.
    app.add_middleware(DataCORS, allow_origins=settings.cors_origins, allow_methods=["GET"])
    # CSP, framing (embeds where the settings allow, every other page by no one), referrers.
    app.add_middleware(SecurityHeaders, frame_ancestors=settings.frame_ancestors)
    # A 405 names the methods allowed.
    app.add_middleware(AllowHeader)
    # Outside the rest, so that every answer (errors included) is compressed for clients that accept it.
    # Below 1 KB gzip saves too little to pay for itself; level 6 costs half the CPU of 9 for
    # about 1% more bytes. A stream is flushed chunk by chunk, so it still streams.
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM_BYTES, compresslevel=6)
    # Outside the rest but HEAD: a repeated read is sent as it went out the first time (gzipped,
    # with its security headers), until the data's revision moves; ETags and 304s with it.
    app.state.shared_responses = None
    if settings.response_cache_mb:
        shared = None
        if shared_cache is not None and settings.shared_cache_mb:
            # The database is part of its keys: the revisions of two databases are not comparable.
            shared = SharedResponses.of_services(shared_cache, services)
            app.state.shared_responses = shared
        app.add_middleware(
            ResponseCache, services=services, max_bytes=settings.response_cache_mb * 2**20, shared=shared
        )
    # Outermost: HEAD is answered wherever GET is, with the very headers of the GET (gzip's too).
    app.add_middleware(HeadAsGet)
    install_error_handlers(app)
    install_openapi(app, cached=bool(settings.response_cache_mb))
    app.include_router(health.router)
    app.include_router(articles.router)
    app.include_router(actors.router)
    app.include_router(events.router)
    app.include_router(geocode.router)
    app.include_router(ogc.router)
    app.include_router(maps.router)
    app.include_router(embed.router)
    app.include_router(pages.router)
    app.include_router(feeds.router)
    app.include_router(feeds.pages)
    app.include_router(corrections.pages)
    app.include_router(assets.router)
    app.include_router(docs.router)
    app.mount("/static", StaticFiles(directory=assets.STATIC_DIR), name="static")
    return app


def create_served_app(settings: Settings | None = None, *, services: Services | None = None) -> FastAPI:
    """The application of a serving process (`itinerant serve`, each of its workers): create_app,
    then what the process has made so far (modules, the app, its routes and models) moved out of
    the garbage collector's reach with gc.freeze. They live as long as the process, and a full
    collection, which otherwise walks them all each time (some 150,000 objects, tens of
    milliseconds, hundreds on a busy machine, with every request of the process waiting), now walks
    only what was made since. Not in create_app: tests make an application for each test.
    A worker of `serve --workers N` shares its response cache with the others through the
    directory `serve` names in SHARED_ENV."""
    shared = os.environ.get(SHARED_ENV)
    app = create_app(settings, services=services, shared_cache=Path(shared) if shared else None)
    gc.collect()
    gc.freeze()
    return app
