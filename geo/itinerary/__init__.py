"""An actor's events as a journey: stops in travel order, trips, and the legs between them.

    build_itinerary(actor, events, trip_gap=TRIP_GAP) -> Itinerary(actor, stops, legs, trips)

Stops merge consecutive events at one place (`same_place`); dated stops split into trips at
gaps of more than `trip_gap`; legs join the point stops (cities, sites) of each trip along the
WGS84 geodesic, with a drawable path cut at the antimeridian (RFC 7946 section 3.1.9).
"""

from geo.geodesy import (
    SAME_PLACE_KM,
    PathParts,
    Position,
    geodesic_km,
    great_circle_path,
    same_place,
    split_at_antimeridian,
)
from geo.itinerary.build import (
    MAX_STAY_GAP,
    TRIP_GAP,
    build_itinerary,
    build_stops,
    event_order_key,
    span_of,
    split_trips,
)
from geo.itinerary.model import AREA_PRECISIONS, Itinerary, Leg, Stop, Trip
from geo.itinerary.regions import country_name, region_of

__all__ = [
    "build_itinerary",
    "build_stops",
    "split_trips",
    "Itinerary",
    "Stop",
    "Leg",
    "Trip",
    "AREA_PRECISIONS",
    "country_name",
    "region_of",
    "same_place",
    "geodesic_km",
    "great_circle_path",
    "split_at_antimeridian",
    "event_order_key",
    "span_of",
    "PathParts",
    "Position",
    "SAME_PLACE_KM",
    "MAX_STAY_GAP",
    "TRIP_GAP",
]
