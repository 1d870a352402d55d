"""The URIs and media types OGC API - Features names, in one place."""

from __future__ import annotations

from typing import Final

__all__ = [
    "CORE",
    "GEOJSON_CONFORMANCE",
    "OAS30",
    "CRS84",
    "GREGORIAN",
    "JSON",
    "GEOJSON",
    "HTML",
    "OPENAPI_JSON",
    "REL_CONFORMANCE",
    "REL_DATA",
]

_CONFORMANCE: Final = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/"
CORE: Final = _CONFORMANCE + "core"
GEOJSON_CONFORMANCE: Final = _CONFORMANCE + "geojson"
OAS30: Final = _CONFORMANCE + "oas30"

# Longitude first, WGS 84: the only CRS of Part 1 and of GeoJSON.
CRS84: Final = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
GREGORIAN: Final = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"

JSON: Final = "application/json"
GEOJSON: Final = "application/geo+json"
HTML: Final = "text/html"
# The OpenAPI media type carries the major.minor version of the document it names.
OPENAPI_JSON: Final = "application/vnd.oai.openapi+json;version={version}"

# OGC API - Common registers these link relations; older clients look for the plain "conformance" and "data".
REL_CONFORMANCE: Final = "http://www.opengis.net/def/rel/ogc/1.0/conformance"
REL_DATA: Final = "http://www.opengis.net/def/rel/ogc/1.0/data"
