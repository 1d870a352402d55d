"""geo.maps.replay: the moments of an itinerary's replay, and the page's replay call."""

from __future__ import annotations

import json
import re
from datetime import UTC, date

from app_fixtures import SOCHI, VLADIVOSTOK, event
from map_samples import KIM, OFFLINE

from geo.itinerary import build_itinerary
from geo.maps.builders import itinerary_map, render_map
from geo.maps.replay import replay_end, replay_times


def _ms(day: str) -> int:
    from datetime import datetime

    return int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp() * 1000)


def test_replay_times_follow_travel_order_and_fill_unknown_dates():
    assert replay_times(KIM) == [_ms("2019-04-01"), _ms("2023-09-15"), _ms("2023-09-15")]
    undated = build_itinerary("A", [event("A", VLADIVOSTOK), event("A", SOCHI, start=50)])
    assert replay_times(undated) is None
    late_first = build_itinerary(
        "A", [event("A", VLADIVOSTOK, start=0), event("A", SOCHI, when="2020-01-01", start=50)]
    )
    # An undated first stop starts the replay at the first known date.
    assert replay_times(late_first) == [_ms("2020-01-01")] * 2


def test_replay_ends_a_day_after_the_last_moment_and_needs_two():
    times = replay_times(KIM)
    assert replay_end([times]) == _ms("2023-09-16")
    assert replay_end([[_ms("2020-01-01")], None]) is None
    assert replay_end([None]) is None


def test_replay_writes_only_times_and_reuses_the_itinerary_data():
    html = render_map(itinerary_map(KIM, OFFLINE))
    call = re.search(r"itinerant\.replayData\(\[(map_\w+|\w+)\], (.*?), (\d+)\)", html)
    assert call, "no replay"
    layer_name = re.search(r"var (\w+) = itinerant\.itineraryLayer\(", html).group(1)
    assert call.group(1) == layer_name
    assert json.loads(call.group(2)) == [replay_times(KIM)] and int(call.group(3)) == _ms("2023-09-16")
    assert "itinerant.replayInterval" in html and "addTimelines(" in html


def test_no_replay_without_two_moments():
    single = build_itinerary("A", [event("A", VLADIVOSTOK, when=date(2020, 1, 1).isoformat())])
    assert "timelineSliderControl" not in render_map(itinerary_map(single, OFFLINE))
    undated = build_itinerary("A", [event("A", VLADIVOSTOK), event("A", SOCHI, start=50)])
    assert "timelineSliderControl" not in render_map(itinerary_map(undated, OFFLINE))
