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
from geo.maps.features import page_collection

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
    "PageHeading",
    "LEAFLET_JS",
    "LEAFLET_CSS",
]

# Leaflet itself, under the names and URLs Folium gives it: the one library every map needs.
LEAFLET_JS: Final = ("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")
LEAFLET_CSS: Final = ("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")

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


class RawHTML(Element):
    """HTML written into the page as it is. A branca Element compiles its text as a Jinja
    template each time one is made: the map script alone took a tenth of a second a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.raw_html = html

    def render(self, **kwargs: Any) -> str:
        return self.raw_html


class _UsesMapScript(JSCSSMixin, MacroElement):
    """An element whose script calls static/itinerant-map.js: writes it (once) into the page head."""

    def render(self, **kwargs: Any) -> None:
        super().render(**kwargs)  # the libraries' links first, in the order Folium adds them
        header = self.get_root().header
        if "itinerant_map_js" not in header._children:
            header.add_child(RawHTML(f"<style>{_static('itinerant-map.css')}</style>"), name="itinerant_map_css")
            header.add_child(RawHTML(f"<script>{_static('itinerant-map.js')}</script>"), name="itinerant_map_js")


class _MapScriptLayer(_UsesMapScript, Layer):
    """A layer built by itinerant-map.js, listed in a LayerControl under `name`."""

    def __init__(self, name: str, *, show: bool = True) -> None:
        # Leaflet's layer control sets the name as innerHTML: an actor's name goes in as text. Its
        # braces become entities too: branca compiles the layer control's script as Jinja.
        shown = str(escape(name)).replace("{", "&#123;").replace("}", "&#125;")
        super().__init__(name=shown, overlay=True, control=True, show=show)


class ItineraryLayer(_MapScriptLayer):
    """One actor's stops and legs, with popups: point stops as numbered markers (unnumbered when
    undated), area stops (a country or a region) as the area shaded with a label, legs as lines
    with arrows, each trip in its colour.

    `collection` is the itinerary as GeoJSON (see geo.maps.features.display_collection);
    `trip_colours` maps trip numbers (as strings) to colours, `colour` serving any other;
    `article_url` is a link template such as "/articles/{id}" for the popups; with `event_url`
    ("/api/events/{id}"), the evidence is left out of the page and a popup fetches its stop's.
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
        event_url: str | None = None,
        show_actor: bool = False,
        show: bool = True,
    ) -> None:
        super().__init__(name, show=show)
        self._name = "ItineraryLayer"
        self.data_json = script_json(page_collection(dict(collection), evidence=event_url is None))
        self.options_json = script_json(
            {
                "colour": colour,
                "tripColours": dict(trip_colours or {}),
                "articleUrl": article_url,
                "eventUrl": event_url,
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


class FitView(_UsesMapScript):
    """Show `bounds` ([[south, west], [north, east]]) at once, inside the space the map's
    controls leave (itinerant.fitView measures them), with no zoom animation.

    Add it after every control. Folium's FitBounds animates from the initial world view; some
    renderers (headless Chromium among them) leave the vector layers half painted after so large
    a scaled transition.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            itinerant.fitView({{ this._parent.get_name() }}, {{ this.bounds_json }}, {{ this.options_json }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: Sequence[Sequence[float]], *, max_zoom: int = 9) -> None:
        super().__init__()
        self._name = "FitView"
        self.bounds_json = script_json([list(corner) for corner in bounds])
        self.options_json = script_json({"maxZoom": max_zoom})


class PageHead(RawHTML):
    """The page's <title> and alternate links (oEmbed discovery), escaped, in the page head.

    Raw HTML, not a branca Element's template: a title is an actor's name from an article, and
    "{{ ... }}" in it must stay text rather than run as Jinja.
    """

    def __init__(self, title: str, alternates: Sequence[tuple[str, str, str]] = ()) -> None:
        parts = [f"<title>{escape(title)}</title>"]
        parts.extend(
            f'<link rel="alternate" type="{escape(kind)}" href="{escape(href)}" title="{escape(label)}">'
            for kind, href, label in alternates
        )
        super().__init__("\n".join(parts))


_VISIBLE_HEADING_STYLE: Final = """<style>
  /* A title line above the map and a source line under it: the map takes the height between. */
  body { display: flex; flex-direction: column; }
  body > .folium-map { flex: 1 1 auto; height: auto !important; min-height: 0; }
  .itinerant-title { margin: 0; padding: 4px 10px; font: 600 15px/1.35 system-ui, sans-serif; color: #0f172a;
    background: #fff; border-bottom: 1px solid #e2e8f0;
    white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .itinerant-title-dates { font-weight: 400; color: #475569; }
  .itinerant-source { margin: 0; padding: 2px 10px; font: 12px/1.4 system-ui, sans-serif; color: #475569;
    background: #fff; border-top: 1px solid #e2e8f0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
</style>"""
_HIDDEN_HEADING_STYLE: Final = """<style>
  /* The page's heading, for screen readers: the map itself is the page's content. */
  .itinerant-title { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0; padding: 0; }
</style>"""


class PageHeading(RawHTML):
    """The page's <h1>: a title line above the map when `visible` (an embed's: the person and,
    `dates`, the span of the stops), otherwise hidden but for screen readers; `source` is
    (text, URL) of a line under the map that links back to the map's own page."""

    def __init__(
        self, heading: str, dates: str | None = None, *, visible: bool, source: tuple[str, str] | None = None
    ) -> None:
        super().__init__("")
        self._name = "PageHeading"
        title = str(escape(heading))
        if dates:
            title += f' <span class="itinerant-title-dates">{escape(dates)}</span>'
        self.heading_html = f'<h1 class="itinerant-title">{title}</h1>'
        self.source_html = None
        if source is not None:
            text, url = source
            # Out of a frame: the service's page opens in the reader's whole window.
            self.source_html = (
                f'<p class="itinerant-source">Source: <a href="{escape(url)}" target="_blank" rel="noopener">'
                f"{escape(text)}</a></p>"
            )
        self.style_html = _VISIBLE_HEADING_STYLE if visible else _HIDDEN_HEADING_STYLE

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        figure.header.add_child(RawHTML(self.style_html), name="itinerant_heading_style")
        # Before the map's own element in the page's body, whatever order the elements render in.
        figure.html.add_child(RawHTML(self.heading_html), name="itinerant_heading", index=0)
        if self.source_html:
            figure.html.add_child(RawHTML(self.source_html), name="itinerant_source")
