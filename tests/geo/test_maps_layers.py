"""geo.maps.layers: an itinerary layer's name is HTML in Leaflet's layer control, so it is escaped."""

from __future__ import annotations

import dataclasses
import html
import json
import re

from app_fixtures import TRIP

from geo.itinerary import build_itinerary
from geo.maps import MapOptions, actors_map, render_map

HOSTILE_ACTOR = 'Kim "><img src=x onerror=alert(1)>'


def _overlay_names(page: str) -> list[str]:
    """The overlay names of the page's layer control, as the browser's JavaScript reads them."""
    [overlays] = re.findall(r"overlays\s*:\s*\{(.*?)\}", page, flags=re.S)
    return [json.loads(key) for key in re.findall(r'("(?:[^"\\]|\\.)*")\s*:', overlays)]


def test_an_actor_name_reaches_the_layer_control_as_text():
    kim = build_itinerary(
        HOSTILE_ACTOR, [dataclasses.replace(e, actor=HOSTILE_ACTOR) for e in TRIP if e.actor == "Kim Jong Un"]
    )
    putin = build_itinerary("Vladimir Putin", [e for e in TRIP if e.actor == "Vladimir Putin"])
    page = render_map(actors_map([kim, putin], MapOptions(tiles="none")))
    names = _overlay_names(page)
    # Leaflet sets each name as innerHTML: it must be markup that shows the name, and nothing else.
    assert [html.unescape(name) for name in names] == [HOSTILE_ACTOR, "Vladimir Putin"]
    assert not any("<" in name or ">" in name for name in names)
