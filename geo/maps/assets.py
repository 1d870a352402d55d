"""Where a map's JavaScript and CSS come from: public CDNs (Folium's links) or our own server.

Folium and its plugins name their files by CDN URL (`default_js`, `default_css`). `VENDORED`
maps each of those URLs to the same version of the same file in an npm package (pinned in the
repository's package.json and package-lock.json), so that a service can serve every file
itself and a page needs no host but its own, apart from map tiles.

`use_local_assets(map, base)` rewrites a map's links to `{base}/{package}/{path}` before it is
rendered; a link with no vendored copy raises, so that a new plugin cannot slip a CDN request
into a page unnoticed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from branca.element import Element

from geo.errors import InvalidInputError

__all__ = ["VendoredFile", "VENDORED", "VENDORED_PACKAGES", "local_path_of", "use_local_assets", "asset_links"]


@dataclass(frozen=True, slots=True)
class VendoredFile:
    """The npm copy of a file a CDN serves: `package` (as npm names it) and `path` inside it."""

    cdn_url: str
    package: str
    path: str

    @property
    def local_path(self) -> str:
        return f"{self.package}/{self.path}"


_JSDELIVR: Final = "https://cdn.jsdelivr.net/npm"
_CDNJS: Final = "https://cdnjs.cloudflare.com/ajax/libs"

VENDORED: Final[tuple[VendoredFile, ...]] = (
    # Folium's defaults (folium.folium._default_js / _default_css).
    VendoredFile(f"{_JSDELIVR}/leaflet@1.9.3/dist/leaflet.js", "leaflet", "dist/leaflet.js"),
    VendoredFile(f"{_JSDELIVR}/leaflet@1.9.3/dist/leaflet.css", "leaflet", "dist/leaflet.css"),
    VendoredFile("https://code.jquery.com/jquery-3.7.1.min.js", "jquery", "dist/jquery.min.js"),
    VendoredFile(f"{_CDNJS}/jquery/3.7.1/jquery.min.js", "jquery", "dist/jquery.min.js"),
    VendoredFile(
        f"{_JSDELIVR}/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js", "bootstrap", "dist/js/bootstrap.bundle.min.js"
    ),
    VendoredFile(f"{_JSDELIVR}/bootstrap@5.2.2/dist/css/bootstrap.min.css", "bootstrap", "dist/css/bootstrap.min.css"),
    # Bootstrap 3's glyphicons, which awesome-markers can use, without the rest of Bootstrap 3.
    VendoredFile(
        "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css",
        "glyphicons-only-bootstrap",
        "css/bootstrap.min.css",
    ),
    VendoredFile(
        f"{_CDNJS}/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js",
        "drmonty-leaflet-awesome-markers",
        "js/leaflet.awesome-markers.js",
    ),
    VendoredFile(
        f"{_CDNJS}/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css",
        "drmonty-leaflet-awesome-markers",
        "css/leaflet.awesome-markers.css",
    ),
    VendoredFile(
        f"{_JSDELIVR}/@fortawesome/fontawesome-free@6.2.0/css/all.min.css",
        "@fortawesome/fontawesome-free",
        "css/all.min.css",
    ),
    # Folium's own rotation classes for awesome-markers; not on npm, so the service ships a copy.
    VendoredFile(
        "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css",
        "itinerant",
        "leaflet.awesome.rotate.min.css",
    ),
    # Plugins the maps use.
    VendoredFile(
        f"{_JSDELIVR}/leaflet-textpath@1.2.3/leaflet.textpath.min.js", "leaflet-textpath", "leaflet.textpath.js"
    ),
    VendoredFile(
        f"{_CDNJS}/leaflet.markercluster/1.1.0/leaflet.markercluster.js",
        "leaflet.markercluster",
        "dist/leaflet.markercluster.js",
    ),
    VendoredFile(
        f"{_CDNJS}/leaflet.markercluster/1.1.0/MarkerCluster.css", "leaflet.markercluster", "dist/MarkerCluster.css"
    ),
    VendoredFile(
        f"{_CDNJS}/leaflet.markercluster/1.1.0/MarkerCluster.Default.css",
        "leaflet.markercluster",
        "dist/MarkerCluster.Default.css",
    ),
    VendoredFile(
        f"{_JSDELIVR}/leaflet.timeline@1.6.0/dist/leaflet.timeline.min.js",
        "leaflet.timeline",
        "dist/leaflet.timeline.js",
    ),
    VendoredFile(f"{_CDNJS}/moment.js/2.18.1/moment.min.js", "moment", "min/moment.min.js"),
)

_BY_URL: Final = {file.cdn_url: file for file in VENDORED}

# npm packages a service serves files from ("itinerant" is the service's own static folder).
VENDORED_PACKAGES: Final = frozenset(file.package for file in VENDORED)


def local_path_of(cdn_url: str) -> str:
    """`package/path` of the vendored copy of a CDN file; InvalidInputError if there is none."""
    try:
        return _BY_URL[cdn_url].local_path
    except KeyError:
        raise InvalidInputError(
            f"no vendored copy of {cdn_url}: add its npm package to package.json and to geo.maps.assets.VENDORED"
        ) from None


def _elements(root: Element) -> Iterator[Element]:
    stack = [root]
    while stack:
        element = stack.pop()
        yield element
        stack.extend(getattr(element, "_children", {}).values())


def use_local_assets(root: Element, base_url: str) -> None:
    """Point every JS/CSS link of the map (or figure) `root` and its children at `base_url`.

    Call before rendering: links are added to the page when the elements render.
    """
    base = base_url.rstrip("/")
    for element in _elements(root):
        for attribute in ("default_js", "default_css"):
            links = getattr(element, attribute, None)
            if links:
                # An instance attribute, so that the class's CDN list stays as Folium wrote it.
                setattr(element, attribute, [(name, f"{base}/{local_path_of(url)}") for name, url in links])


def asset_links(root: Element) -> list[str]:
    """Every JS/CSS URL the map `root` and its children will link to, in tree order."""
    return [
        url
        for element in _elements(root)
        for attribute in ("default_js", "default_css")
        for _name, url in getattr(element, attribute, None) or ()
    ]
