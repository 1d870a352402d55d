"""geo.maps.replay: the steps of a replay by stop, and the page's replay call."""

from __future__ import annotations

import json
import re

from app_fixtures import KOMSOMOLSK, SOCHI, VLADIVOSTOK, event
from map_samples import KIM, OFFLINE, PUTIN, TOUR

from geo.itinerary import build_itinerary
from geo.maps.builders import actors_map, itinerary_map, render_map
from geo.maps.replay import replay_steps


def test_steps_are_the_stops_that_happened_in_travel_order_and_end_before_the_plan():
    # Vladivostok, Komsomolsk-on-Amur, then a planned Vladivostok: the replay ends at Komsomolsk.
    assert replay_steps([TOUR]) == [(0, 1), (0, 2)]
    # Two trips years apart are two steps, one after the other; the undated plan is none.
    assert replay_steps([KIM]) == [(0, 1), (0, 2)]


def test_steps_of_several_actors_go_by_date():
    # Kim: Vladivostok April 2019, Komsomolsk 15 September 2023; Putin: Sochi 15 September 2023.
    assert replay_steps([KIM, PUTIN]) == [(0, 1), (0, 2), (1, 1)]
    assert replay_steps([PUTIN, KIM]) == [(1, 1), (0, 1), (1, 2)]


def test_undated_stops_are_no_steps():
    undated = build_itinerary("A", [event("A", VLADIVOSTOK), event("A", SOCHI, start=50)])
    assert replay_steps([undated]) == []


def test_replay_writes_only_the_steps_and_reuses_the_itinerary_data():
    html = render_map(itinerary_map(TOUR, OFFLINE))
    call = re.search(r"itinerant\.replay\(\s*(\w+), \[(\w+)\], (.*?)\s*\);", html, re.S)
    assert call, "no replay"
    layer_name = re.search(r"var (\w+) = itinerant\.itineraryLayer\(", html).group(1)
    assert call.group(2) == layer_name
    assert json.loads(call.group(3)) == [[0, 1], [0, 2]]
    assert "leaflet.timeline" not in html and "moment" not in html  # no time slider any more


def test_several_actors_share_one_replay():
    html = render_map(actors_map([KIM, PUTIN], OFFLINE))
    call = re.search(r"itinerant\.replay\(\s*(\w+), \[(\w+), (\w+)\], (.*?)\s*\);", html, re.S)
    assert json.loads(call.group(4)) == [[0, 1], [0, 2], [1, 1]]


def test_no_replay_without_two_stops_that_happened():
    single = build_itinerary("A", [event("A", VLADIVOSTOK, when="2020-01-01")])
    assert "itinerant.replay(" not in render_map(itinerary_map(single, OFFLINE))
    planned = build_itinerary(
        "A", [event("A", VLADIVOSTOK, when="2020-01-01"), event("A", KOMSOMOLSK, status="planned", when="2020-01-03")]
    )
    assert "itinerant.replay(" not in render_map(itinerary_map(planned, OFFLINE))
