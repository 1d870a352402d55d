"""The JSON documents of the OGC API: landing page, conformance, collections, and the links of features."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from fastapi import Request
from starlette.routing import NoMatchFound

from app.ogc.extent import EventsExtent, extent_document
from app.ogc.links import link, service_base, service_url
from app.ogc.vocabulary import (
    CORE,
    CRS84,
    GEOJSON,
    GEOJSON_CONFORMANCE,
    HTML,
    JSON,
    OAS30,
    OPENAPI_JSON,
    REL_CONFORMANCE,
    REL_DATA,
)
from app.routes.docs import DOCS_ROUTE

__all__ = [
    "COLLECTION_ID",
    "FEATURE_FORMATS",
    "METADATA_FORMATS",
    "landing_page",
    "conformance",
    "collection",
    "collections",
    "feature_links",
    "items_links",
]

COLLECTION_ID: Final = "events"
# `f` values and their media types, the default first: features are GeoJSON, which is also plain JSON.
FEATURE_FORMATS: Final[Mapping[str, str]] = {"geojson": GEOJSON, "json": JSON}
METADATA_FORMATS: Final[Mapping[str, str]] = {"json": JSON}

_TITLE: Final = "itinerant"
_DESCRIPTION: Final = "Who was where, and when, as read from news articles: events with a place and a date."
_COLLECTION_TITLE: Final = "Events"
_COLLECTION_DESCRIPTION: Final = (
    "One Point feature per event someone took part in (a visit, a meeting, a trip): the actor, the place "
    "(a GeoNames place where there is one), the day or span of days, whether it occurred or is planned, and "
    "the sentence of the article it was read from."
)


def _f_of(media_type: str) -> str:
    return next(f for f, known in FEATURE_FORMATS.items() if known == media_type)


def _openapi_version(request: Request) -> str | None:
    """`major.minor` of the service's OpenAPI document; None when it serves none."""
    if request.app.openapi_url is None:
        return None
    return ".".join(str(request.app.openapi_version).split(".")[:2])


def landing_page(request: Request) -> dict[str, Any]:
    """The landing page: what the service is, and links to its conformance, data and API definition."""
    conformance_url = service_url(request, "ogc_conformance")
    collections_url = service_url(request, "ogc_collections")
    links = [
        link("self", service_url(request, "ogc_landing_page"), JSON, "This document"),
        link(REL_CONFORMANCE, conformance_url, JSON, "Conformance classes"),
        link("conformance", conformance_url, JSON, "Conformance classes"),
        link(REL_DATA, collections_url, JSON, "Feature collections"),
        link("data", collections_url, JSON, "Feature collections"),
    ]
    version = _openapi_version(request)
    if version is not None:
        openapi_type = OPENAPI_JSON.format(version=version)
        links.append(
            link("service-desc", service_base(request) + request.app.openapi_url, openapi_type, "The API definition")
        )
    docs = _docs_path(request)
    if docs is not None:
        links.append(link("service-doc", service_base(request) + docs, HTML, "The API documentation"))
    return {"title": _TITLE, "description": _DESCRIPTION, "links": links}


def _docs_path(request: Request) -> str | None:
    """The path of the service's HTML API documentation (the route named DOCS_ROUTE), if it has one."""
    try:
        return str(request.app.url_path_for(DOCS_ROUTE))
    except NoMatchFound:
        return None


def conformance(request: Request) -> dict[str, Any]:
    """The conformance classes met; OpenAPI 3.0 only while the service's OpenAPI document is 3.0."""
    classes = [CORE, GEOJSON_CONFORMANCE]
    if _openapi_version(request) == "3.0":
        classes.append(OAS30)
    return {"conformsTo": classes}


def collection(request: Request, extent: EventsExtent) -> dict[str, Any]:
    """The metadata of the events collection."""
    items_url = service_url(request, "ogc_items", collection_id=COLLECTION_ID)
    links = [
        link("self", service_url(request, "ogc_collection", collection_id=COLLECTION_ID), JSON, "This document"),
        *(
            link("items", f"{items_url}?f={f}", media_type, f"The events as {media_type}")
            for f, media_type in FEATURE_FORMATS.items()
        ),
    ]
    return {
        "id": COLLECTION_ID,
        "title": _COLLECTION_TITLE,
        "description": _COLLECTION_DESCRIPTION,
        "extent": extent_document(extent),
        "itemType": "feature",
        "crs": [CRS84],
        "storageCrs": CRS84,
        "links": links,
    }


def collections(request: Request, extent: EventsExtent) -> dict[str, Any]:
    """The list of collections: the events are the one collection."""
    return {
        "links": [link("self", service_url(request, "ogc_collections"), JSON, "This document")],
        "collections": [collection(request, extent)],
    }


def _collection_link(request: Request) -> dict[str, str]:
    return link(
        "collection", service_url(request, "ogc_collection", collection_id=COLLECTION_ID), JSON, "The collection"
    )


def feature_links(request: Request, feature_id: int, media_type: str) -> list[dict[str, str]]:
    """Links of one feature: itself in this and the other encoding, and its collection."""
    href = service_url(request, "ogc_item", collection_id=COLLECTION_ID, feature_id=str(feature_id))
    return [
        link("self", f"{href}?f={_f_of(media_type)}", media_type, "This feature"),
        *(
            link("alternate", f"{href}?f={f}", other, "This feature")
            for f, other in FEATURE_FORMATS.items()
            if other != media_type
        ),
        _collection_link(request),
    ]


def items_links(
    request: Request, media_type: str, *, limit: int, offset: int, returned: int, matched: int
) -> list[dict[str, str]]:
    """Links of a page of items: itself in each encoding, its neighbours (same filters), and the collection.

    Every link names its limit (clamped to the maximum) and offset, so that following one
    gives exactly the page it promises.
    """
    query = dict(request.query_params)

    def page(f: str, page_offset: int) -> str:
        fields = {**query, "f": f, "limit": limit, "offset": page_offset}
        return service_url(request, "ogc_items", fields, collection_id=COLLECTION_ID)

    f = _f_of(media_type)
    links = [
        link("self", page(f, offset), media_type, "This page"),
        *(
            link("alternate", page(other_f, offset), other, "This page")
            for other_f, other in FEATURE_FORMATS.items()
            if other != media_type
        ),
    ]
    if offset + returned < matched:
        links.append(link("next", page(f, offset + returned), media_type, "The next page"))
    if offset > 0:
        links.append(link("prev", page(f, max(0, offset - limit)), media_type, "The previous page"))
    links.append(_collection_link(request))
    return links
