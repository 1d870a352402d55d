"""The files map pages load, served by itinerant itself: no request leaves the host but tiles.

`/assets/vendor/{package}/{path}` serves files of the npm packages listed in
geo.maps.assets.VENDORED and of the API documentation's (`DOCS_PACKAGES`: Swagger UI and
ReDoc, for app/routes/docs.py), installed by `npm ci` into ./node_modules from
package-lock.json, plus the few the service ships itself (package "itinerant", from
app/static/vendor). Only those packages, and only files of the kinds a page loads, are served.
`/assets/basemap/countries.geojson` and `/assets/basemap/labels.json` are the offline basemap
(tiles=none, and the fallback of tiles that cannot load): outlines, and country and city names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from fastapi import APIRouter
from fastapi.responses import FileResponse, JSONResponse

from app.deps import ServicesDep
from geo.errors import NotFoundError
from geo.maps import VENDORED_PACKAGES, country_outlines

__all__ = [
    "router",
    "VENDOR_PREFIX",
    "DOCS_PACKAGES",
    "SERVED_PACKAGES",
    "OUTLINES_PATH",
    "LABELS_PATH",
    "NODE_MODULES",
    "STATIC_DIR",
    "OWN_VENDOR_DIR",
    "vendored_file",
]

VENDOR_PREFIX: Final = "/assets/vendor"
OUTLINES_PATH: Final = "/assets/basemap/countries.geojson"
LABELS_PATH: Final = "/assets/basemap/labels.json"
NODE_MODULES: Final = Path(__file__).resolve().parent.parent / "node_modules"
STATIC_DIR: Final = Path(__file__).resolve().parent / "static"  # the site's own CSS and JS, at /static
OWN_VENDOR_DIR: Final = STATIC_DIR / "vendor"
OWN_PACKAGE: Final = "itinerant"
DOCS_PACKAGES: Final = frozenset({"swagger-ui-dist", "redoc"})
SERVED_PACKAGES: Final = VENDORED_PACKAGES | DOCS_PACKAGES

# What pages load: scripts, styles, and the images and fonts that styles point to.
_SERVED_SUFFIXES: Final = frozenset({".js", ".css", ".png", ".gif", ".svg", ".woff", ".woff2", ".ttf", ".eot"})
# Package versions are pinned by the lock but the URLs carry none: a day, not forever.
_CACHE: Final = {"Cache-Control": "public, max-age=86400"}

router = APIRouter(include_in_schema=False)


def _package_root(package: str, node_modules: Path) -> Path:
    return OWN_VENDOR_DIR if package == OWN_PACKAGE else node_modules / package


def vendored_file(path: str, node_modules: Path = NODE_MODULES) -> Path:
    """The file behind `/assets/vendor/{path}`; NotFoundError unless it is one a page may load."""
    # Scoped npm names hold a slash ("@fortawesome/fontawesome-free"): try one and two parts.
    parts = path.split("/")
    # No file name holds a NUL, which the file system would refuse with a ValueError.
    for size in (2, 1) if "\x00" not in path else ():
        package, rest = "/".join(parts[:size]), "/".join(parts[size:])
        if package in SERVED_PACKAGES and rest:
            root = _package_root(package, node_modules).resolve()
            candidate = (root / rest).resolve()
            if candidate.is_relative_to(root) and candidate.suffix.lower() in _SERVED_SUFFIXES and candidate.is_file():
                return candidate
            break
    raise NotFoundError(f"no asset {path!r} (is node_modules installed? run `npm ci`)", field="path")


@router.get(VENDOR_PREFIX + "/{path:path}")
def vendored(path: str, services: ServicesDep) -> FileResponse:
    node_modules = services.settings.assets_dir or NODE_MODULES
    return FileResponse(vendored_file(path, node_modules), headers=_CACHE)


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    # Browsers ask for /favicon.ico on every page without an icon link (Folium's pages have none).
    return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml", headers=_CACHE)


@router.get(OUTLINES_PATH)
def country_outlines_geojson() -> JSONResponse:
    return JSONResponse(country_outlines(), media_type="application/geo+json", headers=_CACHE)


@router.get(LABELS_PATH)
def basemap_labels_json(services: ServicesDep) -> JSONResponse:
    return JSONResponse(services.map_labels, headers=_CACHE)
