"""An itinerary as the GeoJSON a map draws: lighter than the API's, same shapes and meaning.

Stops keep what a popup shows. Legs keep the geodesic paths of geo.itinerary (already cut at
the antimeridian) but drop the points a screen cannot show: each part is simplified with
shapely to `DISPLAY_TOLERANCE_DEG`, which keeps a long great circle visibly curved in a tenth
of the points, and positions are rounded to 5 decimals (about 1 m).
"""

from __future__ import annotations

from typing import Any, Final

import shapely
from shapely.geometry import LineString

from geo.features import leg_record, stop_record
from geo.geojson import line_geometry
from geo.itinerary import Itinerary, Leg, Stop

__all__ = [
    "DISPLAY_TOLERANCE_DEG",
    "STOP_FIELDS",
    "LEG_FIELDS",
    "display_stop",
    "display_leg",
    "display_collection",
    "stop_bounds",
]

DISPLAY_TOLERANCE_DEG: Final = 0.02  # ~2 km: invisible below zoom 10, where legs are short anyway
_DECIMALS: Final = 5

# The fields of geo.features' stop and leg records a map shows (the API's features carry more); the actor is said
# once per collection and a leg's places are its stops', so a page of 1,000 stops stays small.
STOP_FIELDS: Final = (
    "kind",
    "number",
    "place",
    "country",
    "status",
    "date",
    "action",
    "evidence",
    "article_id",
    "trip",
)
LEG_FIELDS: Final = ("kind", "number", "from", "to", "status", "distance_km", "trip")


def display_stop(stop: Stop, actor: str) -> dict[str, Any]:
    record = stop_record(stop, actor)
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [round(stop.place.lon, _DECIMALS), round(stop.place.lat, _DECIMALS)],
        },
        "properties": {key: record[key] for key in STOP_FIELDS},
    }


def _simplified(part: tuple[tuple[float, float], ...]) -> list[list[float]]:
    line = shapely.simplify(LineString(part), DISPLAY_TOLERANCE_DEG, preserve_topology=False)
    return [[round(x, _DECIMALS), round(y, _DECIMALS)] for x, y in line.coords]


def display_leg(leg: Leg, actor: str) -> dict[str, Any]:
    record = leg_record(leg, actor)
    geometry = line_geometry([_simplified(part) for part in leg.path])
    return {"type": "Feature", "geometry": geometry, "properties": {key: record[key] for key in LEG_FIELDS}}


def display_collection(itinerary: Itinerary) -> dict[str, Any]:
    """Stops then legs, as a FeatureCollection for ItineraryLayer, with the actor as a member."""
    features = [display_stop(stop, itinerary.actor) for stop in itinerary.stops]
    features.extend(display_leg(leg, itinerary.actor) for leg in itinerary.legs)
    return {"type": "FeatureCollection", "actor": itinerary.actor, "features": features}


def stop_bounds(itineraries: list[Itinerary]) -> list[list[float]] | None:
    """[[south, west], [north, east]] of every stop (Leaflet's order), or None without stops."""
    lats = [stop.place.lat for itinerary in itineraries for stop in itinerary.stops]
    lons = [stop.place.lon for itinerary in itineraries for stop in itinerary.stops]
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]
