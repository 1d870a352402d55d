"""Replaying a journey stop by stop: a control that steps through the stops that happened, in
travel order, naming each stop and its date, and drawing the legs travelled so far.

A replay by time would spend its seconds on the years between trips and pass a week-long trip in
an instant; a replay by stop gives every stop the same time. Only stops that occurred and have a
date are steps: an undated stop has no place in the order, and a planned one has not happened
(its leg stays dashed on the map, never drawn as travelled), so the replay ends at the last stop
that happened. With several actors, the steps of all go by date, then by actor, then by order.

The page holds only the steps, as (layer, stop number) pairs: the stops' names, dates and
positions are read in the browser from the itinerary layers' own data (itinerant.replay).
"""

from __future__ import annotations

from collections.abc import Sequence

import folium
from folium.template import Template

from geo.itinerary import Itinerary
from geo.maps.escaping import script_json
from geo.maps.layers import ItineraryLayer, _UsesMapScript
from geo.model import EventStatus

__all__ = ["replay_steps", "Replay", "add_replay"]


def replay_steps(itineraries: Sequence[Itinerary]) -> list[tuple[int, int]]:
    """The replay's steps as (itinerary index, stop number): the dated stops that occurred, in
    travel order; across itineraries, by date (ties: the order given, then travel order)."""
    steps = [
        (stop.date.start, index, stop.number)
        for index, itinerary in enumerate(itineraries)
        for stop in itinerary.stops
        if stop.status is EventStatus.OCCURRED and stop.date.start is not None
    ]
    return [(index, number) for _, index, number in sorted(steps)]


class Replay(_UsesMapScript):
    """The replay control: first, previous, play or pause, next; the current stop's name and date."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = itinerant.replay(
                {{ this._parent.get_name() }}, [{{ this.layer_names }}], {{ this.steps_json }}
            );
        {% endmacro %}
        """
    )

    def __init__(self, layers: Sequence[ItineraryLayer], steps: Sequence[tuple[int, int]]) -> None:
        super().__init__()
        self._name = "Replay"
        self.layers = list(layers)
        self.steps = [list(step) for step in steps]
        self.steps_json = script_json(self.steps)

    def render(self, **kwargs) -> None:
        # Layer names are known once the layers are in the map: read them at render time.
        self.layer_names = ", ".join(layer.get_name() for layer in self.layers)
        super().render(**kwargs)


def add_replay(m: folium.Map, layers: Sequence[tuple[ItineraryLayer, Itinerary]]) -> Replay | None:
    """Put the replay control on the map; None when there is nothing to step through (fewer
    than two stops that happened on a known date)."""
    steps = replay_steps([itinerary for _, itinerary in layers])
    if len(steps) < 2:
        return None
    replay = Replay([layer for layer, _ in layers], steps)
    m.add_child(replay)
    return replay
