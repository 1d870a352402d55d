"""The itineraries and map options the tests of geo.maps draw."""

from __future__ import annotations

from app_fixtures import TRIP

from geo.itinerary import build_itinerary
from geo.maps import MapOptions

KIM = build_itinerary("Kim Jong Un", [e for e in TRIP if e.actor == "Kim Jong Un"])
PUTIN = build_itinerary("Vladimir Putin", [e for e in TRIP if e.actor == "Vladimir Putin"])
OFFLINE = MapOptions(tiles="none")
