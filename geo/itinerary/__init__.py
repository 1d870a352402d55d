"""An actor's events as a journey: stops in travel order and the legs between them.

    build_itinerary(actor, events) -> Itinerary(actor, stops, legs)

Stops merge consecutive events at one place (`same_place`); legs follow the WGS84 geodesic,
with a drawable path cut at the antimeridian (RFC 7946 section 3.1.9).
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
from geo.itinerary.build import MAX_STAY_GAP, build_itinerary, build_stops, event_order_key, span_of
from geo.itinerary.model import Itinerary, Leg, Stop

__all__ = [
    "build_itinerary",
    "build_stops",
    "Itinerary",
    "Stop",
    "Leg",
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
]
