"""An itinerary as the GeoJSON a map draws: lighter than the API's, same shapes and meaning.

Stops keep what a popup shows. Legs keep the geodesic paths of geo.itinerary (already cut at
the antimeridian) but drop the points a screen cannot show: each part is simplified with
shapely to `DISPLAY_TOLERANCE_DEG`, which keeps a long great circle visibly curved in a tenth
of the points, and positions are rounded to 5 decimals (about 1 m).

The collection also carries its trips (number and label, for the legend and popups) and, for
each country a stop is known only at country level, that country's outline from the bundled
basemap (`areas`, by ISO code), so that the map shows the country rather than its centre point.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final

import shapely
from countryinfo import all_countries
from shapely.geometry import LineString

from geo.features import leg_record, stop_record
from geo.geojson import line_geometry
from geo.itinerary import Itinerary, Leg, Stop
from geo.maps.basemap import country_outlines
from geo.model import DateInterval, DatePrecision, Precision

__all__ = [
    "DISPLAY_TOLERANCE_DEG",
    "STOP_FIELDS",
    "LEG_FIELDS",
    "display_stop",
    "display_leg",
    "display_collection",
    "stop_bounds",
    "country_outline",
    "display_date",
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
    "action_label",
    "evidence",
    "article_id",
    "trip",
    "place_precision",
    "shown_as",
    "confidence",
    "confidence_cue",
)
_MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def display_date(interval: DateInterval) -> str | None:
    """A date as a reader says it, as precisely as known: "12 Sep 2023", "Apr 2019", "2019"."""
    start = interval.start
    if start is None:
        return None
    if interval.precision is DatePrecision.YEAR:
        return str(start.year)
    if interval.precision is DatePrecision.MONTH:
        return f"{_MONTHS[start.month - 1]} {start.year}"
    return f"{start.day} {_MONTHS[start.month - 1]} {start.year}"


@cache
def _outlines_by_country() -> dict[str, dict[str, Any]]:
    # The outlines are keyed by ISO alpha-3 (countryinfo's GeoJSON ids), places by alpha-2.
    alpha2_of = {codes["alpha3"]: codes["alpha2"] for country in all_countries() if (codes := country.iso())}
    return {
        alpha2_of[iso]: feature["geometry"]
        for feature in country_outlines()["features"]
        if (iso := feature["properties"].get("iso")) in alpha2_of
    }


def country_outline(code: str) -> dict[str, Any] | None:
    """The bundled outline (GeoJSON geometry) of the country with ISO alpha-2 `code`, if there is one."""
    return _outlines_by_country().get(code.upper())


LEG_FIELDS: Final = ("kind", "number", "from", "to", "status", "distance_km", "trip")


def display_stop(stop: Stop, actor: str) -> dict[str, Any]:
    record = stop_record(stop, actor)
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [round(stop.place.lon, _DECIMALS), round(stop.place.lat, _DECIMALS)],
        },
        "properties": {**{key: record[key] for key in STOP_FIELDS}, "when": display_date(stop.date)},
    }


def _simplified(part: tuple[tuple[float, float], ...]) -> list[list[float]]:
    line = shapely.simplify(LineString(part), DISPLAY_TOLERANCE_DEG, preserve_topology=False)
    return [[round(x, _DECIMALS), round(y, _DECIMALS)] for x, y in line.coords]


def display_leg(leg: Leg, actor: str) -> dict[str, Any]:
    record = leg_record(leg, actor)
    geometry = line_geometry([_simplified(part) for part in leg.path])
    return {"type": "Feature", "geometry": geometry, "properties": {key: record[key] for key in LEG_FIELDS}}


def display_collection(itinerary: Itinerary) -> dict[str, Any]:
    """Stops then legs, as a FeatureCollection for ItineraryLayer, with the actor, the trips and
    the outlines of the countries of country-level stops (`areas`) as members."""
    features = [display_stop(stop, itinerary.actor) for stop in itinerary.stops]
    features.extend(display_leg(leg, itinerary.actor) for leg in itinerary.legs)
    countries = sorted(
        {
            stop.place.country
            for stop in itinerary.stops
            if stop.place.precision is Precision.COUNTRY and stop.place.country
        }
    )
    areas = {code: outline for code in countries if (outline := country_outline(code)) is not None}
    trips = [{"number": trip.number, "label": trip.label} for trip in itinerary.trips]
    return {"type": "FeatureCollection", "actor": itinerary.actor, "trips": trips, "areas": areas, "features": features}


def stop_bounds(itineraries: list[Itinerary]) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the stops (Leaflet's order), or None without stops.

    Where there are point stops, area stops are left out: a country's centre point would pull
    the view far from where the actor went, and its outline shows whatever the view leaves.
    """
    stops = [stop for itinerary in itineraries for stop in itinerary.stops]
    points = [stop for stop in stops if not stop.is_area] or stops
    lats = [stop.place.lat for stop in points]
    lons = [stop.place.lon for stop in points]
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]
