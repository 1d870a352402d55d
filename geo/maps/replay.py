"""Replaying a trip in time: a slider (leaflet.timeline) that moves a position marker from stop
to stop and draws the legs travelled so far over the full itinerary.

Times are the stops' start dates (milliseconds since the epoch, as the timeline counts). A stop
with no known date happens when the stop before it does (or the first dated one, at the start),
and a time never goes back, so the replay follows travel order even where dates disagree with
it (a planned stop dated before the last one that occurred).

The page holds only these times: the replay's features are made in the browser from the
itinerary layers' own data (itinerant.replayData), so the geometry is not written twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Final

import folium
from folium.map import Layer
from folium.plugins import TimelineSlider
from folium.plugins.timeline import Timeline
from folium.template import Template

from geo.itinerary import Itinerary
from geo.maps.escaping import script_json
from geo.maps.layers import ItineraryLayer, _UsesMapScript

__all__ = ["replay_times", "replay_end", "ReplayLayer", "add_replay"]

_DAY_MS: Final = 86_400_000


def _ms(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


def replay_times(itinerary: Itinerary) -> list[int] | None:
    """Each stop's time in the replay, in travel order; None when no stop has a date."""
    known = [stop.date.start for stop in itinerary.stops]
    first = next((day for day in known if day is not None), None)
    if first is None:
        return None
    times, current = [], _ms(first)
    for day in known:
        if day is not None:
            current = max(current, _ms(day))
        times.append(current)
    return times


def replay_end(times: Sequence[Sequence[int] | None]) -> int | None:
    """When the replay ends (a day after the last stop, so its end shows the whole trip); None
    when there are fewer than two moments to move between."""
    moments = {t for each in times if each for t in each}
    return max(moments) + _DAY_MS if len(moments) >= 2 else None


class ReplayLayer(_UsesMapScript, Layer):
    """The replay's layer: position and travelled legs of the given itinerary layers in time.

    Each stop's position shows from its time until the next stop's (excluded); each leg from
    its arrival to the end (see itinerant.replayInterval).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.timeline(
                itinerant.replayData([{{ this.layer_names }}], {{ this.times_json }}, {{ this.end_json }}),
                {getInterval: itinerant.replayInterval, pointToLayer: itinerant.replayPoint,
                 style: itinerant.replayStyle}
            );
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )
    default_js = Timeline.default_js  # leaflet.timeline and moment, as Folium links them

    def __init__(self, layers: Sequence[ItineraryLayer], times: Sequence[Sequence[int] | None], end: int) -> None:
        super().__init__(name="Replay", overlay=True, control=True, show=True)
        self._name = "ReplayLayer"
        self.layers = list(layers)
        self.times = [list(t) if t else None for t in times]
        self.times_json = script_json(self.times)
        self.end = end
        self.end_json = script_json(end)

    def render(self, **kwargs) -> None:
        # Layer names are known once the layers are in the map: read them at render time.
        self.layer_names = ", ".join(layer.get_name() for layer in self.layers)
        super().render(**kwargs)


def add_replay(
    m: folium.Map, layers: Sequence[tuple[ItineraryLayer, Itinerary]], *, auto_play: bool = False
) -> TimelineSlider | None:
    """Put the replay layer and its slider (play, pause, step, drag) on the map; None if there
    is nothing to replay (no dates, or a single moment)."""
    times = [replay_times(itinerary) for _, itinerary in layers]
    end = replay_end(times)
    if end is None:
        return None
    replay = ReplayLayer([layer for layer, _ in layers], times, end).add_to(m)
    slider = TimelineSlider(
        auto_play=auto_play,
        date_options="YYYY-MM-DD",
        enable_keyboard_controls=True,
        playback_duration=12_000,
    ).add_timelines(replay)
    slider.add_to(m)
    return slider
