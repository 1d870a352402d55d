"""OGC API - Features (Part 1: Core, GeoJSON) at /ogc: the events as one feature collection.

GIS clients (QGIS, OWSLib, GDAL's OAPIF driver, ArcGIS) read it without knowing this service:
landing page, conformance, collections, then pages of items followed by their `next` links.
Bad requests are 400s, as the standard asks (app/ogc/route.py); the pieces live in app/ogc/.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Final, Literal

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from app.deps import MAX_ID, SessionDep
from app.export import event_feature_texts
from app.geojson_response import GeoJSONResponse, streamed_features
from app.ogc import documents
from app.ogc.documents import COLLECTION_ID, FEATURE_FORMATS, METADATA_FORMATS
from app.ogc.extent import events_extent
from app.ogc.negotiation import negotiate
from app.ogc.route import OGCRoute
from app.ogc.spatial import parse_bbox_parameter
from app.ogc.temporal import parse_datetime_parameter
from app.ogc.vocabulary import GEOJSON, JSON
from app.queries import EventFilter, count_events, event_row
from app.response_cache import CachedOn, cached_on
from app.settings import OGC_MAX_LIMIT, OGC_PAGE_SIZE
from geo.errors import NotFoundError
from geo.features import event_feature

__all__ = ["router"]

router = APIRouter(prefix="/ogc", tags=["OGC API - Features"], route_class=OGCRoute)

MetadataFormat = Annotated[Literal["json"] | None, Query(description="The encoding: json. Overrides Accept.")]
FeatureFormat = Annotated[
    Literal["geojson", "json"] | None,
    Query(description="The encoding: geojson (application/geo+json) or json (application/json). Overrides Accept."),
]
AcceptHeader = Annotated[str | None, Header(include_in_schema=False)]

_FEATURES_RESPONSE: Final = {200: {"content": {GEOJSON: {}, JSON: {}}}}


def _json(document: dict, f: str | None, accept: str | None) -> JSONResponse:
    return JSONResponse(document, media_type=negotiate(METADATA_FORMATS, f, accept))


def _check_collection(collection_id: str) -> None:
    if collection_id != COLLECTION_ID:
        raise NotFoundError(
            f"no collection '{collection_id}'; the one collection is '{COLLECTION_ID}'", field="collection_id"
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@router.get("", name="ogc_landing_page", summary="OGC API landing page")
@router.get("/", include_in_schema=False)  # clients such as OWSLib ask for the landing page with a slash
def landing_page(request: Request, f: MetadataFormat = None, accept: AcceptHeader = None):
    return _json(documents.landing_page(request), f, accept)


@router.get("/conformance", name="ogc_conformance", summary="The OGC API conformance classes met")
def conformance(request: Request, f: MetadataFormat = None, accept: AcceptHeader = None):
    return _json(documents.conformance(request), f, accept)


@router.get("/collections", name="ogc_collections", summary="The feature collections")
@cached_on(CachedOn.DATA)
def collections(request: Request, session: SessionDep, f: MetadataFormat = None, accept: AcceptHeader = None):
    return _json(documents.collections(request, events_extent(session)), f, accept)


@router.get("/collections/{collection_id}", name="ogc_collection", summary="One feature collection")
@cached_on(CachedOn.DATA)
def collection(
    collection_id: str, request: Request, session: SessionDep, f: MetadataFormat = None, accept: AcceptHeader = None
):
    _check_collection(collection_id)
    return _json(documents.collection(request, events_extent(session)), f, accept)


@router.get(
    "/collections/{collection_id}/items",
    name="ogc_items",
    summary="Features of a collection, filtered and paged, streamed",
    response_class=StreamingResponse,
    responses=_FEATURES_RESPONSE,
)
@cached_on(CachedOn.DATA)
def items(
    collection_id: str,
    request: Request,
    session: SessionDep,
    bbox: Annotated[
        str | None,
        Query(
            description="west,south,east,north in CRS84 degrees (or 6 numbers with heights, ignored); "
            "west > east crosses the antimeridian."
        ),
    ] = None,
    datetime_: Annotated[
        str | None,
        Query(
            alias="datetime",
            description="An RFC 3339 instant or date, or an interval a/b, ../b, a/..; events whose dates overlap it.",
        ),
    ] = None,
    limit: Annotated[
        int, Query(ge=1, description=f"Features per page; larger values are served as {OGC_MAX_LIMIT}.")
    ] = OGC_PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, description="Features to skip; `next` links carry it.")] = 0,
    f: FeatureFormat = None,
    accept: AcceptHeader = None,
):
    _check_collection(collection_id)
    media_type = negotiate(FEATURE_FORMATS, f, accept)
    days = parse_datetime_parameter(datetime_)
    date_from, date_to = days.filter_bounds() if days else (None, None)
    filters = EventFilter(date_from=date_from, date_to=date_to, bbox=parse_bbox_parameter(bbox))
    limit = min(limit, OGC_MAX_LIMIT)  # the standard lets a server serve less than asked rather than refuse

    matched = count_events(session, filters)
    returned = max(0, min(limit, matched - offset))
    links = documents.items_links(request, media_type, limit=limit, offset=offset, returned=returned, matched=matched)
    # Fetching no more than `returned` keeps numberReturned true even if events are stored
    # between the count and the fetch; an offset past the end is not sent to the database at
    # all (one past 2**63 would overflow its integers).
    features = event_feature_texts(session, filters, offset=offset, limit=returned) if returned else ()
    return streamed_features(
        features,
        media_type=media_type,
        numberMatched=matched,
        numberReturned=returned,
        timeStamp=_now(),
        links=links,
    )


@router.get(
    "/collections/{collection_id}/items/{feature_id}",
    name="ogc_item",
    summary="One feature",
    response_class=GeoJSONResponse,
    responses=_FEATURES_RESPONSE,
)
@cached_on(CachedOn.DATA)
def item(
    collection_id: str,
    feature_id: str,
    request: Request,
    session: SessionDep,
    f: FeatureFormat = None,
    accept: AcceptHeader = None,
):
    _check_collection(collection_id)
    media_type = negotiate(FEATURE_FORMATS, f, accept)
    # Ids are the events' integer ids; anything else names no feature (404, not 400).
    known = feature_id.isascii() and feature_id.isdigit() and int(feature_id) <= MAX_ID
    row = event_row(session, int(feature_id), include_rejected=False) if known else None
    if row is None:
        raise NotFoundError(f"no feature '{feature_id}' in collection '{COLLECTION_ID}'", field="feature_id")
    event, actor, place = row
    feature = event_feature(event.to_geo(actor, place))
    feature["links"] = documents.feature_links(request, event.id, media_type)
    return GeoJSONResponse(feature, media_type=media_type)
