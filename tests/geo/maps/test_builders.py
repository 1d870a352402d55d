"""geo.maps.builders: Folium maps of itineraries, several actors and events, as rendered pages."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from app_fixtures import KOMSOMOLSK, TRIP, TWO_TRIPS, VLADIVOSTOK
from map_samples import KIM, OFFLINE, PUTIN, TOUR

from geo.errors import InvalidInputError
from geo.features import event_feature
from geo.itinerary import build_itinerary
from geo.maps.builders import PALETTE, actors_map, events_map, itinerary_map, render_map, trip_colours
from geo.maps.features import expand_page_collection

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"> `${alert(3)}` C:\\users'


def _call_data(html: str, function: str) -> list:
    """The JSON arguments of every `itinerant.<function>(...)` call in the page."""
    found = []
    for match in re.finditer(rf"itinerant\.{function}\((?:map_\w+, )?(.*?)\);\n", html):
        arguments = json.loads(f"[{match.group(1)}]")
        if function == "itineraryLayer":  # the page's packed itinerary, as the map script unpacks it
            arguments[0] = expand_page_collection(arguments[0])
        found.append(arguments)
    return found


def test_itinerary_map_has_numbered_stops_and_legs_in_travel_order():
    html = render_map(itinerary_map(TOUR, OFFLINE))
    ((collection, options),) = _call_data(html, "itineraryLayer")
    stops = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "stop"]
    legs = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "leg"]
    assert [(s["number"], s["place"], s["status"], s["trip"]) for s in stops] == [
        (1, "Vladivostok", "occurred", 1),
        (2, "Komsomolsk-on-Amur", "occurred", 1),
        (3, "Vladivostok", "planned", 1),
    ]
    assert [(leg["from"], leg["to"], leg["status"]) for leg in legs] == [(1, 2, "occurred"), (2, 3, "planned")]
    assert "action" in stops[0] and "date" in stops[0]
    assert options["colour"] and options["showActor"] is False
    assert "leaflet.textpath" in html  # arrows along the legs


def test_each_trip_has_its_colour():
    html = render_map(itinerary_map(KIM, OFFLINE))
    ((_collection, options),) = _call_data(html, "itineraryLayer")
    assert options["tripColours"] == {"1": PALETTE[0], "2": PALETTE[1]}
    # With several actors, each keeps its hue and its trips take shades of it.
    several = render_map(actors_map([KIM, PUTIN], OFFLINE))
    (_, kim_options), (_, putin_options) = _call_data(several, "itineraryLayer")
    assert kim_options["tripColours"]["1"] == PALETTE[0] != kim_options["tripColours"]["2"]
    assert putin_options["tripColours"] == {"1": PALETTE[1]}
    assert trip_colours(KIM, "#000000", alone=False) == {"1": "#000000", "2": "#666666"}


def test_a_country_level_stop_is_an_area_with_its_outline_and_no_leg():
    itinerary = build_itinerary("Kim Jong Un", [e for e in TWO_TRIPS if e.place.name != "Sochi"])
    html = render_map(itinerary_map(itinerary, OFFLINE))
    ((collection, _options),) = _call_data(html, "itineraryLayer")
    [russia] = [f["properties"] for f in collection["features"] if f["properties"].get("place") == "Russia"]
    assert (russia["shown_as"], russia["place_precision"], russia["when"]) == ("area", "country", "12 Sep 2023")
    assert collection["areas"]["RU"]["type"] == "MultiPolygon"  # Russia's outline, from the bundled basemap
    legs = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "leg"]
    assert russia["number"] not in {n for leg in legs for n in (leg["from"], leg["to"])}
    assert [t["label"] for t in collection["trips"]] == [
        "Apr 2019: Primorye, Russia, 1 stop",
        "Sep 2023: Russia, 4 stops",
    ]
    ((entries,),) = _call_data(html, "legend")
    assert "area" in {e["kind"] for e in entries}
    # The view is fitted to the cities, not to Russia's centre point in Siberia.
    fit = re.search(r"itinerant\.fitView\(\w+, (\[\[.*?\]\]),", html)
    (south, west), (north, east) = json.loads(fit.group(1))
    assert (south, west, north, east) == (VLADIVOSTOK.lat, VLADIVOSTOK.lon, KOMSOMOLSK.lat, KOMSOMOLSK.lon)


def test_stops_years_apart_and_an_undated_plan_get_no_legs():
    html = render_map(itinerary_map(KIM, OFFLINE))
    ((collection, _options),) = _call_data(html, "itineraryLayer")
    stops = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "stop"]
    assert [(s["number"], s["trip"]) for s in stops] == [(1, 1), (2, 2), (3, None)]
    assert stops[0]["evidence"] == TRIP[0].evidence
    assert [f for f in collection["features"] if f["properties"]["kind"] == "leg"] == []


def test_itinerary_map_has_legend_replay_fitted_bounds_and_credits():
    html = render_map(itinerary_map(KIM, OFFLINE))
    ((entries,),) = _call_data(html, "legend")
    # Two trips, a colour each, and an undated stop.
    assert [(e["kind"], e["label"]) for e in entries if e["kind"] in ("leg", "undated")] == [
        ("leg", "Apr 2019: Primorye, Russia, 1 stop"),
        ("leg", "Sep 2023: Khabarovsk, Russia, 1 stop"),
        ("undated", "Date unknown: no leg"),
    ]
    assert {e["kind"] for e in entries} == {"stop", "leg", "undated", "planned-stop", "planned"}
    assert "itinerant.replay(" in html
    fit = re.search(r"itinerant\.fitView\(\w+, (\[\[.*?\]\]),", html)
    (south, west), (north, east) = json.loads(fit.group(1))
    assert (south, north) == (VLADIVOSTOK.lat, KOMSOMOLSK.lat) and (west, east) == (VLADIVOSTOK.lon, KOMSOMOLSK.lon)
    assert "GeoNames" in html and "addAttribution" in html


def test_hostile_article_text_never_becomes_markup():
    hostile = dataclasses.replace(TRIP[0], evidence=HOSTILE, action="visit<b>")
    itinerary = build_itinerary("Kim Jong Un", [hostile])
    html = render_map(itinerary_map(itinerary, dataclasses.replace(OFFLINE, title=f"Kim {HOSTILE}")))
    for raw in ("<script>alert", "<img src=x", "</script><img", "<b>"):
        assert raw not in html
    assert "<title>Kim &lt;script&gt;alert(1)&lt;/script&gt;" in html
    ((collection, _),) = _call_data(html, "itineraryLayer")
    assert collection["features"][0]["properties"]["evidence"] == HOSTILE  # the text itself survives


def test_several_actors_get_a_layer_each_and_a_layer_control():
    html = render_map(actors_map([KIM, PUTIN], OFFLINE))
    layers = _call_data(html, "itineraryLayer")
    assert len(layers) == 2
    assert {options["colour"] for _, options in layers} == {layers[0][1]["colour"], layers[1][1]["colour"]}
    assert layers[0][1]["colour"] != layers[1][1]["colour"] and all(o["showActor"] for _, o in layers)
    assert "L.control.layers" in html and '"Kim Jong Un"' in html and '"Vladimir Putin"' in html


def test_events_map_inlines_small_collections_and_fetches_large_ones():
    collection = {"type": "FeatureCollection", "features": [event_feature(e) for e in TRIP]}
    inline = render_map(events_map(collection, options=OFFLINE))
    ((source, _),) = _call_data(inline, "eventLayer")
    assert len(source["data"]["features"]) == 4 and "markercluster" in inline
    fetched = render_map(events_map(url="/api/events.geojson?limit=5000", options=OFFLINE))
    ((source, options),) = _call_data(fetched, "eventLayer")
    assert source == {"url": "/api/events.geojson?limit=5000"} and options["fitBounds"] is True


def test_embed_control_carries_the_code_as_data():
    code = '<iframe src="https://maps.example/embed/actors/kim-jong-un"></iframe>'
    html = render_map(itinerary_map(KIM, dataclasses.replace(OFFLINE, embed_code=code)))
    ((given,),) = _call_data(html, "embedControl")
    assert given == code and "<iframe" not in html


def test_an_empty_list_of_itineraries_is_refused():
    with pytest.raises(InvalidInputError):
        actors_map([], OFFLINE)
