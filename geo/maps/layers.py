"""Folium elements of itinerant's maps: itinerary and event layers, legend, embed control, credits.

Each element hands its data to static/itinerant-map.js as JSON made safe for a <script>
(`script_json`); the script builds popups and labels from it with text nodes only. The script
and its stylesheet are written into the page once, after the libraries they need.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any, ClassVar, Final

from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template
from markupsafe import escape

from geo.errors import InvalidInputError
from geo.maps.escaping import script_json

__all__ = [
    "TEXTPATH_JS",
    "MARKERCLUSTER_JS",
    "MARKERCLUSTER_CSS",
    "ItineraryLayer",
    "EventLayer",
    "Legend",
    "EmbedCodeControl",
    "Credits",
    "FitView",
    "PageHead",
]

TEXTPATH_JS: Final = ("textpath", "https://cdn.jsdelivr.net/npm/leaflet-textpath@1.2.3/leaflet.textpath.min.js")
# The same files, under the same names, as folium.plugins.MarkerCluster links to.
MARKERCLUSTER_JS: Final = (
    "markerclusterjs",
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js",
)
MARKERCLUSTER_CSS: Final = (
    ("markerclustercss", "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css"),
    (
        "markerclusterdefaultcss",
        "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css",
    ),
)


@cache
def _static(name: str) -> str:
    return resources.files("geo.maps").joinpath("static", name).read_text(encoding="utf-8")


class _UsesMapScript(JSCSSMixin, MacroElement):
    """An element whose script calls static/itinerant-map.js: writes it (once) into the page head."""

    def render(self, **kwargs: Any) -> None:
        super().render(**kwargs)  # the libraries' links first, in the order Folium adds them
        header = self.get_root().header
        header.add_child(Element(f"<style>{_static('itinerant-map.css')}</style>"), name="itinerant_map_css")
        header.add_child(Element(f"<script>{_static('itinerant-map.js')}</script>"), name="itinerant_map_js")


class _MapScriptLayer(_UsesMapScript, Layer):
    """A layer built by itinerant-map.js, listed in a LayerControl under `name`."""

    def __init__(self, name: str, *, show: bool = True) -> None:
        # Leaflet's layer control sets the name as innerHTML: an actor's name goes in as text.
        super().__init__(name=str(escape(name)), overlay=True, control=True, show=show)


class ItineraryLayer(_MapScriptLayer):
    """One actor's stops and legs, with popups: point stops as numbered markers (unnumbered when
    undated), area stops (a country or a region) as the area shaded with a label, legs as lines
    with arrows, each trip in its colour.

    `collection` is the itinerary as GeoJSON (see geo.maps.features.display_collection);
    `trip_colours` maps trip numbers (as strings) to colours, `colour` serving any other;
    `article_url` is a link template such as "/articles/{id}" for the popups.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = itinerant.itineraryLayer({{ this.data_json }}, {{ this.options_json }});
            {% if this.show %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});{% endif %}
        {% endmacro %}
        """
    )
    default_js: ClassVar[list[tuple[str, str]]] = [TEXTPATH_JS]

    def __init__(
        self,
        collection: Mapping[str, Any],
        *,
        name: str,
        colour: str,
        trip_colours: Mapping[str, str] | None = None,
        article_url: str | None = None,
        show_actor: bool = False,
        show: bool = True,
    ) -> None:
        super().__init__(name, show=show)
        self._name = "ItineraryLayer"
        self.data_json = script_json(collection)
        self.options_json = script_json(
            {
                "colour": colour,
                "tripColours": dict(trip_colours or {}),
                "articleUrl": article_url,
                "showActor": show_actor,
            }
        )


class EventLayer(_MapScriptLayer):
    """Events as clustered markers: inline `collection`, or fetched page by page from `url`."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = itinerant.eventLayer({{ this.source_json }}, {{ this.options_json }});
            {% if this.show %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});{% endif %}
        {% endmacro %}
        """
    )
    default_js: ClassVar[list[tuple[str, str]]] = [MARKERCLUSTER_JS]
    default_css: ClassVar[list[tuple[str, str]]] = list(MARKERCLUSTER_CSS)

    def __init__(
        self,
        *,
        collection: Mapping[str, Any] | None = None,
        url: str | None = None,
        name: str = "Events",
        article_url: str | None = None,
        fit_bounds: bool = False,
    ) -> None:
        if (collection is None) == (url is None):
            raise InvalidInputError("an EventLayer takes either a collection or a url")
        super().__init__(name)
        self._name = "EventLayer"
        self.source_json = script_json({"data": collection} if collection is not None else {"url": url})
        self.options_json = script_json({"articleUrl": article_url, "fitBounds": fit_bounds})


class Legend(_UsesMapScript):
    """A legend control; entries are dicts of kind ("stop", "planned-stop", "leg", "planned",
    "area", "undated"), label and colour."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = itinerant.legend({{ this._parent.get_name() }}, {{ this.entries_json }});
        {% endmacro %}
        """
    )

    def __init__(self, entries: Sequence[Mapping[str, str]]) -> None:
        super().__init__()
        self._name = "Legend"
        self.entries = [dict(entry) for entry in entries]
        self.entries_json = script_json(self.entries)


class EmbedCodeControl(_UsesMapScript):
    """A button that shows the HTML that embeds this map elsewhere, and copies it."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = itinerant.embedControl({{ this._parent.get_name() }}, {{ this.code_json }});
        {% endmacro %}
        """
    )

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "EmbedCodeControl"
        self.code = code
        self.code_json = script_json(code)


class Credits(MacroElement):
    """Lines added to the map's attribution control (trusted HTML, written by the caller)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {% for line in this.lines_json %}
            {{ this._parent.get_name() }}.attributionControl.addAttribution({{ line }});
            {% endfor %}
        {% endmacro %}
        """
    )

    def __init__(self, *lines: str) -> None:
        super().__init__()
        self._name = "Credits"
        self.lines = lines
        self.lines_json = [script_json(line) for line in lines]


class FitView(MacroElement):
    """Show `bounds` ([[south, west], [north, east]]) at once, with no zoom animation.

    Folium's FitBounds animates from the initial world view; some renderers (headless Chromium
    among them) leave the vector layers half painted after so large a scaled transition.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.fitBounds({{ this.bounds_json }}, {{ this.options_json }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: Sequence[Sequence[float]], *, max_zoom: int = 9) -> None:
        super().__init__()
        self._name = "FitView"
        self.bounds_json = script_json([list(corner) for corner in bounds])
        # More room at the bottom, where the time slider lies over the map.
        self.options_json = script_json(
            {"paddingTopLeft": [40, 40], "paddingBottomRight": [40, 100], "maxZoom": max_zoom, "animate": False}
        )


class PageHead(Element):
    """The page's <title> and alternate links (oEmbed discovery), escaped, in the page head."""

    def __init__(self, title: str, alternates: Sequence[tuple[str, str, str]] = ()) -> None:
        parts = [f"<title>{escape(title)}</title>"]
        parts.extend(
            f'<link rel="alternate" type="{escape(kind)}" href="{escape(href)}" title="{escape(label)}">'
            for kind, href, label in alternates
        )
        super().__init__("\n".join(parts))
