"""Basemaps: any xyzservices tile provider by name, or the offline country outlines."""

from __future__ import annotations

from typing import Final

import folium
import xyzservices
from folium.map import Layer
from folium.template import Template

from geo.errors import InvalidInputError
from geo.maps.basemap import country_outlines
from geo.maps.escaping import script_json

__all__ = ["OFFLINE", "OfflineBasemap", "tile_provider", "add_basemap"]

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


class OfflineBasemap(Layer):
    """Country outlines drawn as a basemap, inline or fetched from `url` (cacheable by the browser)."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>.leaflet-container.itinerant-offline { background: #dfeaf2; }</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.geoJSON(null, {
                interactive: false,
                style: {color: "#8a9aa8", weight: 0.7, fillColor: "#fbfaf6", fillOpacity: 1},
            });
            {{ this._parent.get_name() }}.getContainer().classList.add("itinerant-offline");
            {% if this.url %}
            fetch({{ this.url_json }}).then(function (response) { return response.json(); })
                .then(function (outlines) { {{ this.get_name() }}.addData(outlines).bringToBack(); });
            {% else %}
            {{ this.get_name() }}.addData({{ this.data_json }});
            {% endif %}
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str | None = None, *, attribution: str = "Country outlines: countryinfo") -> None:
        super().__init__(name="Country outlines", overlay=False, control=False, show=True)
        self._name = "OfflineBasemap"
        self.url = url
        self.url_json = script_json(url)
        self.data_json = "" if url else script_json(country_outlines())
        self.attribution = attribution


def add_basemap(m: folium.Map, tiles: str, *, outlines_url: str | None = None) -> None:
    """Give the map its basemap: tiles from the named provider, or the offline outlines."""
    if tiles.strip().lower() == OFFLINE:
        m.add_child(OfflineBasemap(outlines_url))
        return
    provider = tile_provider(tiles)
    folium.TileLayer(
        tiles=provider.build_url(),
        attr=provider.html_attribution,
        name=provider.name,
        max_zoom=provider.get("max_zoom", 19),
        control=False,
    ).add_to(m)
