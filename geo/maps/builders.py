"""Folium maps of itineraries and events, ready to render as a page.

    itinerary_map(itinerary, MapOptions(...))   one actor: numbered stops, areas, legs, replay
    actors_map([itinerary, ...], options)       several actors, a layer each
    events_map(collection or url, options)      every event, clustered
    render_map(m, options) -> str               the page's HTML, links made local if asked

Nothing here knows about a web framework: the caller says where assets, articles and the
offline basemap live (`MapOptions`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import folium
from folium.template import Template

from geo.errors import InvalidInputError
from geo.itinerary import Itinerary
from geo.maps.assets import use_local_assets
from geo.maps.features import display_collection, stop_bounds
from geo.maps.layers import (
    LEAFLET_CSS,
    LEAFLET_JS,
    Credits,
    EmbedCodeControl,
    EventLayer,
    FitView,
    ItineraryLayer,
    Legend,
    PageHead,
    PageHeading,
)
from geo.maps.replay import add_replay
from geo.maps.tiles import add_basemap

__all__ = [
    "PALETTE",
    "GEONAMES_CREDIT",
    "MapOptions",
    "trip_colours",
    "itinerary_map",
    "actors_map",
    "events_map",
    "render_map",
]

# Distinct, colour-blind-friendly hues (Okabe-Ito, darkened for white labels); planned legs
# use the map script's own orange, kept out of this list.
PALETTE: Final = ("#1d4ed8", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#a16207", "#334155")
GEONAMES_CREDIT: Final = (
    'Places: <a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> (CC BY 4.0)'
)
# Several actors on one map: each keeps its hue, and its trips take lighter shades of it (the
# fraction of white mixed in), so that trips stay apart without two actors sharing a colour.
_TRIP_SHADES: Final = (0.0, 0.4, 0.2, 0.55)
_WORLD: Final = ([20.0, 0.0], 2)
_MAX_FIT_ZOOM: Final = 9  # a trip within one city still shows the city around it
# Folium's page template, with the page's language: screen readers and translators read it.
_PAGE_TEMPLATE: Final = Template(
    "<!DOCTYPE html>\n"
    '<html lang="en">\n'
    "<head>\n"
    "    {{this.header.render(**kwargs)}}\n"
    "</head>\n"
    "<body>\n"
    "    {{this.html.render(**kwargs)}}\n"
    "</body>\n"
    "<script>\n"
    "    {{this.script.render(**kwargs)}}\n"
    "</script>\n"
    "</html>\n"
)
# Folium's map header forbids zooming the page (maximum-scale=1, user-scalable=no); a reader
# on a phone must be able to pinch-zoom the legend and popups, so the page gets this one instead.
_FOLIUM_VIEWPORT: Final = re.compile(r'<meta name="viewport"[^>]*>')
VIEWPORT: Final = '<meta name="viewport" content="width=device-width, initial-scale=1">'


@dataclass(frozen=True)
class MapOptions:
    """How a map is drawn and where its links point.

    asset_base: None links to the CDNs Folium names; a URL prefix serves every file from there.
    article_url: popup link template, "{id}" replaced by the article id.
    event_url: where an event's details are served, "{id}" replaced by the event id (a JSON
        object with its `evidence`): the page leaves the stops' evidence out and a popup fetches
        its stop's; inline if None (a page that stands alone).
    outlines_url: where the offline basemap's GeoJSON is served (tiles="none", and the fallback of
        tiles that cannot load); inline if None, and then a tiled map has no fallback.
    labels_url: where the offline basemap's labels are served (geo.maps.labels); country names
        alone, inline, if None.
    heading: (title, dates) of a visible title line above the map (an embed's: the person and the
        span of the stops); without one the page's title is its heading, for screen readers alone.
    source: (text, URL) of a line under the map linking back to the map's page on the service.
    embed_code: the HTML an "Embed" control offers to copy; no control if None.
    alternates: (type, href, title) links for the page head (oEmbed discovery).
    """

    tiles: str = "OpenStreetMap"
    asset_base: str | None = None
    article_url: str | None = None
    event_url: str | None = None
    outlines_url: str | None = None
    labels_url: str | None = None
    title: str = "itinerant"
    heading: tuple[str, str | None] | None = None
    source: tuple[str, str] | None = None
    embed_code: str | None = None
    alternates: tuple[tuple[str, str, str], ...] = ()
    credits: tuple[str, ...] = field(default=(GEONAMES_CREDIT,))
    replay: bool = True
    legend: bool = True


def _base_map(options: MapOptions) -> folium.Map:
    # max_zoom: clustering needs one even with no tile layer to lend it (the offline basemap).
    m = folium.Map(location=_WORLD[0], zoom_start=_WORLD[1], tiles=None, control_scale=True)
    # Folium's defaults also load Bootstrap, jQuery, Font Awesome and awesome-markers, which
    # no map here uses (markers are Leaflet divIcons, popups DOM nodes): Leaflet alone.
    m.default_js = [LEAFLET_JS]
    m.default_css = [LEAFLET_CSS]
    m.options.update(max_zoom=18, min_zoom=1)
    add_basemap(m, options.tiles, outlines_url=options.outlines_url, labels_url=options.labels_url)
    page = m.get_root()
    page._template = _PAGE_TEMPLATE
    page.header.add_child(PageHead(options.title, options.alternates), name="itinerant_head")
    heading, dates = options.heading or (options.title, None)
    m.add_child(PageHeading(heading, dates, visible=options.heading is not None, source=options.source))
    if options.credits:
        m.add_child(Credits(*options.credits))
    if options.embed_code:
        m.add_child(EmbedCodeControl(options.embed_code))
    return m


def _fit(m: folium.Map, bounds: list[list[float]] | None) -> None:
    """Open the map on `bounds`; a single place gets a city-level view (fitBounds' max zoom)."""
    if bounds is not None:
        m.add_child(FitView(bounds, max_zoom=_MAX_FIT_ZOOM))


def _shade(colour: str, white: float) -> str:
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * white):02x}" for c in rgb)


def trip_colours(itinerary: Itinerary, colour: str, *, alone: bool) -> dict[str, str]:
    """Each trip's colour, by trip number (as a JSON key): the palette in turn for an actor
    `alone` on the map, starting at `colour`; otherwise shades of the actor's `colour`."""
    if alone:
        first = PALETTE.index(colour) if colour in PALETTE else 0
        return {str(trip.number): PALETTE[(first + trip.number - 1) % len(PALETTE)] for trip in itinerary.trips}
    return {
        str(trip.number): _shade(colour, _TRIP_SHADES[(trip.number - 1) % len(_TRIP_SHADES)])
        for trip in itinerary.trips
    }


def _legend_entries(itineraries: Sequence[tuple[Itinerary, str]]) -> list[dict[str, str]]:
    stops = [stop for itinerary, _ in itineraries for stop in itinerary.stops]
    if len(itineraries) == 1:
        ((itinerary, colour),) = itineraries
        entries = [{"kind": "stop", "label": "Stop, in travel order", "colour": colour}]
        if len(itinerary.trips) > 1:
            colours = trip_colours(itinerary, colour, alone=True)
            entries.extend(
                {"kind": "leg", "label": trip.label, "colour": colours[str(trip.number)]} for trip in itinerary.trips
            )
        else:
            entries.append({"kind": "leg", "label": "Leg travelled (arrows: direction)", "colour": colour})
    else:
        entries = [{"kind": "leg", "label": itinerary.actor, "colour": colour} for itinerary, colour in itineraries]
    if any(stop.is_area for stop in stops):
        entries.append({"kind": "area", "label": "Known only as a country or region: no leg", "colour": ""})
    if any(stop.trip is None for stop in stops):
        entries.append({"kind": "undated", "label": "Date unknown: no leg", "colour": ""})
    entries.append({"kind": "planned-stop", "label": "Planned stop", "colour": ""})
    entries.append({"kind": "planned", "label": "Planned leg", "colour": ""})
    return entries


def actors_map(itineraries: Sequence[Itinerary], options: MapOptions = MapOptions()) -> folium.Map:
    """Several itineraries, one layer (and colour) each, with a layer control when more than one."""
    if not itineraries:
        raise InvalidInputError("a map of itineraries needs at least one", field="actors")
    coloured = [(itinerary, PALETTE[index % len(PALETTE)]) for index, itinerary in enumerate(itineraries)]
    m = _base_map(options)
    layers = []
    for itinerary, colour in coloured:
        layer = ItineraryLayer(
            display_collection(itinerary),
            name=itinerary.actor,
            colour=colour,
            trip_colours=trip_colours(itinerary, colour, alone=len(coloured) == 1),
            article_url=options.article_url,
            event_url=options.event_url,
            show_actor=len(coloured) > 1,
        )
        m.add_child(layer)
        layers.append((layer, itinerary))
    if options.replay:
        add_replay(m, layers)
    if options.legend:
        m.add_child(Legend(_legend_entries(coloured)))
    if len(coloured) > 1:
        folium.LayerControl(collapsed=False).add_to(m)
    _fit(m, stop_bounds(list(itineraries)))
    return m


def itinerary_map(itinerary: Itinerary, options: MapOptions = MapOptions()) -> folium.Map:
    """One actor's itinerary: numbered stops, legs with arrows, legend, replay slider."""
    return actors_map([itinerary], options)


def events_map(
    collection: Mapping[str, Any] | None = None, *, url: str | None = None, options: MapOptions = MapOptions()
) -> folium.Map:
    """Events clustered, from an inline FeatureCollection or fetched from `url` (a GeoJSON API)."""
    m = _base_map(options)
    m.add_child(EventLayer(collection=collection, url=url, article_url=options.article_url, fit_bounds=url is not None))
    if collection is not None:
        points = [f["geometry"]["coordinates"] for f in collection.get("features", ()) if f.get("geometry")]
        if points:
            lons, lats = [p[0] for p in points], [p[1] for p in points]
            _fit(m, [[min(lats), min(lons)], [max(lats), max(lons)]])
    return m


def render_map(m: folium.Map, options: MapOptions = MapOptions()) -> str:
    """The map as a complete HTML page; with `options.asset_base`, every link points there."""
    if options.asset_base is not None:
        use_local_assets(m, options.asset_base)
    return _FOLIUM_VIEWPORT.sub(VIEWPORT, m.get_root().render(), count=1)
