"""Folium maps of itineraries and events, for pages and embeds.

    m = itinerary_map(itinerary, MapOptions(tiles="none", asset_base="/assets/vendor"))
    html = render_map(m, options)

Every JS/CSS file the maps use has an npm copy (`geo.maps.assets.VENDORED`) so that a service
can serve them itself; text from articles reaches the page as data, shown as text (see
`geo.maps.escaping`).
"""

from geo.maps.assets import VENDORED, VENDORED_PACKAGES, VendoredFile, asset_links, local_path_of, use_local_assets
from geo.maps.basemap import country_outlines
from geo.maps.builders import (
    GEONAMES_CREDIT,
    PALETTE,
    MapOptions,
    actors_map,
    events_map,
    itinerary_map,
    render_map,
    trip_colours,
)
from geo.maps.escaping import html_text, script_json
from geo.maps.features import country_outline, display_collection
from geo.maps.labels import CITY_LABELS_CREDIT, CITY_MIN_POPULATION, basemap_labels, major_cities
from geo.maps.replay import replay_steps
from geo.maps.tiles import OFFLINE, OUTLINES_CREDIT, tile_provider

__all__ = [
    "MapOptions",
    "itinerary_map",
    "actors_map",
    "events_map",
    "render_map",
    "PALETTE",
    "GEONAMES_CREDIT",
    "VENDORED",
    "VENDORED_PACKAGES",
    "VendoredFile",
    "asset_links",
    "local_path_of",
    "use_local_assets",
    "country_outlines",
    "basemap_labels",
    "major_cities",
    "CITY_LABELS_CREDIT",
    "CITY_MIN_POPULATION",
    "OUTLINES_CREDIT",
    "display_collection",
    "replay_steps",
    "trip_colours",
    "country_outline",
    "script_json",
    "html_text",
    "tile_provider",
    "OFFLINE",
]
