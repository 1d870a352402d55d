"""geo.maps: Folium maps of itineraries and events, their escaping, assets, tiles and replay."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import UTC, date

import pytest
import shapely
from app_fixtures import ANADYR, ANCHORAGE, KOMSOMOLSK, SOCHI, TRIP, VLADIVOSTOK, event
from shapely.geometry import shape

from geo.errors import InvalidInputError
from geo.features import event_feature
from geo.itinerary import build_itinerary
from geo.maps import (
    VENDORED,
    MapOptions,
    actors_map,
    asset_links,
    country_outlines,
    display_collection,
    events_map,
    html_text,
    itinerary_map,
    local_path_of,
    render_map,
    replay_end,
    replay_times,
    script_json,
    tile_provider,
)

KIM = build_itinerary("Kim Jong Un", [e for e in TRIP if e.actor == "Kim Jong Un"])
PUTIN = build_itinerary("Vladimir Putin", [e for e in TRIP if e.actor == "Vladimir Putin"])
OFFLINE = MapOptions(tiles="none")
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"> `${alert(3)}` C:\\users'


def _call_data(html: str, function: str) -> list:
    """The JSON arguments of every `itinerant.<function>(...)` call in the page."""
    found = []
    for match in re.finditer(rf"itinerant\.{function}\((?:map_\w+, )?(.*?)\);\n", html):
        found.append(json.loads(f"[{match.group(1)}]"))
    return found


def test_itinerary_map_has_numbered_stops_and_legs_in_travel_order():
    html = render_map(itinerary_map(KIM, OFFLINE))
    ((collection, options),) = _call_data(html, "itineraryLayer")
    stops = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "stop"]
    legs = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "leg"]
    assert [(s["number"], s["place"], s["status"]) for s in stops] == [
        (1, "Vladivostok", "occurred"),
        (2, "Komsomolsk-on-Amur", "occurred"),
        (3, "Vladivostok", "planned"),
    ]
    assert [(leg["from"], leg["to"], leg["status"]) for leg in legs] == [(1, 2, "occurred"), (2, 3, "planned")]
    assert stops[0]["evidence"] == TRIP[0].evidence and "action" in stops[0] and "date" in stops[0]
    assert options["colour"] and options["showActor"] is False
    assert "leaflet.textpath" in html  # arrows along the legs


def test_itinerary_map_has_legend_time_control_fitted_bounds_and_credits():
    html = render_map(itinerary_map(KIM, OFFLINE))
    ((entries,),) = _call_data(html, "legend")
    assert {e["kind"] for e in entries} == {"stop", "leg", "planned-stop", "planned"}
    assert "L.timelineSliderControl" in html and "L.timeline(" in html
    fit = re.search(r"\.fitBounds\((\[\[.*?\]\]),", html)
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


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("</script>", '"\\u003c/script\\u003e"'),
        ("a & 'b'", '"a \\u0026 \\u0027b\\u0027"'),
        ("line\u2028break", '"line\\u2028break"'),
        ("Zürich", '"Zürich"'),
    ],
)
def test_script_json_cannot_close_a_script(value, expected):
    assert script_json(value) == expected
    assert json.loads(script_json(value)) == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<img onerror=x>", "&lt;img onerror=x&gt;"),
        ("`${alert(1)}`", "&#96;&#36;{alert(1)}&#96;"),
        ("C:\\users", "C:&#92;users"),
        ('"quoted"', "&#34;quoted&#34;"),
    ],
)
def test_html_text_is_safe_in_html_and_template_literals(value, expected):
    assert html_text(value) == expected


def test_assets_come_from_cdns_by_default_and_from_the_given_base_when_local():
    cdn_map = itinerary_map(KIM, OFFLINE)
    cdn_html = render_map(cdn_map)
    links = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', cdn_html)
    assert links and all(link.startswith("https://") for link in links)

    local = dataclasses.replace(OFFLINE, asset_base="/assets/vendor")
    local_html = render_map(itinerary_map(KIM, local), local)
    local_links = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', local_html)
    assert len(local_links) == len(links)
    assert all(link.startswith("/assets/vendor/") for link in local_links)
    assert "cdn.jsdelivr" not in local_html and "cdnjs" not in local_html and "code.jquery" not in local_html


def test_every_link_of_every_map_kind_has_a_vendored_copy():
    collection = {"type": "FeatureCollection", "features": [event_feature(e) for e in TRIP]}
    for m in (
        itinerary_map(KIM, OFFLINE),
        actors_map([KIM, PUTIN], OFFLINE),
        events_map(collection, options=OFFLINE),
        itinerary_map(KIM, MapOptions()),
    ):
        m.get_root().render()  # links are gathered from the whole tree, plugins included
        for url in asset_links(m):
            assert local_path_of(url)


def test_a_link_without_a_vendored_copy_is_refused():
    with pytest.raises(InvalidInputError, match="no vendored copy"):
        local_path_of("https://cdn.example.org/evil.js")


def test_vendored_files_are_unique_per_url():
    assert len({f.cdn_url for f in VENDORED}) == len(VENDORED)


def test_tiles_by_provider_name_with_attribution():
    html = render_map(itinerary_map(KIM, MapOptions(tiles="OpenTopoMap")))
    assert "tile.opentopomap.org" in html and "OpenStreetMap" in html
    osm = render_map(itinerary_map(KIM, MapOptions()))
    assert "tile.openstreetmap.org/{z}/{x}/{y}.png" in osm and "openstreetmap.org/copyright" in osm


@pytest.mark.parametrize("name", ["no-such-provider", "Thunderforest.OpenCycleMap"])
def test_unknown_or_keyed_tile_providers_are_refused(name):
    with pytest.raises(InvalidInputError):
        tile_provider(name)


def test_offline_basemap_needs_no_tile_server():
    html = render_map(itinerary_map(KIM, OFFLINE))
    assert "{z}" not in html and "tile." not in html
    assert '"type":"FeatureCollection"' in html  # the outlines, inline
    fetched = MapOptions(tiles="none", outlines_url="/assets/basemap/countries.geojson")
    assert 'fetch("/assets/basemap/countries.geojson")' in render_map(itinerary_map(KIM, fetched))


def test_country_outlines_are_valid_and_small():
    outlines = country_outlines()
    assert len(outlines["features"]) > 150
    names = {f["properties"]["name"] for f in outlines["features"]}
    assert {"France", "Russia", "Brazil", "Japan"} <= names
    assert all(shape(f["geometry"]).is_valid or shapely.make_valid(shape(f["geometry"])) for f in outlines["features"])
    assert len(json.dumps(outlines)) < 400_000


def test_display_legs_keep_the_antimeridian_cut():
    trip = [event("A", ANADYR, when="2024-01-01"), event("A", ANCHORAGE, when="2024-01-05", start=50)]
    (leg,) = [f for f in display_collection(build_itinerary("A", trip))["features"] if f["properties"]["kind"] == "leg"]
    assert leg["geometry"]["type"] == "MultiLineString"
    first, second = leg["geometry"]["coordinates"]
    assert first[-1][0] == 180.0 and second[0][0] == -180.0
    assert first[0] == [ANADYR.lon, ANADYR.lat] and second[-1] == [ANCHORAGE.lon, ANCHORAGE.lat]


def test_display_legs_are_simplified_but_keep_their_ends():
    trip = [event("A", VLADIVOSTOK, when="2024-01-01"), event("A", SOCHI, when="2024-01-05", start=50)]
    itinerary = build_itinerary("A", trip)
    (leg,) = [f for f in display_collection(itinerary)["features"] if f["properties"]["kind"] == "leg"]
    shown = leg["geometry"]["coordinates"]
    assert 2 < len(shown) < len(itinerary.legs[0].path[0])
    assert shown[0] == [VLADIVOSTOK.lon, VLADIVOSTOK.lat] and shown[-1] == [SOCHI.lon, SOCHI.lat]


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


def test_an_event_layer_needs_exactly_one_source():
    from geo.errors import InvalidInputError
    from geo.maps.layers import EventLayer

    with pytest.raises(InvalidInputError):
        EventLayer()
    with pytest.raises(InvalidInputError):
        EventLayer(collection={"type": "FeatureCollection", "features": []}, url="/api/events.geojson")
