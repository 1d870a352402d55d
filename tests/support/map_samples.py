"""The itineraries and map options the tests of geo.maps draw."""

from __future__ import annotations

from app_fixtures import KOMSOMOLSK, TRIP, VLADIVOSTOK, event

from geo.itinerary import build_itinerary
from geo.maps import MapOptions

KIM = build_itinerary("Kim Jong Un", [e for e in TRIP if e.actor == "Kim Jong Un"])
PUTIN = build_itinerary("Vladimir Putin", [e for e in TRIP if e.actor == "Vladimir Putin"])
OFFLINE = MapOptions(tiles="none")
# One trip of three stops in a week, the last one planned: two legs, the second dashed.
TOUR = build_itinerary(
    "Kim Jong Un",
    [
        event("Kim Jong Un", VLADIVOSTOK, when="2023-09-12", start=0),
        event("Kim Jong Un", KOMSOMOLSK, when="2023-09-15", start=100),
        event("Kim Jong Un", VLADIVOSTOK, status="planned", when="2023-09-20", start=200, action="travel"),
    ],
)
