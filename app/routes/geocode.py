"""Geocoding over HTTP: names to ranked places, points to the nearest place."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query

from app.deps import ServicesDep
from app.geocoding import location_record
from app.geojson_response import GEOJSON, GeoJSONResponse
from app.response_cache import CachedOn, cached_on
from geo.errors import InvalidInputError
from geo.geojson import feature, feature_collection

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["geocoding"])

ATTRIBUTION = "Place data © GeoNames (CC-BY 4.0), https://www.geonames.org/"
_COUNTRY_CODE = re.compile(r"^[A-Za-z]{2}$")


def _country_codes(raw: str | None) -> list[str] | None:
    if not raw:
        return None
    codes = [c.strip() for c in raw.split(",") if c.strip()]
    bad = [c for c in codes if not _COUNTRY_CODE.match(c)]
    if bad:
        raise InvalidInputError(
            f"country takes ISO 3166-1 alpha-2 codes separated by commas (RU,KP), not {', '.join(bad)}",
            field="country",
        )
    return [c.upper() for c in codes]


def _as_geojson(records: list[dict], **members) -> GeoJSONResponse:
    features = [
        feature({"type": "Point", "coordinates": (r["lon"], r["lat"])}, r, id=r["gazetteer_id"] or None)
        for r in records
    ]
    return GeoJSONResponse(feature_collection(features, attribution=ATTRIBUTION, **members))


def _wants_geojson(f: str | None, accept: str | None) -> bool:
    return f == "geojson" or (f is None and GEOJSON in (accept or ""))


@router.get(
    "/geocode",
    summary="Places a name may stand for, best first",
    responses={200: {"content": {GEOJSON: {}}, "description": "JSON, or GeoJSON with f=geojson"}},
)
@cached_on(CachedOn.GEOCODER)
def geocode(
    services: ServicesDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="A place name: 'Sochi', 'Paris, Texas'.")],
    country: Annotated[str | None, Query(description="ISO country codes, comma-separated.")] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    f: Annotated[Literal["json", "geojson"] | None, Query(description="Output format.")] = None,
    accept: Annotated[str | None, Header()] = None,
):
    if not q.strip():
        raise InvalidInputError("q must name a place, not only spaces", field="q")
    found = services.geocoder.geocode(q, exactly_one=False, country_codes=_country_codes(country)) or []
    records = [location_record(location) for location in found[:limit]]
    if _wants_geojson(f, accept):
        return _as_geojson(records, query=q)
    return {"query": q, "items": records, "attribution": ATTRIBUTION}


@router.get(
    "/reverse",
    summary="The nearest populated place to a point, with its region and country",
    responses={200: {"content": {GEOJSON: {}}, "description": "JSON, or GeoJSON with f=geojson"}},
)
@cached_on(CachedOn.GAZETTEER)
def reverse(
    services: ServicesDep,
    lat: Annotated[float, Query(ge=-90, le=90, description="Latitude in degrees, -90..90.")],
    lon: Annotated[float, Query(ge=-180, le=180, description="Longitude in degrees, -180..180.")],
    f: Annotated[Literal["json", "geojson"] | None, Query()] = None,
    accept: Annotated[str | None, Header()] = None,
):
    found = services.geocoder.offline.reverse((lat, lon), exactly_one=True)
    records = [location_record(found)] if found is not None else []
    if _wants_geojson(f, accept):
        return _as_geojson(records, lat=lat, lon=lon)
    return {"lat": lat, "lon": lon, "items": records, "attribution": ATTRIBUTION}
