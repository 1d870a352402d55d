"""Basemaps: any xyzservices tile provider by name, or the offline country outlines and labels.

A tiled map served with the outlines' URL falls back to the offline basemap by itself when its
tiles cannot load (no tile server reachable): the map script removes the tile layer, and its
attribution, and draws the outlines (credited to their source) and labels in its place.
"""

from __future__ import annotations

from typing import Any, Final

import folium
import xyzservices
from folium.template import Template

from geo.errors import InvalidInputError
from geo.maps.basemap import country_outlines
from geo.maps.escaping import script_json
from geo.maps.labels import basemap_labels
from geo.maps.layers import _UsesMapScript

__all__ = ["OFFLINE", "OUTLINES_CREDIT", "OfflineBasemap", "TileFallback", "tile_provider", "add_basemap"]

OFFLINE: Final = "none"  # the tiles setting that asks for the bundled outlines instead of a tile server


def _key(name: str) -> str:
    return "".join(char for char in name.lower() if char.isalnum())


def tile_provider(name: str) -> xyzservices.TileProvider:
    """The xyzservices provider called `name` ("OpenStreetMap", "CartoDB.Positron"...).

    Provider names compare as xyzservices does (case, spaces and dots aside). A provider that
    needs an API key is refused: a page would send the key to every visitor.
    """
    wanted = _key(name)
    family = next((f for f_name, f in xyzservices.providers.items() if _key(f_name) == wanted), None)
    if isinstance(family, xyzservices.TileProvider):
        provider = family
    elif family is not None:
        # A family such as "OpenStreetMap": its first member is the family's usual map (Mapnik).
        provider = next(iter(family.flatten().values()))
    else:
        try:
            provider = xyzservices.providers.query_name(name)
        except ValueError:
            raise InvalidInputError(f"unknown tile provider {name!r}", field="tiles") from None
    if provider.requires_token():
        raise InvalidInputError(f"tile provider {name!r} needs an API key", field="tiles")
    return provider


OUTLINES_CREDIT: Final = (
    'Country outlines: <a href="https://github.com/porimol/countryinfo" target="_blank" rel="noopener">'
    "countryinfo</a> (MIT)"
)


def _basemap_options(outlines_url: str | None, labels_url: str | None, attribution: str) -> dict[str, Any]:
    """What itinerant.offlineBasemap needs: outlines and labels by URL, or inline without one."""
    outlines = {"url": outlines_url} if outlines_url else {"data": country_outlines()}
    # Inline, the labels are the countries' alone: the cities come from a gazetteer, which only a service has.
    labels = {"url": labels_url} if labels_url else {"data": basemap_labels()}
    return {"outlines": outlines, "labels": labels, "attribution": attribution}


class OfflineBasemap(_UsesMapScript):
    """Country outlines and labels drawn as the basemap, inline or fetched (cacheable by the browser)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            itinerant.offlineBasemap({{ this._parent.get_name() }}, {{ this.options_json }});
        {% endmacro %}
        """
    )

    def __init__(
        self, url: str | None = None, *, labels_url: str | None = None, attribution: str = OUTLINES_CREDIT
    ) -> None:
        super().__init__()
        self._name = "OfflineBasemap"
        self.url = url
        self.options_json = script_json(_basemap_options(url, labels_url, attribution))


class TileFallback(_UsesMapScript):
    """Switches the map to the offline basemap when `tiles` cannot load (see itinerant.tileFallback)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            itinerant.tileFallback({{ this._parent.get_name() }}, {{ this.tiles.get_name() }}, {{ this.options_json }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        tiles: folium.TileLayer,
        outlines_url: str,
        *,
        labels_url: str | None = None,
        attribution: str = OUTLINES_CREDIT,
    ) -> None:
        super().__init__()
        self._name = "TileFallback"
        self.tiles = tiles
        self.options_json = script_json(_basemap_options(outlines_url, labels_url, attribution))


def add_basemap(m: folium.Map, tiles: str, *, outlines_url: str | None = None, labels_url: str | None = None) -> None:
    """Give the map its basemap: tiles from the named provider, or the offline outlines and labels.

    With `outlines_url`, tiles that cannot load give way to the offline basemap; without it the
    outlines would have to be written into every tiled page, so there is no fallback.
    """
    if tiles.strip().lower() == OFFLINE:
        m.add_child(OfflineBasemap(outlines_url, labels_url=labels_url))
        return
    provider = tile_provider(tiles)
    layer = folium.TileLayer(
        tiles=provider.build_url(),
        attr=provider.html_attribution,
        name=provider.name,
        max_zoom=provider.get("max_zoom", 19),
        control=False,
    ).add_to(m)
    if outlines_url:
        m.add_child(TileFallback(layer, outlines_url, labels_url=labels_url))
